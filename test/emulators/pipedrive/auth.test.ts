import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { startPipedrive, type PdHarness } from './test-kit';

const unauthorized = { success: false, error: 'unauthorized access', errorCode: 401, error_info: 'Please check developers.pipedrive.com' };

let h: PdHarness;
afterEach(() => h?.emu.close());

async function raw(path: string, init: RequestInit = {}) {
  const res = await fetch(h.emu.url + path, { redirect: 'manual', ...init });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* HTML pages stay text */
  }
  return { status: res.status, headers: res.headers, body };
}

const form = (fields: Record<string, string>, clientId = 'app', secret = 'shh') => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}` },
  body: new URLSearchParams(fields).toString(),
});

describe('api_token auth', () => {
  it('accepts the token as api_token query parameter, x-api-token header or Bearer', async () => {
    h = await startPipedrive({ token: 'secret-token' });
    expect((await raw('/api/v1/users/me?api_token=secret-token')).status).toBe(200);
    expect((await raw('/api/v1/users/me', { headers: { 'x-api-token': 'secret-token' } })).status).toBe(200);
    expect((await raw('/api/v2/persons', { headers: { authorization: 'Bearer secret-token' } })).status).toBe(200);
  });

  it('answers a wrong or missing token with the gateway 401 body, on known and unknown paths', async () => {
    h = await startPipedrive({ token: 'secret-token' });
    for (const path of ['/api/v1/persons?api_token=nope', '/api/v2/deals', '/api/v1/no-such-thing', '/v1/persons']) {
      const res = await raw(path);
      expect(res.status, path).toBe(401);
      expect(res.body, path).toEqual(unauthorized);
    }
  });

  it('answers an unknown path with a valid token with a Pipedrive 404', async () => {
    h = await startPipedrive();
    const res = await h.call('GET', '/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ success: false, data: null });
  });

  it('serves /users/me with the company domain', async () => {
    h = await startPipedrive({ seed: { company: { domain: 'acme-events', id: 77 } } });
    const res = await h.call('GET', '/api/v1/users/me');
    expect(res.body.data).toMatchObject({ id: 1, is_you: true, company_id: 77, company_domain: 'acme-events' });
  });
});

describe('OAuth', () => {
  const redirect = 'http://127.0.0.1:53682/callback';

  async function approve(extra: Record<string, string> = {}) {
    const params = new URLSearchParams({ client_id: 'app', redirect_uri: redirect, state: 'st-1', ...extra });
    const page = await raw(`/oauth/authorize?${params}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('id="approve"');
    const decision = await raw('/oauth/authorize/decision', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...Object.fromEntries(params), decision: 'approve' }).toString(),
    });
    expect(decision.status).toBe(302);
    const location = new URL(decision.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(redirect);
    expect(location.searchParams.get('state')).toBe('st-1');
    return location.searchParams.get('code')!;
  }

  it('runs the code flow: consent, token exchange with basic auth, API calls with Bearer, refresh', async () => {
    h = await startPipedrive({ tokenTtlSeconds: 600 });
    const code = await approve();
    const tok = await raw('/oauth/token', form({ grant_type: 'authorization_code', code, redirect_uri: redirect }));
    expect(tok.status).toBe(200);
    expect(tok.body).toMatchObject({ token_type: 'Bearer', expires_in: 600, api_domain: h.emu.url });
    const { access_token, refresh_token, scope } = tok.body as Record<string, string>;
    expect(scope).toContain('contacts:full');
    expect((await raw('/api/v2/persons', { headers: { authorization: `Bearer ${access_token}` } })).status).toBe(200);

    const again = await raw('/oauth/token', form({ grant_type: 'authorization_code', code, redirect_uri: redirect }));
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ error: 'invalid_grant', message: 'Invalid grant: authorization_code is invalid' });

    h.clock.advance(601_000);
    expect((await raw('/api/v2/persons', { headers: { authorization: `Bearer ${access_token}` } })).body).toEqual(unauthorized);
    const refreshed = await raw('/oauth/token', form({ grant_type: 'refresh_token', refresh_token }));
    expect(refreshed.status).toBe(200);
    const next = (refreshed.body as Record<string, string>).access_token;
    expect(next).not.toBe(access_token);
    expect((await raw('/api/v1/users/me', { headers: { authorization: `Bearer ${next}` } })).status).toBe(200);
  });

  it('expires every issued access token on expireTokensNow, leaving api_tokens valid', async () => {
    h = await startPipedrive();
    const code = await approve();
    const { access_token } = (await raw('/oauth/token', form({ grant_type: 'authorization_code', code, redirect_uri: redirect }))).body as Record<string, string>;
    await raw('/__admin/faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ expireTokensNow: true }) });
    expect((await raw('/api/v1/users/me', { headers: { authorization: `Bearer ${access_token}` } })).status).toBe(401);
    expect((await h.call('GET', '/api/v1/users/me')).status).toBe(200);
  });

  it('verifies PKCE when a challenge was sent', async () => {
    h = await startPipedrive();
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    expect(challenge).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    const code = await approve({ code_challenge: challenge, code_challenge_method: 'S256' });
    const bad = await raw('/oauth/token', form({ grant_type: 'authorization_code', code, redirect_uri: redirect, code_verifier: 'x'.repeat(43) }));
    expect(bad.status).toBe(400);
    const code2 = await approve({ code_challenge: challenge, code_challenge_method: 'S256' });
    const good = await raw('/oauth/token', form({ grant_type: 'authorization_code', code: code2, redirect_uri: redirect, code_verifier: verifier }));
    expect(good.status).toBe(200);
  });

  it('redirects at once with --auto-approve, and with user_denied on Cancel', async () => {
    h = await startPipedrive({ autoApprove: true });
    const res = await raw(`/oauth/authorize?client_id=app&redirect_uri=${encodeURIComponent(redirect)}&state=s9`);
    expect(res.status).toBe(302);
    expect(new URL(res.headers.get('location')!).searchParams.get('code')).toBeTruthy();
    const denied = await raw('/oauth/authorize/decision', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: 'app', redirect_uri: redirect, state: 's9', decision: 'deny' }).toString(),
    });
    const loc = new URL(denied.headers.get('location')!);
    expect(loc.searchParams.get('error')).toBe('user_denied');
    expect(loc.searchParams.get('code')).toBeNull();
  });

  it('rejects non-loopback redirects, JSON token requests, missing client auth, bad grants and unknown clients', async () => {
    h = await startPipedrive({ seed: { oauthClients: [{ client_id: 'app', client_secret: 'shh' }] } });
    expect((await raw('/oauth/authorize?client_id=app&redirect_uri=https%3A%2F%2Fevil.example%2Fcb')).status).toBe(400);
    const json = await raw('/oauth/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"grant_type":"refresh_token"}' });
    expect(json.body).toMatchObject({ message: 'Invalid request: content must be application/x-www-form-urlencoded' });
    const noClient = await raw('/oauth/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=refresh_token' });
    expect(noClient.status).toBe(401);
    expect((await raw('/oauth/token', form({ grant_type: 'refresh_token' }, 'app', 'wrong'))).body).toMatchObject({ error: 'invalid_client', message: 'Invalid client: client is invalid' });
    expect((await raw('/oauth/token', form({ grant_type: 'password' }))).body).toMatchObject({ error: 'unsupported_grant_type' });
    expect((await raw('/oauth/token', form({ grant_type: 'refresh_token', refresh_token: 'nope' }))).body).toMatchObject({ message: 'Invalid grant: refresh_token is invalid' });
  });

  it('revokes a refresh token together with its access tokens', async () => {
    h = await startPipedrive();
    const code = await approve();
    const { access_token, refresh_token } = (await raw('/oauth/token', form({ grant_type: 'authorization_code', code, redirect_uri: redirect }))).body as Record<string, string>;
    expect((await raw('/oauth/revoke', form({ token: refresh_token, token_type_hint: 'refresh_token' }))).status).toBe(200);
    expect((await raw('/api/v1/users/me', { headers: { authorization: `Bearer ${access_token}` } })).status).toBe(401);
    expect((await raw('/oauth/token', form({ grant_type: 'refresh_token', refresh_token }))).status).toBe(400);
  });
});
