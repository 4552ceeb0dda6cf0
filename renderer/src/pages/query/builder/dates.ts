import { DATE_LITERALS, DATE_N_LITERALS } from '../../../../../shared/soql-date-literals';

/** "LAST_N_DAYS" → "Last n days", "THIS_FISCAL_QUARTER" → "This fiscal quarter". */
export function literalLabel(literal: string): string {
  const text = literal.toLowerCase().split('_').join(' ');
  return text[0].toUpperCase() + text.slice(1);
}

const UNITS: Array<[string, RegExp]> = [
  ['Days', /DAY|TODAY|YESTERDAY|TOMORROW/],
  ['Weeks', /WEEK/],
  ['Months', /MONTH/],
  ['Quarters', /QUARTER/],
  ['Years', /YEAR/],
];

/** Fiscal literals get their own group, not the quarters' or years'. */
const unitOf = (literal: string): string => (literal.includes('FISCAL') ? 'Fiscal' : (UNITS.find(([, re]) => re.test(literal))?.[0] ?? 'Other'));

export interface LiteralGroup {
  unit: string;
  literals: Array<{ literal: string; label: string; detail: string; takesN: boolean }>;
}

/** Every SOQL date literal, grouped by unit for the menu. */
export const LITERAL_GROUPS: LiteralGroup[] = (() => {
  const all = [...DATE_LITERALS.map((d) => ({ ...d, takesN: false })), ...DATE_N_LITERALS.map((d) => ({ literal: d.literal, detail: d.detail, takesN: true }))];
  return [...UNITS.map(([unit]) => unit), 'Fiscal'].map((unit) => ({
    unit,
    literals: all.filter((d) => unitOf(d.literal) === unit).map((d) => ({ literal: d.literal, label: literalLabel(d.literal), detail: d.detail, takesN: d.takesN })),
  }));
})();

export const defaultN = (literal: string): number => DATE_N_LITERALS.find((d) => d.literal === literal)?.n ?? 1;

const pad = (n: number) => String(n).padStart(2, '0');

/** A SOQL datetime (UTC or with an offset) as a datetime-local input shows it, in local time. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local input's value (local time) as a SOQL datetime in UTC. */
export function fromLocalInput(local: string): string {
  const d = new Date(local);
  if (Number.isNaN(d.getTime())) return '';
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
