import { describe, it, expect } from 'vitest';
import Database from 'better-sqlite3';
import { runMigrations } from '../../main/store/migrations';
import { migration003 } from '../../main/store/migrations/003-import';

const columns = (db: Database.Database, table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);

describe('migration 003 (import)', () => {
  it('adds run markers and the undo journal to a v1 store without touching its rows', () => {
    const db = new Database(':memory:');
    runMigrations(db, { target: 1 });
    db.prepare(`INSERT INTO events (id, event_key, name, created_at, updated_at) VALUES (1, 'gala|', 'Gala', 'then', 'then')`).run();
    db.prepare(`INSERT INTO people (id, email, first_name, total_spent, created_at, updated_at) VALUES (1, 'ada@example.com', 'Ada', 12.5, 'then', 'then')`).run();
    db.prepare(`INSERT INTO orders (id, source, external_order_id, person_id, event_id, total, created_at, updated_at) VALUES (1, 'csv', 'O1', 1, 1, 12.5, 'then', 'then')`).run();
    db.prepare(`INSERT INTO tickets (id, order_id, person_id, event_id, attendee_key, created_at, updated_at) VALUES (1, 1, 1, 1, 'k', 'then', 'then')`).run();
    db.prepare(`INSERT INTO import_runs (file_name, status, started_at) VALUES ('old.csv', 'completed', 'then')`).run();

    const report = runMigrations(db);
    expect(report.applied).toContain(migration003.version);
    for (const t of ['people', 'orders', 'tickets', 'events']) expect(columns(db, t)).toContain('created_run_id');
    expect(columns(db, 'import_runs')).toEqual(expect.arrayContaining(['owner_pid', 'dry_run', 'options', 'rejects_path']));
    expect(columns(db, 'import_undo')).toEqual(['run_id', 'kind', 'local_id', 'before']);
    expect(db.prepare('SELECT email, first_name, total_spent, created_run_id FROM people').get()).toEqual({ email: 'ada@example.com', first_name: 'Ada', total_spent: 12.5, created_run_id: null });
    expect(db.prepare('SELECT file_name, status, dry_run, owner_pid FROM import_runs').get()).toEqual({ file_name: 'old.csv', status: 'completed', dry_run: 0, owner_pid: null });
    expect(db.prepare('SELECT count(*) FROM tickets').pluck().get()).toBe(1);
  });
});
