/** Local days in a time zone, as YYYY-MM-DD strings (what the daily charts count by). */

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-CA formats a date as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

export const systemTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function isTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

/** The local day of an instant. */
export const localDay = (ms: number, timeZone: string): string => formatter(timeZone).format(ms);

/** The `count` local days ending with the one `now` falls on, oldest first. */
export function lastDays(count: number, now: number, timeZone: string): string[] {
  const [y, m, d] = localDay(now, timeZone).split('-').map(Number);
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) out.push(new Date(Date.UTC(y, m - 1, d - i)).toISOString().slice(0, 10));
  return out;
}

/** How far (ms) the zone is ahead of UTC at `ms`; negative west of Greenwich. */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(ms);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * A safe lower bound for the instants of the first of `days`: the day at UTC midnight minus the
 * widest zone offset, so a SQL range read with it misses no run of that local day.
 */
export const rangeStartBound = (days: readonly string[]): string => new Date(Date.parse(`${days[0]}T00:00:00Z`) - 14 * 3_600_000).toISOString();

export { DAY_MS };
