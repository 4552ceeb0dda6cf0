import { describe, it, expect, afterEach } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrations, runMigrations, latestVersion, NewerDatabaseError } from '../../main/store/migrations';
import { openDatabase } from '../../main/store/db';

const tables = (db: Database.Database): string[] =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

/** Rows any version's schema can hold, so an upgrade test has data to carry across. */
function insertSampleRows(db: Database.Database): void {
  const now = new Date().toISOString();
  db.prepare("INSERT INTO connections (id, provider, label, auth_kind, created_at, updated_at) VALUES ('sf', 'salesforce', 'Org', 'oauth', ?, ?)").run(now, now);
  db.prepare('INSERT INTO people (email, first_name, created_at, updated_at) VALUES (?, ?, ?, ?)').run('ada@example.com', 'Ada', now, now);
  db.prepare("INSERT INTO audit_log (at, kind, action, outcome, summary) VALUES (?, 'system', 'test', 'ok', 'before upgrade')").run(now);
}

describe('migrations', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('are numbered uniquely and ascending', () => {
    const versions = migrations.map((m) => m.version);
    expect(new Set(versions).size).toBe(versions.length);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(latestVersion()).toBe(versions[versions.length - 1]);
  });

  it('build the schema from nothing with every table later issues need', () => {
    const db = new Database(':memory:');
    const report = runMigrations(db);
    expect(report.from).toBe(0);
    expect(report.to).toBe(latestVersion());
    for (const t of ['people', 'orders', 'events', 'tickets', 'external_links', 'mappings', 'sync_queue', 'audit_log', 'sync_cursors', 'settings', 'query_history', 'connections']) {
      expect(tables(db)).toContain(t);
    }
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
  });

  // One case per earlier version: build that version's schema, put rows in, upgrade, check they survived.
  for (const m of migrations.filter((x) => x.version < latestVersion())) {
    it(`upgrade a database from version ${m.version} keeping its rows`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'tcs-mig-'));
      dirs.push(dir);
      const file = join(dir, 'store.sqlite');
      const old = new Database(file);
      runMigrations(old, { target: m.version });
      expect(old.pragma('user_version', { simple: true })).toBe(m.version);
      insertSampleRows(old);
      old.close();

      const { db, migrations: report } = openDatabase(file);
      expect(report.from).toBe(m.version);
      expect(report.to).toBe(latestVersion());
      expect(report.backupPath).toBeDefined();
      expect(readdirSync(dir).some((f) => f.includes(`.before-v${latestVersion()}`))).toBe(true);
      expect((db.prepare('SELECT email FROM people').get() as { email: string }).email).toBe('ada@example.com');
      expect((db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n).toBe(1);
      db.close();
    });
  }

  it('refuse a database from a newer version with a message that says what to do', () => {
    const db = new Database(':memory:');
    runMigrations(db);
    db.pragma(`user_version = ${latestVersion() + 1}`);
    expect(() => runMigrations(db)).toThrow(NewerDatabaseError);
    expect(() => runMigrations(db)).toThrow(/Update the app/);
  });

  it('leave the database untouched when a migration fails midway', () => {
    const db = new Database(':memory:');
    const broken = { version: latestVersion() + 1, name: 'broken', up: (d: Database.Database) => d.exec('CREATE TABLE half_done (x); SELECT * FROM no_such_table;') };
    migrations.push(broken);
    try {
      runMigrations(db, { target: latestVersion() - 1 });
      const before = db.pragma('user_version', { simple: true });
      expect(() => runMigrations(db)).toThrow();
      expect(db.pragma('user_version', { simple: true })).toBe(before);
      expect(tables(db)).not.toContain('half_done');
    } finally {
      migrations.pop();
    }
  });
});

describe('a new store', () => {
  it('starts in incremental auto-vacuum mode so pruning never needs a full VACUUM', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tcs-av-'));
    try {
      const { db } = openDatabase(join(dir, 'store.sqlite'));
      expect(db.pragma('auto_vacuum', { simple: true })).toBe(2);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
