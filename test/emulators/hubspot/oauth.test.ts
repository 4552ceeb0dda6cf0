import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../index';
import { startHub, oauthTokens, PRIVATE_TOKEN, type HubBody, type TestHub } from './test-helpers';

const CLIENT_ID = 'hubspot-emulator-client-id';
const CLIENT_SECRET = 'hubspot-emulator-client-secret';
const REDIRECT = 'http://127.0.0.1:41234/callback';
// RFC 7636 Appendix B test vector.
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields),
  redirect: 'manual' as const,
});

async function approve(hub: TestHub, extra: Record<string, string> = {}) {
  const fields = { client_id: CLIENT_ID, redirect_uri: REDIRECT, scope: 'oauth crm.objects.contacts.read', state: 'xyz', ...extra, decision: 'approve' };
  const res = await fetch(`${hub.url}/oauth/authorize`, form(fields));
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location')!);
}

const token = (hub: TestHub, fields: Record<string, string>) =>
  fetch(`${hub.url}/oauth/v1/token`, form({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, ...fields })).then(async (r) => ({ status: r.status, body: (await r.json()) as HubBody }));

let hub: TestHub;
afterEach(async () => hub?.close());

describe('authorize page', () => {
  it('shows a consent page with an Approve button and the requested scopes', async () => {
    hub = await startHub();
    const q = new URLSearchParams({ client_id: CLIENT_ID, redirect_uri: REDIRECT, scope: 'oauth crm.objects.contacts.write', state: 'abc' });
    const res = await fetch(`${hub.url}/oauth/authorize?${q}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('id="approve"');
    expect(html).toContain('crm.objects.contacts.write');
    expect(html).toContain('value="abc"');
  });

  it('redirects to any loopback port with code and state once approved', async () => {
    hub = await startHub();
    const loc = await approve(hub, { redirect_uri: 'http://127.0.0.1:59999/cb' });
    expect(loc.origin + loc.pathname).toBe('http://127.0.0.1:59999/cb');
    expect(loc.searchParams.get('code')).toMatch(/^[0-9a-f-]{36}$/);
    expect(loc.searchParams.get('state')).toBe('xyz');
  });

  it('sends access_denied when the user denies', async () => {
    hub = await startHub();
    const res = await fetch(`${hub.url}/oauth/authorize`, form({ client_id: CLIENT_ID, redirect_uri: REDIRECT, scope: 'oauth', state: 's', decision: 'deny' }));
    const loc = new URL(res.headers.get('location')!);
    expect(loc.searchParams.get('error')).toBe('access_denied');
    expect(loc.searchParams.get('state')).toBe('s');
    expect(loc.searchParams.get('code')).toBeNull();
  });

  it('refuses unknown clients and non-loopback redirects', async () => {
    hub = await startHub();
    const bad: Array<Record<string, string>> = [
      { client_id: 'nope', redirect_uri: REDIRECT, scope: 'oauth' },
      { client_id: CLIENT_ID, redirect_uri: 'http://evil.example.com/cb', scope: 'oauth' },
      { client_id: CLIENT_ID, redirect_uri: 'https://127.0.0.1:4000/cb', scope: 'oauth' },
      { client_id: CLIENT_ID, redirect_uri: REDIRECT },
    ];
    for (const params of bad) {
      const res = await fetch(`${hub.url}/oauth/authorize?${new URLSearchParams(params)}`, { redirect: 'manual' });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('Authorization failed');
    }
  });

  it('redirects at once with --auto-approve', async () => {
    const emu: Emulator = await startEmulator('hubspot', { autoApprove: true });
    try {
      const q = new URLSearchParams({ client_id: CLIENT_ID, redirect_uri: REDIRECT, scope: 'oauth', state: 'auto' });
      const res = await fetch(`${emu.url}/oauth/authorize?${q}`, { redirect: 'manual' });
      expect(res.status).toBe(302);
      const loc = new URL(res.headers.get('location')!);
      expect(loc.searchParams.get('state')).toBe('auto');
      expect(loc.searchParams.get('code')).toBeTruthy();
    } finally {
      await emu.close();
    }
  });
});

describe('token endpoint', () => {
  it('exchanges a code once for access and refresh tokens', async () => {
    hub = await startHub();
    const code = (await approve(hub)).searchParams.get('code')!;
    const first = await token(hub, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ token_type: 'bearer', expires_in: 1800 });
    expect(typeof first.body.access_token).toBe('string');
    expect(typeof first.body.refresh_token).toBe('string');
    const again = await token(hub, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
    expect(again.status).toBe(400);
    expect(again.body.status).toBe('BAD_AUTH_CODE');
  });

  it('checks redirect_uri, client_id, client_secret and grant_type', async () => {
    hub = await startHub();
    let code = (await approve(hub)).searchParams.get('code')!;
    expect((await token(hub, { grant_type: 'authorization_code', code, redirect_uri: 'http://127.0.0.1:1/other' })).body.status).toBe('BAD_REDIRECT_URI');
    code = (await approve(hub)).searchParams.get('code')!;
    expect((await token(hub, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_secret: 'wrong' })).body.status).toBe('BAD_CLIENT_SECRET');
    expect((await token(hub, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: 'other' })).body.status).toBe('BAD_CLIENT_ID');
    expect((await token(hub, { grant_type: 'password', code })).body.status).toBe('BAD_GRANT_TYPE');
  });

  it('verifies PKCE S256 with the RFC 7636 vector', async () => {
    hub = await startHub();
    let code = (await approve(hub, { code_challenge: CHALLENGE, code_challenge_method: 'S256' })).searchParams.get('code')!;
    const wrong = await token(hub, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: `${VERIFIER}x` });
    expect(wrong.status).toBe(400);
    expect(wrong.body.status).toBe('BAD_AUTH_CODE');
    code = (await approve(hub, { code_challenge: CHALLENGE, code_challenge_method: 'S256' })).searchParams.get('code')!;
    const missing = await token(hub, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
    expect(missing.status).toBe(400);
    code = (await approve(hub, { code_challenge: CHALLENGE, code_challenge_method: 'S256' })).searchParams.get('code')!;
    const ok = await token(hub, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: VERIFIER });
    expect(ok.status).toBe(200);
  });

  it('expires auth codes after ten minutes', async () => {
    hub = await startHub({ manualClock: true });
    const code = (await approve(hub)).searchParams.get('code')!;
    hub.advance(10 * 60 * 1000 + 1);
    const res = await token(hub, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
    expect(res.body.status).toBe('EXPIRED_AUTH_CODE');
  });

  it('refreshes: a new access token, the same refresh token', async () => {
    hub = await startHub();
    const first = await oauthTokens(hub);
    const refreshed = await token(hub, { grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).toBe(first.refresh_token);
    expect(refreshed.body.access_token).not.toBe(first.access_token);
    const bad = await token(hub, { grant_type: 'refresh_token', refresh_token: 'na1-unknown' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ status: 'BAD_REFRESH_TOKEN', message: 'missing or unknown refresh token' });
    expect(typeof bad.body.correlationId).toBe('string');
  });
});

describe('token metadata and revocation', () => {
  it('describes access and refresh tokens', async () => {
    hub = await startHub();
    const t = await oauthTokens(hub);
    const access = await hub.call('GET', `/oauth/v1/access-tokens/${t.access_token}`);
    expect(access.status).toBe(200);
    expect(access.body).toMatchObject({ token: t.access_token, hub_id: 24681357, app_id: 4242, token_type: 'access', user: 'demo@ticket-crm-sync.test' });
    expect(access.body.scopes).toContain('crm.objects.contacts.read');
    expect(access.body.expires_in).toBeGreaterThan(1790);
    expect(typeof access.body.hub_domain).toBe('string');
    const refresh = await hub.call('GET', `/oauth/v1/refresh-tokens/${t.refresh_token}`);
    expect(refresh.body).toMatchObject({ token: t.refresh_token, client_id: CLIENT_ID, token_type: 'refresh', hub_id: 24681357 });
    expect((await hub.call('GET', '/oauth/v1/access-tokens/unknown')).status).toBe(404);
  });

  it('DELETE on a refresh token revokes it and its access tokens', async () => {
    hub = await startHub();
    const t = await oauthTokens(hub);
    const del = await hub.call('DELETE', `/oauth/v1/refresh-tokens/${t.refresh_token}`);
    expect(del.status).toBe(204);
    expect((await token(hub, { grant_type: 'refresh_token', refresh_token: t.refresh_token })).body.status).toBe('BAD_REFRESH_TOKEN');
    const api = await hub.call('GET', '/crm/v3/objects/contacts', undefined, { authorization: `Bearer ${t.access_token}` });
    expect(api.status).toBe(401);
    expect(api.body.category).toBe('INVALID_AUTHENTICATION');
  });
});

describe('API authentication', () => {
  it('answers 401 INVALID_AUTHENTICATION without or with an unknown token', async () => {
    hub = await startHub();
    for (const authorization of ['', 'Bearer not-a-token']) {
      const res = await hub.call('GET', '/crm/v3/objects/contacts', undefined, { authorization });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' });
      expect(res.body.message).toContain('Authentication credentials not found');
      expect(typeof res.body.correlationId).toBe('string');
    }
  });

  it('expires OAuth access tokens after their lifetime with EXPIRED_AUTHENTICATION', async () => {
    hub = await startHub({ manualClock: true, tokenTtlSeconds: 60 });
    const t = await oauthTokens(hub);
    const auth = { authorization: `Bearer ${t.access_token}` };
    expect(t.expires_in).toBe(60);
    expect((await hub.call('GET', '/crm/v3/objects/contacts', undefined, auth)).status).toBe(200);
    hub.advance(65_000);
    const res = await hub.call('GET', '/crm/v3/objects/contacts', undefined, auth);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ status: 'error', category: 'EXPIRED_AUTHENTICATION', message: 'The OAuth token used to make this call expired 5 second(s) ago.' });
    expect(res.body.context['expire time']).toHaveLength(1);
    hub.advance(2 * 3600_000);
    expect((await hub.call('GET', '/crm/v3/objects/contacts', undefined, auth)).body.message).toMatch(/expired 2 hour\(s\) ago/);
  });

  it('expires every OAuth token at once through the fault endpoint, but not private-app tokens', async () => {
    hub = await startHub();
    const t = await oauthTokens(hub);
    const set = await fetch(`${hub.url}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ expireTokensNow: true }) });
    expect(set.status).toBe(200);
    const oauth = await hub.call('GET', '/crm/v3/objects/contacts', undefined, { authorization: `Bearer ${t.access_token}` });
    expect(oauth.body.category).toBe('EXPIRED_AUTHENTICATION');
    expect((await hub.call('GET', '/crm/v3/objects/contacts')).status).toBe(200);
    const refreshed = await token(hub, { grant_type: 'refresh_token', refresh_token: t.refresh_token });
    const after = await hub.call('GET', '/crm/v3/objects/contacts', undefined, { authorization: `Bearer ${refreshed.body.access_token}` });
    expect(after.status).toBe(200);
  });

  it('answers 403 MISSING_SCOPES when the grant lacks the object scope', async () => {
    hub = await startHub();
    const t = await oauthTokens(hub, 'oauth crm.objects.contacts.read');
    const res = await hub.call('POST', '/crm/v3/objects/contacts', { properties: { email: 'x@y.io' } }, { authorization: `Bearer ${t.access_token}` });
    expect(res.status).toBe(403);
    expect(res.body.category).toBe('MISSING_SCOPES');
    expect(res.body.errors[0].context.requiredGranularScopes).toEqual(['crm.objects.contacts.write']);
  });

  it('accepts the static private-app token given with --token', async () => {
    const emu = await startEmulator('hubspot', { token: PRIVATE_TOKEN });
    try {
      const res = await fetch(`${emu.url}/crm/v3/objects/deals`, { headers: { authorization: `Bearer ${PRIVATE_TOKEN}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-hubspot-ratelimit-daily')).toBe('500000');
    } finally {
      await emu.close();
    }
  });
});
