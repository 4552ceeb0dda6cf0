import { revokeToken, type OAuthClient, type OAuthServer } from '../../auth/oauth-flow';
import { ValidationError } from '../errors';
import { normaliseBaseUrl } from '../urls';
import type { ConnectInput, ConnectionConfig, OAuthSupport, ProviderSettings, SessionSecrets, StaticTokenInput } from '../definition';
import { fixedLoopbackCallback } from '../../../shared/oauth-redirect';

export const SALESFORCE_PRODUCTION = 'https://login.salesforce.com';
export const SALESFORCE_SANDBOX = 'https://test.salesforce.com';

/** `api` for REST, `id` for the identity/userinfo call, `refresh_token` to stay connected for months. */
const SCOPES = ['api', 'id', 'refresh_token'];

export function resolveSalesforceConfig(input: ConnectInput, settings: ProviderSettings): ConnectionConfig {
  const login = input.loginUrl ?? stringSetting(settings, 'salesforce.loginUrl') ?? SALESFORCE_PRODUCTION;
  const authBaseUrl = normaliseBaseUrl(login, 'The Salesforce login URL');
  return {
    authBaseUrl,
    apiBaseUrl: authBaseUrl,
    loginUrl: authBaseUrl,
    clientId: input.clientId?.trim() || stringSetting(settings, 'salesforce.clientId') || undefined,
  };
}

export function salesforceOAuthServer(config: ConnectionConfig): OAuthServer {
  return {
    issuer: config.authBaseUrl,
    authorizationEndpoint: `${config.authBaseUrl}/services/oauth2/authorize`,
    tokenEndpoint: `${config.authBaseUrl}/services/oauth2/token`,
    revocationEndpoint: `${config.authBaseUrl}/services/oauth2/revoke`,
  };
}

function salesforceClient(config: ConnectionConfig, clientSecret: string | undefined): OAuthClient {
  if (!config.clientId) {
    throw new ValidationError('Enter the consumer key of your Salesforce connected app (Setup → App Manager → your app → Consumer Key).', { fields: ['clientId'] });
  }
  return { clientId: config.clientId, clientSecret, secretIn: 'body' };
}

export const salesforceOAuth: OAuthSupport = {
  // Salesforce matches the registered Callback URL exactly and takes plain http only for localhost.
  redirect: fixedLoopbackCallback,
  request: (config, clientSecret) => ({ server: salesforceOAuthServer(config), client: salesforceClient(config, clientSecret), scopes: SCOPES }),
  toSecrets: (config, tokens, previous) => ({
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken ?? previous?.refreshToken,
    clientSecret: previous?.clientSecret,
    expiresAt: tokens.expiresAt,
    instanceUrl: typeof tokens.extra.instance_url === 'string' ? stripSlash(tokens.extra.instance_url) : (previous?.instanceUrl ?? config.apiBaseUrl),
  }),
};

/** A pasted session id works against the instance at the login URL (My Domain). */
export const salesforceStaticCredentials = (config: ConnectionConfig, { token }: StaticTokenInput): SessionSecrets => ({ accessToken: token.trim(), instanceUrl: config.apiBaseUrl });

/** Revoking the refresh token ends every session it issued; a session id alone is revoked itself. */
export async function revokeSalesforce(config: ConnectionConfig, secrets: SessionSecrets): Promise<boolean> {
  const token = secrets.refreshToken ?? secrets.accessToken;
  await revokeToken(salesforceOAuthServer(config), { clientId: config.clientId ?? 'unknown' }, token);
  return true;
}

const stripSlash = (u: string) => u.replace(/\/+$/, '');

function stringSetting(settings: ProviderSettings, key: string): string | undefined {
  const v = settings.get(key);
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}
