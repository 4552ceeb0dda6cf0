import { z } from 'zod';
import { channel } from '../define';

/** A provider id; which ids exist is the provider registry's business (main answers unknown ones). */
export const ProviderIdSchema = z.string().regex(/^[a-z][a-z0-9]*$/).max(40);

/** How the Connections page draws a provider's connect form: data from the provider registry. */
export const ConnectFieldInfo = z.object({
  key: z.enum(['loginUrl', 'clientId', 'clientSecret', 'token', 'secret', 'domain']),
  label: z.string(),
  help: z.string().optional(),
  placeholder: z.string().optional(),
  required: z.boolean(),
  secret: z.boolean(),
  choices: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  allowCustom: z.boolean().optional(),
  /** Pre-filled value from the app settings (never a secret). */
  default: z.string().optional(),
});
export type ConnectFieldInfo = z.infer<typeof ConnectFieldInfo>;

export const AuthMethodInfo = z.object({
  kind: z.enum(['oauth', 'token']),
  label: z.string(),
  help: z.string(),
  fields: z.array(ConnectFieldInfo),
});
export type AuthMethodInfo = z.infer<typeof AuthMethodInfo>;

export const ProviderInfo = z.object({
  id: ProviderIdSchema,
  displayName: z.string(),
  blurb: z.string(),
  authMethods: z.array(AuthMethodInfo),
  batchLimits: z.object({ create: z.number().int(), update: z.number().int(), upsert: z.number().int() }),
  queryLanguage: z.enum(['soql', 'hubspot-search', 'pipedrive-filter', 'list-filter']),
  /** 'reconcile': the CRM cannot list changes, so each pull compares every record. */
  changeTracking: z.enum(['incremental', 'reconcile']),
});
export type ProviderInfo = z.infer<typeof ProviderInfo>;

export const ApiUsageInfo = z.object({
  used: z.number(),
  max: z.number(),
  period: z.enum(['day', 'window']),
  windowMs: z.number().optional(),
  observedAt: z.string(),
});

export const ConnectionStatusSchema = z.enum(['connected', 'needs_reconnect', 'disconnected']);

/** A connection as UI and CLI show it. Holds no secret. */
export const ConnectionView = z.object({
  id: z.string(),
  provider: ProviderIdSchema,
  providerName: z.string(),
  label: z.string(),
  status: ConnectionStatusSchema,
  authKind: z.enum(['oauth', 'token']),
  user: z.string().nullable(),
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  instanceUrl: z.string().nullable(),
  details: z.array(z.object({ label: z.string(), value: z.string() })),
  usage: ApiUsageInfo.nullable(),
  lastSyncAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** What the connect form's login/API URL field held, to pre-fill a reconnect. */
  loginUrl: z.string().nullable(),
  apiBaseUrl: z.string(),
  clientId: z.string().nullable(),
  domain: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ConnectionView = z.infer<typeof ConnectionView>;

const secretText = z.string().trim().min(1).max(4000);
const connectionId = z.string().regex(/^[a-z][a-z0-9]*(-[0-9]+)?$/).max(64);

/** What the user typed; secrets go main-ward only and are never answered back. */
const ConnectFields = {
  provider: ProviderIdSchema,
  /** Reconnect this connection; omitted: the provider's only connection, or a new one. */
  connectionId: connectionId.optional(),
  /** Add another connection of this provider (salesforce-2, ...). */
  asNew: z.boolean().optional(),
  label: z.string().trim().min(1).max(100).optional(),
  loginUrl: z.string().trim().min(1).max(500).optional(),
  clientId: z.string().trim().min(1).max(500).optional(),
  clientSecret: secretText.optional(),
  /** The second secret of a token pair (GestãoClick's secret-access-token). */
  secret: secretText.optional(),
  domain: z.string().trim().min(1).max(200).optional(),
};

export const ConnectRequest = z.object(ConnectFields).strict();
export type ConnectRequest = z.input<typeof ConnectRequest>;

export const ConnectTokenRequest = z.object({ ...ConnectFields, token: secretText }).strict();
export type ConnectTokenRequest = z.input<typeof ConnectTokenRequest>;

export const ConnectStarted = z.object({
  attemptId: z.string(),
  connectionId: z.string(),
  /** Shown as a link too, in case the browser did not open. */
  authorizeUrl: z.string(),
  openedBrowser: z.boolean(),
});

export const ConnectionTestResult = z.object({
  ok: z.boolean(),
  message: z.string(),
  connection: ConnectionView,
});

export const DisconnectResult = z.object({
  connection: ConnectionView,
  /** False when the provider could not be told (offline, no revoke endpoint): the keychain entry is gone either way. */
  revoked: z.boolean(),
  message: z.string(),
});

const ById = z.object({ connectionId: z.string().min(1).max(64) }).strict();

export const connectionChannels = {
  'connections:providers': channel(z.object({}).strict(), z.array(ProviderInfo), 'The providers the app can connect and how.'),
  'connections:list': channel(z.object({}).strict(), z.array(ConnectionView), 'Every connection with its status.'),
  'connections:connect': channel(ConnectRequest, ConnectStarted, 'Starts an OAuth sign-in in the browser; the result arrives as a connectAttempt event.'),
  'connections:connectToken': channel(ConnectTokenRequest, ConnectionView, 'Connects with a pasted token (private app, API token, session id).'),
  'connections:cancel': channel(z.object({ attemptId: z.string().min(1).max(100) }).strict(), z.object({ cancelled: z.boolean() }), 'Stops waiting for a browser sign-in.'),
  'connections:test': channel(ById, ConnectionTestResult, 'Calls the CRM with the saved sign-in and refreshes account and usage.'),
  'connections:disconnect': channel(ById, DisconnectResult, 'Revokes at the provider and deletes the keychain entry; keeps local data and mappings.'),
};

export const ConnectAttemptEvent = z.object({
  attemptId: z.string(),
  connectionId: z.string(),
  provider: ProviderIdSchema,
  state: z.enum(['succeeded', 'failed', 'cancelled']),
  message: z.string(),
});
export type ConnectAttemptEvent = z.infer<typeof ConnectAttemptEvent>;

export const connectionEvents = {
  /** A connection was added, changed status, or learned new account/usage facts. */
  connectionChanged: ConnectionView,
  /** A browser sign-in ended. */
  connectAttempt: ConnectAttemptEvent,
};
