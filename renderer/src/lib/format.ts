const amount = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeOnly = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** A money amount; with a currency code when there is one (orders), bare for mixed totals. */
export function formatMoney(value: number | null, currency?: string | null): string {
  if (value === null) return '—';
  if (currency && /^[A-Z]{3}$/.test(currency)) {
    try {
      return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(value);
    } catch {
      // An unknown code: fall through to the bare amount with the code after it.
    }
    return `${amount.format(value)} ${currency}`;
  }
  return amount.format(value);
}

const parse = (iso: string | null): Date | null => {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
};

export const formatDateTime = (iso: string | null): string => {
  const d = parse(iso);
  return d ? dateTime.format(d) : '—';
};

export const formatDate = (iso: string | null): string => {
  const d = parse(iso);
  return d ? dateOnly.format(d) : '—';
};

export const formatTime = (iso: string | null): string => {
  const d = parse(iso);
  return d ? timeOnly.format(d) : '';
};

/** "3 minutes ago"-style text for recent timestamps, the date for older ones. */
export function formatRelative(iso: string | null, now = Date.now()): string {
  const d = parse(iso);
  if (!d) return '—';
  const s = Math.round((now - d.getTime()) / 1000);
  if (s < 45) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  if (s < 7 * 86400) return `${Math.round(s / 86400)} d ago`;
  return dateOnly.format(d);
}

export const fullName = (first: string | null, last: string | null): string => [first, last].filter(Boolean).join(' ');

export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString()} ${n === 1 ? one : many}`;
