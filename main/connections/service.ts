import { randomUUID } from 'node:crypto';
import type { Db } from '../store/db';
import type { Logger } from '../log/logger';
import type { EventBus } from '../services/event-bus';
import type { SecretStore } from '../auth/secret-store';
import { authorizeWithLoopback, refreshTokens } from '../auth/oauth-flow';
import { redactText, registerSecret } from '../log/redact';
import { appendAudit } from '../store/audit-log';
import { readSetting } from '../store/settings';
import { CALLBACK_PORT_SETTING, toPortOverride, withCallbackPort } from '../../shared/oauth-redirect';
import { getConnection, listConnections, saveConnection, setConnectionAccount, setConnectionStatus, type AuthKind, type ConnectionRecord } from '../store/connections';
import { providerDefinition, providerDefinitions } from '../providers/registry';
import { AuthError, ValidationError } from '../providers/errors';
import type { ConnectionConfig, ProviderDefinition, ProviderSettings, SessionSecrets } from '../providers/definition';
import type { AuthContext } from '../providers/http';
import type { Provider } from '../providers/provider';
import type { SettingKey } from '../../shared/ipc/channels/settings';
import type { ConnectRequest, ConnectTokenRequest, ConnectionView, ProviderInfo } from '../../shared/ipc/channels/connections';
import { TokenSession, toCredentials } from './token-session';
import { ConnectionSecrets, registerSessionSecrets } from './secrets';
import { connectTargetId, resolveConnectionId } from './ids';
import { toProviderInfo, toView } from './views';

export interface ConnectionsDeps {
  db: Db;
  secrets: SecretStore;
  logger: Logger;
  events: EventBus;
  /** Opens the system browser (Electron's shell.openExternal). Absent: the URL is only shown. */
  openExternal?: (url: string) => Promise<void>;
  /** How long a browser sign-in may take (default 5 minutes). */
  oauthTimeoutMs?: number;
}

export interface ConnectStarted {
  attemptId: string;
  connectionId: string;
  authorizeUrl: string;
  openedBrowser: boolean;
  /** Settles when the browser came back and the connection is saved (or failed). */
  done: Promise<ConnectionView>;
}

export interface StartOptions {
  /** Overrides how the URL is shown (the CLI prints it); return false when no browser was opened. */
  openUrl?: (url: string) => boolean | Promise<boolean>;
  timeoutMs?: number;
  /** Overrides the callback port for this attempt (0: any free port); else the setting oauth.callbackPort, else the provider's. */
  callbackPort?: number;
}

type ParsedConnect = Omit<ConnectRequest, 'provider'> & { provider: ProviderDefinition['id'] };
type ParsedToken = ParsedConnect & Pick<ConnectTokenRequest, 'token'>;

const USAGE_PERSIST_MS = 10_000;

/**
 * Connecting, testing, refreshing and disconnecting CRMs, and handing out ready provider
 * clients. Secrets go only to the SecretStore; SQLite gets the non-secret rest.
 */
export class ConnectionsService {
  private readonly vault: ConnectionSecrets;
  private readonly clients = new Map<string, Provider>();
  private readonly attempts = new Map<string, AbortController>();
  private readonly settings: ProviderSettings;

  constructor(private readonly deps: ConnectionsDeps) {
    this.vault = new ConnectionSecrets(deps.secrets);
    this.settings = { get: (key) => readSetting(deps.db, key as SettingKey) };
  }

  providers(): ProviderInfo[] {
    return providerDefinitions.map((d) => toProviderInfo(d, this.settings));
  }

  list(): ConnectionView[] {
    return listConnections(this.deps.db).map(toView);
  }

  /** A connection id, or a provider name standing for its only connection. */
  resolveId(target: string): string {
    return resolveConnectionId(this.deps.db, target);
  }

  get(target: string): ConnectionView {
    return toView(this.record(this.resolveId(target)));
  }

  /**
   * Starts a browser sign-in: answers once the authorize URL is known (and the browser asked to
   * open it); `done` settles when the loopback callback came back and the connection is saved.
   */
  async startConnect(req: ParsedConnect, opts: StartOptions = {}): Promise<ConnectStarted> {
    const def = providerDefinition(req.provider);
    if (!def.oauth) throw new ValidationError(`${def.displayName} connects with a token, not a browser sign-in.`);
    const oauth = def.oauth;
    const id = connectTargetId(this.deps.db, def.id, req);
    const config = def.resolveConfig(req, this.settings);
    const previous = await this.vault.tryLoad(id);
    const clientSecret = req.clientSecret ?? (previous && this.record(id, false)?.config.clientId === config.clientId ? previous.clientSecret : undefined);
    registerSecret(clientSecret);
    const request = oauth.request(config, clientSecret);
    const attemptId = randomUUID();
    const controller = new AbortController();
    this.attempts.set(attemptId, controller);

    let urlShown!: (v: { url: string; opened: boolean }) => void;
    let failedEarly!: (err: unknown) => void;
    const shown = new Promise<{ url: string; opened: boolean }>((resolve, reject) => ((urlShown = resolve), (failedEarly = reject)));
    const done = authorizeWithLoopback({
      ...request,
      redirect: withCallbackPort(oauth.redirect, toPortOverride(opts.callbackPort) ?? toPortOverride(this.settings.get(CALLBACK_PORT_SETTING))),
      timeoutMs: opts.timeoutMs ?? this.deps.oauthTimeoutMs,
      signal: controller.signal,
      openUrl: async (url) => urlShown({ url, opened: await this.show(url, opts.openUrl) }),
    }).then((tokens) => this.finishConnect(def, id, config, 'oauth', oauth.toSecrets(config, tokens, { ...(previous ?? { accessToken: '' }), clientSecret }), req.label));
    done.catch(failedEarly);
    void done.then(
      (view) => this.attemptEnded(attemptId, def, id, 'succeeded', `Connected ${view.providerName} as ${view.user ?? 'unknown user'}.`),
      (err: unknown) => this.attemptEnded(attemptId, def, id, controller.signal.aborted ? 'cancelled' : 'failed', messageOf(err)),
    );
    const { url, opened } = await shown;
    this.deps.logger.info(`Waiting for the ${def.displayName} sign-in in the browser (${id}).`);
    return { attemptId, connectionId: id, authorizeUrl: url, openedBrowser: opened, done };
  }

  cancel(attemptId: string): boolean {
    const c = this.attempts.get(attemptId);
    c?.abort();
    return c !== undefined;
  }

  /** Connects with a pasted token (HubSpot private app, Pipedrive api_token, Salesforce session id). */
  async connectWithToken(req: ParsedToken): Promise<ConnectionView> {
    const def = providerDefinition(req.provider);
    registerSecret(req.token);
    registerSecret(req.secret);
    const id = connectTargetId(this.deps.db, def.id, req);
    const config = def.resolveConfig(req, this.settings);
    return this.finishConnect(def, id, config, 'token', def.staticCredentials(config, req), req.label);
  }

  /** Checks the new sign-in against the CRM, then keeps the secrets in the keychain and the rest in SQLite. */
  private async finishConnect(def: ProviderDefinition, id: string, config: ConnectionConfig, authKind: AuthKind, secrets: SessionSecrets, label?: string): Promise<ConnectionView> {
    registerSessionSecrets(secrets);
    const probe = def.createClient({ connectionId: id, config, auth: fixedAuth(secrets) });
    let account;
    let usage;
    try {
      account = await probe.account();
      usage = await probe.usage().catch(() => undefined);
    } catch (err) {
      throw new ValidationError(`Signed in to ${def.displayName}, but reading the account failed: ${messageOf(err)}`, { cause: err });
    } finally {
      await probe.close();
    }
    await this.vault.save(id, secrets);
    await this.dropClient(id);
    const existing = this.record(id, false);
    const saved = saveConnection(this.deps.db, {
      id,
      provider: def.id,
      label: label ?? existing?.label ?? `${def.displayName} · ${account.orgName ?? account.user}`,
      authKind,
      status: 'connected',
      config,
      account,
      usage: usage ?? null,
      lastError: null,
    });
    this.audit(id, 'connect', 'ok', `Connected ${def.displayName} (${id}) as ${account.user}`);
    this.deps.logger.info(`Connected ${def.displayName} (${id}) as ${account.user}${account.orgId ? `, org ${account.orgId}` : ''}.`);
    return this.changed(saved);
  }

  /** Calls the CRM with the saved sign-in; refreshes account and usage on the way. */
  async test(target: string): Promise<{ ok: boolean; message: string; connection: ConnectionView }> {
    const id = this.resolveId(target);
    const rec = this.record(id);
    const name = providerDefinition(rec.provider).displayName;
    if (rec.status === 'disconnected') return { ok: false, message: `${name} (${id}) is disconnected. Connect it again to use it.`, connection: toView(rec) };
    try {
      const client = await this.provider(id);
      const account = await client.account();
      const usage = await client.usage({ refresh: true }).catch(() => undefined);
      setConnectionAccount(this.deps.db, id, account, usage ?? null);
      setConnectionStatus(this.deps.db, id, 'connected', null);
      const pct = usage ? ` API usage ${usage.used.toLocaleString('en')} of ${usage.max.toLocaleString('en')}${usage.period === 'day' ? ' today' : ' in the current window'}.` : '';
      return { ok: true, message: `${name} answers: signed in as ${account.user}.${pct}`, connection: this.changed(this.record(id)) };
    } catch (err) {
      const message = messageOf(err);
      const now = this.record(id);
      if (now.status === 'connected') setConnectionStatus(this.deps.db, id, 'connected', message);
      return { ok: false, message, connection: this.changed(this.record(id)) };
    }
  }

  /** Revokes at the provider when it can, deletes the keychain entry, keeps local data and mappings. */
  async disconnect(target: string): Promise<{ connection: ConnectionView; revoked: boolean; message: string }> {
    const id = this.resolveId(target);
    const rec = this.record(id);
    const def = providerDefinition(rec.provider);
    const secrets = await this.vault.tryLoad(id);
    let revoked = false;
    let note = '';
    if (secrets) {
      try {
        revoked = await def.revoke(rec.config, secrets);
        if (!revoked) note = ` ${def.displayName} cannot revoke this kind of token through its API: delete or rotate it in ${def.displayName} if it should stop working.`;
      } catch (err) {
        note = ` ${def.displayName} could not be told (${messageOf(err)}); the sign-in is removed from this computer anyway.`;
        this.deps.logger.warn(`Revoking ${id} at ${def.displayName} failed: ${messageOf(err)}`);
      }
    }
    await this.vault.delete(id);
    await this.dropClient(id);
    setConnectionStatus(this.deps.db, id, 'disconnected', null);
    const message = `Disconnected ${def.displayName} (${id}).${revoked ? ` Access was revoked at ${def.displayName}.` : ''}${note} Local people, links and mappings are kept.`;
    this.audit(id, 'disconnect', revoked || !secrets ? 'ok' : 'warning', message);
    this.deps.logger.info(message);
    return { connection: this.changed(this.record(id)), revoked, message };
  }

  /**
   * A ready client for a connection id (or a provider with one connection): tokens from the
   * keychain, refreshed as needed. Throws AuthError(needsReconnect) for connections the user has
   * to reconnect, so jobs stop at once instead of failing one by one.
   */
  async provider(target: string): Promise<Provider> {
    const id = this.resolveId(target);
    const rec = this.record(id);
    const name = providerDefinition(rec.provider).displayName;
    if (rec.status === 'disconnected') throw new AuthError(`${name} (${id}) is disconnected. Connect it again on the Connections page.`, { needsReconnect: true, code: 'DISCONNECTED' });
    if (rec.status === 'needs_reconnect') throw new AuthError(`${name} (${id}) needs to be reconnected: ${rec.lastError ?? 'the sign-in expired'}.`, { needsReconnect: true, code: 'NEEDS_RECONNECT' });
    const cached = this.clients.get(id);
    if (cached) return cached;
    const client = this.createClient(rec);
    this.clients.set(id, client);
    return client;
  }

  private createClient(rec: ConnectionRecord): Provider {
    const def = providerDefinition(rec.provider);
    const oauth = def.oauth;
    const session = new TokenSession({
      load: () => this.vault.load(rec.id),
      refresh: rec.authKind === 'oauth' && oauth ? (s) => this.refresh(def, rec, s) : undefined,
      save: (s) => this.vault.save(rec.id, s).catch((err: unknown) => this.deps.logger.warn(`Could not keep the refreshed token of ${rec.id} in the keychain: ${messageOf(err)}`)),
      onDead: (err) => this.markNeedsReconnect(rec.id, err),
    });
    const client = def.createClient({ connectionId: rec.id, config: rec.config, auth: session });
    let lastPersist = 0;
    client.onRateInfo(() => {
      if (Date.now() - lastPersist < USAGE_PERSIST_MS) return;
      lastPersist = Date.now();
      void client.usage().then((usage) => {
        if (!usage) return;
        setConnectionAccount(this.deps.db, rec.id, null, usage);
        const now = this.record(rec.id, false);
        if (now) this.changed(now);
      });
    });
    return client;
  }

  private async refresh(def: ProviderDefinition, rec: ConnectionRecord, current: SessionSecrets): Promise<SessionSecrets> {
    const oauth = def.oauth!;
    const { server, client } = oauth.request(rec.config, current.clientSecret);
    const tokens = await refreshTokens(server, client, current.refreshToken!);
    this.deps.logger.info(`Refreshed the ${def.displayName} access token of ${rec.id}.`);
    return oauth.toSecrets(rec.config, tokens, current);
  }

  private markNeedsReconnect(id: string, err: AuthError): void {
    const name = providerDefinition(this.record(id).provider).displayName;
    const message = `${err.message.replace(/\.$/, '')}. Click Reconnect on the Connections page (or run: ticket-crm-sync connect ${id}).`;
    setConnectionStatus(this.deps.db, id, 'needs_reconnect', message);
    this.audit(id, 'refresh', 'error', `${name} (${id}) needs to be reconnected`, { code: err.code });
    this.deps.logger.warn(`${name} (${id}) needs to be reconnected: ${err.message}`);
    this.changed(this.record(id));
  }

  private async show(url: string, openUrl: StartOptions['openUrl']): Promise<boolean> {
    if (openUrl) return openUrl(url);
    if (!this.deps.openExternal) return false;
    try {
      await this.deps.openExternal(url);
      return true;
    } catch (err) {
      this.deps.logger.warn(`Could not open the browser: ${messageOf(err)}`);
      return false;
    }
  }

  private attemptEnded(attemptId: string, def: ProviderDefinition, connectionId: string, state: 'succeeded' | 'failed' | 'cancelled', message: string): void {
    this.attempts.delete(attemptId);
    if (state !== 'succeeded') {
      this.audit(connectionId, 'connect', state === 'failed' ? 'error' : 'info', `${def.displayName} sign-in ${state}: ${message}`);
      this.deps.logger.warn(`${def.displayName} sign-in ${state}: ${message}`);
    }
    this.deps.events.emit('connectAttempt', { attemptId, connectionId, provider: def.id, state, message });
  }

  private record(id: string): ConnectionRecord;
  private record(id: string, required: false): ConnectionRecord | undefined;
  private record(id: string, required = true): ConnectionRecord | undefined {
    const rec = getConnection(this.deps.db, id);
    if (!rec && required) throw new ValidationError(`No connection "${id}".`);
    return rec;
  }

  private changed(rec: ConnectionRecord): ConnectionView {
    const view = toView(rec);
    this.deps.events.emit('connectionChanged', view);
    return view;
  }

  private audit(connectionId: string, action: string, outcome: 'ok' | 'error' | 'info' | 'warning', summary: string, detail?: unknown): void {
    appendAudit(this.deps.db, { kind: 'connection', action, outcome, summary: redactText(summary), connectionId, detail });
  }

  private async dropClient(id: string): Promise<void> {
    const client = this.clients.get(id);
    this.clients.delete(id);
    await client?.close();
  }

  async close(): Promise<void> {
    for (const c of this.attempts.values()) c.abort();
    await Promise.all([...this.clients.values()].map((c) => c.close()));
    this.clients.clear();
  }
}

/** Credentials that were just issued: used once to read the account before anything is saved. */
function fixedAuth(secrets: SessionSecrets): AuthContext {
  const creds = toCredentials(secrets);
  return {
    current: async () => creds,
    // Nothing to renew yet: the CRM's own refusal says best what is wrong.
    renew: async (_failed, cause) => {
      throw new AuthError(cause.message, { needsReconnect: true, code: cause.code, status: cause.status });
    },
  };
}

export const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));
