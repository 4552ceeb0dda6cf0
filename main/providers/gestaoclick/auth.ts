import { ValidationError } from '../errors';
import type { ConnectInput, ConnectionConfig, SessionSecrets, StaticTokenInput } from '../definition';
import { normaliseBaseUrl } from '../urls';

export const GESTAOCLICK_API = 'https://api.gestaoclick.com/api';

/**
 * The API lives under `/api` on api.gestaoclick.com (what its documentation and `proxima_url`
 * say); the legacy host api.beteltecnologia.com serves the resources at its root. A bare
 * address other than the legacy host gets `/api`, so an emulator's URL works as typed.
 */
function apiBaseOf(raw: string): string {
  const base = normaliseBaseUrl(raw, 'The GestãoClick API URL');
  const url = new URL(base);
  if (url.pathname !== '' && url.pathname !== '/') return base;
  return url.hostname === 'api.beteltecnologia.com' ? base : `${base}/api`;
}

export function resolveGestaoClickConfig(input: ConnectInput): ConnectionConfig {
  const apiBaseUrl = apiBaseOf(input.loginUrl ?? GESTAOCLICK_API);
  return { authBaseUrl: apiBaseUrl, apiBaseUrl, loginUrl: input.loginUrl ? apiBaseUrl : undefined };
}

/** Both headers are needed on every request; neither expires. */
export function gestaoClickStaticCredentials(_config: ConnectionConfig, input: StaticTokenInput): SessionSecrets {
  const token = input.token.trim();
  const secret = input.secret?.trim();
  if (!secret) throw new ValidationError('Enter both tokens: the access token and the secret access token from the GestãoClick panel (API add-on).', { fields: ['secret'] });
  return { accessToken: token, secretToken: secret };
}

/** GestãoClick tokens can only be regenerated in its panel. */
export const revokeGestaoClick = async (): Promise<boolean> => false;
