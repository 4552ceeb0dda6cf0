import { afterEach, describe, expect, it } from 'vitest';
import { startBling, type BlingHarness } from './test-kit';

let h: BlingHarness;
afterEach(() => h?.emu.close());

const app = { client_id: 'ticket-crm-sync', client_secret: 'shh', redirect_uri: 'https://app.example.com/bling/callback' };
const loopback = 'http://127.0.0.1:53177/callback';
const basic = (id = app.client_id, secret = app.client_secret) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

function tokenRequest(form: Record<string, string>, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(), ...headers },
    body: new URLSearchParams(form).toString(),
  };
}

async function authorize(query: Record<string, string> = {}): Promise<URL> {
  const params = new URLSearchParams({ response_type: 'code', client_id: app.client_id, state: 'csrf-1', redirect_uri: loopback, ...query });
  const page = await h.raw(`/Api/v3/oauth/authorize?${params}`);
  expect(page.status).toBe(200);
  expect(page.body).toContain('id="approve"');
  const decision = await h.raw('/Api/v3/oauth/authorize/decision', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...Object.fromEntries(params), decision: 'approve' }).toString(),
  });
  expect(decision.status).toBe(302);
  return new URL(decision.headers.get('location')!);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON answers
async function tokens(): Promise<Record<string, any>> {
  const code = (await authorize()).searchParams.get('code')!;
  const res = await h.raw('/Api/v3/oauth/token', tokenRequest({ grant_type: 'authorization_code', code }));
  expect(res.status).toBe(200);
  return res.body;
}

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe('Bling OAuth 2.0 authorization code', () => {
  it('shows the consent page, redirects to the loopback URI with code and state, and exchanges the code with Basic auth', async () => {
    h = await startBling({ token: undefined, seed: { oauthClients: [app] } });
    const back = await authorize();
    expect(`${back.origin}${back.pathname}`).toBe(loopback);
    expect(back.searchParams.get('state')).toBe('csrf-1');
    const res = await h.raw('/Api/v3/oauth/token', tokenRequest({ grant_type: 'authorization_code', code: back.searchParams.get('code')! }));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toEqual({ access_token: expect.stringMatching(/^[0-9a-f]{40}$/), expires_in: 21600, token_type: 'Bearer', scope: expect.stringMatching(/^\d+( \d+)*$/), refresh_token: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect((await h.raw('/Api/v3/contatos', bearer(res.body.access_token))).status).toBe(200);
  });

  it('sends the user to the registered link when no loopback redirect_uri is given, and refuses other links', async () => {
    h = await startBling({ seed: { oauthClients: [app] } });
    const registered = await authorize({ redirect_uri: '' });
    expect(`${registered.origin}${registered.pathname}`).toBe(app.redirect_uri);
    const other = await h.raw(`/Api/v3/oauth/authorize?response_type=code&client_id=${app.client_id}&state=s&redirect_uri=${encodeURIComponent('https://evil.example/cb')}`);
    expect(other.status).toBe(400);
    expect((await h.raw(`/Api/v3/oauth/authorize?response_type=code&client_id=${app.client_id}&redirect_uri=${loopback}`)).status).toBe(400);
    expect((await h.raw(`/Api/v3/oauth/authorize?response_type=code&client_id=nope&state=s`)).status).toBe(400);
  });

  it('redirects at once with --auto-approve, and with access_denied on Cancelar', async () => {
    h = await startBling({ autoApprove: true });
    const res = await h.raw(`/Api/v3/oauth/authorize?response_type=code&client_id=any&state=s9&redirect_uri=${encodeURIComponent(loopback)}`);
    expect(res.status).toBe(302);
    expect(new URL(res.headers.get('location')!).searchParams.get('code')).toMatch(/^[0-9a-f]{40}$/);
    const denied = await h.raw('/Api/v3/oauth/authorize/decision', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ response_type: 'code', client_id: 'any', state: 's9', redirect_uri: loopback, decision: 'deny' }).toString(),
    });
    const loc = new URL(denied.headers.get('location')!);
    expect(loc.searchParams.get('error')).toBe('access_denied');
    expect(loc.searchParams.get('state')).toBe('s9');
    expect(loc.searchParams.get('code')).toBeNull();
  });

  it('refreshes with a rotating refresh token; the old one stops working', async () => {
    h = await startBling({ seed: { oauthClients: [app] } });
    const first = await tokens();
    const refreshed = await h.raw('/Api/v3/oauth/token', tokenRequest({ grant_type: 'refresh_token', refresh_token: first.refresh_token }));
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(first.refresh_token);
    expect(refreshed.body.access_token).not.toBe(first.access_token);
    const again = await h.raw('/Api/v3/oauth/token', tokenRequest({ grant_type: 'refresh_token', refresh_token: first.refresh_token }));
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ error: { type: 'invalid_grant', message: 'invalid_grant', description: expect.any(String) } });
  });

  it('expires access tokens after 6 hours (invalid_token, 401) and refresh tokens after 30 days', async () => {
    h = await startBling({ seed: { oauthClients: [app] } });
    const t = await tokens();
    h.clock.advance(21_599_000);
    expect((await h.raw('/Api/v3/contatos', bearer(t.access_token))).status).toBe(200);
    h.clock.advance(1000);
    const expired = await h.raw('/Api/v3/contatos', bearer(t.access_token));
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({ error: { type: 'invalid_token', message: 'invalid_token', description: 'The access token provided has expired' } });
    h.clock.advance(30 * 24 * 3600 * 1000);
    expect((await h.raw('/Api/v3/oauth/token', tokenRequest({ grant_type: 'refresh_token', refresh_token: t.refresh_token }))).status).toBe(400);
  });

  it('expires every issued token on expireTokensNow, but not the static --token', async () => {
    h = await startBling();
    const t = await tokens();
    await fetch(`${h.emu.url}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ expireTokensNow: true }) });
    expect((await h.raw('/Api/v3/contatos', bearer(t.access_token))).status).toBe(401);
    expect((await h.call('GET', '/contatos')).status).toBe(200);
  });

  it('refuses a reused code and revokes what the first use gave; an expired code is invalid_grant', async () => {
    h = await startBling({ seed: { oauthClients: [app] } });
    const code = (await authorize()).searchParams.get('code')!;
    const first = await h.raw('/Api/v3/oauth/token', tokenRequest({ grant_type: 'authorization_code', code }));
    const reused = await h.raw('/Api/v3/oauth/token', tokenRequest({ grant_type: 'authorization_code', code }));
    expect(reused.status).toBe(400);
    expect(reused.body.error).toMatchObject({ type: 'VALIDATION_ERROR', message: 'Invalid authorization code' });
    expect((await h.raw('/Api/v3/contatos', bearer(first.body.access_token))).status).toBe(401);
    expect((await h.raw('/Api/v3/oauth/token', tokenRequest({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token }))).status).toBe(400);
    const late = (await authorize()).searchParams.get('code')!;
    h.clock.advance(61_000);
    expect((await h.raw('/Api/v3/oauth/token', tokenRequest({ grant_type: 'authorization_code', code: late }))).body.error.type).toBe('invalid_grant');
  });

  it('needs client credentials (HTTP Basic, or in the body) and a form body', async () => {
    h = await startBling({ seed: { oauthClients: [app] } });
    const code = (await authorize()).searchParams.get('code')!;
    const wrong = await h.raw('/Api/v3/oauth/token', tokenRequest({ grant_type: 'authorization_code', code }, { authorization: basic(app.client_id, 'wrong') }));
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.type).toBe('invalid_client');
    const none = await h.raw('/Api/v3/oauth/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `grant_type=authorization_code&code=${code}` });
    expect(none.status).toBe(401);
    const inBody = await h.raw('/Api/v3/oauth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id: app.client_id, client_secret: app.client_secret }).toString(),
    });
    expect(inBody.status).toBe(200);
    const json = await h.raw('/Api/v3/oauth/token', { method: 'POST', headers: { 'content-type': 'application/json', authorization: basic() }, body: '{}' });
    expect(json.body.error.type).toBe('invalid_request');
    expect((await h.raw('/Api/v3/oauth/token', tokenRequest({ grant_type: 'password' }))).body.error.type).toBe('unsupported_grant_type');
  });

  it('issues JWT access tokens when asked with enable-jwt: 1', async () => {
    h = await startBling();
    const code = (await authorize()).searchParams.get('code')!;
    const res = await h.raw('/Api/v3/oauth/token', tokenRequest({ grant_type: 'authorization_code', code }, { 'enable-jwt': '1' }));
    const parts = (res.body.access_token as string).split('.');
    expect(parts).toHaveLength(3);
    expect(JSON.parse(Buffer.from(parts[0], 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(JSON.parse(Buffer.from(parts[1], 'base64url').toString())).toMatchObject({ aud: 'ticket-crm-sync', exp: expect.any(Number) });
    expect((await h.raw('/Api/v3/contatos', { headers: { authorization: `Bearer ${res.body.access_token}`, 'enable-jwt': '1' } })).status).toBe(200);
  });

  it('revokes a refresh token with its whole authorization', async () => {
    h = await startBling({ seed: { oauthClients: [app] } });
    const t = await tokens();
    expect((await h.raw('/Api/v3/oauth/revoke', tokenRequest({ token: t.refresh_token }))).status).toBe(200);
    expect((await h.raw('/Api/v3/contatos', bearer(t.access_token))).status).toBe(401);
  });
});
