import { json, type EmuReply, type EmuRequest, type Router } from '../common/http';
import { consentPage, errorPage } from './consent-page';
import { oauthErrorReply } from './errors';
import type { OAuthFailure, TokenRegistry } from './tokens';

/** A Bling app: its credentials and the one redirect link registered for it. */
export interface OAuthClient {
  client_id: string;
  client_secret: string;
  redirect_uri?: string;
}

export interface OAuthSettings {
  tokens: TokenRegistry;
  /** Registered apps; when empty, any client id/secret pair is accepted. */
  clients: OAuthClient[];
  autoApprove: boolean;
  accountName: string;
}

export const OAUTH_PREFIX = '/Api/v3/oauth';

const html = (status: number, body: string): EmuReply => ({ status, headers: { 'content-type': 'text/html; charset=utf-8' }, body });

/** RFC 8252 loopback redirect: plain http on 127.0.0.1, [::1] or localhost, any port. */
function isLoopback(uri: string): boolean {
  try {
    const u = new URL(uri);
    return u.protocol === 'http:' && ['127.0.0.1', '[::1]', 'localhost'].includes(u.hostname) && u.hash === '';
  } catch {
    return false;
  }
}

function redirectTo(uri: string, query: Record<string, string | undefined>): EmuReply {
  const url = new URL(uri);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, v);
  return { status: 302, headers: { location: url.toString(), 'cache-control': 'no-store' }, body: '' };
}

/** Bling's OAuth server: authorize page, token endpoint (client credentials by HTTP Basic), revoke. */
export function registerOAuth(router: Router, s: OAuthSettings): void {
  const client = (id: string) => s.clients.find((c) => c.client_id === id);

  /**
   * Bling apps register one redirect link and Bling sends the user there. The emulator also
   * honours a loopback `redirect_uri` on any port, so a desktop app's loopback flow can be tested.
   */
  function resolveRedirect(clientId: string, sent: string | undefined): string | undefined {
    const registered = client(clientId)?.redirect_uri;
    if (sent && isLoopback(sent)) return sent;
    if (sent && sent !== registered) return undefined;
    return registered;
  }

  function checkAuthorize(src: Record<string, string | undefined>): Record<string, string> | string {
    const clientId = src.client_id ?? '';
    if (!clientId || (s.clients.length && !client(clientId))) return 'Aplicativo não encontrado.';
    if (src.response_type !== 'code') return 'O parâmetro response_type deve ser "code".';
    if (!src.state) return 'O parâmetro state é obrigatório.';
    const redirect = resolveRedirect(clientId, src.redirect_uri);
    if (!redirect) return 'O link de redirecionamento não confere com o cadastrado no aplicativo.';
    return { response_type: 'code', client_id: clientId, state: src.state, redirect_uri: redirect };
  }

  function decide(params: Record<string, string>, approved: boolean): EmuReply {
    if (!approved) return redirectTo(params.redirect_uri, { error: 'access_denied', error_description: 'O usuário não autorizou o aplicativo.', state: params.state });
    return redirectTo(params.redirect_uri, { code: s.tokens.issueCode(params.client_id), state: params.state });
  }

  router.on('GET', `${OAUTH_PREFIX}/authorize`, (req) => {
    const params = checkAuthorize(Object.fromEntries(req.query));
    if (typeof params === 'string') return html(400, errorPage(params));
    return s.autoApprove ? decide(params, true) : html(200, consentPage(params, s.accountName));
  });

  router.on('POST', `${OAUTH_PREFIX}/authorize/decision`, (req) => {
    const body = (req.body ?? {}) as Record<string, string>;
    const params = checkAuthorize(body);
    if (typeof params === 'string') return html(400, errorPage(params));
    return decide(params, body.decision === 'approve');
  });

  /** HTTP Basic as Bling requires; `client_id`/`client_secret` in the body are accepted too (some clients send them). */
  function clientCredentials(req: EmuRequest): string | EmuReply {
    const body = (req.body ?? {}) as Record<string, string>;
    const basic = /^Basic\s+(.+)$/i.exec(String(req.headers.authorization ?? ''));
    const decoded = basic ? Buffer.from(basic[1], 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    const [id, secret] = basic ? [decoded.slice(0, colon < 0 ? undefined : colon), colon < 0 ? '' : decoded.slice(colon + 1)] : [body.client_id, body.client_secret];
    if (!id || !secret) return oauthErrorReply(401, 'invalid_client', 'Client credentials were not found in the headers or body');
    const known = client(id);
    if (s.clients.length && (!known || known.client_secret !== secret)) return oauthErrorReply(401, 'invalid_client', 'The client credentials are invalid');
    return id;
  }

  router.on('POST', `${OAUTH_PREFIX}/token`, (req) => {
    if (!String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
      return oauthErrorReply(400, 'invalid_request', 'The request body must be application/x-www-form-urlencoded');
    }
    const clientId = clientCredentials(req);
    if (typeof clientId !== 'string') return clientId;
    const body = (req.body ?? {}) as Record<string, string>;
    const jwt = req.headers['enable-jwt'] === '1';
    let result;
    if (body.grant_type === 'authorization_code') result = s.tokens.exchangeCode(body.code ?? '', clientId, jwt);
    else if (body.grant_type === 'refresh_token') result = s.tokens.refreshAccess(body.refresh_token ?? '', clientId, jwt);
    else if (!body.grant_type) return oauthErrorReply(400, 'invalid_request', 'The grant type was not specified in the request');
    else return oauthErrorReply(400, 'unsupported_grant_type', `Grant type "${body.grant_type}" not supported`);
    if ('status' in result) return failure(result);
    return json(200, result, { 'cache-control': 'no-store' });
  });

  router.on('POST', `${OAUTH_PREFIX}/revoke`, (req) => {
    const clientId = clientCredentials(req);
    if (typeof clientId !== 'string') return clientId;
    s.tokens.revoke(String((req.body as Record<string, unknown> | undefined)?.token ?? ''));
    return { status: 200, body: '' };
  });
}

/** A reused code is a VALIDATION_ERROR with "Invalid authorization code" as its message. */
function failure(f: OAuthFailure): EmuReply {
  if (f.type === 'VALIDATION_ERROR') return json(f.status, { error: { type: f.type, message: f.description, description: 'O código de autorização já foi utilizado; o acesso foi revogado.' } });
  return oauthErrorReply(f.status, f.type, f.description);
}
