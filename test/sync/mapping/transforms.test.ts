import { describe, it, expect } from 'vitest';
import { formatDate, parseDate } from '../../../main/sync/mapping/date-pattern';
import { applyPushTransforms, applyPullTransforms } from '../../../main/sync/mapping/transforms';

describe('date patterns', () => {
  const d = new Date('2025-03-07T09:05:02.000Z');
  it('format and parse back the same instant', () => {
    for (const pattern of ['YYYY-MM-DD', 'DD/MM/YYYY', 'M/D/YY H:mm', 'DD.MM.YYYY HH:mm:ss']) {
      const text = formatDate(d, pattern);
      const back = parseDate(text, pattern)!;
      expect(formatDate(back, pattern)).toBe(text);
    }
    expect(formatDate(d, 'M/D/YY H:mm')).toBe('3/7/25 9:05');
    expect(parseDate('11/29/24 22:28', 'M/D/YY H:mm')!.toISOString()).toBe('2024-11-29T22:28:00.000Z');
  });

  it('reject text that does not fit or is no real date', () => {
    expect(parseDate('2025-13-01', 'YYYY-MM-DD')).toBeUndefined();
    expect(parseDate('31/02/2025', 'DD/MM/YYYY')).toBeUndefined();
    expect(parseDate('07-03-2025', 'DD/MM/YYYY')).toBeUndefined();
  });
});

describe('transform pipelines', () => {
  it('run in order on push and are undone in reverse on pull', () => {
    const ts = [{ kind: 'trim' as const }, { kind: 'dateFormat' as const, pattern: 'DD/MM/YYYY' }];
    expect(applyPushTransforms(' 2025-03-07 ', ts)).toBe('07/03/2025');
    expect(applyPullTransforms('07/03/2025', ts)).toBe('2025-03-07T00:00:00.000Z');
    const placeholder = [{ kind: 'trim' as const }, { kind: 'default' as const, value: 'n/a' }];
    expect(applyPushTransforms('   ', placeholder)).toBe('n/a');
    expect(applyPullTransforms('n/a', placeholder)).toBeNull();
    expect(applyPullTransforms('Smith', placeholder)).toBe('Smith');
    expect(applyPushTransforms('MiXeD', [{ kind: 'lower' }])).toBe('mixed');
    expect(applyPushTransforms('MiXeD', [{ kind: 'upper' }])).toBe('MIXED');
    expect(() => applyPushTransforms('soon', ts)).toThrow(/not a date/);
  });
});
