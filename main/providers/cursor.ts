/**
 * The incremental-pull cursor: the newest modification time stored plus the ids already seen at
 * exactly that time, so a resumed pull can ask for `>= ts` and skip those ties instead of
 * missing records that share a timestamp.
 */
export interface TimeCursor {
  ts: string;
  ids: string[];
}

export function decodeCursor(cursor: string | undefined): TimeCursor | undefined {
  if (!cursor) return undefined;
  try {
    const parsed = JSON.parse(cursor) as Partial<TimeCursor>;
    if (typeof parsed.ts === 'string' && Array.isArray(parsed.ids)) return { ts: parsed.ts, ids: parsed.ids.map(String) };
  } catch {
    // An older plain timestamp cursor: resume from it with no known ties.
  }
  return { ts: cursor, ids: [] };
}

export const encodeCursor = (c: TimeCursor): string => JSON.stringify(c);

/** Moves the cursor past a page of records given oldest first. */
export function advanceCursor(prev: TimeCursor | undefined, page: Array<{ id: string; modifiedAt?: string }>, compare: (a: string, b: string) => number): TimeCursor | undefined {
  let cur = prev;
  for (const r of page) {
    if (!r.modifiedAt) continue;
    if (!cur || compare(r.modifiedAt, cur.ts) > 0) cur = { ts: r.modifiedAt, ids: [r.id] };
    else if (compare(r.modifiedAt, cur.ts) === 0 && !cur.ids.includes(r.id)) cur = { ts: cur.ts, ids: [...cur.ids, r.id] };
  }
  return cur;
}

/** True for a record the cursor already covered (same timestamp, id seen). */
export const seenAtCursor = (c: TimeCursor | undefined, id: string, modifiedAt: string | undefined, compare: (a: string, b: string) => number): boolean =>
  !!c && !!modifiedAt && compare(modifiedAt, c.ts) <= 0 && (compare(modifiedAt, c.ts) < 0 || c.ids.includes(id));

export const compareIso = (a: string, b: string): number => {
  const d = Date.parse(a) - Date.parse(b);
  return Number.isNaN(d) ? a.localeCompare(b) : Math.sign(d);
};
