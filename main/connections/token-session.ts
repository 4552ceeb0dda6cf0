import { AuthError } from '../providers/errors';
import type { AuthContext, Credentials } from '../providers/http';
import type { SessionSecrets } from '../providers/definition';

export interface TokenSessionDeps {
  /** Reads the connection's secrets from the keychain. */
  load(): Promise<SessionSecrets>;
  /** Trades the refresh token for new secrets; absent for static tokens. */
  refresh?: (current: SessionSecrets) => Promise<SessionSecrets>;
  /** Keeps refreshed secrets in the keychain. */
  save(next: SessionSecrets): Promise<void>;
  /** The token is dead and cannot be renewed: the user has to reconnect. */
  onDead(error: AuthError): void;
  /** Refresh this long before a known expiry (default 60 s). */
  skewMs?: number;
  now?: () => number;
}

/** What a request needs from a connection's secrets (the refresh token and client secret stay here). */
export const toCredentials = (s: SessionSecrets): Credentials => ({ accessToken: s.accessToken, instanceUrl: s.instanceUrl, scheme: s.scheme, secretToken: s.secretToken });

/**
 * One connection's access token. Refreshes ahead of a known expiry and after the CRM refused the
 * token; concurrent callers share a single refresh (single flight), and a caller whose token was
 * already replaced just gets the new one.
 */
export class TokenSession implements AuthContext {
  private secrets?: SessionSecrets;
  private loading?: Promise<SessionSecrets>;
  private inflight?: Promise<SessionSecrets>;
  private dead?: AuthError;

  constructor(private readonly deps: TokenSessionDeps) {}

  async current(): Promise<Credentials> {
    const s = await this.get();
    const now = (this.deps.now ?? Date.now)();
    if (s.expiresAt !== undefined && s.refreshToken && s.expiresAt - (this.deps.skewMs ?? 60_000) <= now) return toCredentials(await this.refreshFrom(s.accessToken));
    return toCredentials(s);
  }

  async renew(failed: Credentials, cause?: AuthError): Promise<Credentials> {
    await this.get();
    return toCredentials(await this.refreshFrom(failed.accessToken, cause));
  }

  private async get(): Promise<SessionSecrets> {
    if (this.dead) throw this.dead;
    if (this.secrets) return this.secrets;
    this.loading ??= this.deps.load().finally(() => (this.loading = undefined));
    this.secrets = await this.loading;
    return this.secrets;
  }

  private refreshFrom(failedToken: string, cause?: AuthError): Promise<SessionSecrets> {
    if (this.inflight) return this.inflight;
    if (this.secrets && this.secrets.accessToken !== failedToken) return Promise.resolve(this.secrets);
    this.inflight = this.doRefresh(cause).finally(() => (this.inflight = undefined));
    return this.inflight;
  }

  private async doRefresh(cause?: AuthError): Promise<SessionSecrets> {
    const current = this.secrets!;
    if (!current.refreshToken || !this.deps.refresh) {
      const said = cause ? cause.message.replace(/\.?$/, '.') : 'The CRM refused the saved token.';
      throw this.markDead(new AuthError(`${said} This kind of sign-in cannot be refreshed: reconnect to sign in again.`, { needsReconnect: true, code: cause?.code ?? 'TOKEN_REFUSED', status: cause?.status }));
    }
    try {
      const next = await this.deps.refresh(current);
      this.secrets = next;
      await this.deps.save(next);
      return next;
    } catch (err) {
      if (err instanceof AuthError && err.needsReconnect) throw this.markDead(err);
      throw err;
    }
  }

  private markDead(err: AuthError): AuthError {
    this.dead = err;
    this.deps.onDead(err);
    return err;
  }
}
