import type { Db } from '../../store/db';
import { inTransaction } from '../../store/db';
import { idList, iso } from './rows';
import type { QueueScope, QueueState } from './types';
import { scopeSql } from './scope';

/** States the user can send back to the queue (dead letters, or failed items waiting out a backoff). */
const retryable: readonly QueueState[] = ['dead', 'failed'];
/** States the user can cancel (a running item finishes its attempt first). */
const cancellable: readonly QueueState[] = ['pending', 'failed', 'dead'];

function retryWhere(db: Db, where: string, args: Record<string, unknown>, now: number): number {
  const at = iso(now);
  return inTransaction(db, () => {
    // OR IGNORE: when the same change is open again already, the dead copy is not revived
    // (that would break one-open-item-per-key); it is superseded below instead.
    const moved = db
      .prepare(
        `UPDATE OR IGNORE sync_queue
            SET state = 'pending', attempts = 0, next_run_at = @at, last_error = NULL,
                error_code = NULL, error_field = NULL, updated_at = @at
          WHERE state IN (SELECT value FROM json_each(@states)) ${where}`,
      )
      .run({ ...args, at, states: JSON.stringify(retryable) }).changes;
    db.prepare(`UPDATE sync_queue SET state = 'superseded', updated_at = @at WHERE state = 'dead' ${where}`).run({ ...args, at });
    return moved;
  });
}

/** Sends the given dead or failed items back to pending now with fresh attempts. */
export function retryItems(db: Db, ids: readonly number[], now = Date.now()): number {
  return retryWhere(db, 'AND id IN (SELECT value FROM json_each(@ids))', { ids: idList(ids) }, now);
}

/** Retry all dead letters (and failed items) within a scope; optionally one error cause only. */
export function retryAll(db: Db, scope: QueueScope & { errorCode?: string; errorField?: string } = {}, now = Date.now()): number {
  const s = scopeSql(scope);
  let where = s.sql;
  if (scope.errorCode !== undefined) {
    where += ' AND error_code IS @errorCode';
    s.args.errorCode = scope.errorCode;
  }
  if (scope.errorField !== undefined) {
    where += ' AND error_field IS @errorField';
    s.args.errorField = scope.errorField;
  }
  return retryWhere(db, where, s.args, now);
}

function cancelWhere(db: Db, where: string, args: Record<string, unknown>, now: number): number {
  return db
    .prepare(
      `UPDATE sync_queue SET state = 'cancelled', updated_at = @at
        WHERE state IN (SELECT value FROM json_each(@states)) ${where}`,
    )
    .run({ ...args, at: iso(now), states: JSON.stringify(cancellable) }).changes;
}

/** Cancels pending, failed or dead items; running ones are left to finish. */
export function cancelItems(db: Db, ids: readonly number[], now = Date.now()): number {
  return cancelWhere(db, 'AND id IN (SELECT value FROM json_each(@ids))', { ids: idList(ids) }, now);
}

export function cancelAll(db: Db, scope: QueueScope = {}, now = Date.now()): number {
  const s = scopeSql(scope);
  return cancelWhere(db, s.sql, s.args, now);
}

/** Deletes finished items older than `olderThan` (epoch ms); dead letters are kept until handled. */
export function purgeFinished(db: Db, olderThan: number): number {
  return db
    .prepare("DELETE FROM sync_queue WHERE state IN ('done', 'cancelled', 'superseded') AND updated_at < ?")
    .run(iso(olderThan)).changes;
}
