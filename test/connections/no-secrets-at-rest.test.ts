import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import keytar from 'keytar';
import { browser, makeApp, setFaults, start, type TestApp, useAnyCallbackPort } from './helpers';
import type { Emulator } from '../emulators/index';

/** Own keychain service: test files run in parallel. */
const SERVICE = 'ticket-crm-sync-test-leak';
import { writeSetting } from '../../main/store/settings';

const SF_CLIENT = '3MVG9EmulatorTicketCrmSyncConsumerKey';
const SF_SECRET = 'emulator-consumer-secret';
const HS_CLIENT = 'hubspot-emulator-client-id';
const HS_SECRET = 'hubspot-emulator-client-secret';
const HS_PRIVATE = 'pat-na1-99999999-8888-7777-6666-555555555555';
const PD_TOKEN = 'fedcba9876543210fedcba9876543210fedcba98';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('no secret reaches SQLite or the log files', () => {
  let sf: Emulator;
  let hs: Emulator;
  let pd: Emulator;
  let app: TestApp;
  const secrets = new Set<string>([SF_SECRET, HS_SECRET, HS_PRIVATE, PD_TOKEN]);

  const remember = async (account: string) => {
    const raw = await keytar.getPassword(SERVICE, account);
    const s = JSON.parse(raw!) as Record<string, unknown>;
    for (const k of ['accessToken', 'refreshToken', 'clientSecret']) if (typeof s[k] === 'string') secrets.add(s[k] as string);
  };

  beforeAll(async () => {
    [sf, hs, pd] = await Promise.all([start('salesforce'), start('hubspot', { token: HS_PRIVATE }), start('pipedrive', { token: PD_TOKEN })]);
    app = makeApp({ service: SERVICE });
    useAnyCallbackPort(app.services.db);
    writeSetting(app.services.db, 'log.debug', true);
    app.services.logger.setDebug(true);
  });
  afterAll(async () => {
    await app.cleanup();
    await Promise.all([sf.close(), hs.close(), pd.close()]);
  });

  it('after connect, writes, forced refresh and disconnect, no secret value is in any file of the data folder', async () => {
    const c = app.services.connections;
    await (await c.startConnect({ provider: 'salesforce', loginUrl: sf.url, clientId: SF_CLIENT, clientSecret: SF_SECRET }, { openUrl: browser() })).done;
    await (await c.startConnect({ provider: 'hubspot', loginUrl: hs.url, clientId: HS_CLIENT, clientSecret: HS_SECRET }, { openUrl: browser() })).done;
    await c.connectWithToken({ provider: 'hubspot', asNew: true, loginUrl: hs.url, token: HS_PRIVATE });
    await c.connectWithToken({ provider: 'pipedrive', domain: 'acme', loginUrl: pd.url, token: PD_TOKEN });
    for (const id of ['salesforce', 'hubspot', 'hubspot-2', 'pipedrive']) await remember(id);

    // Some traffic, a forced expiry and refresh, a failing call, a test: everything that logs.
    const sfp = await c.provider('salesforce');
    await sfp.write('Contact', 'create', [{ fields: { LastName: 'Leak', Email: 'leak@example.com' } }, { fields: {} }]);
    await setFaults(sf, { expireTokensNow: true });
    await sfp.describe('Contact', { refresh: true });
    const hsp = await c.provider('hubspot');
    await hsp.write('contacts', 'upsert', [{ fields: { email: 'leak@example.com', firstname: 'L' } }], { matchField: 'email' });
    await setFaults(hs, { expireTokensNow: true });
    await hsp.describe('contacts', { refresh: true });
    await (await c.provider('pipedrive')).write('persons', 'create', [{ fields: { name: 'Leak' } }]);
    await c.test('salesforce');
    await c.test('hubspot');
    for (const id of ['salesforce', 'hubspot']) await remember(id);
    await c.provider('pipedrive').then((p) => p.query({ language: 'soql', soql: 'SELECT Id FROM Contact' })[Symbol.asyncIterator]().next()).catch(() => undefined);
    await c.connectWithToken({ provider: 'hubspot', connectionId: 'hubspot-3', loginUrl: hs.url, token: `${HS_PRIVATE}x` }).catch(() => undefined);
    secrets.add(`${HS_PRIVATE}x`);
    for (const id of ['salesforce', 'hubspot', 'hubspot-2', 'pipedrive']) await c.disconnect(id);
    await app.services.close();

    const files = filesUnder(app.dataDir);
    expect(files.some((f) => f.endsWith('.sqlite'))).toBe(true);
    expect(files.some((f) => f.endsWith('main.log'))).toBe(true);
    const log = readFileSync(files.find((f) => f.endsWith('main.log'))!, 'utf8');
    expect(log).toMatch(/Refreshed the Salesforce access token/);
    expect(log).toMatch(/Disconnected HubSpot/);
    expect(secrets.size).toBeGreaterThanOrEqual(10);
    const leaks: string[] = [];
    for (const f of files) {
      const content = readFileSync(f).toString('latin1');
      for (const s of secrets) if (content.includes(s)) leaks.push(`${f}: ${s.slice(0, 6)}…`);
    }
    expect(leaks).toEqual([]);
  });
});
