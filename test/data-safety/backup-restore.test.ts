import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices, type AppServices } from '../../main/services/app-services';
import { MemorySecretStore } from '../../main/auth/secret-store';
import { backupStore, backupToFolder, listBackups, restoreStore, inspectStoreFile, NotAStoreError, StoreBusyError, BackupTargetExistsError } from '../../main/data-safety';
import { runMigrations, latestVersion, NewerDatabaseError } from '../../main/store/migrations';
import { acquireRunnerLock } from '../../main/schedule/runner-lock';
import { listAudit } from '../../main/store/audit-log';
import { getSchedule } from '../../main/store/schedules';
import { FakeRunner } from '../schedule/helpers';
import { count, seedStore } from './helpers';

describe('backup and restore', () => {
  let dir: string;
  let services: AppServices;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tcs-backup-'));
    services = createAppServices({ dataDir: join(dir, 'data'), shell: 'test', logToConsole: false, secretStore: new MemorySecretStore(), syncRunner: new FakeRunner({ now: Date.now }) });
    seedStore(services.db);
  });
  afterEach(async () => {
    await services.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips: what was backed up comes back, the store in between is kept as a safety backup, and the app keeps working', async () => {
    services.schedules.set({ connectionId: 'hubspot', direction: 'push', spec: { kind: 'nightly', time: '02:00' }, timeZone: 'UTC' });
    const backup = await backupToFolder(services.db, services.dataDir);
    expect(backup.name).toMatch(/^ticket-crm-sync-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.sqlite$/);
    expect(inspectStoreFile(backup.file).schemaVersion).toBe(latestVersion());

    // Life goes on after the backup.
    services.db.prepare("UPDATE people SET first_name = 'Changed'").run();
    services.db.prepare("INSERT INTO people (email, created_at, updated_at) VALUES ('new@example.com', 'x', 'x')").run();
    services.schedules.clear('hubspot', 'push');
    services.schedules.start();

    const result = await restoreStore(services, backup.file);
    expect(result).toMatchObject({ restoredFrom: backup.file, schemaVersion: latestVersion(), backupSchemaVersion: latestVersion() });
    const db = services.db;
    expect(db.prepare('SELECT email, first_name FROM people ORDER BY id').all()).toEqual([{ email: 'ada@example.com', first_name: 'Ada' }]);
    for (const t of ['orders', 'tickets', 'events', 'external_links']) expect(count(db, t)).toBe(1);
    expect(getSchedule(db, 'hubspot', 'push')).toBeDefined();
    expect(services.connections.list().map((c) => c.id)).toEqual(['hubspot']);
    expect(services.schedules.scheduler.running).toBe(true);
    expect(listAudit(db, { limit: 5, kind: 'system' }).entries[0]).toMatchObject({ action: 'restore', outcome: 'ok' });

    // The store as it was just before the restore is a backup of its own.
    const safety = new Database(result.safetyBackup, { readonly: true });
    expect(safety.prepare('SELECT COUNT(*) AS n FROM people').get()).toEqual({ n: 2 });
    safety.close();
    expect(listBackups(services.dataDir).map((b) => b.file).sort()).toEqual([backup.file, result.safetyBackup].sort());
    // No work files are left beside the store.
    expect(readdirSync(services.dataDir).filter((n) => n.startsWith('.restore-'))).toEqual([]);
  });

  it('upgrades a backup from an older version on the way in, leaving the backup file as it was', async () => {
    const old = join(dir, 'v4.sqlite');
    const db = new Database(old);
    runMigrations(db, { target: 4 });
    seedStore(db, { firstName: 'Old Ada' });
    db.close();
    const result = await restoreStore(services, old);
    expect(result.backupSchemaVersion).toBe(4);
    expect(services.db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(services.db.prepare('SELECT first_name FROM people').get()).toEqual({ first_name: 'Old Ada' });
    expect(inspectStoreFile(old).schemaVersion).toBe(4);
  });

  it('refuses files that are not our store, damaged, or from a newer version, without touching the store', async () => {
    const text = join(dir, 'notes.sqlite');
    writeFileSync(text, 'just some text, long enough to have a header');
    await expect(restoreStore(services, text)).rejects.toThrow(/not an SQLite database/);
    const other = join(dir, 'other.sqlite');
    new Database(other).exec('CREATE TABLE x (a); PRAGMA user_version = 3').close();
    await expect(restoreStore(services, other)).rejects.toThrow(NotAStoreError);
    await expect(restoreStore(services, join(dir, 'missing.sqlite'))).rejects.toThrow(/no such backup file/);
    const newer = join(dir, 'newer.sqlite');
    const n = new Database(newer);
    runMigrations(n);
    n.pragma(`user_version = ${latestVersion() + 1}`);
    n.close();
    await expect(restoreStore(services, newer)).rejects.toThrow(NewerDatabaseError);
    const damaged = join(dir, 'damaged.sqlite');
    const b = await backupStore(services.db, damaged);
    const bytes = Buffer.alloc(b.bytes, 0);
    const { readFileSync } = await import('node:fs');
    readFileSync(damaged).copy(bytes, 0, 0, 4096);
    writeFileSync(damaged, bytes);
    await expect(restoreStore(services, damaged)).rejects.toThrow(NotAStoreError);
    expect(count(services.db, 'people')).toBe(1);
  });

  it('refuses while another live runner works on the store', async () => {
    const backup = await backupToFolder(services.db, services.dataDir);
    acquireRunnerLock(services.db, 'hubspot', { owner: '999@elsewhere#1.ffff', now: Date.now(), leaseMs: 120_000, isOwnerAlive: () => true });
    await expect(restoreStore(services, backup.file, { isOwnerAlive: () => true })).rejects.toThrow(StoreBusyError);
    await expect(restoreStore(services, backup.file, { isOwnerAlive: () => true })).rejects.toThrow(/another runner \(pid 999 on host elsewhere.*Stop it first/);
  });

  it('never overwrites a file and leaves no partial file behind', async () => {
    const target = join(dir, 'b.sqlite');
    await backupStore(services.db, target);
    await expect(backupStore(services.db, target)).rejects.toThrow(BackupTargetExistsError);
    expect(existsSync(`${target}.partial`)).toBe(false);
  });
});

describe('automatic backup before a migration', () => {
  it('copies a file store at its old version, with its rows, before upgrading it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tcs-migbak-'));
    try {
      const file = join(dir, 'data', 'ticket-crm-sync.sqlite');
      const { mkdirSync } = await import('node:fs');
      mkdirSync(join(dir, 'data'));
      const old = new Database(file);
      runMigrations(old, { target: 1 });
      seedStore(old);
      old.close();
      const services = createAppServices({ dataDir: join(dir, 'data'), shell: 'test', logToConsole: false, secretStore: new MemorySecretStore() });
      try {
        const copies = readdirSync(join(dir, 'data')).filter((n) => /^ticket-crm-sync\.sqlite\.before-v\d+-\d+\.bak$/.test(n));
        expect(copies).toHaveLength(1);
        const copy = new Database(join(dir, 'data', copies[0]), { readonly: true });
        expect(copy.pragma('user_version', { simple: true })).toBe(1);
        expect(copy.prepare('SELECT email FROM people').all()).toEqual([{ email: 'ada@example.com' }]);
        copy.close();
        expect(services.info().schemaVersion).toBe(latestVersion());
        expect(listAudit(services.db, { limit: 5, kind: 'system' }).entries[0].summary).toBe(`Local store upgraded from schema 1 to ${latestVersion()}`);
      } finally {
        await services.close();
      }
      // Opening an up-to-date store makes no new copy.
      const again = createAppServices({ dataDir: join(dir, 'data'), shell: 'test', logToConsole: false, secretStore: new MemorySecretStore() });
      await again.close();
      expect(readdirSync(join(dir, 'data')).filter((n) => n.endsWith('.bak'))).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
