import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminEmail, adminField, adminRecords, adminStats, buyers, liveRecords, ROLES, setFaults, startHarness, type Harness, type Kind } from './helpers';

const N = 600;

/**
 * Issue 6 proof: 10% of requests answered 5xx, a burst of 429s and every access token expiring
 * in the middle of a push; every person, company and order still lands exactly once, and a
 * second push after the trouble sends nothing.
 */
describe.each<[Kind, boolean]>([
  ['salesforce', true],
  ['hubspot', true],
  ['pipedrive', false],
])('%s: 5xx, 429 bursts and token expiry during a push', (kind, oauth) => {
  let h: Harness;
  const roles = ROLES[kind];
  const n = kind === 'pipedrive' ? 40 : N;
  const rows = buyers(n, { companyEvery: 5, prefix: 'fault' });
  const companies = new Set(rows.map((r) => r.company).filter(Boolean));

  beforeAll(async () => {
    h = await startHarness(kind, {
      oauth,
      emulator: { randomSeed: 7, ...(kind === 'hubspot' ? { rateLimits: { max: 400, intervalMs: 1000 } } : {}) },
      sync: { backoff: { baseMs: 100, maxMs: 1000, jitter: 0.2 }, patienceMs: 20_000 },
    });
    expect((await h.importRows(rows)).created).toBe(n);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('syncs every record exactly once', async () => {
    await setFaults(h.emu, { errorRate: 0.1 });
    let expired = false;
    let burst = false;
    const off = h.app.events.subscribe((name, p) => {
      if (name !== 'syncProgress') return;
      const phase = (p as { phase: string }).phase;
      if (!expired && oauth && phase.startsWith('push person')) {
        expired = true;
        void setFaults(h.emu, { expireTokensNow: true });
      }
      if (!burst && phase.startsWith('push order')) {
        burst = true;
        void setFaults(h.emu, { burst429: 6 });
      }
    });
    const run = await h.sync.push({ connectionId: h.connectionId, trigger: 'test' });
    off();
    await setFaults(h.emu, { errorRate: 0, burst429: 0 });
    expect(burst).toBe(true);
    expect(expired).toBe(oauth);
    expect(run.failed, run.message ?? '').toBe(0);
    expect(run.status).toBe('ok');
    const stats = await adminStats(h.emu);
    expect(Object.entries(stats.byStatus).filter(([s]) => Number(s) >= 500).reduce((a, [, c]) => a + c, 0)).toBeGreaterThan(0);
    expect(stats.byStatus['429'] ?? 0).toBeGreaterThanOrEqual(6);
    if (oauth) expect(stats.byPath[kind === 'salesforce' ? '/services/oauth2/token' : '/oauth/v1/token'] ?? 0).toBeGreaterThanOrEqual(2);

    const people = await liveRecords(h, roles.person);
    expect(people).toHaveLength(n);
    expect(new Set(people.map((p) => adminEmail(kind, p)!.toLowerCase())).size).toBe(n);
    const orgs = await liveRecords(h, roles.company);
    expect(orgs).toHaveLength(companies.size);
    const deals = await liveRecords(h, roles.deal);
    expect(deals).toHaveLength(n);
    expect(new Set(deals.map((d) => String(adminField(kind, d, roles.name)))).size).toBe(n);
    if (kind === 'salesforce') {
      const ocr = await adminRecords(h.emu, 'OpportunityContactRole');
      expect(ocr.filter((r) => r.IsDeleted !== true)).toHaveLength(n);
    }
    if (kind === 'hubspot') {
      for (const d of deals) expect((d.associations as Record<string, unknown[]>).contacts).toHaveLength(1);
    }
  }, 180_000);

  it('a push after the trouble sends nothing', async () => {
    const before = JSON.stringify(await Promise.all([roles.person, roles.company, roles.deal].map((o) => adminRecords(h.emu, o))));
    const run = await h.sync.push({ connectionId: h.connectionId, trigger: 'test' });
    expect(run.created + run.updated + run.failed).toBe(0);
    expect(JSON.stringify(await Promise.all([roles.person, roles.company, roles.deal].map((o) => adminRecords(h.emu, o))))).toBe(before);
  }, 60_000);
});
