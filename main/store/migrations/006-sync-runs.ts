import type { Migration } from './index';

/**
 * Push/pull runs and what the engine remembers between them.
 *
 * - sync_runs: one row per push, pull (later undo, reconcile) with its counts; `owner` names the
 *   process running it, so a run left by a crashed process is told apart from a live one.
 * - sync_run_records: one row per record a run attempted, in input order (`seq`): the outcome,
 *   the CRM id, the CRM's error (code, field, message). The results file of a run, the Sync
 *   page's per-record view and a later undo read it; `before` is kept for undo.
 * - sync_conflicts: every field changed on both sides, with both values and which one stood,
 *   so a losing value is never silently dropped.
 * - companies: the organisations buyers belong to (from people.company), so a B2B buyer's
 *   Account / company / organization has a local id to link.
 * - external_links.synced_values: the local values both sides agreed on at the last sync, per
 *   field; a pull compares against it to tell "changed in the CRM" from "changed here" and from
 *   "changed on both sides".
 * - sync_associations: links already made (Opportunity ↔ Contact role, deal ↔ contact), so a
 *   second push does not make them again.
 */
export const migration006: Migration = {
  version: 6,
  name: 'sync-runs',
  up(db) {
    db.exec(`
      CREATE TABLE sync_runs (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        connection_id TEXT NOT NULL,
        provider TEXT NOT NULL,
        object TEXT,
        trigger TEXT NOT NULL,
        dry_run INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL,
        owner TEXT,
        total INTEGER NOT NULL DEFAULT 0,
        created INTEGER NOT NULL DEFAULT 0,
        updated INTEGER NOT NULL DEFAULT 0,
        unchanged INTEGER NOT NULL DEFAULT 0,
        skipped INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0,
        deleted INTEGER NOT NULL DEFAULT 0,
        conflicts INTEGER NOT NULL DEFAULT 0,
        requests INTEGER NOT NULL DEFAULT 0,
        message TEXT,
        detail TEXT,
        started_at TEXT NOT NULL,
        finished_at TEXT
      );
      CREATE INDEX sync_runs_started ON sync_runs(started_at);
      CREATE INDEX sync_runs_running ON sync_runs(status) WHERE status = 'running';

      CREATE TABLE sync_run_records (
        run_id INTEGER NOT NULL REFERENCES sync_runs(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        local_kind TEXT NOT NULL,
        local_id INTEGER,
        object TEXT NOT NULL,
        label TEXT,
        external_id TEXT,
        outcome TEXT NOT NULL,
        error_code TEXT,
        error_field TEXT,
        error_message TEXT,
        before TEXT,
        at TEXT NOT NULL,
        PRIMARY KEY (run_id, seq)
      );
      CREATE UNIQUE INDEX sync_run_records_record ON sync_run_records(run_id, object, local_kind, local_id);

      CREATE TABLE sync_conflicts (
        id INTEGER PRIMARY KEY,
        run_id INTEGER REFERENCES sync_runs(id) ON DELETE SET NULL,
        connection_id TEXT NOT NULL,
        object TEXT NOT NULL,
        local_kind TEXT NOT NULL,
        local_id INTEGER NOT NULL,
        external_id TEXT NOT NULL,
        field TEXT NOT NULL,
        crm_field TEXT NOT NULL,
        base_value TEXT,
        local_value TEXT,
        crm_value TEXT,
        winner TEXT NOT NULL,
        policy TEXT NOT NULL,
        local_changed_at TEXT,
        crm_changed_at TEXT,
        at TEXT NOT NULL
      );
      CREATE INDEX sync_conflicts_at ON sync_conflicts(at);

      CREATE TABLE companies (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        domain TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      ALTER TABLE external_links ADD COLUMN synced_values TEXT;

      CREATE TABLE sync_associations (
        connection_id TEXT NOT NULL,
        from_object TEXT NOT NULL,
        from_id TEXT NOT NULL,
        to_object TEXT NOT NULL,
        to_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (connection_id, from_object, from_id, to_object, to_id)
      ) WITHOUT ROWID;
    `);
  },
};
