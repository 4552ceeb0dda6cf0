/**
 * Date patterns for the dateFormat transform: YYYY YY MM M DD D HH H mm ss, in UTC.
 * Formatting and parsing use the same pattern, so a pulled value comes back as it went out.
 */
const tokenPattern = /YYYY|YY|MM|M|DD|D|HH|H|mm|ss/g;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function formatDate(d: Date, pattern: string): string {
  const parts: Record<string, string> = {
    YYYY: pad(d.getUTCFullYear(), 4),
    YY: pad(d.getUTCFullYear() % 100, 2),
    MM: pad(d.getUTCMonth() + 1, 2),
    M: String(d.getUTCMonth() + 1),
    DD: pad(d.getUTCDate(), 2),
    D: String(d.getUTCDate()),
    HH: pad(d.getUTCHours(), 2),
    H: String(d.getUTCHours()),
    mm: pad(d.getUTCMinutes(), 2),
    ss: pad(d.getUTCSeconds(), 2),
  };
  return pattern.replace(tokenPattern, (t) => parts[t]);
}

const tokenRegex: Record<string, string> = {
  YYYY: '(\\d{4})',
  YY: '(\\d{2})',
  MM: '(\\d{2})',
  M: '(\\d{1,2})',
  DD: '(\\d{2})',
  D: '(\\d{1,2})',
  HH: '(\\d{2})',
  H: '(\\d{1,2})',
  mm: '(\\d{2})',
  ss: '(\\d{2})',
};

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Parses text written with `pattern`; undefined when it does not fit or is no real date. */
export function parseDate(text: string, pattern: string): Date | undefined {
  const order: string[] = [];
  let source = '';
  let last = 0;
  for (const m of pattern.matchAll(tokenPattern)) {
    source += escapeRegex(pattern.slice(last, m.index)) + tokenRegex[m[0]];
    order.push(m[0]);
    last = m.index + m[0].length;
  }
  source += escapeRegex(pattern.slice(last));
  const match = new RegExp(`^${source}$`).exec(text.trim());
  if (!match) return undefined;
  const v: Record<string, number> = {};
  order.forEach((t, i) => (v[t] = Number(match[i + 1])));
  const year = v.YYYY ?? (v.YY !== undefined ? 2000 + v.YY : 1970);
  const month = (v.MM ?? v.M ?? 1) - 1;
  const day = v.DD ?? v.D ?? 1;
  const d = new Date(Date.UTC(year, month, day, v.HH ?? v.H ?? 0, v.mm ?? 0, v.ss ?? 0));
  // Reject 31/02 and the like instead of letting Date roll them over.
  return d.getUTCMonth() === month && d.getUTCDate() === day ? d : undefined;
}
