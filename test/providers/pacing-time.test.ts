import { describe, expect, it } from 'vitest';
import { RequestPacer } from '../../main/providers/request-pacer';
import { BRASILIA_OFFSET_MINUTES, formatZoneTime, msUntilZoneMidnight, parseZoneTime } from '../../main/providers/zone-time';

describe('RequestPacer', () => {
  it('lets at most `max` requests out per sliding window, in order', async () => {
    const pacer = new RequestPacer(3, 200);
    const started = Date.now();
    const at: number[] = [];
    await Promise.all(Array.from({ length: 7 }, (_, i) => pacer.take().then(() => (at[i] = Date.now() - started))));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    for (let i = 3; i < at.length; i++) expect(at[i] - at[i - 3]).toBeGreaterThanOrEqual(195);
    expect(at[6]).toBeGreaterThanOrEqual(395);
  });

  it('holds every request through a pause and reports the window it keeps', async () => {
    const pacer = new RequestPacer(3, 1000);
    await pacer.take();
    expect(pacer.rateInfo()).toMatchObject({ max: 3, remaining: 2, windowMs: 1000 });
    pacer.pause(150);
    const t = Date.now();
    await pacer.take();
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
  });
});

describe('zone times (Brasília, UTC-3)', () => {
  it('formats and parses wall-clock times without a zone', () => {
    const at = Date.UTC(2026, 1, 10, 17, 30, 5);
    expect(formatZoneTime(at, BRASILIA_OFFSET_MINUTES)).toBe('2026-02-10 14:30:05');
    expect(parseZoneTime('2026-02-10 14:30:05', BRASILIA_OFFSET_MINUTES)).toBe(at);
    expect(parseZoneTime('2026-02-10', BRASILIA_OFFSET_MINUTES)).toBe(Date.UTC(2026, 1, 10, 3));
    expect(parseZoneTime('10/02/2026', BRASILIA_OFFSET_MINUTES)).toBeUndefined();
  });

  it('counts down to the next local midnight', () => {
    expect(msUntilZoneMidnight(BRASILIA_OFFSET_MINUTES, Date.UTC(2026, 1, 10, 2, 0, 0))).toBe(3_600_000);
    expect(msUntilZoneMidnight(BRASILIA_OFFSET_MINUTES, Date.UTC(2026, 1, 10, 3, 0, 0))).toBe(86_400_000);
  });
});
