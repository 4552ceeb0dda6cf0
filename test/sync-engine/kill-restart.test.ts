import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../main/store/db';
import { startEmulator, type Emulator } from '../emulators/index';
import { adminEmail, TOKENS, type Kind } from './helpers';

const TOTAL = 20_000;
const SERVICE = 'ticket-crm-sync-test-sync-kill';

/** 20,000 buyers straight into the store (the import is tested elsewhere; this is about the push). */
function seedPeople(file: string): void {
  const { db } = openDatabase(file);
  const now = new Date().toISOString();
  const insert = db.prepare('INSERT INTO people (email, first_name, last_name, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < TOTAL; i++) insert.run(`k${i}@example.com`, `Kim${i}`, `Lee${i}`, `+1 555 ${2000000 + i}`, now, now);
  })();
  db.close();
}

/**
 * Issue 6 / issue 14 point 6: a 20,000-record push run by the CLI in a child process is killed
 * with SIGKILL mid-way; the next push finishes the work without waiting out the dead run's
 * leases (5 minutes), and the CRM ends with every buyer exactly once.
 */
describe.each<[Kind, number]>([
  ['salesforce', 5_000],
  ['hubspot', 3_000],
])('%s: kill -9 in the middle of a 20,000-record push, then restart', (kind, killAt) => {
  let emu: Emulator;
  let dir: string;
  const env = () => ({ ...process.env, TICKET_CRM_SYNC_DATA_DIR: dir, TICKET_CRM_SYNC_KEYCHAIN_SERVICE: SERVICE });
  const cli = (args: string[]): ChildProcess => spawn(process.execPath, ['--import', 'tsx', 'main/cli/main.ts', ...args], { env: env() });
  const finish = (child: ChildProcess) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      let stdout = '';
      let stderr = '';
      child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  const people = () => emu.backend.records(kind === 'salesforce' ? 'Contact' : 'contacts') as Array<Record<string, unknown>>;

  beforeAll(async () => {
    emu = await startEmulator(kind, { token: TOKENS[kind], ...(kind === 'hubspot' ? { rateLimits: { max: 1000, intervalMs: 1000 } } : {}) } as Parameters<typeof startEmulator>[1]);
    dir = mkdtempSync(join(tmpdir(), `tcs-sync-kill-${kind}-`));
    const connected = await finish(cli(['connect', kind, '--token', TOKENS[kind], '--login-url', emu.url]));
    expect(connected.stderr).toBe('');
    expect(connected.code).toBe(0);
    seedPeople(join(dir, 'ticket-crm-sync.sqlite'));
  }, 60_000);
  afterAll(async () => {
    await emu?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('loses nothing, duplicates nothing, and the restart does not wait for the dead leases', async () => {
    const first = cli(['push', kind, '--json']);
    const firstDone = finish(first);
    const started = Date.now();
    while (people().length < killAt) {
      if (first.exitCode !== null) throw new Error(`the push ended before it could be killed: ${(await firstDone).stderr}`);
      if (Date.now() - started > 120_000) throw new Error(`no progress: ${people().length} records after 2 minutes`);
      await new Promise((r) => setTimeout(r, 25));
    }
    first.kill('SIGKILL');
    const killed = await firstDone;
    expect(killed.code).toBeNull();
    const atKill = people().length;
    expect(atKill).toBeLessThan(TOTAL);

    const { db } = openDatabase(join(dir, 'ticket-crm-sync.sqlite'));
    try {
      const held = db.prepare("SELECT COUNT(*) AS n FROM sync_queue WHERE state = 'running'").pluck().get() as number;
      const open = db.prepare("SELECT COUNT(*) AS n FROM sync_queue WHERE state IN ('pending', 'running', 'failed')").pluck().get() as number;
      expect(open).toBeGreaterThan(0);
      // The killed process held leases (5 minutes long) on the batches it was sending.
      expect(held).toBeGreaterThan(0);

      const t0 = Date.now();
      const second = await finish(cli(['push', kind, '--json']));
      const restartMs = Date.now() - t0;
      expect(second.code, second.stderr).toBe(0);
      const result = JSON.parse(second.stdout) as { runId: number; status: string; created: number; updated: number; unchanged: number; failed: number };
      expect(result.status).toBe('ok');
      expect(result.failed).toBe(0);
      // Items the killed process held were taken over at once, not after their 5-minute lease.
      expect(restartMs).toBeLessThan(90_000);

      const records = people().filter((r) => r.IsDeleted !== true && r.archived !== true);
      const emails = records.map((r) => adminEmail(kind, r)!.toLowerCase());
      expect(records).toHaveLength(TOTAL);
      expect(new Set(emails).size).toBe(TOTAL);
      const links = db.prepare("SELECT COUNT(*) AS n, COUNT(DISTINCT external_id) AS d FROM external_links WHERE local_kind = 'person'").get();
      expect(links).toEqual({ n: TOTAL, d: TOTAL });
      expect(db.prepare("SELECT COUNT(*) FROM sync_queue WHERE state IN ('pending', 'running', 'failed', 'dead')").pluck().get()).toBe(0);
      // The first run is marked interrupted; the second did only what was left (plus re-sends of in-flight work).
      expect(db.prepare("SELECT status FROM sync_runs ORDER BY id LIMIT 1").pluck().get()).toBe('interrupted');
      expect(result.created).toBe(TOTAL - atKill);
      // Above the bulk threshold (10,000) Salesforce records go through Bulk API 2.0 jobs.
      const paths = ((await (await fetch(`${emu.url}/__admin/stats`)).json()) as { byPath: Record<string, number> }).byPath;
      const bulkJobs = Object.keys(paths).filter((p) => /\/jobs\/ingest$/.test(p)).reduce((n, p) => n + paths[p], 0);
      if (kind === 'salesforce') expect(bulkJobs).toBeGreaterThanOrEqual(4);
      else expect(bulkJobs).toBe(0);
    } finally {
      db.close();
    }
  }, 240_000);
});
