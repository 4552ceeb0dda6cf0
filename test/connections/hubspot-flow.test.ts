import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import keytar from 'keytar';
import { browser, makeApp, portOf, portOpen, setFaults, start, stats, type TestApp, useAnyCallbackPort } from './helpers';
import type { Emulator } from '../emulators/index';

/** Own keychain service: test files run in parallel. */
const SERVICE = 'ticket-crm-sync-test-hubspot';

const CLIENT_ID = 'hubspot-emulator-client-id';
const CLIENT_SECRET = 'hubspot-emulator-client-secret';
const PRIVATE_TOKEN = 'pat-na1-11111111-2222-3333-4444-555555555555';

describe('HubSpot: OAuth app and private-app token against the emulator with the real keychain', () => {
  let emu: Emulator;
  let app: TestApp;

  beforeAll(async () => {
    emu = await start('hubspot', { token: PRIVATE_TOKEN });
    app = makeApp({ service: SERVICE });
    useAnyCallbackPort(app.services.db);
  });
  afterAll(async () => {
    await app.cleanup();
    await emu.close();
  });

  it('connects with the OAuth app and shows portal id and hub domain', async () => {
    const started = await app.services.connections.startConnect({ provider: 'hubspot', loginUrl: emu.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }, { openUrl: browser() });
    const scopes = new URL(started.authorizeUrl).searchParams.get('scope')!.split(' ');
    expect(scopes).toEqual(expect.arrayContaining(['crm.objects.contacts.write', 'crm.objects.companies.write', 'crm.objects.deals.write', 'crm.schemas.contacts.read']));
    const view = await started.done;
    expect(view).toMatchObject({ id: 'hubspot', status: 'connected', authKind: 'oauth', orgId: '24681357', user: 'demo@ticket-crm-sync.test' });
    expect(view.details).toEqual(expect.arrayContaining([{ label: 'Hub domain', value: 'ticket-crm-sync-demo.hubspot.com' }]));
    const stored = JSON.parse((await keytar.getPassword(SERVICE, 'hubspot'))!) as { clientSecret: string; refreshToken: string; expiresAt: number };
    expect(stored.clientSecret).toBe(CLIENT_SECRET);
    expect(stored.expiresAt).toBeGreaterThan(Date.now());
    expect(await portOpen(portOf(started.authorizeUrl))).toBe(false);
  });

  it('refreshes once for 20 concurrent calls after the tokens expire', async () => {
    const provider = await app.services.connections.provider('hubspot');
    const before = (await stats(emu)).byPath['/oauth/v1/token'] ?? 0;
    await setFaults(emu, { expireTokensNow: true });
    const pages = await Promise.all(Array.from({ length: 20 }, () => provider.describe('contacts', { refresh: true })));
    expect(pages.every((m) => m.fields.some((f) => f.name === 'email'))).toBe(true);
    expect(((await stats(emu)).byPath['/oauth/v1/token'] ?? 0) - before).toBe(1);
  });

  it('refuses a wrong client secret with a message naming it', async () => {
    const started = await app.services.connections.startConnect({ provider: 'hubspot', connectionId: 'hubspot-2', loginUrl: emu.url, clientId: CLIENT_ID, clientSecret: 'wrong' }, { openUrl: browser() });
    await expect(started.done).rejects.toThrow(/client id or secret/);
    expect(app.services.connections.list().map((c) => c.id)).toEqual(['hubspot']);
  });

  it('disconnect deletes the refresh token at HubSpot and the keychain entry', async () => {
    const stored = JSON.parse((await keytar.getPassword(SERVICE, 'hubspot'))!) as { refreshToken: string };
    const result = await app.services.connections.disconnect('hubspot');
    expect(result.revoked).toBe(true);
    expect(await keytar.getPassword(SERVICE, 'hubspot')).toBeNull();
    const info = await fetch(`${emu.url}/oauth/v1/refresh-tokens/${stored.refreshToken}`);
    expect(info.status).toBe(404);
  });

  it('connects a second portal connection with a private-app token and says it cannot be revoked through the API', async () => {
    const view = await app.services.connections.connectWithToken({ provider: 'hubspot', asNew: true, loginUrl: emu.url, token: PRIVATE_TOKEN });
    expect(view).toMatchObject({ id: 'hubspot-2', authKind: 'token', status: 'connected' });
    expect(app.services.connections.list().map((c) => [c.id, c.status])).toEqual([['hubspot', 'disconnected'], ['hubspot-2', 'connected']]);
    const result = await app.services.connections.disconnect('hubspot-2');
    expect(result.revoked).toBe(false);
    expect(result.message).toMatch(/cannot revoke this kind of token/);
  });

  it('refuses a bad private-app token before saving anything', async () => {
    await expect(app.services.connections.connectWithToken({ provider: 'hubspot', connectionId: 'hubspot-3', loginUrl: emu.url, token: 'pat-na1-not-a-real-token-000' })).rejects.toThrow(/reading the account failed/);
    expect(await keytar.getPassword(SERVICE, 'hubspot-3')).toBeNull();
    expect(app.services.connections.list().some((c) => c.id === 'hubspot-3')).toBe(false);
  });
});
