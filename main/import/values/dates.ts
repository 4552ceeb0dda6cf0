import type { DateOrder } from '../../../shared/ipc/channels/import';

const months: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const NUMERIC = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(?:[T ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?$/i;
const DAY_MONTH_NAME = /^(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?(?:\s*(?:Z|[A-Z]{2,5}|[+-]\d{2}:?\d{2}))?$/i;
const MONTH_NAME_DAY = /^(?:[a-z]+,?\s+)?([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:[ ,T]+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?(?:\s*(?:Z|[A-Z]{2,5}|[+-]\d{2}:?\d{2}))?$/i;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function build(y: number, m: number, d: number, hh?: string, mm?: string, ss?: string, ampm?: string, zone?: string): string | null {
  if (!(m >= 1 && m <= 12 && d >= 1 && y >= 1900 && y <= 2200 && d <= daysIn(y, m))) return null;
  const date = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  if (hh === undefined) return date;
  let h = Number(hh);
  const min = Number(mm);
  const sec = ss === undefined ? 0 : Number(ss);
  if (ampm) {
    if (h < 1 || h > 12) return null;
    const pm = ampm.toLowerCase().startsWith('p');
    h = (h % 12) + (pm ? 12 : 0);
  }
  if (h > 23 || min > 59 || sec > 59) return null;
  const z = zone ? (zone.toUpperCase() === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone) : '';
  return `${date}T${pad(h)}:${pad(min)}:${pad(sec)}${z}`;
}

/**
 * An export date → `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS` (plus the zone when the text has one).
 * Numeric dates are read in `order` (11/29/24 22:28 is MDY); null when the text is no date.
 */
export function parseDate(raw: string, order: DateOrder): string | null {
  const v = raw.trim();
  if (!v) return null;
  let m = ISO.exec(v);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5], m[6], undefined, m[7]);
  m = NUMERIC.exec(v);
  if (m) {
    const [a, b, c] = [m[1], m[2], m[3]];
    if (a.length === 4) return build(Number(a), Number(b), Number(c), m[4], m[5], m[6], m[7]);
    if (c.length === 3) return null;
    const [d, mo] = order === 'DMY' ? [a, b] : [b, a];
    if (order === 'YMD') return null;
    return build(fullYear(c), Number(mo), Number(d), m[4], m[5], m[6], m[7]);
  }
  m = DAY_MONTH_NAME.exec(v);
  if (m && months[m[2].toLowerCase()]) return build(Number(m[3]), months[m[2].toLowerCase()], Number(m[1]), m[4], m[5], m[6], m[7]);
  m = MONTH_NAME_DAY.exec(v);
  if (m && months[m[1].toLowerCase()]) return build(Number(m[3]), months[m[1].toLowerCase()], Number(m[2]), m[4], m[5], m[6], m[7]);
  return null;
}

/** What one value says about day/month order: a part above 12 settles it (DMY or MDY). */
export function dateOrderHint(raw: string): DateOrder | null {
  const m = NUMERIC.exec(raw.trim());
  if (!m) return null;
  // Year-first dates read the same whatever the order, so they say nothing about it.
  if (m[1].length === 4 || (m[3].length !== 4 && m[3].length !== 2)) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (a > 12 && a <= 31 && b <= 12) return 'DMY';
  if (b > 12 && b <= 31 && a <= 12) return 'MDY';
  return null;
}

export const dateOrderExample: Record<DateOrder, string> = { MDY: 'MM/DD/YYYY', DMY: 'DD/MM/YYYY', YMD: 'YYYY-MM-DD' };
