import { describe, it, expect, afterEach } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMigrations } from '../../main/store/migrations';
import { openDatabase } from '../../main/store/db';
import { countSamples, insertSamples, latestSamples } from '../../main/metrics';

describe('migration 007 (metrics)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('upgrades a version 6 store, keeping its runs, and adds metric_samples with a cascade on connections', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tcs-m7-'));
    dirs.push(dir);
    const file = join(dir, 'store.sqlite');
    const old = new Database(file);
    runMigrations(old, { target: 6 });
    const now = new Date().toISOString();
    old.prepare("INSERT INTO connections (id, provider, label, auth_kind, created_at, updated_at) VALUES ('hubspot', 'hubspot', 'HS', 'token', ?, ?)").run(now, now);
    old.prepare("INSERT INTO sync_runs (kind, connection_id, provider, trigger, status, created, started_at) VALUES ('push', 'hubspot', 'hubspot', 'manual', 'ok', 7, ?)").run(now);
    old.close();

    const { db, migrations } = openDatabase(file);
    expect(migrations.applied).toEqual([7]);
    expect(db.prepare('SELECT created FROM sync_runs').pluck().get()).toBe(7);
    const queue = { pending: 3, running: 1, failed: 0, dead: 2 };
    insertSamples(db, [{ connectionId: 'hubspot', at: now, trigger: 'manual', queue, usage: { used: 40, max: 100, period: 'window', observedAt: now } }]);
    expect(latestSamples(db).get('hubspot')).toEqual({ connectionId: 'hubspot', at: now, trigger: 'manual', queue, usage: { used: 40, max: 100, period: 'window', observedAt: now } });
    expect(() => insertSamples(db, [{ connectionId: 'nope', at: now, trigger: 'manual', queue, usage: null }])).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM connections WHERE id = 'hubspot'").run();
    expect(countSamples(db)).toBe(0);
    db.close();
  });

  it('reads samples by connection and time through its indexes', () => {
    const { db } = openDatabase(':memory:');
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan("SELECT * FROM metric_samples WHERE connection_id = 'x' AND at >= '2026'")).toMatch(/USING INDEX metric_samples_connection_at/);
    expect(plan("SELECT id FROM metric_samples WHERE at < '2026' ORDER BY at LIMIT 10")).toMatch(/USING (COVERING )?INDEX metric_samples_at/);
    db.close();
  });
});
