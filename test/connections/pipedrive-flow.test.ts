import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import keytar from 'keytar';
import { browser, makeApp, setFaults, start, stats, type TestApp, useAnyCallbackPort } from './helpers';
import type { Emulator } from '../emulators/index';

/** Own keychain service: test files run in parallel. */
const SERVICE = 'ticket-crm-sync-test-pipedrive';

const API_TOKEN = '0123456789abcdef0123456789abcdef01234567';

describe('Pipedrive: API token + company domain, and OAuth, against the emulator with the real keychain', () => {
  let emu: Emulator;
  let app: TestApp;

  beforeAll(async () => {
    emu = await start('pipedrive', { token: API_TOKEN });
    app = makeApp({ service: SERVICE });
    useAnyCallbackPort(app.services.db);
  });
  afterAll(async () => {
    await app.cleanup();
    await emu.close();
  });

  it('connects with an API token and shows the company', async () => {
    const view = await app.services.connections.connectWithToken({ provider: 'pipedrive', domain: 'acme.pipedrive.com', loginUrl: emu.url, token: API_TOKEN });
    expect(view).toMatchObject({ id: 'pipedrive', status: 'connected', authKind: 'token', domain: 'acme' });
    expect(view.user).toContain('@');
    expect(view.details.map((d) => d.label)).toEqual(['Company', 'Company domain']);
    const stored = JSON.parse((await keytar.getPassword(SERVICE, 'pipedrive'))!) as { accessToken: string; scheme: string };
    expect(stored).toMatchObject({ accessToken: API_TOKEN, scheme: 'api_token' });
  });

  it('a test call reports the API usage window', async () => {
    const result = await app.services.connections.test('pipedrive');
    expect(result.ok).toBe(true);
    expect(result.connection.usage).toMatchObject({ period: 'window' });
    expect(result.connection.usage!.max).toBeGreaterThan(0);
  });

  it('asks for the company domain when none is given', async () => {
    await expect(app.services.connections.connectWithToken({ provider: 'pipedrive', asNew: true, token: API_TOKEN })).rejects.toThrow(/company domain/);
  });

  it('connects through OAuth and refreshes once for 20 concurrent calls after expiry', async () => {
    const started = await app.services.connections.startConnect({ provider: 'pipedrive', asNew: true, loginUrl: emu.url, clientId: 'pdclient42', clientSecret: 'pdsecret42' }, { openUrl: browser() });
    const view = await started.done;
    expect(view).toMatchObject({ id: 'pipedrive-2', authKind: 'oauth', status: 'connected' });
    const provider = await app.services.connections.provider('pipedrive-2');
    const before = (await stats(emu)).byPath['/oauth/token'] ?? 0;
    await setFaults(emu, { expireTokensNow: true });
    const all = await Promise.all(Array.from({ length: 20 }, () => provider.account()));
    expect(all.every((a) => a.user === view.user)).toBe(true);
    expect(((await stats(emu)).byPath['/oauth/token'] ?? 0) - before).toBe(1);
    const result = await app.services.connections.disconnect('pipedrive-2');
    expect(result.revoked).toBe(true);
    expect(await keytar.getPassword(SERVICE, 'pipedrive-2')).toBeNull();
  });
});
