/**
 * Where a provider sends the browser back after sign-in, as data the provider definitions
 * declare and the setup guides show. Providers that compare the registered callback URL
 * exactly (Salesforce, HubSpot, Pipedrive, Bling) need a fixed port; `'any'` is only for
 * servers that follow RFC 8252 §7.3 and accept any loopback port.
 */
export interface RedirectPolicy {
  /**
   * The host written into redirect_uri. The helper always listens on loopback only: 127.0.0.1,
   * plus ::1 for `localhost`, because browsers resolve `localhost` to either.
   */
  host: '127.0.0.1' | 'localhost';
  port: 'any' | number;
  path: string;
}

/** Unlikely to clash with common local servers (the Salesforce CLI uses 1717). */
export const DEFAULT_CALLBACK_PORT = 47411;

/** The fixed callback used by providers that match the registered URL exactly. */
export const fixedLoopbackCallback: RedirectPolicy = { host: 'localhost', port: DEFAULT_CALLBACK_PORT, path: '/callback' };

/** The settings key that overrides every provider's callback port (0: any free port). */
export const CALLBACK_PORT_SETTING = 'oauth.callbackPort';

/** Applies a port override: undefined keeps the policy, 0 means any free port, N pins port N. */
export function withCallbackPort(policy: RedirectPolicy, override: number | undefined): RedirectPolicy {
  if (override === undefined) return policy;
  return { ...policy, port: override === 0 ? 'any' : override };
}

export const redirectUriFor = (policy: RedirectPolicy, port: number): string => `http://${policy.host}:${port}${policy.path}`;

/** The URL to register with the provider; null when the port changes at each sign-in. */
export const registeredCallbackUrl = (policy: RedirectPolicy): string | null => (policy.port === 'any' ? null : redirectUriFor(policy, policy.port));

/** A settings or flag value as a port override; anything else is no override. */
export function toPortOverride(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 65535 ? value : undefined;
}
