import { describe, expect, it } from 'vitest';
import { FaultsPatchSchema, FaultsSchema, defaultFaults, mulberry32 } from './faults';

describe('fault knobs', () => {
  it('default to no faults', () => {
    expect(defaultFaults()).toEqual({ latencyMs: 0, errorRate: 0, burst429: 0, resetRate: 0, expireTokensNow: false });
  });

  it('validate ranges', () => {
    expect(FaultsSchema.safeParse({ errorRate: 1.5 }).success).toBe(false);
    expect(FaultsSchema.safeParse({ latencyMs: -1 }).success).toBe(false);
    expect(FaultsSchema.safeParse({ burst429: 1.5 }).success).toBe(false);
  });

  it('patch only the knobs given and reject unknown ones', () => {
    expect(FaultsPatchSchema.parse({ latencyMs: 5 })).toEqual({ latencyMs: 5 });
    expect(FaultsPatchSchema.safeParse({ latency: 5 }).success).toBe(false);
  });
});

describe('mulberry32', () => {
  it('is deterministic per seed and stays in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const seqA = Array.from({ length: 100 }, a);
    expect(Array.from({ length: 100 }, b)).toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Array.from({ length: 5 }, mulberry32(8))).not.toEqual(seqA.slice(0, 5));
  });
});
