import { describe, expect, it } from 'vitest';
import { challengeFor, createPkce, randomState } from '../../main/auth/pkce';
import { buildAuthorizeUrl } from '../../main/auth/oauth-flow';

describe('PKCE and the authorize URL', () => {
  it('matches the RFC 7636 Appendix B vector', async () => {
    expect(await challengeFor('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes verifiers of 43-128 unreserved characters and a fresh state each time', async () => {
    const a = await createPkce();
    const b = await createPkce();
    expect(a.verifier).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/);
    expect(a.verifier).not.toBe(b.verifier);
    expect(a.challenge).toBe(await challengeFor(a.verifier));
    expect(randomState()).not.toBe(randomState());
  });

  it('puts client, loopback redirect, scopes, state and S256 challenge on the authorize URL', () => {
    const url = buildAuthorizeUrl(
      { server: { issuer: 'https://login.example', authorizationEndpoint: 'https://login.example/authorize', tokenEndpoint: 'https://login.example/token' }, client: { clientId: 'cid' }, scopes: ['api', 'refresh_token'] },
      'http://127.0.0.1:5000/callback',
      'chal',
      'st',
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'cid',
      redirect_uri: 'http://127.0.0.1:5000/callback',
      scope: 'api refresh_token',
      state: 'st',
      code_challenge: 'chal',
      code_challenge_method: 'S256',
    });
  });
});
