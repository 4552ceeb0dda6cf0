import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import keytar from 'keytar';
import { browser, makeApp, portOf, portOpen, setFaults, start, stats, type TestApp, useAnyCallbackPort } from './helpers';
import type { Emulator } from '../emulators/index';
import { AuthError } from '../../main/providers/errors';

const CLIENT_ID = '3MVG9EmulatorTicketCrmSyncConsumerKey';

describe('Salesforce: connect, refresh, revoke, reconnect against the emulator with the real keychain', () => {
  let emu: Emulator;
  let app: TestApp;

  beforeAll(async () => {
    emu = await start('salesforce');
    app = makeApp();
    useAnyCallbackPort(app.services.db);
  });
  afterAll(async () => {
    await app.cleanup();
    await emu.close();
  });

  it('connects through the loopback redirect and keeps the tokens only in the keychain', async () => {
    const opened: string[] = [];
    const started = await app.services.connections.startConnect({ provider: 'salesforce', loginUrl: emu.url, clientId: CLIENT_ID }, { openUrl: browser(opened) });
    expect(opened).toEqual([started.authorizeUrl]);
    const url = new URL(started.authorizeUrl);
    expect(url.origin + url.pathname).toBe(`${emu.url}/services/oauth2/authorize`);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    // The declared host and path (Salesforce takes http only for localhost); the port is any here (useAnyCallbackPort).
    expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/localhost:\d+\/callback$/);
    const view = await started.done;
    expect(view).toMatchObject({ id: 'salesforce', provider: 'salesforce', status: 'connected', authKind: 'oauth' });
    expect(view.user).toContain('@');
    expect(view.orgId).toMatch(/^00D/);
    expect(view.instanceUrl).toBe(emu.url);

    const entries = await keytar.findCredentials('ticket-crm-sync');
    const entry = entries.find((e) => e.account === 'salesforce');
    expect(entry).toBeDefined();
    const secrets = JSON.parse(entry!.password) as { accessToken: string; refreshToken: string };
    expect(secrets.accessToken.length).toBeGreaterThan(10);
    expect(secrets.refreshToken.length).toBeGreaterThan(10);

    // The one-shot callback server is gone once the sign-in is over.
    expect(await portOpen(portOf(started.authorizeUrl))).toBe(false);
  });

  it('refreshes once for 20 concurrent calls after the tokens expire, and retries each call', async () => {
    const provider = await app.services.connections.provider('salesforce');
    const before = (await stats(emu)).byPath['/services/oauth2/token'] ?? 0;
    await setFaults(emu, { expireTokensNow: true });
    const results = await Promise.all(Array.from({ length: 20 }, () => provider.describe('Contact', { refresh: true })));
    expect(results.every((r) => r.name === 'Contact')).toBe(true);
    const after = (await stats(emu)).byPath['/services/oauth2/token'] ?? 0;
    expect(after - before).toBe(1);
    expect(app.services.connections.get('salesforce').status).toBe('connected');
  });

  it('disconnect revokes at Salesforce, deletes the keychain entry and keeps the connection row', async () => {
    const oldSecrets = JSON.parse((await keytar.getPassword('ticket-crm-sync', 'salesforce'))!) as { accessToken: string };
    const result = await app.services.connections.disconnect('salesforce');
    expect(result.revoked).toBe(true);
    expect(result.connection.status).toBe('disconnected');
    expect(await keytar.getPassword('ticket-crm-sync', 'salesforce')).toBeNull();
    const res = await fetch(`${emu.url}/services/data/v62.0/sobjects`, { headers: { authorization: `Bearer ${oldSecrets.accessToken}` } });
    expect(res.status).toBe(401);
    await expect(app.services.connections.provider('salesforce')).rejects.toBeInstanceOf(AuthError);
  });

  it('reconnects under the same id', async () => {
    const started = await app.services.connections.startConnect({ provider: 'salesforce', loginUrl: emu.url, clientId: CLIENT_ID }, { openUrl: browser() });
    const view = await started.done;
    expect(view).toMatchObject({ id: 'salesforce', status: 'connected' });
    expect(app.services.connections.list()).toHaveLength(1);
    const provider = await app.services.connections.provider('salesforce');
    expect((await provider.listObjects()).some((o) => o.name === 'Contact')).toBe(true);
  });

  it('marks the connection "needs reconnect" when the refresh token was revoked', async () => {
    const secrets = JSON.parse((await keytar.getPassword('ticket-crm-sync', 'salesforce'))!) as { refreshToken: string };
    await fetch(`${emu.url}/services/oauth2/revoke`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: secrets.refreshToken }) });
    const provider = await app.services.connections.provider('salesforce');
    const err = await provider.describe('Account', { refresh: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect((err as AuthError).needsReconnect).toBe(true);
    const view = app.services.connections.get('salesforce');
    expect(view.status).toBe('needs_reconnect');
    expect(view.lastError).toMatch(/Reconnect/);
    // Later jobs fail fast without calling Salesforce.
    const calls = (await stats(emu)).requests;
    await expect(app.services.connections.provider('salesforce')).rejects.toMatchObject({ needsReconnect: true });
    expect((await stats(emu)).requests).toBe(calls);
  });
});
