import { describe, it, expect } from 'vitest';
import { compileCron, cronOf, InvalidScheduleError, nextRunTimes, isKnownTimeZone } from '../../main/schedule/cron';
import { explainCron } from '../../main/schedule/explain';

const runs = (expr: string, zone: string, from: string, n: number) => nextRunTimes(expr, zone, new Date(from), n).map((d) => d.toISOString());

describe('schedule presets', () => {
  it('compile to five-field cron expressions', () => {
    expect(cronOf({ kind: 'every15min' })).toBe('*/15 * * * *');
    expect(cronOf({ kind: 'hourly' })).toBe('0 * * * *');
    expect(cronOf({ kind: 'nightly', time: '02:30' })).toBe('30 2 * * *');
    expect(cronOf({ kind: 'weekly', day: 1, time: '09:05' })).toBe('5 9 * * 1');
    expect(cronOf({ kind: 'cron', expression: '  */30   8-18 * * 1-5 ' })).toBe('*/30 8-18 * * 1-5');
  });

  it('read as plain English', () => {
    expect(explainCron(cronOf({ kind: 'every15min' }))).toBe('Every 15 minutes');
    expect(explainCron(cronOf({ kind: 'hourly' }))).toBe('Every hour, on the hour');
    expect(explainCron(cronOf({ kind: 'nightly', time: '02:30' }))).toBe('Every day at 02:30');
    expect(explainCron(cronOf({ kind: 'weekly', day: 1, time: '09:05' }))).toBe('Every Monday at 09:05');
  });
});

describe('cron expressions in words', () => {
  const cases: Array<[string, string]> = [
    ['* * * * *', 'Every minute'],
    ['30 * * * *', 'Every hour, at 30 minutes past'],
    ['5,35 * * * *', 'Every hour, at minutes 5 and 35 past'],
    ['0 9-17 * * 1-5', 'Every hour from 09:00 to 17:00, Monday to Friday'],
    ['*/5 9-17 * * 1-5', 'Every 5 minutes between 09:00 and 17:59, Monday to Friday'],
    ['0 8,12,18 * * *', 'Every day at 08:00, 12:00 and 18:00'],
    ['15 */2 * * *', 'Every 2 hours, at 15 minutes past'],
    ['0 0 1 * *', 'On day 1 of the month at 00:00'],
    ['0 0 1,15 * *', 'On days 1 and 15 of the month at 00:00'],
    ['0 6 * 1,7 *', 'Every day at 06:00, in January and July'],
    ['0 9 * * MON-FRI', 'Monday to Friday at 09:00'],
    ['0 22 * * 6,0', 'On Sunday and Saturday at 22:00'],
    ['0 0 * * 7', 'Every Sunday at 00:00'],
    ['0 23 L * *', 'On the last day of the month at 23:00'],
    ['0 0 1 * 1', 'On day 1 of the month and every Monday at 00:00'],
    ['@daily', 'Every day at 00:00'],
  ];
  for (const [expr, words] of cases) {
    it(`"${expr}" → ${words}`, () => expect(explainCron(expr)).toBe(words));
  }

  it('falls back to a field-by-field reading for syntax it does not phrase', () => {
    expect(explainCron('0 12 * * 5#2')).toBe('Cron schedule: minute 0, hour 12, day of week 5#2');
  });
});

describe('validation', () => {
  it('refuses expressions without five fields, bad values and unknown time zones with a reason', () => {
    expect(() => compileCron('0 2 * *', 'UTC')).toThrow(/five fields/);
    expect(() => compileCron('0 0 2 * * *', 'UTC')).toThrow(/has 6/);
    expect(() => compileCron('61 2 * * *', 'UTC')).toThrow(InvalidScheduleError);
    expect(() => compileCron('0 2 * * *', 'Mars/Olympus')).toThrow(/Unknown time zone "Mars\/Olympus"/);
    expect(isKnownTimeZone('Europe/Berlin')).toBe(true);
  });
});

describe('next runs across daylight saving time', () => {
  it('Europe/Berlin nightly at 02:30: the missing hour runs at 03:00 CEST, the doubled hour runs once', () => {
    // 29 March 2026: 02:00 CET jumps to 03:00 CEST, so 02:30 does not exist.
    expect(runs('30 2 * * *', 'Europe/Berlin', '2026-03-28T12:00:00Z', 3)).toEqual(['2026-03-29T01:00:00.000Z', '2026-03-30T00:30:00.000Z', '2026-03-31T00:30:00.000Z']);
    // 25 October 2026: 03:00 CEST falls back to 02:00 CET, so 02:30 happens twice; it runs once.
    expect(runs('30 2 * * *', 'Europe/Berlin', '2026-10-24T12:00:00Z', 3)).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z', '2026-10-27T01:30:00.000Z']);
  });

  it('Europe/Berlin every 15 minutes keeps 15-minute steps through the spring gap', () => {
    expect(runs('*/15 * * * *', 'Europe/Berlin', '2026-03-29T00:40:00Z', 4)).toEqual([
      '2026-03-29T00:45:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-29T01:15:00.000Z',
      '2026-03-29T01:30:00.000Z',
    ]);
  });

  it('America/New_York hourly runs both 01:00s when clocks fall back, one hour apart', () => {
    expect(runs('0 * * * *', 'America/New_York', '2026-11-01T03:30:00Z', 5)).toEqual([
      '2026-11-01T04:00:00.000Z', // 00:00 EDT
      '2026-11-01T05:00:00.000Z', // 01:00 EDT
      '2026-11-01T06:00:00.000Z', // 01:00 EST
      '2026-11-01T07:00:00.000Z', // 02:00 EST
      '2026-11-01T08:00:00.000Z',
    ]);
  });

  it('America/New_York weekly Monday 09:00 stays at 09:00 local as the offset changes', () => {
    expect(runs('0 9 * * 1', 'America/New_York', '2026-03-01T00:00:00Z', 3)).toEqual(['2026-03-02T14:00:00.000Z', '2026-03-09T13:00:00.000Z', '2026-03-16T13:00:00.000Z']);
    expect(runs('30 2 * * *', 'America/New_York', '2026-03-07T12:00:00Z', 2)).toEqual(['2026-03-08T07:00:00.000Z', '2026-03-09T06:30:00.000Z']);
  });
});
