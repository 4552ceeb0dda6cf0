/**
 * Brazilian ERPs (Bling, GestãoClick) write dates as `YYYY-MM-DD` and timestamps as
 * `YYYY-MM-DD HH:MM:SS` without a zone; the emulators read and write them as Brasília time
 * (UTC-3, no daylight saving since 2019).
 */
export const BRASILIA_OFFSET_MS = -3 * 3600 * 1000;

export function formatLocal(ms: number): string {
  return new Date(ms + BRASILIA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

export const localDate = (ms: number): string => formatLocal(ms).slice(0, 10);

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date in `YYYY-MM-DD` (2026-02-30 is not). */
export function isDate(text: string): boolean {
  if (!datePattern.test(text)) return false;
  const d = new Date(text + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Adds whole days to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
