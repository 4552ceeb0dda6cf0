import { describe, it, expect, afterEach } from 'vitest';
import { ConnectionLimiter } from '../../../main/sync/rate-limit';
import type { Provider, WriteInput } from '../../../main/providers/provider';
import { startProvider, type Harness } from '../provider-harness';

// A small window so the test is quick: 10 requests per 500 ms (HubSpot's is 100 per 10 s).
const LIMIT = { max: 10, intervalMs: 500 };
const CALLS = 50;

const batches = (n: number): WriteInput[][] =>
  Array.from({ length: n }, (_, b) =>
    Array.from({ length: 5 }, (_, i) => ({ fields: { email: `buyer${b * 5 + i}@example.com`, firstname: `Buyer ${b * 5 + i}` } })),
  );

/** Pushes every batch with `workers` callers in parallel, each call through `gate`. */
async function push(provider: Provider, gate: <T>(fn: () => Promise<T>) => Promise<T>, workers: number): Promise<{ ms: number; failed: number }> {
  const queue = batches(CALLS);
  let failed = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let batch = queue.shift(); batch; batch = queue.shift()) {
        const b = batch;
        await gate(() => provider.write('contacts', 'upsert', b, { matchField: 'email' })).catch(() => failed++);
      }
    }),
  );
  return { ms: Date.now() - started, failed };
}

const throttledShare = (h: Harness) => (h.emu.stats.byStatus['429'] ?? 0) / h.emu.stats.requests;

describe('rate limiter against the HubSpot emulator at its limit', () => {
  let h: Harness | undefined;
  afterEach(async () => h?.close());

  it('without pacing, a parallel push bounces off the limit', async () => {
    h = await startProvider('hubspot', { rateLimits: LIMIT });
    await push(h.provider, (fn) => fn(), 8);
    expect(throttledShare(h)).toBeGreaterThan(0.1);
  });

  it('paced by the headers, a push draws 429 on at most 1% of requests and runs near the ceiling', async () => {
    h = await startProvider('hubspot', { rateLimits: LIMIT });
    const limiter = new ConnectionLimiter({ maxConcurrency: 8 });
    const off = h.provider.onRateInfo((info) => limiter.observe(info));
    const { ms, failed } = await push(h.provider, (fn) => limiter.run(fn), 8);
    off();
    expect(failed).toBe(0);
    expect(h.emu.backend.records('contacts')).toHaveLength(CALLS * 5);
    // The client reads the contact properties once on its own; those requests count against the window too.
    expect(h.emu.stats.requests).toBeGreaterThanOrEqual(CALLS);
    expect(throttledShare(h)).toBeLessThanOrEqual(0.01);
    // At the limit, N requests need ceil(N / max) windows: bursts at 0, interval, 2 × interval, ...
    const n = h.emu.stats.requests;
    const ideal = (Math.ceil(n / LIMIT.max) - 1) * LIMIT.intervalMs;
    console.log(`paced push: ${n} requests in ${ms} ms (ideal ${ideal} ms)`);
    expect(ideal / ms).toBeGreaterThan(0.9);
    expect(limiter.snapshot()).toMatchObject({ windowMax: LIMIT.max, windowMs: LIMIT.intervalMs, rateLimited: 0 });
  });
});
