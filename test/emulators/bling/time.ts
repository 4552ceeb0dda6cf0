/**
 * Bling dates are `YYYY-MM-DD`; its change filters take `YYYY-MM-DD HH:MM:SS` or a bare date.
 * The emulator reads and writes them as Brasília time (UTC-3, no daylight saving since 2019).
 */
const BRASILIA_OFFSET_MS = -3 * 3600 * 1000;

export function formatLocal(ms: number): string {
  return new Date(ms + BRASILIA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

export const localDate = (ms: number): string => formatLocal(ms).slice(0, 10);

/** A real calendar date in `YYYY-MM-DD`. */
export function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(text + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/**
 * A filter bound as epoch ms: `YYYY-MM-DD HH:MM:SS` (the whole second included), or a bare date
 * meaning its first instant (start bound) or its last (end bound). Undefined when malformed.
 */
export function parseBound(text: string, end: boolean): number | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}:\d{2}))?$/.exec(text.trim());
  if (!m || !isDate(m[1])) return undefined;
  const time = m[2] ?? (end ? '23:59:59' : '00:00:00');
  const ms = Date.parse(`${m[1]}T${time}Z`);
  if (Number.isNaN(ms)) return undefined;
  return ms - BRASILIA_OFFSET_MS + (end ? 999 : 0);
}

/** One calendar year after a bound (the longest period Bling's …Inicial/…Final filters accept). */
export function oneYearAfter(ms: number): number {
  const d = new Date(ms);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.getTime();
}
