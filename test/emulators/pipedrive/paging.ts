import { invalidV2 } from './errors';

export const MAX_LIMIT = 500;
const DEFAULT_LIMIT = 100;

export interface OffsetPage<T> {
  items: T[];
  pagination: { start: number; limit: number; more_items_in_collection: boolean; next_start?: number };
}

/** v1 offset paging: `start` (default 0) and `limit` (default 100, capped at 500). */
export function offsetPage<T>(all: T[], query: URLSearchParams): OffsetPage<T> {
  const start = Math.max(0, Math.trunc(Number(query.get('start') ?? 0)) || 0);
  const askedLimit = Math.trunc(Number(query.get('limit') ?? DEFAULT_LIMIT)) || DEFAULT_LIMIT;
  const limit = Math.min(MAX_LIMIT, Math.max(1, askedLimit));
  const items = all.slice(start, start + limit);
  const more = start + limit < all.length;
  return { items, pagination: { start, limit, more_items_in_collection: more, ...(more ? { next_start: start + limit } : {}) } };
}

/** Where a v2 page ended: the sort value and id of its last item. */
interface CursorState {
  v: number | string;
  id: number;
}

export interface CursorPage<T> {
  items: T[];
  next_cursor: string | null;
}

export function readLimitV2(query: URLSearchParams): number {
  const raw = query.get('limit');
  if (raw === null) return DEFAULT_LIMIT;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) throw invalidV2(`limit must be an integer between 1 and ${MAX_LIMIT}`);
  return n;
}

function decodeCursor(cursor: string): CursorState {
  try {
    const state = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorState;
    if (typeof state.id !== 'number' || (typeof state.v !== 'number' && typeof state.v !== 'string')) throw new Error('shape');
    return state;
  } catch {
    throw invalidV2('Invalid cursor');
  }
}

const encodeCursor = (state: CursorState): string => Buffer.from(JSON.stringify(state)).toString('base64url');

/**
 * v2 cursor paging over items already sorted by (key, id) in `direction`. The cursor names the
 * last item served, so records created or changed between pages neither repeat nor shift others.
 */
export function cursorPage<T extends { id: number }>(sorted: T[], query: URLSearchParams, key: (item: T) => number | string, direction: 'asc' | 'desc'): CursorPage<T> {
  const limit = readLimitV2(query);
  const cursor = query.get('cursor');
  let rest = sorted;
  if (cursor) {
    const after = decodeCursor(cursor);
    const sign = direction === 'asc' ? 1 : -1;
    rest = sorted.filter((item) => {
      const k = key(item);
      const cmp = k === after.v ? item.id - after.id : k > after.v ? 1 : -1;
      return cmp * sign > 0;
    });
  }
  const items = rest.slice(0, limit);
  const last = items[items.length - 1];
  const next_cursor = rest.length > limit && last ? encodeCursor({ v: key(last), id: last.id }) : null;
  return { items, next_cursor };
}
