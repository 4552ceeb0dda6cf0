/** Pipedrive's two timestamp formats: v1 `YYYY-MM-DD HH:MM:SS` (UTC) and v2 RFC 3339 without fractions. */

export function formatV1(ms: number | null): string | null {
  if (ms === null) return null;
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

export function formatV2(ms: number | null): string | null {
  if (ms === null) return null;
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

const v1Pattern = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** Parses `YYYY-MM-DD HH:MM:SS` as UTC; undefined when malformed. */
export function parseV1(text: string): number | undefined {
  if (!v1Pattern.test(text)) return undefined;
  const ms = Date.parse(text.replace(' ', 'T') + 'Z');
  return Number.isNaN(ms) ? undefined : ms;
}

// Pipedrive's v2 parser rejects fractional seconds, so the pattern does too.
const rfc3339Pattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;

/** Parses whole-second RFC 3339; undefined when malformed. */
export function parseRfc3339(text: string): number | undefined {
  if (!rfc3339Pattern.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

export function isDate(text: string): boolean {
  return datePattern.test(text) && !Number.isNaN(Date.parse(text + 'T00:00:00Z'));
}

/** Truncates to whole seconds, the precision Pipedrive keeps. */
export const toSecond = (ms: number): number => Math.floor(ms / 1000) * 1000;
