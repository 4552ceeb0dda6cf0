import type { Migration } from './index';

/**
 * Sync engine additions to the queue created in 001.
 *
 * - error_code / error_field: dead letters are grouped by cause (code + field) for triage.
 * - rerun: a change enqueued while its item is running must not be lost when that run
 *   completes with older data, so the item goes back to pending instead of done.
 * - completed_at: throughput and retention read it.
 * - Indexes: enqueueing 100k items must take under a second, so the only indexes an insert
 *   pays for are the open-key index (coalescing) and one claim index over open items in claim
 *   order. Running and dead items get partial indexes that new (pending) rows never enter.
 */
export const migration004: Migration = {
  version: 4,
  name: 'sync',
  up(db) {
    db.exec(`
      ALTER TABLE sync_queue ADD COLUMN error_code TEXT;
      ALTER TABLE sync_queue ADD COLUMN error_field TEXT;
      ALTER TABLE sync_queue ADD COLUMN rerun INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE sync_queue ADD COLUMN completed_at TEXT;

      DROP INDEX IF EXISTS sync_queue_claim;
      DROP INDEX IF EXISTS sync_queue_connection;
      CREATE INDEX sync_queue_ready ON sync_queue(connection_id, object, priority DESC, next_run_at)
        WHERE state IN ('pending', 'failed');
      CREATE INDEX sync_queue_running ON sync_queue(lease_owner) WHERE state = 'running';
      CREATE INDEX sync_queue_dead ON sync_queue(connection_id, object, error_code, error_field) WHERE state = 'dead';
      CREATE INDEX sync_queue_completed ON sync_queue(completed_at) WHERE completed_at IS NOT NULL;
    `);
  },
};
