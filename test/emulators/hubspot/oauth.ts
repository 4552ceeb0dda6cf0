import { json, type EmuReply, type EmuRequest, type Router } from '../common/http';
import { authorizeErrorPage, consentPage } from './consent-page';
import { hubError, oauthError } from './errors';
import type { OAuthApp, TokenRegistry } from './tokens';

const AUTHORIZE_PARAMS = ['client_id', 'redirect_uri', 'scope', 'optional_scope', 'state', 'code_challenge', 'code_challenge_method'];

/** RFC 8252: any port on loopback, plain http; HubSpot takes http for `localhost` too (the app's registered redirect). */
function isLoopbackRedirect(uri: string): boolean {
  try {
    const u = new URL(uri);
    return u.protocol === 'http:' && ['127.0.0.1', '[::1]', 'localhost'].includes(u.hostname) && u.hash === '';
  } catch {
    return false;
  }
}

const splitScopes = (s: string | undefined) => (s ?? '').split(/[\s+]+/).filter(Boolean);

type Checked = { ok: true; app: OAuthApp; params: Record<string, string> } | { ok: false; reply: EmuReply };

function checkAuthorizeRequest(tokens: TokenRegistry, source: Record<string, string | undefined>): Checked {
  const params: Record<string, string> = {};
  for (const k of AUTHORIZE_PARAMS) if (source[k] !== undefined && source[k] !== '') params[k] = source[k]!;
  const app = params.client_id ? tokens.app(params.client_id) : undefined;
  if (!app) return { ok: false, reply: authorizeErrorPage("Authorization failed because this app's client_id is missing or unknown.") };
  const redirect = params.redirect_uri;
  if (!redirect || !(isLoopbackRedirect(redirect) || app.redirectUris.includes(redirect))) {
    return { ok: false, reply: authorizeErrorPage('Authorization failed because the redirect_uri does not match the app settings.') };
  }
  if (splitScopes(params.scope).length === 0) return { ok: false, reply: authorizeErrorPage('Authorization failed because no scope was requested.') };
  const method = params.code_challenge_method;
  if (params.code_challenge && method && method !== 'S256' && method !== 'plain') {
    return { ok: false, reply: authorizeErrorPage(`Unsupported code_challenge_method ${method}.`) };
  }
  return { ok: true, app, params };
}

function redirectTo(uri: string, query: Record<string, string | undefined>): EmuReply {
  const url = new URL(uri);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, v);
  return { status: 302, headers: { location: url.toString(), 'cache-control': 'no-store' } };
}

function approve(tokens: TokenRegistry, params: Record<string, string>): EmuReply {
  const code = tokens.issueCode({
    clientId: params.client_id,
    redirectUri: params.redirect_uri,
    scopes: [...new Set([...splitScopes(params.scope), ...splitScopes(params.optional_scope)])],
    codeChallenge: params.code_challenge,
    codeChallengeMethod: params.code_challenge ? (params.code_challenge_method ?? 'plain') : undefined,
  });
  return redirectTo(params.redirect_uri, { code, state: params.state });
}

function formField(req: EmuRequest, name: string): string | undefined {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const v = body[name];
  return typeof v === 'string' ? v : undefined;
}

function tokenEndpoint(tokens: TokenRegistry, req: EmuRequest): EmuReply {
  const f = (n: string) => formField(req, n);
  const grantType = f('grant_type');
  if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
    return oauthError('BAD_GRANT_TYPE', 'missing or unknown grant type');
  }
  const app = tokens.app(f('client_id') ?? '');
  if (!app) return oauthError('BAD_CLIENT_ID', 'missing or unknown client id');
  if (f('client_secret') !== app.clientSecret) return oauthError('BAD_CLIENT_SECRET', 'missing or invalid client secret');
  const result =
    grantType === 'authorization_code'
      ? tokens.exchangeCode(f('code') ?? '', app.clientId, f('redirect_uri'), f('code_verifier'))
      : tokens.refreshAccess(f('refresh_token') ?? '', app.clientId);
  if (!result.ok) return oauthError(result.code, result.message);
  return json(200, { token_type: 'bearer', refresh_token: result.refreshToken, access_token: result.accessToken, expires_in: result.expiresIn });
}

/** HubSpot's OAuth v1 endpoints plus the consent screen. */
export function registerOAuthRoutes(router: Router, tokens: TokenRegistry, autoApprove: boolean): void {
  router
    .on('GET', '/oauth/authorize', (req) => {
      const checked = checkAuthorizeRequest(tokens, Object.fromEntries(req.query));
      if (!checked.ok) return checked.reply;
      if (autoApprove) return approve(tokens, checked.params);
      return consentPage(checked.params, `App ${checked.app.appId}`, tokens.account.hubDomain, splitScopes(checked.params.scope));
    })
    .on('POST', '/oauth/authorize', (req) => {
      const checked = checkAuthorizeRequest(tokens, (req.body ?? {}) as Record<string, string>);
      if (!checked.ok) return checked.reply;
      if (formField(req, 'decision') !== 'approve') {
        return redirectTo(checked.params.redirect_uri, { error: 'access_denied', error_description: 'The user denied access.', state: checked.params.state });
      }
      return approve(tokens, checked.params);
    })
    .on('POST', '/oauth/v1/token', (req) => tokenEndpoint(tokens, req))
    .on('GET', '/oauth/v1/access-tokens/:token', (req) => {
      const info = tokens.describeAccess(req.params.token);
      return info ? json(200, info) : hubError(404, 'OBJECT_NOT_FOUND', 'access token not found');
    })
    .on('GET', '/oauth/v1/refresh-tokens/:token', (req) => {
      const info = tokens.describeRefresh(req.params.token);
      return info ? json(200, info) : oauthError('BAD_REFRESH_TOKEN', 'missing or unknown refresh token', 404);
    })
    .on('DELETE', '/oauth/v1/refresh-tokens/:token', (req) =>
      tokens.revokeRefresh(req.params.token) ? { status: 204 } : oauthError('BAD_REFRESH_TOKEN', 'missing or unknown refresh token', 404),
    );
}
