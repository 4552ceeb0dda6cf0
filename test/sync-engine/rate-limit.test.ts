import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminStats, buyers, liveRecords, startHarness, type Harness } from './helpers';

/**
 * Issue 14 point 7: a normal HubSpot push at the vendor's limit (100 requests per 10 s; here the
 * same ratio in a window scaled down to 1 s so the test runs fast) draws a 429 on at most 1% of
 * its requests, because the limiter paces by the rate headers instead of bouncing off the limit.
 */
describe('HubSpot: a normal push at the vendor limit', () => {
  let h: Harness;
  const n = 1500;

  beforeAll(async () => {
    h = await startHarness('hubspot', { emulator: { rateLimits: { max: 10, intervalMs: 1000 } } });
    expect((await h.importRows(buyers(n, { companyEvery: 0, prefix: 'paced' }))).created).toBe(n);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('keeps 429 answers at or under 1% of requests and still uses most of the window', async () => {
    const before = await adminStats(h.emu);
    const t0 = Date.now();
    const run = await h.sync.push({ connectionId: h.connectionId, trigger: 'test' });
    const seconds = (Date.now() - t0) / 1000;
    expect(run.status, run.message ?? '').toBe('ok');
    expect(await liveRecords(h, 'contacts')).toHaveLength(n);
    expect(await liveRecords(h, 'deals')).toHaveLength(n);
    const after = await adminStats(h.emu);
    const requests = after.requests - before.requests;
    const limited = (after.byStatus['429'] ?? 0) - (before.byStatus['429'] ?? 0);
    expect(requests).toBeGreaterThan(40);
    expect(limited / requests).toBeLessThanOrEqual(0.01);
    // Paced, not idle: the push used most of what the window allows (10 requests a second).
    expect(requests / seconds / 10).toBeGreaterThan(0.6);
  }, 120_000);
});
