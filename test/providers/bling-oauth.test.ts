import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../main/auth/secret-store';
import { AuthError } from '../../main/providers/errors';
import { blingOAuth } from '../../main/providers/bling/auth';
import { providerDefinition } from '../../main/providers/registry';
import type { SessionSecrets } from '../../main/providers/definition';
import { browser, makeApp, setFaults, start, stats, type TestApp, useAnyCallbackPort } from '../connections/helpers';
import type { Emulator } from '../emulators/index';

// Hex like Bling's own: oauth4webapi form-encodes Basic credentials (RFC 6749 2.3.1), which leaves these as they are.
const CLIENT_ID = '5e1f0c7a9b3d42e8a6f1c0d9b8a7e6f5d4c3b2a1';
const CLIENT_SECRET = '9f8e7d6c5b4a39281706f5e4d3c2b1a0ffeeddccbbaa99887766554433221100';
const TOKEN_PATH = '/Api/v3/oauth/token';

describe('Bling: OAuth 2.0 authorization code through the loopback flow, refresh and revoke, with the in-memory secret store', () => {
  let emu: Emulator;
  let app: TestApp;
  let secrets: MemorySecretStore;
  const urls: string[] = [];

  const stored = async (id = 'bling'): Promise<SessionSecrets> => JSON.parse((await secrets.get(id))!) as SessionSecrets;
  const basic = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`;
  const form = (path: string, body: Record<string, string>) =>
    fetch(`${emu.url}/Api/v3/oauth/${path}`, { method: 'POST', headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) });
  const tokenCalls = async () => (await stats(emu)).byPath[TOKEN_PATH] ?? 0;

  beforeAll(async () => {
    emu = await start('bling', { seed: { oauthClients: [{ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uri: 'https://app.example.com/bling/callback' }] } });
    secrets = new MemorySecretStore();
    app = makeApp({ secrets });
    useAnyCallbackPort(app.services.db);
  });
  afterAll(async () => {
    await app.cleanup();
    await emu.close();
  });

  it('sends the client credentials as HTTP Basic, as Bling requires, and asks for no scopes', () => {
    const def = providerDefinition('bling');
    const config = def.resolveConfig({ loginUrl: 'https://api.bling.com.br', clientId: CLIENT_ID }, { get: () => undefined });
    expect(config.apiBaseUrl).toBe('https://api.bling.com.br/Api/v3');
    const req = blingOAuth.request(config, CLIENT_SECRET);
    expect(req.client).toEqual({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, secretIn: 'basic' });
    expect(req.scopes).toEqual([]);
    expect(req.server.tokenEndpoint).toBe('https://api.bling.com.br/Api/v3/oauth/token');
    expect(() => blingOAuth.request(config, undefined)).toThrow(/client id and client secret/);
  });

  it('connects through the browser and keeps every secret in the secret store', async () => {
    const started = await app.services.connections.startConnect({ provider: 'bling', loginUrl: emu.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }, { openUrl: browser(urls) });
    const view = await started.done;
    expect(view).toMatchObject({ id: 'bling', provider: 'bling', status: 'connected', authKind: 'oauth', clientId: CLIENT_ID });

    const authorize = new URL(urls[0]);
    expect(authorize.pathname).toBe('/Api/v3/oauth/authorize');
    expect(authorize.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(authorize.searchParams.get('state')).toMatch(/.{16,}/);
    expect(new URL(authorize.searchParams.get('redirect_uri')!).hostname).toBe('127.0.0.1');
    expect(authorize.searchParams.has('scope')).toBe(false);

    const s = await stored();
    expect(s.accessToken).toMatch(/^[0-9a-f]{40}$/);
    expect(s.refreshToken).toBeTruthy();
    expect(s.clientSecret).toBe(CLIENT_SECRET);
    expect(s.expiresAt! - Date.now()).toBeGreaterThan(6 * 3600_000 - 120_000);
    expect(JSON.stringify(app.services.connections.list())).not.toContain(s.refreshToken!);
  });

  it('refreshes once for 20 concurrent calls after the token expired, and the refresh token rotates', async () => {
    const before = await stored();
    const provider = await app.services.connections.provider('bling');
    const calls = await tokenCalls();
    await setFaults(emu, { expireTokensNow: true });
    const usages = await Promise.all(Array.from({ length: 20 }, () => provider.usage({ refresh: true })));
    expect(usages.every((u) => u?.max === 3)).toBe(true);
    expect((await tokenCalls()) - calls).toBe(1);

    const after = await stored();
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    const old = await form('token', { grant_type: 'refresh_token', refresh_token: before.refreshToken! });
    expect(old.status).toBe(400);
    expect(((await old.json()) as { error: { type: string } }).error.type).toBe('invalid_grant');
  });

  it('a refresh token Bling no longer accepts marks the connection "needs reconnect"', async () => {
    const provider = await app.services.connections.provider('bling');
    expect((await form('revoke', { token: (await stored()).refreshToken! })).status).toBe(200);
    await setFaults(emu, { expireTokensNow: true });
    const err = await provider.usage({ refresh: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect((err as AuthError).needsReconnect).toBe(true);
    expect(app.services.connections.get('bling')).toMatchObject({ status: 'needs_reconnect' });
  });

  it('reconnects with the saved client secret, then disconnects: revoked at Bling, gone from the store', async () => {
    const started = await app.services.connections.startConnect({ provider: 'bling', connectionId: 'bling', loginUrl: emu.url, clientId: CLIENT_ID }, { openUrl: browser() });
    expect(await started.done).toMatchObject({ id: 'bling', status: 'connected' });
    const refresh = (await stored()).refreshToken!;
    const result = await app.services.connections.disconnect('bling');
    expect(result).toMatchObject({ revoked: true, connection: { status: 'disconnected' } });
    expect(await secrets.get('bling')).toBeNull();
    expect((await form('token', { grant_type: 'refresh_token', refresh_token: refresh })).status).toBe(400);
  });

  it('says to check the client id and secret when Bling refuses them', async () => {
    const started = await app.services.connections.startConnect({ provider: 'bling', asNew: true, loginUrl: emu.url, clientId: CLIENT_ID, clientSecret: 'not-the-secret' }, { openUrl: browser() });
    await expect(started.done).rejects.toThrow(/client id or secret/);
    expect(await secrets.get(started.connectionId)).toBeNull();
  });
});
