import { request } from 'undici';
import type { OAuthServer } from '../../auth/oauth-flow';
import { TransientError, ValidationError } from '../errors';
import type { ConnectInput, ConnectionConfig, OAuthSupport, ProviderSettings, SessionSecrets, StaticTokenInput } from '../definition';
import { fixedLoopbackCallback } from '../../../shared/oauth-redirect';
import { normaliseBaseUrl } from '../urls';

export const HUBSPOT_API = 'https://api.hubapi.com';

/** Read and write for the three synced objects, their schemas (properties), and `oauth` for the token info call. */
export const HUBSPOT_SCOPES = [
  'oauth',
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.objects.companies.read',
  'crm.objects.companies.write',
  'crm.objects.deals.read',
  'crm.objects.deals.write',
  'crm.schemas.contacts.read',
  'crm.schemas.companies.read',
  'crm.schemas.deals.read',
];

/** HubSpot signs users in on app.hubspot.com (app-eu1 for EU data centres); an emulator serves both on one host. */
export function authorizeBaseFor(apiBaseUrl: string): string {
  const u = new URL(apiBaseUrl);
  const m = /^api(-[a-z0-9]+)?\.hubapi\.com$/.exec(u.hostname);
  return m ? `https://app${m[1] ?? ''}.hubspot.com` : apiBaseUrl;
}

export function resolveHubSpotConfig(input: ConnectInput, settings: ProviderSettings): ConnectionConfig {
  const configured = settings.get('hubspot.baseUrl');
  const apiBaseUrl = normaliseBaseUrl(input.loginUrl ?? (typeof configured === 'string' && configured ? configured : HUBSPOT_API), 'The HubSpot API URL');
  const clientId = settings.get('hubspot.clientId');
  return {
    authBaseUrl: authorizeBaseFor(apiBaseUrl),
    apiBaseUrl,
    loginUrl: apiBaseUrl,
    clientId: input.clientId?.trim() || (typeof clientId === 'string' && clientId ? clientId : undefined),
  };
}

/** HubSpot's OAuth errors are `{ status: "BAD_REFRESH_TOKEN", message }`; RFC 6749 names them invalid_grant etc. */
export function adaptHubSpotOAuthError(body: unknown): { error: string; error_description?: string } | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const { status, message } = body as { status?: unknown; message?: unknown };
  if (typeof status !== 'string' || status === 'error') return undefined;
  const error = /REFRESH_TOKEN|AUTH_CODE|REDIRECT_URI/.test(status) ? 'invalid_grant' : /CLIENT/.test(status) ? 'invalid_client' : 'invalid_request';
  return { error, error_description: typeof message === 'string' ? `${status}: ${message}` : status };
}

export function hubSpotOAuthServer(config: ConnectionConfig): OAuthServer {
  return {
    issuer: config.authBaseUrl,
    authorizationEndpoint: `${config.authBaseUrl}/oauth/authorize`,
    tokenEndpoint: `${config.apiBaseUrl}/oauth/v1/token`,
    adaptErrorBody: adaptHubSpotOAuthError,
  };
}

export const hubSpotOAuth: OAuthSupport = {
  // HubSpot matches the registered Redirect URL exactly and takes plain http only for localhost.
  redirect: fixedLoopbackCallback,
  request: (config, clientSecret) => {
    if (!config.clientId) throw new ValidationError('Enter the client id of your HubSpot app (Developer account → Apps → Auth).', { fields: ['clientId'] });
    if (!clientSecret) throw new ValidationError('Enter the client secret of your HubSpot app (Developer account → Apps → Auth).', { fields: ['clientSecret'] });
    return { server: hubSpotOAuthServer(config), client: { clientId: config.clientId, clientSecret, secretIn: 'body' }, scopes: HUBSPOT_SCOPES };
  },
  toSecrets: (_config, tokens, previous) => ({
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken ?? previous?.refreshToken,
    clientSecret: previous?.clientSecret,
    expiresAt: tokens.expiresAt,
  }),
};

export const hubSpotStaticCredentials = (_config: ConnectionConfig, { token }: StaticTokenInput): SessionSecrets => ({ accessToken: token.trim() });

/** Deleting the refresh token uninstalls the grant; private-app tokens can only be rotated in HubSpot. */
export async function revokeHubSpot(config: ConnectionConfig, secrets: SessionSecrets): Promise<boolean> {
  if (!secrets.refreshToken) return false;
  const res = await request(`${config.apiBaseUrl}/oauth/v1/refresh-tokens/${encodeURIComponent(secrets.refreshToken)}`, { method: 'DELETE', headersTimeout: 30_000, bodyTimeout: 30_000 });
  await res.body.dump();
  if (res.statusCode >= 500) throw new TransientError(`HubSpot could not revoke the token (HTTP ${res.statusCode}).`, { status: res.statusCode });
  // 404: HubSpot no longer knows the token, which is what revoking wants.
  return true;
}
