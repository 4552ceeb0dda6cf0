import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../main/services/app-services';
import { useAnyCallbackPort } from '../connections/any-callback-port';
import { createLogger } from '../../main/log/logger';
import { KeytarSecretStore } from '../../main/auth/secret-store';
import { createImportService } from '../../main/import/service';
import { startEmulator, type Emulator } from '../emulators/index';
import { adminRecords, adminStats, buyers, toCsv } from '../sync-engine/helpers';

// A keychain service of its own: the test never sees or leaves entries of the real app.
const SERVICE = 'ticket-crm-sync-test-multi-connection';
const CLIENT_ID = '3MVG9EmulatorTicketCrmSyncConsumerKey';

/**
 * Issue 9 point 4: two Salesforce orgs ("production" and "sandbox", two emulators) connected at
 * once through the browser sign-in, side by side in one app. Each has its own label, keychain
 * entry, mappings, queue items, links and schedules, and a push to one never reaches the other.
 */
describe('two Salesforce orgs connected side by side', () => {
  let prod: Emulator;
  let sandbox: Emulator;
  let app: AppServices;
  let dir: string;
  const secrets = new KeytarSecretStore(SERVICE);
  const requests = async (emu: Emulator) => (await adminStats(emu)).requests;
  const contacts = async (emu: Emulator) => (await adminRecords(emu, 'Contact')).filter((r) => r.IsDeleted !== true);
  const queueRows = (connectionId: string) => (app.db.prepare('SELECT COUNT(*) FROM sync_queue WHERE connection_id = ?').pluck().get(connectionId) as number);
  const links = (connectionId: string) => app.db.prepare("SELECT external_id FROM external_links WHERE connection_id = ? AND local_kind = 'person' ORDER BY local_id").pluck().all(connectionId) as string[];

  const signIn = async (emu: Emulator, extra: { label: string; asNew?: boolean; connectionId?: string }) => {
    // The emulator approves at once: fetching the authorize URL plays the browser.
    const started = await app.connections.startConnect({ provider: 'salesforce', loginUrl: emu.url, clientId: CLIENT_ID, ...extra }, { openUrl: (url) => (void fetch(url).then((r) => r.text()).catch(() => undefined), true) });
    return started.done;
  };

  beforeAll(async () => {
    for (const account of await secrets.accounts()) await secrets.delete(account);
    prod = await startEmulator('salesforce', { autoApprove: true, seed: { org: { username: 'ops@acme.example', firstName: 'Olga', lastName: 'Ops' } } });
    sandbox = await startEmulator('salesforce', { autoApprove: true, seed: { org: { username: 'ops@acme.example.staging', firstName: 'Olga', lastName: 'Ops' } } });
    dir = mkdtempSync(join(tmpdir(), 'tcs-multi-'));
    const logger = createLogger({ dir, console: false });
    app = createAppServices({ dataDir: dir, shell: 'test', secretStore: secrets, logger });
    useAnyCallbackPort(app.db);
    const file = join(dir, 'buyers.csv');
    writeFileSync(file, toCsv(buyers(6, { prefix: 'multi', companyEvery: 0 })));
    const imported = await createImportService({ db: app.db, dataDir: dir, logger }).importFile(file, { presetName: 'generic' });
    expect(imported.created).toBe(6);
  });
  afterAll(async () => {
    await app?.close();
    await prod?.close();
    await sandbox?.close();
    for (const account of await secrets.accounts().catch(() => [])) await secrets.delete(account);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('connects production, then adds the sandbox as a second connection with its own label', async () => {
    const p = await signIn(prod, { label: 'Acme production' });
    expect(p).toMatchObject({ id: 'salesforce', label: 'Acme production', user: 'ops@acme.example', status: 'connected', loginUrl: prod.url });
    const s = await signIn(sandbox, { label: 'Acme sandbox', asNew: true });
    expect(s).toMatchObject({ id: 'salesforce-2', label: 'Acme sandbox', user: 'ops@acme.example.staging', status: 'connected', loginUrl: sandbox.url });
    expect(app.connections.list().map((c) => [c.id, c.label, c.providerName])).toEqual([
      ['salesforce', 'Acme production', 'Salesforce'],
      ['salesforce-2', 'Acme sandbox', 'Salesforce'],
    ]);
    // With two orgs, a plain connect must be told which one to sign in again.
    await expect(app.connections.startConnect({ provider: 'salesforce', loginUrl: sandbox.url, clientId: CLIENT_ID })).rejects.toThrow(/several Salesforce connections \(salesforce, salesforce-2\)/);
    expect(() => app.connections.resolveId('salesforce')).not.toThrow(); // the first connection's id is also the provider's name
  });

  it('keeps one keychain entry per connection, each with its own org\'s tokens', async () => {
    expect((await secrets.accounts()).sort()).toEqual(['salesforce', 'salesforce-2']);
    const p = JSON.parse((await secrets.get('salesforce'))!) as { accessToken: string; refreshToken: string; instanceUrl: string };
    const s = JSON.parse((await secrets.get('salesforce-2'))!) as { accessToken: string; refreshToken: string; instanceUrl: string };
    expect(p.instanceUrl).toBe(prod.url);
    expect(s.instanceUrl).toBe(sandbox.url);
    expect(p.accessToken).not.toBe(s.accessToken);
    expect(p.refreshToken).not.toBe(s.refreshToken);
    // Each client talks to its own org as its own user.
    expect((await (await app.connections.provider('salesforce')).account()).user).toBe('ops@acme.example');
    expect((await (await app.connections.provider('salesforce-2')).account()).user).toBe('ops@acme.example.staging');
  });

  it('keeps a mapping per connection: a saved sandbox mapping leaves production on its default', async () => {
    const def = (await app.mappings.get('salesforce-2', 'Contact')).mapping!;
    const edited = { ...def, fields: def.fields.map((f) => (f.crm === 'Phone' ? { ...f, direction: 'pull' as const } : f)) };
    expect((await app.mappings.save('salesforce-2', 'Contact', edited)).saved).toBe(true);
    expect((await app.mappings.get('salesforce-2', 'Contact')).source).toBe('saved');
    const production = await app.mappings.get('salesforce', 'Contact');
    expect(production.source).toBe('default');
    expect(production.mapping!.fields.find((f) => f.crm === 'Phone')!.direction).toBe('both');
  });

  it('a push to production writes only there; the sandbox sees no request and gets no queue item or link', async () => {
    const sandboxBefore = await requests(sandbox);
    const run = await app.sync.push({ connectionId: 'salesforce', trigger: 'test' });
    expect(run.status, run.message ?? '').toBe('ok');
    expect(run.message).toMatch(/^Pushed to Acme production: /);
    expect(await contacts(prod)).toHaveLength(6);
    expect(await contacts(sandbox)).toHaveLength(0);
    expect(await requests(sandbox)).toBe(sandboxBefore);
    expect(queueRows('salesforce')).toBeGreaterThan(0);
    expect(queueRows('salesforce-2')).toBe(0);
    expect(links('salesforce')).toHaveLength(6);
    expect(links('salesforce-2')).toHaveLength(0);
  });

  it('the sandbox push runs from its own schedule, with its own mapping, and leaves production alone', async () => {
    app.schedules.set({ connectionId: 'salesforce-2', direction: 'push', spec: { kind: 'nightly', time: '02:30' }, timeZone: 'UTC' });
    app.schedules.set({ connectionId: 'salesforce', direction: 'push', spec: { kind: 'hourly' }, timeZone: 'UTC', enabled: false });
    const listed = app.schedules.list().schedules.map((s) => [s.connectionId, s.connectionLabel, s.direction, s.enabled]);
    expect(listed).toEqual(expect.arrayContaining([
      ['salesforce', 'Acme production', 'push', false],
      ['salesforce-2', 'Acme sandbox', 'push', true],
    ]));

    const prodBefore = await requests(prod);
    const started = app.schedules.runNow({ connectionId: 'salesforce-2', direction: 'push' });
    expect(started.started).toBe(1);
    await started.promise;
    const run = app.sync.runs({ connectionId: 'salesforce-2', limit: 1 })[0];
    expect(run, 'the scheduled sandbox run').toBeDefined();
    expect(run.status, run.message ?? '').toBe('ok');
    expect(await contacts(sandbox)).toHaveLength(6);
    expect(await requests(prod)).toBe(prodBefore);
    expect(await contacts(prod)).toHaveLength(6);
    // Pushed with the sandbox's saved mapping: Phone is pulled there, never pushed.
    expect((await contacts(sandbox)).every((c) => c.Phone === null || c.Phone === undefined)).toBe(true);
    expect((await contacts(prod)).every((c) => typeof c.Phone === 'string')).toBe(true);
    // Two orgs, two sets of links to different records of the same people.
    expect(links('salesforce-2')).toHaveLength(6);
    expect(app.sync.runs({ connectionId: 'salesforce' }).every((r) => r.connectionId === 'salesforce')).toBe(true);
  });

  it('an edit queues work for each connection separately, and pushing one drains only its own items', async () => {
    app.db.prepare("UPDATE people SET first_name = 'Changed', updated_at = '2030-01-01T00:00:00Z' WHERE email = 'multi0@example.com'").run();
    const sandboxBefore = await requests(sandbox);
    const run = await app.sync.push({ connectionId: 'salesforce', trigger: 'test' });
    expect(run.status, run.message ?? '').toBe('ok');
    expect(run.updated).toBe(1);
    expect((await contacts(prod)).find((c) => c.Email === 'multi0@example.com')!.FirstName).toBe('Changed');
    expect((await contacts(sandbox)).find((c) => c.Email === 'multi0@example.com')!.FirstName).toBe('First0');
    expect(await requests(sandbox)).toBe(sandboxBefore);
    const dry = await app.sync.dryRun({ connectionId: 'salesforce-2' });
    expect(dry.objects.find((o) => o.object === 'Contact')).toMatchObject({ update: 1 });
  });

  it('disconnecting the sandbox deletes only its keychain entry; production keeps working and the sandbox mapping stays', async () => {
    await app.connections.disconnect('salesforce-2');
    expect(await secrets.accounts()).toEqual(['salesforce']);
    expect(app.connections.get('salesforce-2').status).toBe('disconnected');
    expect(app.connections.get('salesforce').status).toBe('connected');
    expect(app.db.prepare('SELECT COUNT(*) FROM mappings WHERE connection_id = ?').pluck().get('salesforce-2')).toBe(1);
    const run = await app.sync.push({ connectionId: 'salesforce', trigger: 'test' });
    expect(run.status, run.message ?? '').toBe('ok');
    // With the sandbox gone, the provider name stands for production again.
    expect(app.connections.resolveId('salesforce')).toBe('salesforce');
  });
});
