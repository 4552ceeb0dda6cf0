import { BRASILIA_OFFSET_MS, isDate } from '../common/brasilia-time';

/**
 * A filter bound as epoch ms: `YYYY-MM-DD HH:MM:SS` (the whole second included), or a bare date
 * meaning its first instant (start bound) or its last (end bound), read as Brasília time.
 * Undefined when malformed.
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
