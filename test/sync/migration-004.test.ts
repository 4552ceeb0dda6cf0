import { describe, it, expect } from 'vitest';
import Database from 'better-sqlite3';
import { runMigrations } from '../../main/store/migrations';
import { getItem, claim } from '../../main/sync/queue';

describe('migration 004 (sync)', () => {
  it('keeps queue rows from schema 1 and makes them claimable with the new columns', () => {
    const db = new Database(':memory:');
    runMigrations(db, { target: 1 });
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO sync_queue (connection_id, object, local_kind, local_id, operation, direction, priority, next_run_at, idempotency_key, payload, created_at, updated_at)
       VALUES ('sf', 'Contact', 'person', 7, 'upsert', 'push', 4, ?, 'k1', '{"a":1}', ?, ?)`,
    ).run(now, now, now);
    runMigrations(db);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(4);
    const row = getItem(db, 1)!;
    expect(row).toMatchObject({ localId: 7, payload: { a: 1 }, errorCode: null, errorField: null, rerun: false, completedAt: null });
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sync_queue'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['sync_queue_open_key', 'sync_queue_ready', 'sync_queue_running', 'sync_queue_dead']));
    expect(indexes).not.toContain('sync_queue_claim');
    expect(claim(db, { owner: 'w', limit: 5, leaseMs: 1000, isOwnerAlive: () => true }).map((i) => i.id)).toEqual([1]);
  });

  it('the partial ready indexes serve claims in order without sorting every due row', () => {
    const db = new Database(':memory:');
    runMigrations(db);
    const plan = (index: string, scope: string): string =>
      (db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT id FROM sync_queue INDEXED BY ${index} WHERE state IN ('pending', 'failed') AND next_run_at <= 'x'
           ${scope} ORDER BY priority DESC, next_run_at, id LIMIT 100`,
        )
        .all() as { detail: string }[]).map((p) => p.detail).join('\n');
    expect(plan('sync_queue_ready', "AND connection_id = 'a' AND object = 'b'")).not.toMatch(/TEMP B-TREE/);
  });
});
