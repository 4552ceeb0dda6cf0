import { json, type EmuReply, type EmuRequest, type Router } from '../common/http';
import { consentPage, errorPage } from './consent-page';
import { SCOPE, type TokenRegistry } from './tokens';

export interface OAuthClient {
  client_id: string;
  client_secret: string;
  redirect_uris?: string[];
}

export interface OAuthSettings {
  tokens: TokenRegistry;
  /** Registered apps; when empty, any client id/secret pair is accepted. */
  clients: OAuthClient[];
  autoApprove: boolean;
  companyName: string;
}

const html = (status: number, body: string): EmuReply => ({ status, headers: { 'content-type': 'text/html; charset=utf-8' }, body });

/** RFC 8252: loopback redirects are accepted on any port. */
function isLoopback(uri: string): boolean {
  try {
    const u = new URL(uri);
    return u.protocol === 'http:' && ['127.0.0.1', '[::1]', 'localhost'].includes(u.hostname);
  } catch {
    return false;
  }
}

/** Pipedrive's OAuth server: consent page, code and refresh grants with client basic auth, revoke. */
export function registerOAuth(router: Router, s: OAuthSettings): void {
  const client = (id: string) => s.clients.find((c) => c.client_id === id);

  function authorizeParams(src: Record<string, string>): Record<string, string> | string {
    const clientId = src.client_id ?? '';
    const redirectUri = src.redirect_uri ?? '';
    if (!clientId || (s.clients.length && !client(clientId))) return 'App cannot be installed for requested company';
    const registered = client(clientId)?.redirect_uris ?? [];
    if (!isLoopback(redirectUri) && !registered.includes(redirectUri)) return 'Invalid request: redirect_uri is invalid';
    const keep = ['client_id', 'redirect_uri', 'state', 'code_challenge', 'code_challenge_method'];
    return Object.fromEntries(keep.filter((k) => src[k] !== undefined).map((k) => [k, src[k]]));
  }

  function redirect(params: Record<string, string>, approved: boolean): EmuReply {
    const target = new URL(params.redirect_uri);
    if (approved) {
      const code = s.tokens.issueCode({ clientId: params.client_id, redirectUri: params.redirect_uri, challenge: params.code_challenge, method: params.code_challenge_method });
      target.searchParams.set('code', code);
    } else {
      target.searchParams.set('error', 'user_denied');
    }
    if (params.state !== undefined) target.searchParams.set('state', params.state);
    return { status: 302, headers: { location: target.toString() }, body: '' };
  }

  router.on('GET', '/oauth/authorize', (req) => {
    const params = authorizeParams(Object.fromEntries(req.query));
    if (typeof params === 'string') return html(400, errorPage(params));
    return s.autoApprove ? redirect(params, true) : html(200, consentPage(params, s.companyName, SCOPE));
  });

  router.on('POST', '/oauth/authorize/decision', (req) => {
    const body = (req.body ?? {}) as Record<string, string>;
    const params = authorizeParams(body);
    if (typeof params === 'string') return html(400, errorPage(params));
    return redirect(params, body.decision === 'approve');
  });

  router.on('POST', '/oauth/token', (req) => tokenEndpoint(req));
  router.on('POST', '/oauth/revoke', (req) => {
    const creds = clientCredentials(req);
    if (typeof creds === 'string') return oauthError(401, 'invalid_client', creds);
    const token = String((req.body as Record<string, unknown> | undefined)?.token ?? '');
    // The SDK URI-encodes access tokens before form-encoding them, so undo that too.
    s.tokens.revoke(token);
    s.tokens.revoke(safeDecode(token));
    return { status: 200, body: '' };
  });

  function clientCredentials(req: EmuRequest): { id: string; secret: string } | string {
    const body = (req.body ?? {}) as Record<string, string>;
    const basic = /^Basic\s+(.+)$/i.exec(String(req.headers.authorization ?? ''));
    const [id, secret] = basic ? Buffer.from(basic[1], 'base64').toString('utf8').split(':') : [body.client_id, body.client_secret];
    if (!id || !secret) return 'Invalid client: cannot retrieve client credentials';
    const known = client(id);
    if (s.clients.length && (!known || known.client_secret !== secret)) return 'Invalid client: client is invalid';
    return { id, secret };
  }

  function tokenEndpoint(req: EmuRequest): EmuReply {
    if (!String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
      return oauthError(400, 'invalid_request', 'Invalid request: content must be application/x-www-form-urlencoded');
    }
    const creds = clientCredentials(req);
    if (typeof creds === 'string') return oauthError(401, 'invalid_client', creds);
    const body = (req.body ?? {}) as Record<string, string>;
    const apiDomain = `http://${req.headers.host ?? '127.0.0.1'}`;
    let result;
    if (!body.grant_type) return oauthError(400, 'invalid_request', 'Missing parameter: grant_type');
    else if (body.grant_type === 'authorization_code') {
      result = s.tokens.exchangeCode({ code: body.code ?? '', clientId: creds.id, redirectUri: body.redirect_uri ?? '', verifier: body.code_verifier });
    } else if (body.grant_type === 'refresh_token') {
      result = s.tokens.refreshAccess({ refreshToken: body.refresh_token ?? '', clientId: creds.id });
    } else return oauthError(400, 'unsupported_grant_type', 'Unsupported grant type: grant_type is invalid');
    if ('error' in result) return oauthError(400, result.error, result.message);
    return json(200, { ...result, api_domain: apiDomain }, { 'cache-control': 'no-store' });
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** OAuth errors carry Pipedrive's message and the RFC 6749 code, so both kinds of client can read them. */
function oauthError(status: number, error: string, message: string): EmuReply {
  return json(status, { success: false, message, error, error_description: message });
}
