import { describe, it, expect, afterEach } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMigrations } from '../../main/store/migrations';
import { openDatabase } from '../../main/store/db';
import { listSchedules, saveSchedule } from '../../main/store/schedules';

describe('migration 005 (schedules)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('upgrades a version 4 store, keeping its rows, and adds schedules with a cascade on connections', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tcs-m5-'));
    dirs.push(dir);
    const file = join(dir, 'store.sqlite');
    const old = new Database(file);
    runMigrations(old, { target: 4 });
    const now = new Date().toISOString();
    old.prepare("INSERT INTO connections (id, provider, label, auth_kind, created_at, updated_at) VALUES ('hubspot', 'hubspot', 'HS', 'token', ?, ?)").run(now, now);
    old.prepare('INSERT INTO people (email, created_at, updated_at) VALUES (?, ?, ?)').run('ada@example.com', now, now);
    old.close();

    const { db, migrations } = openDatabase(file);
    expect(migrations.applied).toContain(5);
    expect((db.prepare('SELECT COUNT(*) AS n FROM people').get() as { n: number }).n).toBe(1);
    saveSchedule(db, { connectionId: 'hubspot', direction: 'push', spec: { kind: 'hourly' }, timeZone: 'UTC', enabled: true, nextRunAt: now });
    expect(listSchedules(db)).toHaveLength(1);
    expect(() => saveSchedule(db, { connectionId: 'nope', direction: 'push', spec: { kind: 'hourly' }, timeZone: 'UTC', enabled: true, nextRunAt: now })).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO schedules (connection_id, direction, spec, time_zone, created_at, updated_at) VALUES ('hubspot', 'sideways', '{}', 'UTC', ?, ?)").run(now, now)).toThrow(/CHECK/);
    db.prepare("DELETE FROM connections WHERE id = 'hubspot'").run();
    expect(listSchedules(db)).toHaveLength(0);
    db.close();
  });

  it('keeps an unreadable stored spec from running', () => {
    const { db } = openDatabase(':memory:');
    const now = new Date().toISOString();
    db.prepare("INSERT INTO connections (id, provider, label, auth_kind, created_at, updated_at) VALUES ('hs', 'hubspot', 'HS', 'token', ?, ?)").run(now, now);
    db.prepare("INSERT INTO schedules (connection_id, direction, spec, time_zone, enabled, next_run_at, created_at, updated_at) VALUES ('hs', 'pull', '{\"kind\":\"sometimes\"}', 'UTC', 1, ?, ?, ?)").run(now, now, now);
    expect(listSchedules(db)[0]).toMatchObject({ enabled: false, spec: { kind: 'cron' } });
  });
});
