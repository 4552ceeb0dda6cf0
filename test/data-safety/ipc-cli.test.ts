import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createAppServices, type AppServices } from '../../main/services/app-services';
import { MemorySecretStore } from '../../main/auth/secret-store';
import { createHandlers } from '../../main/ipc/handlers';
import { createDispatcher, type Dispatch } from '../../main/ipc/dispatcher';
import { seedStore } from './helpers';

describe('data channels', () => {
  let dir: string;
  let services: AppServices;
  let dispatch: Dispatch;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tcs-data-ipc-'));
    services = createAppServices({ dataDir: dir, shell: 'test', logToConsole: false, secretStore: new MemorySecretStore() });
    seedStore(services.db);
    dispatch = createDispatcher(createHandlers(services), services.logger, { checkResponses: true });
  });
  afterAll(async () => {
    await services.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs up into the backups folder, lists it, and restores it by name', async () => {
    const made = await dispatch('data:backup', {});
    if (!made.ok) throw new Error(made.error.message);
    const { name, file } = made.data as { name: string; file: string };
    expect(file).toBe(join(dir, 'backups', name));
    const list = await dispatch('data:backups', {});
    expect(list.ok && (list.data as { backups: Array<{ name: string }> }).backups.map((b) => b.name)).toEqual([name]);
    services.db.prepare('DELETE FROM tickets').run();
    const restored = await dispatch('data:restore', { name, confirm: true });
    expect(restored).toMatchObject({ ok: true, data: { restoredFrom: file } });
    expect(services.db.prepare('SELECT COUNT(*) AS n FROM tickets').get()).toEqual({ n: 1 });
  });

  it('only restores a plain file name from the backups folder, and only when confirmed', async () => {
    for (const name of ['../ticket-crm-sync.sqlite', '/etc/passwd.sqlite', 'sub/dir.sqlite', '..\\x.sqlite', '.hidden.sqlite', 'x.db']) {
      expect(await dispatch('data:restore', { name, confirm: true }), name).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    }
    expect(await dispatch('data:restore', { name: 'a.sqlite' })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await dispatch('data:restore', { name: 'missing.sqlite', confirm: true })).toMatchObject({ ok: false, error: { code: 'INVALID_BACKUP' } });
  });

  it('exports into a new folder under exports', async () => {
    const res = await dispatch('data:exportAll', {});
    if (!res.ok) throw new Error(res.error.message);
    const { dir: out } = res.data as { dir: string };
    expect(out.startsWith(join(dir, 'exports', 'export-'))).toBe(true);
    expect(existsSync(join(out, 'people.csv'))).toBe(true);
  });
});

describe('data commands', () => {
  const CLI = join(import.meta.dirname, '..', '..', 'main', 'cli', 'main.ts');
  let dir: string;
  const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', CLI, '--data-dir', join(dir, 'data'), ...args], { encoding: 'utf8', timeout: 30_000 });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tcs-data-cli-'));
    const s = createAppServices({ dataDir: join(dir, 'data'), shell: 'test', logToConsole: false, secretStore: new MemorySecretStore() });
    seedStore(s.db);
    await s.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('backup <file> writes a backup and refuses to overwrite one', () => {
    const file = join(dir, 'one.sqlite');
    const r = cli('backup', file, '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ file, name: 'one.sqlite' });
    const again = cli('backup', file);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it('restore needs --yes (exit 2), then restores and names the safety backup', () => {
    const file = join(dir, 'one.sqlite');
    const no = cli('restore', file);
    expect(no.status).toBe(2);
    expect(no.stderr).toContain('add --yes');
    const db = new Database(join(dir, 'data', 'ticket-crm-sync.sqlite'));
    db.prepare('DELETE FROM orders').run();
    db.close();
    const yes = cli('restore', file, '--yes');
    expect(yes.status).toBe(0);
    expect(yes.stdout).toMatch(/^Restored from .*one\.sqlite .*The store before it is in .*before-restore-.*\.sqlite\.\n$/);
    const after = new Database(join(dir, 'data', 'ticket-crm-sync.sqlite'), { readonly: true });
    expect(after.prepare('SELECT COUNT(*) AS n FROM orders').get()).toEqual({ n: 1 });
    after.close();
  });

  it('restore refuses a file that is not a backup with a one-line reason', () => {
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'not a database at all, really not');
    const r = cli('restore', junk, '--yes');
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`error: ${junk} is not a Ticket CRM Sync backup (not an SQLite database).`);
  });

  it('export-all <dir> lists the files and their rows; delete-all-data needs --yes', () => {
    const r = cli('export-all', join(dir, 'csv'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('people.csv       1 rows');
    const no = cli('delete-all-data');
    expect(no.status).toBe(2);
    expect(no.stderr).toContain('add --yes');
  });
});
