import type { Db } from '../../store/db';
import { inTransaction } from '../../store/db';
import { isOwnerAlive as defaultIsOwnerAlive } from './owner';
import { idList, iso, toQueueItem, type QueueRow } from './rows';
import type { QueueItem, QueueScope } from './types';
import { scopeSql } from './scope';

export interface ClaimOptions extends QueueScope {
  /** This runner's owner id (createOwnerId()). */
  owner: string;
  limit: number;
  /** How long the lease lasts unless renewed, ms. */
  leaseMs: number;
  now?: number;
  /** Injected for tests; by default checks the owner's pid on this host. */
  isOwnerAlive?: (owner: string) => boolean;
}

/**
 * Puts running items back to pending when their lease has expired or their owner process is
 * gone (checked at once, so a restart after kill -9 does not wait out the lease). A live owner's
 * unexpired lease is never touched. Returns how many items were recovered.
 */
export function recoverAbandoned(
  db: Db,
  opts: { owner: string; now?: number; isOwnerAlive?: (owner: string) => boolean },
): number {
  const now = iso(opts.now ?? Date.now());
  const alive = opts.isOwnerAlive ?? defaultIsOwnerAlive;
  return inTransaction(db, () => {
    const owners = db
      .prepare("SELECT DISTINCT lease_owner AS o FROM sync_queue WHERE state = 'running' AND lease_owner IS NOT NULL AND lease_owner != ?")
      .all(opts.owner) as { o: string }[];
    const dead = owners.map((r) => r.o).filter((o) => !alive(o));
    const info = db
      .prepare(
        `UPDATE sync_queue
            SET state = 'pending', lease_owner = NULL, lease_expires_at = NULL, rerun = 0,
                next_run_at = @now, updated_at = @now
          WHERE state = 'running'
            AND (lease_expires_at IS NULL OR lease_expires_at <= @now
                 OR lease_owner IN (SELECT value FROM json_each(@dead)))`,
      )
      .run({ now, dead: JSON.stringify(dead) });
    return info.changes;
  });
}

/**
 * Due items in claim order. With connection and object given (as every job has) the ready
 * index yields them already ordered; without, the open items are sorted (rare: tools, tests).
 */
function readySelect(scope: QueueScope): { sql: string; args: Record<string, unknown> } {
  const s = scopeSql(scope);
  return {
    sql: `SELECT id FROM sync_queue INDEXED BY sync_queue_ready
           WHERE state IN ('pending', 'failed') AND next_run_at <= @now ${s.sql}
           ORDER BY priority DESC, next_run_at, id LIMIT @limit`,
    args: s.args,
  };
}

const byClaimOrder = (a: QueueItem, b: QueueItem): number =>
  b.priority - a.priority || a.nextRunAt.localeCompare(b.nextRunAt) || a.id - b.id;

/**
 * Leases up to `limit` due items (highest priority first, then oldest due) to `owner`.
 * Abandoned leases are recovered first. One IMMEDIATE transaction, so two processes never
 * claim the same item.
 */
export function claim(db: Db, opts: ClaimOptions): QueueItem[] {
  const nowMs = opts.now ?? Date.now();
  const now = iso(nowMs);
  return inTransaction(db, () => {
    recoverAbandoned(db, { owner: opts.owner, now: nowMs, isOwnerAlive: opts.isOwnerAlive });
    const ready = readySelect(opts);
    const rows = db
      .prepare(
        `UPDATE sync_queue
            SET state = 'running', lease_owner = @owner, lease_expires_at = @expires, updated_at = @now
          WHERE id IN (${ready.sql})
        RETURNING *`,
      )
      .all({ ...ready.args, owner: opts.owner, expires: iso(nowMs + opts.leaseMs), now, limit: Math.max(0, opts.limit) }) as QueueRow[];
    return rows.map(toQueueItem).sort(byClaimOrder);
  });
}

/** Extends the lease on items this owner still holds; returns how many it still holds. */
export function renewLeases(db: Db, owner: string, ids: readonly number[], leaseMs: number, now = Date.now()): number {
  if (ids.length === 0) return 0;
  return db
    .prepare(
      `UPDATE sync_queue SET lease_expires_at = @expires, updated_at = @now
        WHERE id IN (SELECT value FROM json_each(@ids)) AND state = 'running' AND lease_owner = @owner`,
    )
    .run({ expires: iso(now + leaseMs), now: iso(now), ids: idList(ids), owner }).changes;
}
