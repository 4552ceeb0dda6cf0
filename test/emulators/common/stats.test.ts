import { describe, expect, it } from 'vitest';
import { Stats } from './stats';

describe('Stats', () => {
  it('counts requests by status and path, and resets', () => {
    const s = new Stats();
    s.record('/a', 200);
    s.record('/a', 429);
    s.record('/b', 200);
    expect(s.toJSON()).toEqual({ requests: 3, byStatus: { '200': 2, '429': 1 }, byPath: { '/a': 2, '/b': 1 } });
    s.reset();
    expect(s.toJSON()).toEqual({ requests: 0, byStatus: {}, byPath: {} });
  });
});
