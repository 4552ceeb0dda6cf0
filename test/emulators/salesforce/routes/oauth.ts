import { Router, json, type EmuReply, type EmuRequest } from '../../common/http';
import { baseUrlOf } from '../api';
import { DEFAULT_SCOPE, s256, tokenSignature, type ConnectedApp } from '../auth';
import type { SfState } from '../state';
import { consentPage, errorPage } from './consentPage';
import { identity, identityUrl, userinfo } from './identity';

/** OAuth 2.0 web-server flow with PKCE, refresh, revoke (RFC 6749, 7636, 8252 as Salesforce does them). */

const AUTHORIZE_PARAMS = ['response_type', 'client_id', 'redirect_uri', 'state', 'scope', 'code_challenge', 'code_challenge_method', 'prompt', 'login_hint', 'display', 'nonce'];
const VERIFIER_RE = /^[A-Za-z0-9\-._~]{43,}$/;

const html = (status: number, body: string): EmuReply => ({ status, headers: { 'content-type': 'text/html;charset=UTF-8' }, body });
const oauthError = (error: string, description: string, status = 400) => json(status, { error, error_description: description });

function isLoopback(uri: URL): boolean {
  return uri.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(uri.hostname);
}

/** Loopback redirects match on any port (RFC 8252 §7.3); others must be registered exactly. */
function redirectAllowed(app: ConnectedApp, redirectUri: string): boolean {
  let uri: URL;
  try {
    uri = new URL(redirectUri);
  } catch {
    return false;
  }
  return isLoopback(uri) || (app.redirectUris ?? []).includes(redirectUri);
}

function redirectTo(redirectUri: string, params: Record<string, string | undefined>): EmuReply {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return { status: 302, headers: { location: url.toString(), 'cache-control': 'no-cache,must-revalidate,max-age=0,no-store,private' } };
}

function authorizeParams(req: EmuRequest): Record<string, string> {
  const source = req.method === 'POST' ? new URLSearchParams((req.body as Record<string, string>) ?? {}) : req.query;
  const out: Record<string, string> = {};
  for (const k of AUTHORIZE_PARAMS) {
    const v = source.get(k);
    if (v !== null) out[k] = v;
  }
  return out;
}

/** Checks an authorize request; returns the error reply to send, or undefined when it is acceptable. */
function authorizeProblem(state: SfState, p: Record<string, string>): EmuReply | undefined {
  const app = state.config.apps.find((a) => a.clientId === p.client_id);
  if (!app) return html(400, errorPage('invalid_client_id', 'client identifier invalid'));
  if (!p.redirect_uri || !redirectAllowed(app, p.redirect_uri)) return html(400, errorPage('redirect_uri_mismatch', 'redirect_uri must match configuration'));
  const fail = (error: string, description: string) => redirectTo(p.redirect_uri, { error, error_description: description, state: p.state });
  if (p.response_type !== 'code') return fail('unsupported_response_type', 'response type not supported');
  if (p.code_challenge_method && p.code_challenge_method !== 'S256') return fail('invalid_request', 'unsupported code challenge method');
  if (app.requirePkce && !p.code_challenge) return fail('invalid_request', 'missing required code challenge');
  return undefined;
}

function approve(state: SfState, p: Record<string, string>): EmuReply {
  const code = state.tokens.issueCode({
    clientId: p.client_id,
    redirectUri: p.redirect_uri,
    scope: p.scope?.trim() || DEFAULT_SCOPE,
    codeChallenge: p.code_challenge,
  });
  return redirectTo(p.redirect_uri, { code, state: p.state });
}

function authorizeGet(state: SfState, req: EmuRequest): EmuReply {
  const p = authorizeParams(req);
  const problem = authorizeProblem(state, p);
  if (problem) return problem;
  if (state.config.autoApprove) return approve(state, p);
  return html(200, consentPage(p, state.org.identity.username));
}

function authorizePost(state: SfState, req: EmuRequest): EmuReply {
  const p = authorizeParams(req);
  const problem = authorizeProblem(state, p);
  if (problem) return problem;
  const action = (req.body as Record<string, string> | undefined)?.action;
  if (action === 'approve') return approve(state, p);
  return redirectTo(p.redirect_uri, { error: 'access_denied', error_description: 'end-user denied authorization', state: p.state });
}

function tokenResponse(state: SfState, req: EmuRequest, app: ConnectedApp, scope: string, withRefresh: string | undefined, refreshToken?: string) {
  const grant = state.tokens.issueAccess(app.clientId, scope, refreshToken ?? withRefresh);
  const base = baseUrlOf(req);
  const id = identityUrl(base, state);
  const issuedAt = String(grant.issuedAt);
  return json(200, {
    access_token: grant.token,
    ...(withRefresh ? { refresh_token: withRefresh } : {}),
    signature: tokenSignature(app.clientSecret ?? app.clientId, id, issuedAt),
    scope,
    instance_url: base,
    id,
    token_type: 'Bearer',
    issued_at: issuedAt,
  });
}

function clientCredentials(req: EmuRequest, form: Record<string, string>): { clientId?: string; clientSecret?: string } {
  const basic = /^Basic\s+(.+)$/i.exec(String(req.headers.authorization ?? ''));
  if (basic) {
    const [id, secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
    return { clientId: decodeURIComponent(id), clientSecret: secret && decodeURIComponent(secret) };
  }
  return { clientId: form.client_id, clientSecret: form.client_secret };
}

function token(state: SfState, req: EmuRequest): EmuReply {
  const form = (req.body as Record<string, string> | undefined) ?? {};
  if (!form.grant_type) return oauthError('invalid_request', 'grant type is missing');
  if (form.grant_type !== 'authorization_code' && form.grant_type !== 'refresh_token') return oauthError('unsupported_grant_type', 'grant type not supported');
  const { clientId, clientSecret } = clientCredentials(req, form);
  const app = state.config.apps.find((a) => a.clientId === clientId);
  if (!app) return oauthError('invalid_client_id', 'client identifier invalid');
  if ((app.requireSecret || clientSecret !== undefined) && clientSecret !== app.clientSecret) return oauthError('invalid_client', 'invalid client credentials');

  if (form.grant_type === 'refresh_token') {
    const grant = form.refresh_token ? state.tokens.refreshGrant(form.refresh_token) : undefined;
    if (!grant || grant.clientId !== app.clientId) return oauthError('invalid_grant', 'expired access/refresh token');
    return tokenResponse(state, req, app, grant.scope, undefined, grant.token);
  }

  const code = form.code ? state.tokens.takeCode(form.code) : undefined;
  if (code === 'expired') return oauthError('invalid_grant', 'expired authorization code');
  if (!code || code.clientId !== app.clientId) return oauthError('invalid_grant', 'invalid authorization code');
  if (form.redirect_uri !== code.redirectUri) return oauthError('redirect_uri_mismatch', 'redirect_uri must match configuration');
  if (code.codeChallenge !== undefined) {
    const verifier = form.code_verifier;
    if (!verifier || !VERIFIER_RE.test(verifier) || s256(verifier) !== code.codeChallenge) return oauthError('invalid_grant', 'invalid code verifier');
  }
  const scopes = code.scope.split(/\s+/);
  const refresh = scopes.includes('refresh_token') || scopes.includes('offline_access') ? state.tokens.issueRefresh(app.clientId, code.scope) : undefined;
  return tokenResponse(state, req, app, code.scope, refresh);
}

function revoke(state: SfState, req: EmuRequest): EmuReply {
  const form = (req.body as Record<string, string> | undefined) ?? {};
  const value = form.token ?? req.query.get('token') ?? undefined;
  if (value && state.tokens.revoke(value)) return { status: 200 };
  // jsforce reads revoke errors form-encoded.
  return {
    status: 400,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ error: value ? 'invalid_token' : 'unsupported_token_type', error_description: value ? 'invalid token' : 'Token type not supported' }).toString(),
  };
}

export function oauthRoutes(router: Router, state: SfState): void {
  router
    .on('GET', '/services/oauth2/authorize', (req) => authorizeGet(state, req))
    .on('POST', '/services/oauth2/authorize', (req) => authorizePost(state, req))
    .on('POST', '/services/oauth2/token', (req) => token(state, req))
    .on('POST', '/services/oauth2/revoke', (req) => revoke(state, req))
    .on('GET', '/services/oauth2/revoke', (req) => revoke(state, req))
    .on('GET', '/services/oauth2/userinfo', (req) => userinfo(state, req))
    .on('POST', '/services/oauth2/userinfo', (req) => userinfo(state, req))
    .on('GET', '/id/:orgId/:userId', (req) => identity(state, req));
}
