import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices, type AppServices } from '../../main/services/app-services';
import { MemorySecretStore, SecretStoreUnavailableError, type SecretStore } from '../../main/auth/secret-store';
import { backupToFolder, deleteAllLocalData, exportAll, exportToFolder, EXPORT_TABLES, StoreBusyError } from '../../main/data-safety';
import { registerSecret } from '../../main/log/redact';
import { acquireRunnerLock } from '../../main/schedule/runner-lock';
import { appendAudit } from '../../main/store/audit-log';
import { createHandlers } from '../../main/ipc/handlers';
import { createDispatcher } from '../../main/ipc/dispatcher';
import { count, seedStore } from './helpers';

/** Parses the CSV the exporter writes (quoted cells, CRLF rows, BOM). */
function parseCsv(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.slice(1);
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted && ch === '"' && body[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && ch === '"') quoted = false;
    else if (quoted) cell += ch;
    else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\r' && body[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += ch;
  }
  return rows;
}

const records = (file: string): Array<Record<string, string>> => {
  const [head, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
};

describe('export of everything as CSV', () => {
  let dir: string;
  let services: AppServices;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tcs-export-'));
    services = createAppServices({ dataDir: join(dir, 'data'), shell: 'test', logToConsole: false, secretStore: new MemorySecretStore() });
    seedStore(services.db, { firstName: '=HYPERLINK("http://evil.example","click")' });
  });
  afterEach(async () => {
    await services.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes people, orders, tickets, events, links, connections and the audit log with every row', async () => {
    const res = await exportAll(services.db, join(dir, 'out'));
    const audits = count(services.db, 'audit_log');
    expect(res.files).toEqual(EXPORT_TABLES.map((t) => ({ name: t.file, rows: t.table === 'audit_log' ? audits : 1 })));
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(EXPORT_TABLES.map((t) => t.file).sort());
    const [ada] = records(join(dir, 'out', 'people.csv'));
    expect(ada).toMatchObject({ email: 'ada@example.com', last_name: 'Lovelace', company: 'Analytical, Ltd.', custom_fields: '{"tshirt":"M"}', total_spent: '120.5' });
    // A leading + is a formula to spreadsheets, so even a phone number gets the quote (shared/csv-safety.ts).
    expect(ada.phone).toBe("'+44 20 7946 0000");
    expect(ada).not.toHaveProperty('created_run_id');
    expect(records(join(dir, 'out', 'orders.csv'))[0]).toMatchObject({ external_order_id: 'EB-1', total: '-12.5', currency: 'EUR' });
    expect(records(join(dir, 'out', 'tickets.csv'))[0]).toMatchObject({ attendee_key: 'a1', ticket_type: 'VIP' });
    expect(records(join(dir, 'out', 'events.csv'))[0]).toMatchObject({ name: 'Conf 2026', venue: 'Hall A, Berlin' });
    expect(records(join(dir, 'out', 'links.csv'))[0]).toMatchObject({ connection_id: 'hubspot', object: 'contacts', external_id: '901' });
    expect(records(join(dir, 'out', 'audit-log.csv'))).toContainEqual(expect.objectContaining({ kind: 'sync', summary: 'Pushed Ada', detail: '{"records":1}' }));
  });

  it('neutralises formulas: a cell that would run in a spreadsheet starts with a quote', async () => {
    await exportAll(services.db, join(dir, 'out'));
    const raw = readFileSync(join(dir, 'out', 'people.csv'), 'utf8');
    expect(records(join(dir, 'out', 'people.csv'))[0].first_name).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(raw).not.toMatch(/(^|,)=HYPERLINK/m);
    // Plain negative numbers stay numbers.
    expect(records(join(dir, 'out', 'orders.csv'))[0].total).toBe('-12.5');
  });

  it('carries no secret, even one that reached free text', async () => {
    registerSecret('pat-na1-11111111-2222-3333');
    services.db.prepare("UPDATE people SET custom_fields = ?, phone = ? WHERE id = 1").run(JSON.stringify({ note: 'token pat-na1-11111111-2222-3333' }), 'Bearer abcdefghijklmnop');
    appendAudit(services.db, { kind: 'connection', action: 'connect', outcome: 'ok', summary: 'url https://x.example/cb?access_token=qwertyuiop123', detail: { refresh_token: 'r-123456789', ok: true } });
    await exportAll(services.db, join(dir, 'out'));
    const all = readdirSync(join(dir, 'out')).map((f) => readFileSync(join(dir, 'out', f), 'utf8')).join('\n');
    for (const secret of ['pat-na1-11111111-2222-3333', 'abcdefghijklmnop', 'qwertyuiop123', 'r-123456789']) expect(all).not.toContain(secret);
    expect(all).toContain('[REDACTED]');
  });

  it('refuses a folder that already holds an export, and names new folders by time', async () => {
    await exportAll(services.db, join(dir, 'out'));
    await expect(exportAll(services.db, join(dir, 'out'))).rejects.toThrow(/already holds an export/);
    const r = await exportToFolder(services.db, services.dataDir, Date.parse('2026-04-01T10:00:00Z'));
    expect(r.dir).toBe(join(services.dataDir, 'exports', 'export-2026-04-01T10-00-00Z'));
  });

  it('streams a large table in chunks and keeps the app connection free meanwhile', async () => {
    const insert = services.db.prepare("INSERT INTO people (email, first_name, created_at, updated_at) VALUES (?, 'X', 'x', 'x')");
    services.db.transaction(() => {
      for (let i = 0; i < 5000; i++) insert.run(`bulk${i}@example.com`);
    })();
    const pending = exportAll(services.db, join(dir, 'big'));
    // The app can keep writing while the export reads its own snapshot.
    services.db.prepare("INSERT INTO people (email, created_at, updated_at) VALUES ('late@example.com', 'x', 'x')").run();
    const res = await pending;
    expect(res.files.find((f) => f.name === 'people.csv')!.rows).toBe(5001);
    expect(count(services.db, 'people')).toBe(5002);
  });
});

describe('delete all local data', () => {
  let dir: string;
  let services: AppServices;
  let secrets: MemorySecretStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tcs-delete-'));
    secrets = new MemorySecretStore();
    await secrets.set('hubspot', '{"accessToken":"pat-na1-aaaaaaaa-bbbb"}');
    await secrets.set('salesforce-2', '{"accessToken":"00Dxx"}');
    services = createAppServices({ dataDir: join(dir, 'data'), shell: 'test', logToConsole: false, secretStore: secrets });
    seedStore(services.db, { extraPeople: 3 });
    services.schedules.set({ connectionId: 'hubspot', direction: 'pull', spec: { kind: 'hourly' }, timeZone: 'UTC' });
  });
  afterEach(async () => {
    await services.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('empties the store, the keychain, backups, exports, import files, upgrade copies and logs', async () => {
    const data = services.dataDir;
    await backupToFolder(services.db, data);
    await exportToFolder(services.db, data);
    mkdirSync(join(data, 'imports', 'uploads'), { recursive: true });
    writeFileSync(join(data, 'imports', 'uploads', 'u1.csv'), 'email\nada@example.com\n');
    writeFileSync(join(data, 'ticket-crm-sync.sqlite.before-v5-1.bak'), 'old copy');
    services.logger.info('Pushed ada@example.com');
    await new Promise((r) => setTimeout(r, 50));
    expect(statSync(join(data, 'logs', 'main.log')).size).toBeGreaterThan(0);

    const result = await deleteAllLocalData(services);
    expect(result.keychainEntriesRemoved).toBe(2);
    expect(result.rowsDeleted).toBeGreaterThan(8);
    expect(result.filesRemoved).toBeGreaterThanOrEqual(4);
    expect(await secrets.accounts()).toEqual([]);
    for (const t of ['people', 'orders', 'tickets', 'events', 'external_links', 'connections', 'schedules']) expect(count(services.db, t)).toBe(0);
    // Only the fresh store's own notes: created, and that everything was deleted.
    expect(services.db.prepare('SELECT DISTINCT kind FROM audit_log').all()).toEqual([{ kind: 'system' }]);
    expect(services.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'delete-all'").get()).toEqual({ n: 1 });
    for (const d of ['backups', 'exports', 'imports']) expect(existsSync(join(data, d))).toBe(false);
    expect(readdirSync(data).filter((n) => n.endsWith('.bak'))).toEqual([]);
    expect(readFileSync(join(data, 'logs', 'main.log'), 'utf8')).not.toContain('ada@example.com');
    // The app carries on with an empty store.
    expect(services.connections.list()).toEqual([]);
    expect(services.schedules.list().schedules).toEqual([]);
  });

  it('deletes nothing when the keychain cannot be reached', async () => {
    const broken: SecretStore = {
      kind: 'keychain',
      get: async () => null,
      set: async () => undefined,
      delete: async () => {
        throw new SecretStoreUnavailableError(new Error('Cannot autolaunch D-Bus'));
      },
      accounts: async () => {
        throw new SecretStoreUnavailableError(new Error('Cannot autolaunch D-Bus'));
      },
    };
    const host = Object.assign(Object.create(services) as AppServices, { secrets: broken });
    await expect(deleteAllLocalData(host)).rejects.toThrow(SecretStoreUnavailableError);
    expect(count(services.db, 'people')).toBe(4);
  });

  it('refuses while another live runner works on the store', async () => {
    acquireRunnerLock(services.db, 'hubspot', { owner: '31337@box#1.aaaa', now: Date.now(), leaseMs: 120_000, isOwnerAlive: () => true });
    await expect(deleteAllLocalData(services, { isOwnerAlive: () => true })).rejects.toThrow(StoreBusyError);
    expect(await secrets.accounts()).toHaveLength(2);
  });

  it('through IPC: needs the exact confirmation, and answers what it removed', async () => {
    const dispatch = createDispatcher(createHandlers(services), services.logger, { checkResponses: true });
    expect(await dispatch('data:deleteAll', { confirm: 'yes' })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(count(services.db, 'people')).toBe(4);
    const res = await dispatch('data:deleteAll', { confirm: 'DELETE' });
    expect(res).toMatchObject({ ok: true, data: { keychainEntriesRemoved: 2 } });
    expect(count(services.db, 'people')).toBe(0);
  });
});
