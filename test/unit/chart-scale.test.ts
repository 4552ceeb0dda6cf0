import { describe, it, expect } from 'vitest';

// Renderer code is outside the Node TypeScript project; load the pure scale module by path.
const scalePath = '../../renderer/src/components/charts/scale';
const { niceTicks } = (await import(/* @vite-ignore */ scalePath)) as { niceTicks(min: number, max: number, count?: number): number[] };

describe('chart axis ticks', () => {
  it('never split whole-number counts into halves', () => {
    expect(niceTicks(0, 2, 5)).toEqual([0, 1, 2]);
    expect(niceTicks(0, 3, 4).every(Number.isInteger)).toBe(true);
  });

  it('keep fine steps for fractional ranges and round steps for large ones', () => {
    expect(niceTicks(0, 1.5, 5)).toEqual([0, 0.5, 1, 1.5]);
    expect(niceTicks(0, 48_120, 4)).toEqual([0, 20_000, 40_000, 60_000]);
  });

  it('always reach the maximum', () => {
    const t = niceTicks(0, 97, 5);
    expect(t[t.length - 1]).toBeGreaterThanOrEqual(97);
  });
});
