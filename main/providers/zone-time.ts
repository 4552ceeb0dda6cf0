/**
 * Wall-clock times of a fixed UTC offset, as `YYYY-MM-DD HH:MM:SS` without a zone (how Bling and
 * GestãoClick write times: Brasília, UTC-3, which has had no daylight saving time since 2019).
 */
export const BRASILIA_OFFSET_MINUTES = -180;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function formatZoneTime(epochMs: number, offsetMinutes: number): string {
  const d = new Date(epochMs + offsetMinutes * 60_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** `YYYY-MM-DD HH:MM:SS` (or a bare date: its midnight) in the zone → epoch ms; undefined when not such a time. */
export function parseZoneTime(text: string, offsetMinutes: number): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  return Number.isNaN(utc) ? undefined : utc - offsetMinutes * 60_000;
}

/** Milliseconds until the next midnight in the zone (daily API allowances reset then). */
export function msUntilZoneMidnight(offsetMinutes: number, now = Date.now()): number {
  const local = now + offsetMinutes * 60_000;
  const day = 86_400_000;
  return day - (((local % day) + day) % day);
}
