import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_ID } from './auth';
import { call, startSalesforce, TOKEN, type SfTestEmulator } from './testkit';

let emu: SfTestEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

const EXPIRED = [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }];

/** An OAuth access token via the auto-approved flow (no PKCE). */
async function oauthToken(e: SfTestEmulator): Promise<string> {
  const redirect = 'http://127.0.0.1:6100/cb';
  const auth = await fetch(`${e.url}/services/oauth2/authorize?response_type=code&client_id=${DEFAULT_CLIENT_ID}&redirect_uri=${encodeURIComponent(redirect)}`, { redirect: 'manual' });
  const code = new URL(auth.headers.get('location')!).searchParams.get('code')!;
  const res = await fetch(`${e.url}/services/oauth2/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirect, client_id: DEFAULT_CLIENT_ID }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

const limits = (e: SfTestEmulator, token: string) => call(e, 'GET', '/limits', undefined, { authorization: `Bearer ${token}` });

describe('Salesforce sessions', () => {
  it('expires access tokens after tokenTtlSeconds with 401 INVALID_SESSION_ID', async () => {
    emu = await startSalesforce({ autoApprove: true, tokenTtlSeconds: 60 });
    const t = await oauthToken(emu);
    expect((await limits(emu, t)).status).toBe(200);
    emu.sf.advanceClock(61_000);
    const res = await limits(emu, t);
    expect(res.status).toBe(401);
    expect(res.body).toEqual(EXPIRED);
  });

  it('expires every issued token on the expireTokensNow fault, but not the static --token', async () => {
    emu = await startSalesforce({ autoApprove: true });
    const t = await oauthToken(emu);
    const fault = await fetch(`${emu.url}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ expireTokensNow: true }) });
    expect(fault.status).toBe(200);
    const res = await limits(emu, t);
    expect(res.status).toBe(401);
    expect(res.body).toEqual(EXPIRED);
    expect((await limits(emu, TOKEN)).status).toBe(200);
    emu.backend.expireTokens();
    expect((await limits(emu, TOKEN)).status).toBe(200);
  });

  it('answers 401 INVALID_SESSION_ID without a session or with an unknown one', async () => {
    emu = await startSalesforce();
    const none = await fetch(`${emu.url}/services/data/v60.0/sobjects`);
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual(EXPIRED);
    const unknown = await limits(emu, 'garbage');
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(EXPIRED);
  });
});
