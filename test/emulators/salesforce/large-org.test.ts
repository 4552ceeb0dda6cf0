import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, soql, startSalesforce, type Json, type SfTestEmulator } from './testkit';

/** A 25,000-contact org: incremental pulls on SystemModstamp page fast and miss nothing. */

const TOTAL = 25_000;
const PER_SECOND = 100; // 100 contacts share each stamp, so ties straddle every page boundary
const PAGE_BUDGET_MS = 200;
const WALL_LIMIT_MS = 2000;
const BASE = Date.UTC(2031, 0, 1);
const PULL = 'SELECT Id, LastName, Email, SystemModstamp FROM Contact WHERE SystemModstamp > 2030-12-31T23:59:59Z ORDER BY SystemModstamp, Id';

let emu: SfTestEmulator;
beforeAll(async () => {
  const Contact = Array.from({ length: TOTAL }, (_, i) => ({
    LastName: `Bulk${i}`,
    Email: `bulk${i}@x.test`,
    SystemModstamp: new Date(BASE + Math.floor(i / PER_SECOND) * 1000).toISOString(),
  }));
  emu = await startSalesforce({ seed: { records: { Contact } } });
  // Loads the SOQL parser and warms the filter and sort paths, as a long-running org would be.
  await soql(emu, `${PULL} LIMIT 200`);
}, 60_000);
afterAll(() => emu.close());

/**
 * One request with its cost: the CPU time this process (emulator and client; vitest runs each file
 * in its own process) spent on it. CPU time is what the emulator controls; wall time on a shared,
 * loaded machine also counts other processes, so it only gets a loose bound.
 */
async function timed(path: string): Promise<{ ms: number; wallMs: number; body: Json }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const res = await call(emu, 'GET', path);
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  expect(res.status).toBe(200);
  return { ms: (used.user + used.system) / 1000, wallMs, body: res.body };
}

describe('25,000 records changed since the cursor', () => {
  it('pages a SystemModstamp > X ORDER BY SystemModstamp, Id query by nextRecordsUrl, each page well under 200 ms of CPU', async () => {
    const pages = [await timed(`/query?q=${encodeURIComponent(PULL)}`)];
    while (!pages[pages.length - 1].body.done) pages.push(await timed(pages[pages.length - 1].body.nextRecordsUrl));
    expect(pages.length).toBe(13);
    expect(pages[0].body.totalSize).toBe(TOTAL);
    const rows = pages.flatMap((p) => p.body.records as Json[]);
    expect(new Set(rows.map((r) => r.Id)).size).toBe(TOTAL);
    const keys = rows.map((r) => `${r.SystemModstamp}|${r.Id}`);
    expect(keys).toEqual([...keys].sort());
    for (const p of pages) {
      expect(p.ms).toBeLessThan(PAGE_BUDGET_MS);
      expect(p.wallMs).toBeLessThan(WALL_LIMIT_MS);
    }
  });

  it('answers a keyset pull (>= last stamp, LIMIT 2000, ids already seen dropped) fast at every step', async () => {
    const seen = new Set<string>();
    let cursor = '2030-12-31T23:59:59Z';
    for (let step = 0; step < 20 && seen.size < TOTAL; step++) {
      const q = `SELECT Id, SystemModstamp FROM Contact WHERE SystemModstamp >= ${cursor} ORDER BY SystemModstamp, Id LIMIT 2000`;
      const { ms, wallMs, body } = await timed(`/query?q=${encodeURIComponent(q)}`);
      expect(ms).toBeLessThan(PAGE_BUDGET_MS);
      expect(wallMs).toBeLessThan(WALL_LIMIT_MS);
      const fresh = (body.records as Json[]).filter((r) => !seen.has(r.Id));
      expect(fresh.length).toBeGreaterThan(0);
      for (const r of fresh) seen.add(r.Id);
      cursor = (body.records[body.records.length - 1].SystemModstamp as string).replace('.000+0000', 'Z');
    }
    expect(seen.size).toBe(TOTAL);
  });
});
