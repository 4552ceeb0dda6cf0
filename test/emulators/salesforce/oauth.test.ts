import { createHmac, createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from './auth';
import { call, startSalesforce, type SfTestEmulator } from './testkit';

const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

let emu: SfTestEmulator;
beforeAll(async () => {
  emu = await startSalesforce();
});
afterAll(() => emu.close());

function authorizeUrl(params: Record<string, string>): string {
  const q = new URLSearchParams({ response_type: 'code', client_id: DEFAULT_CLIENT_ID, state: 's-1', code_challenge: CHALLENGE, code_challenge_method: 'S256', ...params });
  return `${emu.url}/services/oauth2/authorize?${q}`;
}

/** Parses the consent page's form and submits it with the chosen button, as a browser would. */
async function submitConsent(pageUrl: string, action: 'approve' | 'deny'): Promise<URL> {
  const page = await fetch(pageUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toMatch(/<button[^>]*value="approve"[^>]*>Approve<\/button>/);
  expect(html).toContain('action="/services/oauth2/authorize"');
  const form = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form.set(m[1], m[2].replace(/&amp;/g, '&').replace(/&quot;/g, '"'));
  form.set('action', action);
  const res = await fetch(`${emu.url}/services/oauth2/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
    redirect: 'manual',
  });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location')!);
}

async function token(form: Record<string, string>): Promise<{ status: number; body: Record<string, string> }> {
  const res = await fetch(`${emu.url}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

async function codeFor(redirect: string, extra: Record<string, string> = {}): Promise<string> {
  const location = await submitConsent(authorizeUrl({ redirect_uri: redirect, ...extra }), 'approve');
  return location.searchParams.get('code')!;
}

const exchange = (code: string, redirect: string, verifier = VERIFIER) =>
  token({ grant_type: 'authorization_code', code, redirect_uri: redirect, client_id: DEFAULT_CLIENT_ID, code_verifier: verifier });

describe('Salesforce OAuth web-server flow', () => {
  it('shows a consent page whose Approve redirects to the loopback redirect with code and state, on any port', async () => {
    for (const redirect of ['http://127.0.0.1:5001/callback', 'http://127.0.0.1:61999/callback', 'http://localhost:8080/cb']) {
      const location = await submitConsent(authorizeUrl({ redirect_uri: redirect }), 'approve');
      expect(`${location.origin}${location.pathname}`).toBe(redirect);
      expect(location.searchParams.get('state')).toBe('s-1');
      expect(location.searchParams.get('code')).toMatch(/^aPrx/);
    }
  });

  it('redirects with access_denied when the user clicks Deny', async () => {
    const location = await submitConsent(authorizeUrl({ redirect_uri: 'http://127.0.0.1:5002/cb' }), 'deny');
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('s-1');
    expect(location.searchParams.has('code')).toBe(false);
  });

  it('refuses unknown clients and non-loopback redirects that are not registered', async () => {
    const badClient = await fetch(authorizeUrl({ client_id: 'nobody', redirect_uri: 'http://127.0.0.1:5003/cb' }));
    expect(badClient.status).toBe(400);
    expect(await badClient.text()).toContain('invalid_client_id');
    const badRedirect = await fetch(authorizeUrl({ redirect_uri: 'https://evil.example/cb' }), { redirect: 'manual' });
    expect(badRedirect.status).toBe(400);
    expect(await badRedirect.text()).toContain('redirect_uri_mismatch');
  });

  it('exchanges a code for exactly the token fields Salesforce sends, with a valid signature', async () => {
    const redirect = 'http://127.0.0.1:5004/cb';
    const { status, body } = await exchange(await codeFor(redirect), redirect);
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['access_token', 'id', 'instance_url', 'issued_at', 'refresh_token', 'scope', 'signature', 'token_type']);
    expect(body.token_type).toBe('Bearer');
    expect(body.instance_url).toBe(emu.url);
    expect(body.id).toBe(`${emu.url}/id/${emu.sf.state.org.identity.organizationId}/${emu.sf.state.org.identity.userId}`);
    expect(body.issued_at).toMatch(/^\d{13}$/);
    expect(body.scope.split(' ').sort()).toEqual(['api', 'refresh_token']);
    expect(body.signature).toBe(createHmac('sha256', DEFAULT_CLIENT_SECRET).update(body.id + body.issued_at).digest('base64'));
    const api = await fetch(`${emu.url}/services/data/v60.0/limits`, { headers: { authorization: `Bearer ${body.access_token}` } });
    expect(api.status).toBe(200);
  });

  it('checks PKCE S256: a wrong verifier is invalid_grant and burns the code', async () => {
    const redirect = 'http://127.0.0.1:5005/cb';
    expect(createHash('sha256').update(VERIFIER).digest('base64url')).toBe(CHALLENGE);
    const code = await codeFor(redirect);
    const wrong = await exchange(code, redirect, 'x'.repeat(43));
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe('invalid_grant');
    const again = await exchange(code, redirect);
    expect(again.body.error).toBe('invalid_grant');
  });

  it('rejects a missing verifier, a reused code, a different redirect_uri and an unknown client_id', async () => {
    const redirect = 'http://127.0.0.1:5006/cb';
    const noVerifier = await token({ grant_type: 'authorization_code', code: await codeFor(redirect), redirect_uri: redirect, client_id: DEFAULT_CLIENT_ID });
    expect(noVerifier.body.error).toBe('invalid_grant');
    const code = await codeFor(redirect);
    expect((await exchange(code, redirect)).status).toBe(200);
    expect((await exchange(code, redirect)).body.error).toBe('invalid_grant');
    expect((await exchange(await codeFor(redirect), 'http://127.0.0.1:5007/cb')).body.error).toBe('redirect_uri_mismatch');
    const badClient = await token({ grant_type: 'authorization_code', code: await codeFor(redirect), redirect_uri: redirect, client_id: 'nobody', code_verifier: VERIFIER });
    expect(badClient.body.error).toBe('invalid_client_id');
    expect((await token({ grant_type: 'password', client_id: DEFAULT_CLIENT_ID })).body.error).toBe('unsupported_grant_type');
  });

  it('refreshes with the refresh_token grant (no new refresh token in the answer)', async () => {
    const redirect = 'http://127.0.0.1:5008/cb';
    const first = await exchange(await codeFor(redirect), redirect);
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token, client_id: DEFAULT_CLIENT_ID });
    expect(refreshed.status).toBe(200);
    expect(Object.keys(refreshed.body).sort()).toEqual(['access_token', 'id', 'instance_url', 'issued_at', 'scope', 'signature', 'token_type']);
    expect(refreshed.body.access_token).not.toBe(first.body.access_token);
    const wrongClient = await token({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token, client_id: 'other' });
    expect(wrongClient.body.error).toBe('invalid_client_id');
  });

  it('issues no refresh token when the scope lacks refresh_token/offline_access', async () => {
    const redirect = 'http://127.0.0.1:5009/cb';
    const res = await exchange(await codeFor(redirect, { scope: 'api' }), redirect);
    expect(res.body.refresh_token).toBeUndefined();
    expect(res.body.scope).toBe('api');
  });

  it('revokes an access token, or a refresh token together with its access tokens', async () => {
    const redirect = 'http://127.0.0.1:5010/cb';
    const a = await exchange(await codeFor(redirect), redirect);
    const revoke = (t: string) => fetch(`${emu.url}/services/oauth2/revoke`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: t }) });
    expect((await revoke(a.body.access_token)).status).toBe(200);
    const dead = await fetch(`${emu.url}/services/data/v60.0/limits`, { headers: { authorization: `Bearer ${a.body.access_token}` } });
    expect(dead.status).toBe(401);
    const fresh = await token({ grant_type: 'refresh_token', refresh_token: a.body.refresh_token, client_id: DEFAULT_CLIENT_ID });
    expect((await revoke(a.body.refresh_token)).status).toBe(200);
    const afterRefreshRevoked = await fetch(`${emu.url}/services/data/v60.0/limits`, { headers: { authorization: `Bearer ${fresh.body.access_token}` } });
    expect(afterRefreshRevoked.status).toBe(401);
    expect((await token({ grant_type: 'refresh_token', refresh_token: a.body.refresh_token, client_id: DEFAULT_CLIENT_ID })).body.error).toBe('invalid_grant');
    const unknown = await revoke('not-a-token');
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('error=invalid_token');
  });

  it('answers userinfo and the identity URL for a live token, Bad_OAuth_Token otherwise', async () => {
    const redirect = 'http://127.0.0.1:5011/cb';
    const t = await exchange(await codeFor(redirect), redirect);
    const info = await call(emu, 'GET', '/services/oauth2/userinfo', undefined, { authorization: `Bearer ${t.body.access_token}` });
    expect(info.status).toBe(200);
    const who = emu.sf.state.org.identity;
    expect(info.body).toMatchObject({ user_id: who.userId, organization_id: who.organizationId, preferred_username: who.username, email: who.email, name: `${who.firstName} ${who.lastName}` });
    const id = await fetch(`${t.body.id}?format=json`, { headers: { authorization: `Bearer ${t.body.access_token}` } });
    expect(id.status).toBe(200);
    const idBody = (await id.json()) as Record<string, unknown>;
    expect(idBody).toMatchObject({ id: t.body.id, user_id: who.userId, organization_id: who.organizationId, username: who.username });
    expect((idBody.urls as Record<string, string>).rest).toBe(`${emu.url}/services/data/v{version}/`);
    const byQueryToken = await fetch(`${t.body.id}?oauth_token=${encodeURIComponent(t.body.access_token)}`);
    expect(byQueryToken.status).toBe(200);
    const bad = await call(emu, 'GET', '/services/oauth2/userinfo', undefined, { authorization: 'Bearer nope' });
    expect(bad.status).toBe(403);
    expect(bad.text).toBe('Bad_OAuth_Token');
  });
});

describe('Salesforce --auto-approve', () => {
  it('redirects from authorize at once with a code', async () => {
    const auto = await startSalesforce({ autoApprove: true });
    try {
      const res = await fetch(`${auto.url}/services/oauth2/authorize?response_type=code&client_id=${DEFAULT_CLIENT_ID}&redirect_uri=${encodeURIComponent('http://127.0.0.1:4321/cb')}&state=abc`, { redirect: 'manual' });
      expect(res.status).toBe(302);
      const location = new URL(res.headers.get('location')!);
      expect(location.searchParams.get('state')).toBe('abc');
      expect(location.searchParams.get('code')).toBeTruthy();
    } finally {
      await auto.close();
    }
  });

  it('honours connected apps from the seed (secret and PKCE required)', async () => {
    const seeded = await startSalesforce({ autoApprove: true, seed: { connectedApps: [{ clientId: 'seeded-app', clientSecret: 's3cret', requireSecret: true, requirePkce: true }] } });
    try {
      const base = `${seeded.url}/services/oauth2/authorize?response_type=code&client_id=seeded-app&redirect_uri=${encodeURIComponent('http://127.0.0.1:4322/cb')}`;
      const noPkce = new URL((await fetch(base, { redirect: 'manual' })).headers.get('location')!);
      expect(noPkce.searchParams.get('error')).toBe('invalid_request');
      const ok = new URL((await fetch(`${base}&code_challenge=${CHALLENGE}`, { redirect: 'manual' })).headers.get('location')!);
      const form = { grant_type: 'authorization_code', code: ok.searchParams.get('code')!, redirect_uri: 'http://127.0.0.1:4322/cb', client_id: 'seeded-app', code_verifier: VERIFIER };
      const noSecret = await fetch(`${seeded.url}/services/oauth2/token`, { method: 'POST', body: new URLSearchParams(form) });
      expect(((await noSecret.json()) as { error: string }).error).toBe('invalid_client');
      expect(DEFAULT_CLIENT_ID).not.toBe('seeded-app');
    } finally {
      await seeded.close();
    }
  });
});
