import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v2 } from 'pipedrive';
import { startEmulator, type Emulator } from '../emulators/index';

/** The SDK's own OAuth helper (OAuth2Configuration) against the emulator's OAuth server. */
let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator('pipedrive', { autoApprove: true, seed: { oauthClients: [{ client_id: 'sdk-app', client_secret: 'sdk-secret' }] } });
});
afterAll(() => emu.close());

const redirectUri = 'http://127.0.0.1:45123/callback';

async function codeFrom(authorizationUrl: string): Promise<string> {
  const res = await fetch(authorizationUrl, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location')!);
  expect(location.origin + location.pathname).toBe(redirectUri);
  return location.searchParams.get('code')!;
}

describe('pipedrive SDK OAuth2Configuration against the emulator', () => {
  it('authorizes, calls the API with the access token, refreshes and revokes', async () => {
    const oauth = new v2.OAuth2Configuration({ clientId: 'sdk-app', clientSecret: 'sdk-secret', redirectUri, host: emu.url });
    expect(oauth.authorizationUrl.startsWith(`${emu.url}/oauth/authorize?client_id=sdk-app`)).toBe(true);
    const token = await oauth.authorize(await codeFrom(oauth.authorizationUrl));
    expect(token).toMatchObject({ token_type: 'Bearer', expires_in: 3600, api_domain: emu.url });
    expect(token.scope).toContain('contacts:full');
    expect(oauth.basePath).toBe(`${emu.url}/api/v2`);

    const api = new v2.PersonsApi(new v2.Configuration({ accessToken: oauth.getAccessToken, basePath: oauth.basePath }));
    const created = await api.addPerson({ AddPersonRequest: { name: 'OAuth Olive', emails: [{ value: 'olive@example.com' }] } });
    expect(created.data!.name).toBe('OAuth Olive');

    const first = token.access_token;
    const refreshed = await oauth.tokenRefresh();
    expect(refreshed.access_token).not.toBe(first);
    expect(refreshed.refresh_token).toBe(token.refresh_token);
    expect((await api.getPerson({ id: created.data!.id! })).data!.name).toBe('OAuth Olive');

    await oauth.revokeToken('refresh_token');
    await expect(api.getPersons()).rejects.toMatchObject({ success: false, errorCode: 401 });
    await expect(oauth.tokenRefresh()).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('rejects a wrong client secret the way the SDK surfaces it', async () => {
    const good = new v2.OAuth2Configuration({ clientId: 'sdk-app', clientSecret: 'sdk-secret', redirectUri, host: emu.url });
    const bad = new v2.OAuth2Configuration({ clientId: 'sdk-app', clientSecret: 'nope', redirectUri, host: emu.url });
    await expect(bad.authorize(await codeFrom(good.authorizationUrl))).rejects.toMatchObject({ error: 'invalid_client', message: 'Invalid client: client is invalid' });
  });
});
