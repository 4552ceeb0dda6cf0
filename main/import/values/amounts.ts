import type { DecimalMark } from '../../../shared/ipc/channels/import';

// Currency signs, codes and spacing (incl. no-break and thin spaces, Swiss apostrophes) around a number.
const NOISE = /[\s\u00a0\u202f'’$€£¥₹₩₽¢]|[A-Za-z]{3}\b|\b[A-Za-z]{1,3}\$/g;
const DOT_DECIMAL = /^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$|^\.\d+$/;
const COMMA_DECIMAL = /^\d{1,3}(\.\d{3})+(,\d+)?$|^\d+(,\d+)?$|^,\d+$/;

/**
 * "1.234,56 €" or "$1,234.56" or "(12.50)" → a number, read with the file's decimal mark; null
 * when the text is not an amount in that format.
 */
export function parseAmount(raw: string, decimal: DecimalMark): number | null {
  let v = raw.trim();
  if (!v) return null;
  let negative = false;
  if (v.startsWith('(') && v.endsWith(')')) {
    negative = true;
    v = v.slice(1, -1);
  }
  v = v.replace(NOISE, '');
  if (v.startsWith('-')) {
    negative = !negative;
    v = v.slice(1);
  } else if (v.endsWith('-')) {
    negative = !negative;
    v = v.slice(0, -1);
  } else if (v.startsWith('+')) v = v.slice(1);
  if (!v) return null;
  let n: number;
  if (decimal === '.') {
    if (!DOT_DECIMAL.test(v)) return null;
    n = Number(v.replace(/,/g, ''));
  } else {
    if (!COMMA_DECIMAL.test(v)) return null;
    n = Number(v.replace(/\./g, '').replace(',', '.'));
  }
  if (!Number.isFinite(n)) return null;
  const rounded = Math.round(n * 10000) / 10000;
  return negative ? -rounded : rounded;
}

/** What one value says about the decimal mark: "12,50" or "1.234,56" say comma; "12.50" or "1,234.56" say dot. */
export function decimalHint(raw: string): DecimalMark | null {
  const v = raw.trim().replace(NOISE, '').replace(/^[-+(]+|[-)]+$/g, '');
  if (/^\d+,\d{1,2}$/.test(v) || /\.\d{3},\d+$/.test(v) || /^\d{1,3}(\.\d{3}){2,}$/.test(v)) return ',';
  if (/^\d+\.\d{1,2}$/.test(v) || /,\d{3}\.\d+$/.test(v) || /^\d{1,3}(,\d{3}){2,}$/.test(v)) return '.';
  return null;
}

export const amountExample: Record<DecimalMark, string> = { '.': '1,234.56', ',': '1.234,56' };
