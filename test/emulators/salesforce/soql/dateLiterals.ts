import { DAY_MS, startOfUtcDay } from '../dates';

/** The [start, end) instant range a SOQL date literal stands for, computed in UTC. */
export type Range = { start: number; end: number };

const addMonths = (ms: number, months: number): number => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
};
const monthStart = (ms: number) => addMonths(ms, 0);
const quarterStart = (ms: number) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3, 1);
};
const yearStart = (ms: number) => Date.UTC(new Date(ms).getUTCFullYear(), 0, 1);
// Weeks start on Sunday, as in the default (en_US) locale.
const weekStart = (ms: number) => startOfUtcDay(ms) - new Date(ms).getUTCDay() * DAY_MS;

type Unit = { start: (now: number) => number; add: (ms: number, n: number) => number };
const UNITS: Record<string, Unit> = {
  DAY: { start: startOfUtcDay, add: (ms, n) => ms + n * DAY_MS },
  WEEK: { start: weekStart, add: (ms, n) => ms + n * 7 * DAY_MS },
  MONTH: { start: monthStart, add: addMonths },
  QUARTER: { start: quarterStart, add: (ms, n) => addMonths(ms, 3 * n) },
  YEAR: { start: yearStart, add: (ms, n) => addMonths(ms, 12 * n) },
};

/** `offset` units from the current one, `count` units long. */
function span(unit: Unit, now: number, offset: number, count: number): Range {
  const base = unit.start(now);
  const start = unit.add(base, offset);
  return { start, end: unit.add(start, count) };
}

const FIXED: Record<string, [string, number]> = {
  YESTERDAY: ['DAY', -1], TODAY: ['DAY', 0], TOMORROW: ['DAY', 1],
  LAST_WEEK: ['WEEK', -1], THIS_WEEK: ['WEEK', 0], NEXT_WEEK: ['WEEK', 1],
  LAST_MONTH: ['MONTH', -1], THIS_MONTH: ['MONTH', 0], NEXT_MONTH: ['MONTH', 1],
  LAST_QUARTER: ['QUARTER', -1], THIS_QUARTER: ['QUARTER', 0], NEXT_QUARTER: ['QUARTER', 1],
  LAST_YEAR: ['YEAR', -1], THIS_YEAR: ['YEAR', 0], NEXT_YEAR: ['YEAR', 1],
  LAST_FISCAL_QUARTER: ['QUARTER', -1], THIS_FISCAL_QUARTER: ['QUARTER', 0], NEXT_FISCAL_QUARTER: ['QUARTER', 1],
  LAST_FISCAL_YEAR: ['YEAR', -1], THIS_FISCAL_YEAR: ['YEAR', 0], NEXT_FISCAL_YEAR: ['YEAR', 1],
};

/** A date literal such as `TODAY`, `LAST_90_DAYS` or `LAST_N_DAYS:30`; undefined when unknown. */
export function dateLiteralRange(literal: string, now: number): Range | undefined {
  const upper = literal.toUpperCase();
  const fixed = FIXED[upper];
  if (fixed) return span(UNITS[fixed[0]], now, fixed[1], 1);
  if (upper === 'LAST_90_DAYS') return dateLiteralRange('LAST_N_DAYS:90', now);
  if (upper === 'NEXT_90_DAYS') return dateLiteralRange('NEXT_N_DAYS:90', now);
  const m = /^(LAST|NEXT|)_?N_(FISCAL_)?(DAYS|WEEKS|MONTHS|QUARTERS|YEARS)(_AGO)?:(\d+)$/.exec(upper);
  if (!m) return undefined;
  const [, direction, , unitName, ago, nText] = m;
  const unit = UNITS[unitName.slice(0, -1)];
  const n = Number(nText);
  if (ago) return span(unit, now, -n, 1);
  if (direction === 'NEXT') return span(unit, now, 1, n);
  // LAST_N_DAYS includes today; the other LAST_N_* end where the current unit starts.
  if (unitName === 'DAYS') return { start: startOfUtcDay(now) - n * DAY_MS, end: startOfUtcDay(now) + DAY_MS };
  return span(unit, now, -n, n);
}
