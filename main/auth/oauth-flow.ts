import * as oauth from 'oauth4webapi';
import { createPkce, randomState } from './pkce';
import { startLoopbackServer } from './loopback-server';
import type { RedirectPolicy } from '../../shared/oauth-redirect';
import { AuthError, FatalError, TransientError, ValidationError } from '../providers/errors';
import { registerSecret } from '../log/redact';

/** A provider's OAuth endpoints (no discovery: Salesforce, HubSpot and Pipedrive are configured by hand). */
export interface OAuthServer {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  revocationEndpoint?: string;
  /**
   * For token endpoints whose error bodies are not RFC 6749 shaped (HubSpot answers
   * `{ status: "BAD_REFRESH_TOKEN", message }`): turns one into `{ error, error_description }`.
   */
  adaptErrorBody?: (body: unknown) => { error: string; error_description?: string } | undefined;
}

export interface OAuthClient {
  clientId: string;
  clientSecret?: string;
  /** How the secret is sent: form body (Salesforce, HubSpot) or Basic header (Pipedrive). */
  secretIn?: 'body' | 'basic';
}

/** Tokens from a token endpoint, secrets apart from what may be shown or stored. */
export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  /** Epoch ms; undefined when the provider does not say (Salesforce). */
  expiresAt?: number;
  scope?: string;
  /** Non-secret extras of the answer (instance_url, id, hub_id, api_domain, ...). */
  extra: Record<string, unknown>;
}

export interface AuthorizeRequest {
  server: OAuthServer;
  client: OAuthClient;
  scopes: string[];
  /** Provider-specific authorize parameters (prompt, optional_scope, ...). */
  extraParams?: Record<string, string>;
  /** Shows the authorize URL to the user: opens the browser, prints it, or both. */
  openUrl: (url: string) => void | Promise<void>;
  /** The redirect_uri the provider expects (default: 127.0.0.1, any free port, /callback). */
  redirect?: RedirectPolicy;
  timeoutMs?: number;
  signal?: AbortSignal;
}

const SECRET_FIELDS = new Set(['access_token', 'refresh_token', 'id_token', 'signature']);

/**
 * Authorization code + PKCE through a loopback redirect (RFC 8252). Resolves with the tokens
 * once the browser came back with a valid code; rejects with a message the user can act on.
 */
export async function authorizeWithLoopback(req: AuthorizeRequest): Promise<TokenSet> {
  const pkce = await createPkce();
  const state = randomState();
  const loopback = await startLoopbackServer({ expectedState: state, timeoutMs: req.timeoutMs, redirect: req.redirect, signal: req.signal });
  try {
    const url = buildAuthorizeUrl(req, loopback.redirectUri, pkce.challenge, state);
    await req.openUrl(url.href);
    const params = await loopback.result;
    const as = toAuthorizationServer(req.server);
    const client = { client_id: req.client.clientId };
    const checked = oauth.validateAuthResponse(as, client, params, state);
    const response = await oauth.authorizationCodeGrantRequest(as, client, clientAuth(req.client), checked, loopback.redirectUri, pkce.verifier, httpOptions(req.server, req.server.tokenEndpoint));
    return toTokenSet(await oauth.processAuthorizationCodeResponse(as, client, response));
  } catch (err) {
    throw toTokenError(err, 'sign-in');
  } finally {
    await loopback.close();
  }
}

export function buildAuthorizeUrl(req: Pick<AuthorizeRequest, 'server' | 'client' | 'scopes' | 'extraParams'>, redirectUri: string, challenge: string, state: string): URL {
  const url = new URL(req.server.authorizationEndpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', req.client.clientId);
  url.searchParams.set('redirect_uri', redirectUri);
  if (req.scopes.length) url.searchParams.set('scope', req.scopes.join(' '));
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', challenge);
  url.searchParams.set('code_challenge_method', 'S256');
  for (const [k, v] of Object.entries(req.extraParams ?? {})) url.searchParams.set(k, v);
  return url;
}

/** Trades a refresh token for a new access token; invalid_grant means the user must reconnect. */
export async function refreshTokens(server: OAuthServer, client: OAuthClient, refreshToken: string): Promise<TokenSet> {
  const as = toAuthorizationServer(server);
  try {
    const response = await oauth.refreshTokenGrantRequest(as, { client_id: client.clientId }, clientAuth(client), refreshToken, httpOptions(server, server.tokenEndpoint));
    return toTokenSet(await oauth.processRefreshTokenResponse(as, { client_id: client.clientId }, response));
  } catch (err) {
    throw toTokenError(err, 'refresh');
  }
}

/** RFC 7009 revocation; a provider that already forgot the token counts as revoked. */
export async function revokeToken(server: OAuthServer, client: OAuthClient, token: string, hint?: 'refresh_token' | 'access_token'): Promise<void> {
  const as = toAuthorizationServer(server);
  if (!as.revocation_endpoint) return;
  try {
    const response = await oauth.revocationRequest(as, { client_id: client.clientId }, clientAuth(client), token, {
      ...httpOptions(server, as.revocation_endpoint),
      additionalParameters: hint ? { token_type_hint: hint } : undefined,
    });
    await oauth.processRevocationResponse(response);
  } catch (err) {
    if (await isInvalidTokenAnswer(err)) return;
    const e = toTokenError(err, 'revoke');
    if (e instanceof AuthError) return;
    throw e;
  }
}

/** Salesforce answers revoking an unknown token with a form-encoded 400 `error=invalid_token`: already revoked. */
async function isInvalidTokenAnswer(err: unknown): Promise<boolean> {
  if (err instanceof oauth.ResponseBodyError) return err.error === 'invalid_token';
  const res = err instanceof oauth.OperationProcessingError ? (err.cause as Response | undefined) : undefined;
  if (!(res instanceof Response) || res.status !== 400) return false;
  const text = await res.text().catch(() => '');
  return /invalid_token/.test(text);
}

function toAuthorizationServer(s: OAuthServer): oauth.AuthorizationServer {
  return {
    issuer: s.issuer,
    authorization_endpoint: s.authorizationEndpoint,
    token_endpoint: s.tokenEndpoint,
    revocation_endpoint: s.revocationEndpoint,
  };
}

function clientAuth(c: OAuthClient): oauth.ClientAuth {
  if (!c.clientSecret) return oauth.None();
  return c.secretIn === 'basic' ? oauth.ClientSecretBasic(c.clientSecret) : oauth.ClientSecretPost(c.clientSecret);
}

type HttpOptions = { [oauth.allowInsecureRequests]?: boolean; [oauth.customFetch]?: typeof fetch; signal: AbortSignal };

/** Plain http is allowed only to loopback (the emulators); real providers must be https. */
function httpOptions(server: OAuthServer, endpoint: string): HttpOptions {
  const u = new URL(endpoint);
  const loopback = u.protocol === 'http:' && (u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]');
  const options: HttpOptions = { signal: AbortSignal.timeout(30_000) };
  if (loopback) options[oauth.allowInsecureRequests] = true;
  if (server.adaptErrorBody) options[oauth.customFetch] = adaptingFetch(server.adaptErrorBody);
  return options;
}

function adaptingFetch(adapt: NonNullable<OAuthServer['adaptErrorBody']>): typeof fetch {
  return async (input, init) => {
    const res = await fetch(input, init);
    if (res.status < 400 || res.status >= 500) return res;
    const body: unknown = await res.clone().json().catch(() => undefined);
    const adapted = body === undefined ? undefined : adapt(body);
    if (!adapted) return res;
    return new Response(JSON.stringify(adapted), { status: res.status, headers: { 'content-type': 'application/json' } });
  };
}

function toTokenSet(t: oauth.TokenEndpointResponse): TokenSet {
  registerSecret(t.access_token);
  registerSecret(t.refresh_token);
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(t)) if (!SECRET_FIELDS.has(k) && k !== 'expires_in' && k !== 'scope' && k !== 'token_type') extra[k] = v;
  return {
    accessToken: t.access_token,
    refreshToken: t.refresh_token,
    expiresAt: typeof t.expires_in === 'number' ? Date.now() + t.expires_in * 1000 : undefined,
    scope: t.scope,
    extra,
  };
}

/** oauth4webapi's errors → our typed errors, with messages that say what to do. */
function toTokenError(err: unknown, step: 'sign-in' | 'refresh' | 'revoke'): Error {
  if (err instanceof Error && err.name === 'OAuthCallbackError') return err;
  if (err instanceof oauth.ResponseBodyError) {
    const what = err.error_description ? `${err.error}: ${err.error_description}` : err.error;
    const clientRefused = err.error === 'invalid_client' || err.error === 'unauthorized_client';
    // A refused client at sign-in is a typo in the form (often answered 401, as RFC 6749 allows), not a dead grant.
    if (clientRefused && step === 'sign-in') {
      return new ValidationError(`The provider refused the app's client id or secret (${what}). Check the client id and secret in the connection settings.`, { code: err.error, status: err.status, fields: ['clientId'] });
    }
    if (err.error === 'invalid_grant' || err.error === 'invalid_token' || err.status === 401) {
      return new AuthError(`The provider refused the ${step} (${what}). Reconnect to sign in again.`, { code: err.error, status: err.status, needsReconnect: true });
    }
    if (err.error === 'invalid_client' || err.error === 'unauthorized_client') {
      return new ValidationError(`The provider refused the app's client id or secret (${what}). Check the client id and secret in the connection settings.`, { code: err.error, status: err.status, fields: ['clientId'] });
    }
    if (err.status >= 500) return new TransientError(`The provider failed during ${step} (${what}). Try again in a moment.`, { code: err.error, status: err.status });
    return new FatalError(`The provider refused the ${step} (${what}).`, { code: err.error, status: err.status });
  }
  if (err instanceof oauth.AuthorizationResponseError) {
    return new AuthError(`The provider did not grant access (${err.error_description ?? err.error}). Click Connect to try again.`, { code: err.error, needsReconnect: true });
  }
  if (err instanceof oauth.OperationProcessingError) {
    const status = (err.cause as { status?: number } | undefined)?.status;
    if (status && status >= 500) return new TransientError(`The provider failed during ${step} (HTTP ${status}). Try again in a moment.`, { status });
    return new FatalError(`Unexpected answer from the provider during ${step}: ${err.message}`, { code: err.code });
  }
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError' || err.name === 'TypeError')) {
    return new TransientError(`Could not reach the provider during ${step} (${err.message}). Check the network and the login URL.`, { cause: err });
  }
  return err instanceof Error ? err : new Error(String(err));
}
