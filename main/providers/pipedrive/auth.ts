import { revokeToken, type OAuthServer } from '../../auth/oauth-flow';
import { ValidationError } from '../errors';
import type { ConnectInput, ConnectionConfig, OAuthSupport, ProviderSettings, SessionSecrets, StaticTokenInput } from '../definition';
import { fixedLoopbackCallback } from '../../../shared/oauth-redirect';
import { normaliseBaseUrl } from '../urls';

/** `acme`, `acme.pipedrive.com` or `https://acme.pipedrive.com` → `acme`. */
export function companyOf(domain: string): string {
  const host = domain.trim().replace(/^[a-z]+:\/\//i, '').split('/')[0].toLowerCase();
  const company = host.endsWith('.pipedrive.com') ? host.slice(0, -'.pipedrive.com'.length) : host;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(company)) {
    throw new ValidationError(`"${domain}" is not a Pipedrive company domain. Use the part before .pipedrive.com in your Pipedrive address.`, { fields: ['domain'] });
  }
  return company;
}

/** Pipedrive signs users in on oauth.pipedrive.com; an emulator serves it on its own host. */
const authBaseFor = (apiBaseUrl: string): string => (/\.pipedrive\.com$/.test(new URL(apiBaseUrl).hostname) ? 'https://oauth.pipedrive.com' : apiBaseUrl);

export function resolvePipedriveConfig(input: ConnectInput, settings: ProviderSettings): ConnectionConfig {
  const configured = settings.get('pipedrive.baseUrl');
  const domain = input.domain?.trim() ? companyOf(input.domain) : undefined;
  const override = input.loginUrl ?? (typeof configured === 'string' && configured ? configured : undefined);
  const base = override ?? (domain ? `https://${domain}.pipedrive.com` : undefined);
  if (!base) throw new ValidationError('Enter your Pipedrive company domain (the "acme" in acme.pipedrive.com).', { fields: ['domain'] });
  const apiBaseUrl = normaliseBaseUrl(base, 'The Pipedrive URL');
  const clientId = settings.get('pipedrive.clientId');
  return {
    authBaseUrl: authBaseFor(apiBaseUrl),
    apiBaseUrl,
    domain,
    loginUrl: override ? apiBaseUrl : undefined,
    clientId: input.clientId?.trim() || (typeof clientId === 'string' && clientId ? clientId : undefined),
  };
}

export const pipedriveOAuthServer = (config: ConnectionConfig): OAuthServer => ({
  issuer: config.authBaseUrl,
  authorizationEndpoint: `${config.authBaseUrl}/oauth/authorize`,
  tokenEndpoint: `${config.authBaseUrl}/oauth/token`,
  revocationEndpoint: `${config.authBaseUrl}/oauth/revoke`,
});

export const pipedriveOAuth: OAuthSupport = {
  // Pipedrive matches the app's one registered Callback URL exactly.
  redirect: fixedLoopbackCallback,
  request: (config, clientSecret) => {
    if (!config.clientId || !clientSecret) throw new ValidationError('Enter the client id and secret of your Pipedrive app (Developer Hub → your app → OAuth & access scopes).', { fields: ['clientId'] });
    // Pipedrive takes scopes from the app's settings, not from the request.
    return { server: pipedriveOAuthServer(config), client: { clientId: config.clientId, clientSecret, secretIn: 'basic' }, scopes: [] };
  },
  toSecrets: (config, tokens, previous) => ({
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken ?? previous?.refreshToken,
    clientSecret: previous?.clientSecret,
    expiresAt: tokens.expiresAt,
    instanceUrl: typeof tokens.extra.api_domain === 'string' ? tokens.extra.api_domain.replace(/\/+$/, '') : (previous?.instanceUrl ?? config.apiBaseUrl),
    scheme: 'bearer',
  }),
};

export const pipedriveStaticCredentials = (_config: ConnectionConfig, { token }: StaticTokenInput): SessionSecrets => ({ accessToken: token.trim(), scheme: 'api_token' });

/** OAuth grants are revoked; an api_token can only be regenerated in Pipedrive's settings. */
export async function revokePipedrive(config: ConnectionConfig, secrets: SessionSecrets): Promise<boolean> {
  if (secrets.scheme === 'api_token' || !secrets.refreshToken) return false;
  await revokeToken(pipedriveOAuthServer(config), { clientId: config.clientId ?? '', clientSecret: secrets.clientSecret, secretIn: 'basic' }, secrets.refreshToken, 'refresh_token');
  return true;
}
