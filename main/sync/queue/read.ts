import type { Db } from '../../store/db';
import { iso, toQueueItem, type QueueRow } from './rows';
import { scopeSql } from './scope';
import { queueStates, type QueueItem, type QueueScope, type QueueState } from './types';

export type QueueCounts = Record<QueueState, number>;

/** Items per state (every state present, zero when empty). */
export function queueCounts(db: Db, scope: QueueScope = {}): QueueCounts {
  const s = scopeSql(scope);
  const rows = db.prepare(`SELECT state, COUNT(*) AS n FROM sync_queue WHERE 1 = 1 ${s.sql} GROUP BY state`).all(s.args) as { state: QueueState; n: number }[];
  const counts = Object.fromEntries(queueStates.map((st) => [st, 0])) as QueueCounts;
  for (const r of rows) counts[r.state] = r.n;
  return counts;
}

export interface Throughput {
  /** Items completed within the window. */
  completed: number;
  windowMs: number;
  perSecond: number;
}

/** Completions per second over the last `windowMs` (default one minute). */
export function throughput(db: Db, opts: QueueScope & { windowMs?: number; now?: number } = {}): Throughput {
  const windowMs = opts.windowMs ?? 60_000;
  const s = scopeSql(opts);
  const since = iso((opts.now ?? Date.now()) - windowMs);
  const { n } = db.prepare(`SELECT COUNT(*) AS n FROM sync_queue WHERE completed_at >= @since ${s.sql}`).get({ ...s.args, since }) as { n: number };
  return { completed: n, windowMs, perSecond: n / (windowMs / 1000) };
}

export interface ListOptions extends QueueScope {
  states?: readonly QueueState[];
  limit?: number;
  /** Keyset paging: items with a smaller id. */
  beforeId?: number;
}

/** Newest first, for the queue monitor and `queue --json`. */
export function listItems(db: Db, opts: ListOptions = {}): QueueItem[] {
  const s = scopeSql(opts);
  const states = opts.states ?? queueStates;
  const rows = db
    .prepare(
      `SELECT * FROM sync_queue
        WHERE state IN (SELECT value FROM json_each(@states)) ${s.sql} ${opts.beforeId ? 'AND id < @beforeId' : ''}
        ORDER BY id DESC LIMIT @limit`,
    )
    .all({ ...s.args, states: JSON.stringify(states), limit: opts.limit ?? 100, ...(opts.beforeId ? { beforeId: opts.beforeId } : {}) }) as QueueRow[];
  return rows.map(toQueueItem);
}

export function getItem(db: Db, id: number): QueueItem | undefined {
  const row = db.prepare('SELECT * FROM sync_queue WHERE id = ?').get(id) as QueueRow | undefined;
  return row ? toQueueItem(row) : undefined;
}

export interface ErrorGroup {
  object: string;
  errorCode: string | null;
  errorField: string | null;
  count: number;
  /** One message of the group, as the CRM worded it. */
  sample: string | null;
}

/** Dead letters (or another state) grouped by cause, largest first: the triage view. */
export function errorGroups(db: Db, opts: QueueScope & { state?: QueueState } = {}): ErrorGroup[] {
  const s = scopeSql(opts);
  return db
    .prepare(
      `SELECT object, error_code AS errorCode, error_field AS errorField, COUNT(*) AS count, max(last_error) AS sample
         FROM sync_queue WHERE state = @state ${s.sql}
        GROUP BY object, error_code, error_field ORDER BY count DESC`,
    )
    .all({ ...s.args, state: opts.state ?? 'dead' }) as ErrorGroup[];
}
