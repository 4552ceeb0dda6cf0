import type { Migration } from './index';

/**
 * CSV import bookkeeping.
 *
 * - created_run_id marks rows an import created, so cancelling (or recovering from a crash in)
 *   that import deletes exactly them; rows it changed are restored from import_undo.
 * - import_undo keeps the before-image of each existing row an import changed, once per run.
 *   A finished import drops its entries.
 * - import_runs learns its owner process (to tell a crashed run from a live one) and options.
 */
export const migration003: Migration = {
  version: 3,
  name: 'import',
  up(db) {
    db.exec(`
      ALTER TABLE people ADD COLUMN created_run_id INTEGER;
      ALTER TABLE orders ADD COLUMN created_run_id INTEGER;
      ALTER TABLE tickets ADD COLUMN created_run_id INTEGER;
      ALTER TABLE events ADD COLUMN created_run_id INTEGER;

      ALTER TABLE import_runs ADD COLUMN owner_pid INTEGER;
      ALTER TABLE import_runs ADD COLUMN dry_run INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE import_runs ADD COLUMN options TEXT;
      ALTER TABLE import_runs ADD COLUMN rejects_path TEXT;
      CREATE INDEX import_runs_status ON import_runs(status);

      CREATE TABLE import_undo (
        run_id INTEGER NOT NULL,
        kind TEXT NOT NULL,
        local_id INTEGER NOT NULL,
        before TEXT NOT NULL,
        PRIMARY KEY (run_id, kind, local_id)
      ) WITHOUT ROWID;

      CREATE INDEX events_name ON events(lower(name));
    `);
  },
};
