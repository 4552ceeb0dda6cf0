import type { Db } from '../store/db';

/**
 * What retention removes, one kind of history at a time. Each batch is one short write
 * transaction, so the app (and a CLI or runner on the same store) never waits long on it.
 */
export interface PruneTarget {
  readonly name: 'queueItems' | 'auditEntries' | 'syncRuns';
  /** How many rows a prune would remove now (dry runs). */
  count(db: Db, cutoff: string): number;
  /** Removes up to `limit` rows; answers how many went and whether more may remain. */
  batch(db: Db, cutoff: string, limit: number, state: BatchState): { deleted: number; more: boolean };
}

/** Where a target's previous batch stopped (keyset paging, so no row is scanned twice). */
export interface BatchState {
  afterId: number;
  /** The highest id when the prune began: rows added since are new, never old enough. */
  endId?: number;
  /** Rows of a second kind removed along the way (per-record rows of sync runs). */
  extra: number;
}

export const newBatchState = (): BatchState => ({ afterId: 0, extra: 0 });

/** Finished queue items: done, cancelled, or superseded dead letters. Dead letters wait for the user. */
const FINISHED = "state IN ('done', 'cancelled', 'superseded')";

/**
 * The queue has no index on updated_at (every index slows the 100k enqueue), so batches walk
 * the primary key in windows of `limit` ids: each batch reads at most `limit` rows, and the
 * whole table is read once per prune, however few rows are old.
 */
export const queueTarget: PruneTarget = {
  name: 'queueItems',
  count: (db, cutoff) =>
    (db.prepare(`SELECT COUNT(*) AS n FROM sync_queue WHERE ${FINISHED} AND updated_at < ?`).get(cutoff) as { n: number }).n,
  batch(db, cutoff, limit, state) {
    state.endId ??= (db.prepare('SELECT coalesce(max(id), 0) FROM sync_queue').pluck().get() as number);
    const upTo = state.afterId + limit;
    const deleted = db
      .prepare(`DELETE FROM sync_queue WHERE id > @after AND id <= @upTo AND ${FINISHED} AND updated_at < @cutoff`)
      .run({ after: state.afterId, upTo, cutoff }).changes;
    state.afterId = upTo;
    return { deleted, more: upTo < state.endId };
  },
};

/** Audit entries by age, oldest first, through the index on `at`. */
export const auditTarget: PruneTarget = {
  name: 'auditEntries',
  count: (db, cutoff) => (db.prepare('SELECT COUNT(*) AS n FROM audit_log WHERE at < ?').get(cutoff) as { n: number }).n,
  batch(db, cutoff, limit) {
    const deleted = db
      .prepare('DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log WHERE at < @cutoff ORDER BY at LIMIT @limit)')
      .run({ cutoff, limit }).changes;
    return { deleted, more: deleted === limit };
  },
};

/** A run still going (or left by a crash and not yet marked) is never pruned. */
const OLD_RUN = "started_at < @cutoff AND status != 'running' AND coalesce(finished_at, started_at) < @cutoff";
/** Runs looked at per batch; their record rows go first, `limit` at a time. */
const RUNS_PER_BATCH = 50;

/**
 * Finished sync runs and their per-record rows (the bulk of a run's history). Records go in
 * slices of `limit` before their runs, so one huge run never makes one long transaction.
 * Conflicts stay (their run id is cleared by the foreign key).
 */
export const runsTarget: PruneTarget = {
  name: 'syncRuns',
  count: (db, cutoff) => (db.prepare(`SELECT COUNT(*) AS n FROM sync_runs WHERE ${OLD_RUN}`).get({ cutoff }) as { n: number }).n,
  batch(db, cutoff, limit, state) {
    const runIds = db
      .prepare(`SELECT id FROM sync_runs WHERE ${OLD_RUN} ORDER BY started_at, id LIMIT ${RUNS_PER_BATCH}`)
      .pluck()
      .all({ cutoff }) as number[];
    if (runIds.length === 0) return { deleted: 0, more: false };
    const ids = JSON.stringify(runIds);
    const records = db
      .prepare(
        `DELETE FROM sync_run_records WHERE rowid IN (
           SELECT rowid FROM sync_run_records WHERE run_id IN (SELECT value FROM json_each(@ids)) LIMIT @limit)`,
      )
      .run({ ids, limit }).changes;
    state.extra += records;
    if (records === limit) return { deleted: 0, more: true };
    const runs = db.prepare('DELETE FROM sync_runs WHERE id IN (SELECT value FROM json_each(?))').run(ids).changes;
    return { deleted: runs, more: true };
  },
};

export const pruneTargets: readonly PruneTarget[] = [queueTarget, auditTarget, runsTarget];
