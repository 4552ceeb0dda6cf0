import { revokeToken, type OAuthServer } from '../../auth/oauth-flow';
import { ValidationError } from '../errors';
import type { ConnectInput, ConnectionConfig, OAuthSupport, SessionSecrets, StaticTokenInput } from '../definition';
import { DEFAULT_CALLBACK_PORT } from '../../../shared/oauth-redirect';
import { normaliseBaseUrl } from '../urls';

export const BLING_API = 'https://api.bling.com.br/Api/v3';

/** Everything is under `/Api/v3` (api.bling.com.br, or www.bling.com.br in older docs); a bare address gets it. */
function apiBaseOf(raw: string): string {
  const base = normaliseBaseUrl(raw, 'The Bling API URL');
  const path = new URL(base).pathname;
  return path === '' || path === '/' ? `${base}/Api/v3` : base;
}

export function resolveBlingConfig(input: ConnectInput): ConnectionConfig {
  const apiBaseUrl = apiBaseOf(input.loginUrl ?? BLING_API);
  return { authBaseUrl: apiBaseUrl, apiBaseUrl, loginUrl: input.loginUrl ? apiBaseUrl : undefined, clientId: input.clientId?.trim() || undefined };
}

/**
 * Bling's OAuth errors are `{ error: { type, message, description } }`; RFC 6749 wants
 * `{ error, error_description }`. A reused authorization code is a VALIDATION_ERROR that
 * revokes the grant: for the app that is an invalid grant.
 */
export function adaptBlingOAuthError(body: unknown): { error: string; error_description?: string } | undefined {
  const e = body && typeof body === 'object' ? (body as { error?: unknown }).error : undefined;
  if (!e || typeof e !== 'object') return undefined;
  const { type, message, description } = e as { type?: unknown; message?: unknown; description?: unknown };
  if (typeof type !== 'string') return undefined;
  const text = [message, description].filter((x): x is string => typeof x === 'string' && x !== type).join(': ');
  return { error: type === 'VALIDATION_ERROR' ? 'invalid_grant' : type, error_description: text || undefined };
}

export const blingOAuthServer = (config: ConnectionConfig): OAuthServer => ({
  issuer: config.authBaseUrl,
  authorizationEndpoint: `${config.authBaseUrl}/oauth/authorize`,
  tokenEndpoint: `${config.authBaseUrl}/oauth/token`,
  revocationEndpoint: `${config.authBaseUrl}/oauth/revoke`,
  adaptErrorBody: adaptBlingOAuthError,
});

export const blingOAuth: OAuthSupport = {
  // Bling registers one redirect link per app and matches it exactly; its help names 127.0.0.1.
  redirect: { host: '127.0.0.1', port: DEFAULT_CALLBACK_PORT, path: '/callback' },
  request: (config, clientSecret) => {
    if (!config.clientId || !clientSecret) {
      throw new ValidationError('Enter the client id and client secret of your Bling app (Bling: Central de extensões → Área do integrador → your app).', { fields: ['clientId'] });
    }
    // Bling takes the scopes from the app's settings, and the client credentials as HTTP Basic.
    return { server: blingOAuthServer(config), client: { clientId: config.clientId, clientSecret, secretIn: 'basic' }, scopes: [] };
  },
  // Refresh tokens rotate: each refresh answers a new one and the old one stops working.
  toSecrets: (_config, tokens, previous) => ({
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken ?? previous?.refreshToken,
    clientSecret: previous?.clientSecret,
    expiresAt: tokens.expiresAt,
  }),
};

export const blingStaticCredentials = (_config: ConnectionConfig, { token }: StaticTokenInput): SessionSecrets => ({ accessToken: token.trim() });

/** Revoking the refresh token ends the app's grant; a pasted access token can only expire. */
export async function revokeBling(config: ConnectionConfig, secrets: SessionSecrets): Promise<boolean> {
  if (!secrets.refreshToken) return false;
  await revokeToken(blingOAuthServer(config), { clientId: config.clientId ?? '', clientSecret: secrets.clientSecret, secretIn: 'basic' }, secrets.refreshToken, 'refresh_token');
  return true;
}
