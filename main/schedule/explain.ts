import { weekdayName } from './cron';

/**
 * Five-field cron expressions in plain English ("Every 15 minutes", "Monday to Friday at
 * 09:00"). croner parses and runs expressions but does not describe them. Patterns beyond
 * lists, ranges and steps (L, W, #) fall back to a field-by-field reading.
 */

interface Item {
  from: number;
  to: number;
  step: number;
}
type Field = { any: true; step: number } | { any: false; items: Item[] };

const NICKNAMES: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_ABBR = MONTHS.map((m) => m.slice(0, 3).toUpperCase());
const DAY_ABBR = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const pad = (n: number): string => String(n).padStart(2, '0');
const hhmm = (h: number, m: number): string => `${pad(h)}:${pad(m)}`;

/** "a", "a and b", "a, b and c". */
export function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function parseNumber(text: string, names: string[]): number | undefined {
  const byName = names.indexOf(text.toUpperCase());
  if (byName >= 0) return byName + (names === MONTH_ABBR ? 1 : 0);
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/** One field as lists of ranges with steps; undefined for syntax this module does not describe. */
function parseField(text: string, min: number, max: number, names: string[] = []): Field | undefined {
  if (text === '*' || text === '?') return { any: true, step: 1 };
  const star = /^\*\/(\d+)$/.exec(text);
  if (star) return { any: true, step: Number(star[1]) };
  const items: Item[] = [];
  for (const part of text.split(',')) {
    const m = /^([A-Za-z0-9]+)(?:-([A-Za-z0-9]+))?(?:\/(\d+))?$/.exec(part);
    if (!m) return undefined;
    const from = parseNumber(m[1], names);
    const to = m[2] === undefined ? (m[3] ? max : from) : parseNumber(m[2], names);
    if (from === undefined || to === undefined || from < min || to > max || from > to) return undefined;
    items.push({ from, to, step: m[3] ? Number(m[3]) : 1 });
  }
  return { any: false, items };
}

/** Every value a field matches (for small fields: hours, minutes in lists). */
function valuesOf(field: Field, min: number, max: number): number[] {
  const items = field.any ? [{ from: min, to: max, step: field.step }] : field.items;
  const out = new Set<number>();
  for (const it of items) for (let v = it.from; v <= it.to; v += it.step) out.add(v);
  return [...out].sort((a, b) => a - b);
}

const isSingles = (f: Field): f is { any: false; items: Item[] } => !f.any && f.items.every((i) => i.from === i.to);

function weekdaysPhrase(f: Field): string {
  if (f.any) return f.step === 1 ? '' : `every ${ordinal(f.step)} day of the week`;
  const norm = (d: number) => (d === 7 ? 0 : d);
  if (f.items.length === 1 && f.items[0].step === 1 && f.items[0].from !== f.items[0].to) {
    const { from, to } = f.items[0];
    return `${weekdayName(norm(from))} to ${weekdayName(norm(to))}`;
  }
  const days = [...new Set(valuesOf(f, 0, 7).map(norm))].sort((a, b) => a - b);
  return days.length === 1 ? `every ${weekdayName(days[0])}` : `on ${joinWords(days.map(weekdayName))}`;
}

function monthDaysPhrase(f: Field): string {
  if (f.any) return f.step === 1 ? '' : `every ${ordinal(f.step)} day of the month`;
  if (f.items.length === 1 && f.items[0].step === 1 && f.items[0].from !== f.items[0].to) {
    return `on days ${f.items[0].from} to ${f.items[0].to} of the month`;
  }
  const days = valuesOf(f, 1, 31);
  return `on day${days.length > 1 ? 's' : ''} ${joinWords(days.map(String))} of the month`;
}

function monthsPhrase(f: Field): string {
  if (f.any) return f.step === 1 ? '' : `every ${ordinal(f.step)} month`;
  if (f.items.length === 1 && f.items[0].step === 1 && f.items[0].from !== f.items[0].to) {
    return `from ${MONTHS[f.items[0].from - 1]} to ${MONTHS[f.items[0].to - 1]}`;
  }
  return `in ${joinWords(valuesOf(f, 1, 12).map((m) => MONTHS[m - 1]))}`;
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** How often within a day, for patterns that repeat (not a list of clock times). */
function repeatPhrase(minute: Field, hour: Field): string {
  const minutes = minute.any
    ? minute.step === 1
      ? 'every minute'
      : `every ${minute.step} minutes`
    : isSingles(minute) && minute.items.length === 1
      ? minute.items[0].from === 0
        ? 'on the hour'
        : `at ${minute.items[0].from} minutes past`
      : `at minutes ${joinWords(valuesOf(minute, 0, 59).map(String))} past`;
  const single = !minute.any && isSingles(minute);
  if (hour.any && hour.step === 1) return single ? `every hour, ${minutes}` : minutes;
  if (hour.any) return single ? `every ${hour.step} hours, ${minutes}` : `${minutes}, every ${hour.step} hours`;
  if (hour.items.length === 1 && hour.items[0].step === 1) {
    const { from, to } = hour.items[0];
    return single ? `every hour from ${hhmm(from, valuesOf(minute, 0, 59)[0])} to ${hhmm(to, valuesOf(minute, 0, 59)[0])}` : `${minutes} between ${hhmm(from, 0)} and ${hhmm(to, 59)}`;
  }
  const hours = valuesOf(hour, 0, 23);
  return `${minutes} during the ${joinWords(hours.map((h) => hhmm(h, 0)))} hour${hours.length > 1 ? 's' : ''}`;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The schedule in words; a five-field expression croner accepts (or a nickname such as @daily). */
export function explainCron(expression: string): string {
  const expr = NICKNAMES[expression.trim().toLowerCase()] ?? expression.trim();
  const raw = expr.split(/\s+/);
  if (raw.length !== 5) return `Cron schedule "${expression}"`;
  const minute = parseField(raw[0], 0, 59);
  const hour = parseField(raw[1], 0, 23);
  const lastDay = raw[2].toUpperCase() === 'L';
  const dom = lastDay ? { any: true as const, step: 1 } : parseField(raw[2], 1, 31);
  const month = parseField(raw[3], 1, 12, MONTH_ABBR);
  const dow = parseField(raw[4], 0, 7, DAY_ABBR);
  if (!minute || !hour || !dom || !month || !dow) return fieldByField(raw);

  const days = [lastDay ? 'on the last day of the month' : monthDaysPhrase(dom), weekdaysPhrase(dow)].filter(Boolean);
  // croner matches day-of-month OR day-of-week when both are restricted (classic cron).
  const dayPhrase = days.join(' and ');
  const monthPhrase = monthsPhrase(month);
  const times = isSingles(minute) && isSingles(hour) ? valuesOf(hour, 0, 23).flatMap((h) => valuesOf(minute, 0, 59).map((m) => hhmm(h, m))) : [];

  if (times.length > 0 && times.length <= 8) {
    const lead = dayPhrase ? capitalise(dayPhrase) : 'Every day';
    return [`${lead} at ${joinWords(times)}`, monthPhrase].filter(Boolean).join(', ');
  }
  return capitalise([repeatPhrase(minute, hour), dayPhrase, monthPhrase].filter(Boolean).join(', '));
}

function fieldByField(raw: string[]): string {
  const names = ['minute', 'hour', 'day of month', 'month', 'day of week'];
  const parts = raw.map((v, i) => (v === '*' ? null : `${names[i]} ${v}`)).filter(Boolean);
  return `Cron schedule: ${parts.join(', ') || 'every minute'}`;
}
