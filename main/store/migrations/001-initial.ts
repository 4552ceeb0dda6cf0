import type { Migration } from './index';

/**
 * The first schema. Secrets never live here: connections hold only non-secret account info;
 * tokens are in the OS keychain.
 */
export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE connections (
        id TEXT PRIMARY KEY,
        provider TEXT NOT NULL,
        label TEXT NOT NULL,
        base_url TEXT,
        auth_kind TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'connected',
        account_info TEXT NOT NULL DEFAULT '{}',
        last_sync_at TEXT,
        last_error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        event_key TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        starts_at TEXT,
        venue TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        first_name TEXT,
        last_name TEXT,
        phone TEXT,
        company TEXT,
        job_title TEXT,
        address_line1 TEXT,
        address_line2 TEXT,
        city TEXT,
        region TEXT,
        postal_code TEXT,
        country TEXT,
        marketing_consent INTEGER,
        custom_fields TEXT NOT NULL DEFAULT '{}',
        total_spent REAL NOT NULL DEFAULT 0,
        order_count INTEGER NOT NULL DEFAULT 0,
        first_event_id INTEGER REFERENCES events(id),
        last_event_id INTEGER REFERENCES events(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX people_last_name ON people(last_name);
      CREATE INDEX people_updated_at ON people(updated_at);

      CREATE TABLE orders (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        external_order_id TEXT NOT NULL,
        person_id INTEGER NOT NULL REFERENCES people(id),
        event_id INTEGER REFERENCES events(id),
        ordered_at TEXT,
        total REAL,
        currency TEXT,
        status TEXT,
        custom_fields TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (source, external_order_id)
      );
      CREATE INDEX orders_person ON orders(person_id);

      CREATE TABLE tickets (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        person_id INTEGER REFERENCES people(id),
        event_id INTEGER REFERENCES events(id),
        attendee_key TEXT NOT NULL,
        ticket_type TEXT,
        quantity INTEGER,
        price REAL,
        checked_in INTEGER,
        attendee_status TEXT,
        custom_fields TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (order_id, attendee_key)
      );
      CREATE INDEX tickets_person ON tickets(person_id);

      CREATE TABLE external_links (
        connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
        object TEXT NOT NULL,
        local_kind TEXT NOT NULL,
        local_id INTEGER NOT NULL,
        external_id TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'linked',
        remote_modstamp TEXT,
        last_pushed_at TEXT,
        last_pulled_at TEXT,
        last_pushed_hash TEXT,
        PRIMARY KEY (connection_id, object, local_kind, local_id),
        UNIQUE (connection_id, object, external_id)
      );
      CREATE INDEX external_links_local ON external_links(local_kind, local_id);

      CREATE TABLE mappings (
        id INTEGER PRIMARY KEY,
        connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
        object TEXT NOT NULL,
        definition TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (connection_id, object)
      );

      CREATE TABLE sync_queue (
        id INTEGER PRIMARY KEY,
        connection_id TEXT NOT NULL,
        object TEXT NOT NULL,
        local_kind TEXT NOT NULL,
        local_id INTEGER,
        operation TEXT NOT NULL,
        direction TEXT NOT NULL,
        priority INTEGER NOT NULL DEFAULT 5 CHECK (priority BETWEEN 0 AND 10),
        state TEXT NOT NULL DEFAULT 'pending',
        attempts INTEGER NOT NULL DEFAULT 0,
        max_attempts INTEGER NOT NULL DEFAULT 3,
        next_run_at TEXT NOT NULL,
        lease_owner TEXT,
        lease_expires_at TEXT,
        last_error TEXT,
        idempotency_key TEXT NOT NULL,
        payload TEXT,
        run_id TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      -- Enqueueing the same change twice coalesces onto the open item.
      CREATE UNIQUE INDEX sync_queue_open_key ON sync_queue(idempotency_key)
        WHERE state IN ('pending', 'running', 'failed');
      CREATE INDEX sync_queue_claim ON sync_queue(state, next_run_at, priority);
      CREATE INDEX sync_queue_connection ON sync_queue(connection_id, state);

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        connection_id TEXT,
        object TEXT,
        action TEXT NOT NULL,
        outcome TEXT NOT NULL,
        summary TEXT NOT NULL,
        detail TEXT
      );
      CREATE INDEX audit_log_at ON audit_log(at);

      CREATE TABLE sync_cursors (
        connection_id TEXT NOT NULL,
        object TEXT NOT NULL,
        cursor TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (connection_id, object)
      );

      CREATE TABLE query_history (
        id INTEGER PRIMARY KEY,
        connection_id TEXT NOT NULL,
        name TEXT,
        query TEXT NOT NULL,
        saved INTEGER NOT NULL DEFAULT 0,
        row_count INTEGER,
        duration_ms INTEGER,
        last_run_at TEXT,
        created_at TEXT NOT NULL
      );

      CREATE TABLE import_runs (
        id INTEGER PRIMARY KEY,
        file_name TEXT NOT NULL,
        preset TEXT,
        status TEXT NOT NULL,
        rows INTEGER NOT NULL DEFAULT 0,
        created INTEGER NOT NULL DEFAULT 0,
        updated INTEGER NOT NULL DEFAULT 0,
        unchanged INTEGER NOT NULL DEFAULT 0,
        rejected INTEGER NOT NULL DEFAULT 0,
        report TEXT,
        started_at TEXT NOT NULL,
        finished_at TEXT
      );

      CREATE TABLE import_presets (
        name TEXT PRIMARY KEY,
        definition TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
    `);
  },
};
