import type { AuthContext } from './http';
import type { OAuthClient, OAuthServer, TokenSet } from '../auth/oauth-flow';
import type { Provider, ProviderCapabilities, ProviderId } from './provider';
import type { ProviderDefaults } from '../sync/mapping/defaults/types';
import type { RedirectPolicy } from '../../shared/oauth-redirect';

/**
 * What a provider folder exports: display metadata for UI and CLI, how to sign in, and a
 * factory for its client. The connections service and the UI read these as data.
 */
export interface ProviderDefinition {
  id: ProviderId;
  displayName: string;
  /** One line under the name on the Connections page. */
  blurb: string;
  authMethods: AuthMethodSpec[];
  capabilities: ProviderCapabilities;
  /** Non-secret settings of a connection from what the user typed and the app settings. */
  resolveConfig(input: ConnectInput, settings: ProviderSettings): ConnectionConfig;
  /** Present when the provider supports OAuth sign-in. */
  oauth?: OAuthSupport;
  /** Credentials for a static token (private app token, api_token, session id, a token pair). */
  staticCredentials(config: ConnectionConfig, input: StaticTokenInput): SessionSecrets;
  /**
   * Revokes at the provider. True when the provider was told; false when it offers no way to
   * (private-app tokens, API tokens). An already dead token counts as revoked.
   */
  revoke(config: ConnectionConfig, secrets: SessionSecrets): Promise<boolean>;
  createClient(ctx: ClientContext): Provider;
  /**
   * How local records map to this CRM's objects until the user saves a mapping, keyed by the
   * CRM's object name (main/providers/<id>/default-mappings.ts).
   */
  defaultMappings: ProviderDefaults;
}

export interface OAuthSupport {
  /**
   * The redirect_uri this provider accepts. A fixed port for providers that compare the
   * registered callback URL exactly; the setting oauth.callbackPort and `--callback-port` override it.
   */
  redirect: RedirectPolicy;
  request(config: ConnectionConfig, clientSecret: string | undefined): { server: OAuthServer; client: OAuthClient; scopes: string[]; extraParams?: Record<string, string> };
  /** Tokens from the token endpoint → what is kept; `previous` carries over a refresh token the answer omitted. */
  toSecrets(config: ConnectionConfig, tokens: TokenSet, previous?: SessionSecrets): SessionSecrets;
}

/** What one connection keeps in the keychain (one JSON entry per connection). */
export interface SessionSecrets {
  accessToken: string;
  refreshToken?: string;
  clientSecret?: string;
  /** The second half of a static token pair (GestãoClick's secret-access-token). */
  secretToken?: string;
  /** Epoch ms when the access token expires, when the provider says. */
  expiresAt?: number;
  /** API base that came with the token (Salesforce instance_url). Not secret, kept together for refresh. */
  instanceUrl?: string;
  /** How the token is sent; see Credentials.scheme. */
  scheme?: 'bearer' | 'api_token';
}

/** What the user typed to connect: the UI and CLI fill the fields the provider's authMethods ask for. */
export interface ConnectInput {
  /** Salesforce login domain or My Domain URL; for the others an API base URL override. */
  loginUrl?: string;
  clientId?: string;
  clientSecret?: string;
  token?: string;
  /** A second secret that goes with `token` (GestãoClick's secret-access-token). */
  secret?: string;
  /** Pipedrive company domain (`acme` or `acme.pipedrive.com`). */
  domain?: string;
}

/** What a static-token connect passes to `staticCredentials`. */
export type StaticTokenInput = ConnectInput & { token: string };

/** Non-secret connection settings kept in SQLite. */
export interface ConnectionConfig {
  /** Where sign-in and token refresh happen. */
  authBaseUrl: string;
  /** Where the API is when the token carries no instance URL. */
  apiBaseUrl: string;
  clientId?: string;
  domain?: string;
  /** The value of the form's loginUrl field that produced this config, to pre-fill a reconnect. */
  loginUrl?: string;
}

export interface ProviderSettings {
  get(key: string): string | number | boolean | null | undefined;
}

export interface ClientContext {
  connectionId: string;
  config: ConnectionConfig;
  auth: AuthContext;
}

export type ConnectFieldKey = keyof ConnectInput;

export interface ConnectField {
  key: ConnectFieldKey;
  label: string;
  help?: string;
  placeholder?: string;
  required: boolean;
  /** Typed into a password box; never shown again and never sent back to the renderer. */
  secret: boolean;
  /** Offered choices; `allowCustom` adds a free URL box (Salesforce My Domain). */
  choices?: Array<{ value: string; label: string }>;
  allowCustom?: boolean;
  /** The settings key whose value pre-fills the field. */
  settingKey?: string;
}

export interface AuthMethodSpec {
  kind: 'oauth' | 'token';
  label: string;
  help: string;
  fields: ConnectField[];
}
