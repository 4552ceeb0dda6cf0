import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { ConnectionLimiter, DailyReserveError, RateLimiters, outcomeFromError } from '../../../main/sync/rate-limit';
import { RateLimitError, TransientError, ValidationError } from '../../../main/providers/errors';
import type { Provider, RateInfo } from '../../../main/providers/provider';

/** Starts `n` requests through the limiter as fast as it grants them; each answers after `latencyMs`. */
async function drive(l: ConnectionLimiter, n: number, latencyMs: number, outcome = () => ({})): Promise<number[]> {
  const granted: number[] = [];
  await Promise.all(
    Array.from({ length: n }, async () => {
      const p = await l.acquire();
      granted.push(Date.now());
      await new Promise((r) => setTimeout(r, latencyMs));
      p.release(outcome());
    }),
  );
  return granted;
}

const maxInAnyWindow = (times: number[], windowMs: number): number =>
  Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + windowMs).length));

describe('ConnectionLimiter', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('never starts more than the window allows, and keeps going as slots age out', async () => {
    const l = new ConnectionLimiter({ window: { max: 5, intervalMs: 1000 }, initialConcurrency: 8, maxConcurrency: 8 });
    const run = drive(l, 17, 50);
    await vi.advanceTimersByTimeAsync(10_000);
    const granted = await run;
    expect(granted).toHaveLength(17);
    expect(maxInAnyWindow(granted, 1000)).toBeLessThanOrEqual(5);
    // Slots free one latency after each answer: 17 requests take a little over 3 windows, not 4+.
    expect(granted[16] - granted[0]).toBeLessThan(3 * 1050 + 100);
  });

  it('caps requests in flight, and grows the cap with successes (additive increase)', async () => {
    const l = new ConnectionLimiter({ initialConcurrency: 2, maxConcurrency: 6 });
    const a = await l.acquire();
    const b = await l.acquire();
    let third = false;
    void l.acquire().then((p) => ((third = true), p.release()));
    await vi.advanceTimersByTimeAsync(10);
    expect(third).toBe(false);
    a.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(third).toBe(true);
    b.release();
    const before = l.snapshot().concurrency;
    const run = drive(l, 40, 5);
    await vi.advanceTimersByTimeAsync(1000);
    await run;
    expect(l.snapshot().concurrency).toBeGreaterThan(before);
    expect(l.snapshot().concurrency).toBeLessThanOrEqual(6);
  });

  it('halves concurrency once for a burst of throttles and pauses for Retry-After', async () => {
    const l = new ConnectionLimiter({ initialConcurrency: 8, maxConcurrency: 8 });
    const permits = await Promise.all(Array.from({ length: 8 }, () => l.acquire()));
    for (const p of permits) p.release({ rateLimited: true, retryAfterMs: 3000 });
    expect(l.snapshot().concurrency).toBe(4);
    expect(l.snapshot().rateLimited).toBe(8);
    let at = 0;
    void l.acquire().then((p) => ((at = Date.now()), p.release()));
    await vi.advanceTimersByTimeAsync(2990);
    expect(at).toBe(0);
    await vi.advanceTimersByTimeAsync(20);
    expect(at).toBeGreaterThanOrEqual(1_000_000 + 3000);
    // A later overload cuts again.
    const p = await l.acquire();
    p.release({ overloaded: true });
    expect(l.snapshot().concurrency).toBe(2);
  });

  it('counts usage the headers show beyond its own (another app on the same account)', async () => {
    const l = new ConnectionLimiter({ initialConcurrency: 4 });
    l.observe({ max: 10, remaining: 1, windowMs: 1000, observedAt: Date.now() });
    expect(l.snapshot().windowUsed).toBe(9);
    const times = await (async () => {
      const run = drive(l, 3, 10);
      await vi.advanceTimersByTimeAsync(3000);
      return run;
    })();
    // One slot now; the rest after the others' requests leave the window.
    expect(times[0] - 1_000_000).toBeLessThan(5);
    expect(times[1] - 1_000_000).toBeGreaterThanOrEqual(1000);
  });

  it('refuses to eat into the daily reserve', async () => {
    const l = new ConnectionLimiter({ dailyReserve: 0.1 });
    l.observe({ dailyUsed: 10_000, dailyMax: 15_000, observedAt: Date.now() });
    (await l.acquire()).release();
    l.observe({ dailyUsed: 13_500, dailyMax: 15_000, observedAt: Date.now() });
    await expect(l.acquire()).resolves.toBeDefined();
    l.observe({ dailyUsed: 13_501, dailyMax: 15_000, observedAt: Date.now() });
    await expect(l.acquire()).rejects.toBeInstanceOf(DailyReserveError);
    expect(l.snapshot()).toMatchObject({ dailyUsed: 13_501, dailyMax: 15_000 });
  });

  it('drops a waiter whose caller gave up', async () => {
    const l = new ConnectionLimiter({ initialConcurrency: 1, maxConcurrency: 1 });
    const held = await l.acquire();
    const ac = new AbortController();
    const waiting = l.acquire({ signal: ac.signal });
    ac.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
    expect(l.snapshot().waiting).toBe(0);
    held.release();
    expect(l.snapshot().inFlight).toBe(0);
  });

  it('run() reports thrown provider errors as outcomes', async () => {
    expect(outcomeFromError(new RateLimitError('slow down', { retryAfterMs: 1500 }))).toEqual({ rateLimited: true, retryAfterMs: 1500 });
    expect(outcomeFromError(new TransientError('503'))).toEqual({ overloaded: true });
    expect(outcomeFromError(new ValidationError('bad'))).toEqual({});
    const l = new ConnectionLimiter();
    await expect(l.run(async () => { throw new RateLimitError('slow down', { retryAfterMs: 1500 }); })).rejects.toThrow('slow down');
    expect(l.snapshot()).toMatchObject({ rateLimited: 1, inFlight: 0, pausedUntil: 1_000_000 + 1500 });
  });
});

describe('RateLimiters', () => {
  it('keeps one limiter per connection, fed by that provider’s rate reports', () => {
    const listeners = new Set<(i: RateInfo) => void>();
    const provider = { connectionId: 'hs-1', onRateInfo: (l: (i: RateInfo) => void) => (listeners.add(l), () => listeners.delete(l)) } as unknown as Provider;
    const registry = new RateLimiters({ maxConcurrency: 4 });
    const l = registry.forProvider(provider);
    expect(registry.forProvider(provider)).toBe(l);
    expect(registry.get('hs-1')).toBe(l);
    for (const fn of listeners) fn({ max: 100, remaining: 40, windowMs: 10_000, observedAt: Date.now() });
    expect(l.snapshot()).toMatchObject({ windowMax: 100, windowMs: 10_000, windowUsed: 60 });
    registry.dispose('hs-1');
    expect(listeners.size).toBe(0);
    expect(registry.get('hs-1')).toBeUndefined();
  });
});
