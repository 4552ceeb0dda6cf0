import type { Migration } from './index';

/**
 * Schedules (issue 8).
 *
 * - schedules: one row per connection and direction. next_run_at is UTC and only advances when a
 *   run finishes, so a run missed while the machine slept is still due on wake, exactly once.
 * - schedule_locks: which process runs a connection's schedules. The app and the headless
 *   runner share this store; the owner's pid and host let a lease left by a dead process be
 *   taken over at once, and let the refusal say who holds it.
 */
export const migration005: Migration = {
  version: 5,
  name: 'schedules',
  up(db) {
    db.exec(`
      CREATE TABLE schedules (
        connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
        direction TEXT NOT NULL CHECK (direction IN ('push', 'pull')),
        spec TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        enabled INTEGER NOT NULL DEFAULT 1,
        next_run_at TEXT,
        last_started_at TEXT,
        last_finished_at TEXT,
        last_outcome TEXT,
        last_message TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (connection_id, direction)
      );
      CREATE INDEX schedules_due ON schedules(next_run_at) WHERE enabled = 1;

      CREATE TABLE schedule_locks (
        connection_id TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        pid INTEGER NOT NULL,
        host TEXT NOT NULL,
        started_at TEXT NOT NULL,
        heartbeat_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
    `);
  },
};
