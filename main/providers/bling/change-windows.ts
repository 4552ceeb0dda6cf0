import { BRASILIA_OFFSET_MINUTES, formatZoneTime, parseZoneTime } from '../zone-time';

/**
 * Where an incremental pull stands. Bling's records carry no modification time; it can only list
 * what changed in a `dataAlteracaoInicial`..`dataAlteracaoFinal` window (Brasília time, both ends
 * inclusive, at most one year). `since` is where the next window starts; `until` and `page` say
 * which window is being paged and which page comes next.
 */
export interface WindowCursor {
  since?: string;
  until?: string;
  page?: number;
}

/** Bling refuses periods over a year; a little less keeps clear of how it counts. */
const MAX_WINDOW_MS = 360 * 86_400_000;
/** Changes stamped in the last moments may still be arriving: the window ends a little in the past. */
const SETTLE_MS = 2_000;

export const formatBling = (ms: number): string => formatZoneTime(ms, BRASILIA_OFFSET_MINUTES);
export const parseBling = (text: string): number | undefined => parseZoneTime(text, BRASILIA_OFFSET_MINUTES);

export function decodeWindow(cursor: string | undefined): WindowCursor {
  if (!cursor) return {};
  try {
    const c = JSON.parse(cursor) as WindowCursor;
    if (c && typeof c === 'object' && (c.since === undefined || parseBling(c.since) !== undefined)) return c;
  } catch {
    // A bare time: the next window starts there.
  }
  return parseBling(cursor) !== undefined ? { since: cursor } : {};
}

export const encodeWindow = (c: WindowCursor): string => JSON.stringify(c);

/**
 * The window to page now: the one in progress, or the next one from `since` up to the server's
 * now (less a moment), at most a year long. Without `since`, everything (no date filter).
 * `more`: another window follows this one (it was capped at a year, or resumed long after).
 */
export function currentWindow(c: WindowCursor, serverNow: number): { since?: string; until: string; page: number; more: boolean } {
  const end = serverNow - SETTLE_MS;
  const more = (until: string) => (parseBling(until) ?? end) < end - 60_000;
  if (c.until && c.page) return { since: c.since, until: c.until, page: c.page, more: more(c.until) };
  if (!c.since) return { until: formatBling(end), page: 1, more: false };
  const from = parseBling(c.since)!;
  const until = formatBling(Math.max(from, Math.min(end, from + MAX_WINDOW_MS)));
  return { since: c.since, until, page: 1, more: more(until) };
}
