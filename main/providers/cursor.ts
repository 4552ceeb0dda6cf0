import { createHash } from 'node:crypto';

/**
 * The incremental-pull cursor: the newest modification time stored, plus a fingerprint of each
 * record already delivered at exactly that time. Resuming asks for `>= ts` and skips a tie only
 * when its content is unchanged, because CRMs stamp to the second: a record edited again within
 * the cursor's second keeps the same timestamp and must not be lost.
 */
export interface TimeCursor {
  ts: string;
  /** id → fingerprint of the record as delivered at `ts`. */
  seen: Record<string, string>;
}

interface Tie {
  id: string;
  modifiedAt?: string;
  fields: Record<string, unknown>;
}

export function decodeCursor(cursor: string | undefined): TimeCursor | undefined {
  if (!cursor) return undefined;
  try {
    const parsed = JSON.parse(cursor) as Partial<TimeCursor>;
    if (typeof parsed.ts === 'string') return { ts: parsed.ts, seen: parsed.seen && typeof parsed.seen === 'object' ? parsed.seen : {} };
  } catch {
    // A plain timestamp: resume from it, delivering its ties again.
  }
  return { ts: cursor, seen: {} };
}

export const encodeCursor = (c: TimeCursor): string => JSON.stringify(c);

export const fingerprint = (fields: Record<string, unknown>): string => createHash('sha1').update(JSON.stringify(fields)).digest('base64url').slice(0, 12);

/** Moves the cursor past a page of records given oldest first. */
export function advanceCursor(prev: TimeCursor | undefined, page: Tie[], compare: (a: string, b: string) => number): TimeCursor | undefined {
  let cur = prev;
  for (const r of page) {
    if (!r.modifiedAt) continue;
    const c = cur ? compare(r.modifiedAt, cur.ts) : 1;
    if (c > 0) cur = { ts: r.modifiedAt, seen: { [r.id]: fingerprint(r.fields) } };
    else if (c === 0 && cur) cur = { ts: cur.ts, seen: { ...cur.seen, [r.id]: fingerprint(r.fields) } };
  }
  return cur;
}

/** True for a record the cursor already covered: older than it, or the same tie unchanged. */
export function seenAtCursor(c: TimeCursor | undefined, r: Tie, compare: (a: string, b: string) => number): boolean {
  if (!c || !r.modifiedAt) return false;
  const cmp = compare(r.modifiedAt, c.ts);
  return cmp < 0 || (cmp === 0 && c.seen[r.id] === fingerprint(r.fields));
}

export const compareIso = (a: string, b: string): number => {
  const d = Date.parse(a) - Date.parse(b);
  return Number.isNaN(d) ? a.localeCompare(b) : Math.sign(d);
};
