import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { LimitSubject } from './ratelimit';

/** The HubSpot account (portal) the emulator stands for. */
export interface Account {
  hubId: number;
  hubDomain: string;
  user: string;
  userId: number;
}

/** A registered public app: what the token endpoint checks client_id and client_secret against. */
export interface OAuthApp {
  appId: number;
  clientId: string;
  clientSecret: string;
  /** Exact redirect URIs accepted besides any loopback http://127.0.0.1:{port}/... */
  redirectUris: string[];
}

interface AuthCode {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  codeChallenge?: string;
  codeChallengeMethod?: string;
  expiresAt: number;
}

interface AccessToken {
  clientId: string;
  appId: number;
  scopes: string[];
  expiresAt: number;
  refreshToken: string;
}

interface RefreshToken {
  clientId: string;
  scopes: string[];
}

/** Who made an API call. */
export interface Principal {
  kind: 'oauth' | 'private';
  /** Granted scopes; private-app tokens made with --token may do everything. */
  scopes: string[] | 'all';
  limit: LimitSubject;
  /** Which app is calling (never the token itself): records made through external ids belong to it. */
  app: string;
}

export type AuthResult =
  | { ok: true; principal: Principal }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'expired'; expiredAt: number };

export type GrantResult = { ok: true; accessToken: string; refreshToken: string; expiresIn: number } | { ok: false; code: string; message: string };

const AUTH_CODE_TTL_MS = 10 * 60 * 1000;

const b64url = (buf: Buffer) => buf.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** RFC 7636 S256 (and plain) verification. */
export function pkceMatches(verifier: string, challenge: string, method = 'plain'): boolean {
  if (method === 'S256') return b64url(createHash('sha256').update(verifier, 'ascii').digest()) === challenge;
  return verifier === challenge;
}

/** Auth codes, access and refresh tokens, and static private-app tokens. */
export class TokenRegistry {
  private codes = new Map<string, AuthCode>();
  private access = new Map<string, AccessToken>();
  private refresh = new Map<string, RefreshToken>();
  private privateTokens = new Set<string>();

  constructor(
    readonly account: Account,
    private readonly apps: OAuthApp[],
    private readonly ttlSeconds: number,
    private readonly now: () => number,
  ) {}

  app(clientId: string): OAuthApp | undefined {
    return this.apps.find((a) => a.clientId === clientId);
  }

  addPrivateAppToken(token: string): void {
    this.privateTokens.add(token);
  }

  issueCode(grant: Omit<AuthCode, 'expiresAt'>): string {
    const code = randomUUID();
    this.codes.set(code, { ...grant, expiresAt: this.now() + AUTH_CODE_TTL_MS });
    return code;
  }

  /** The authorization_code grant: single-use code, same redirect_uri, PKCE when a challenge was sent. */
  exchangeCode(code: string, clientId: string, redirectUri: string | undefined, verifier: string | undefined): GrantResult {
    const grant = this.codes.get(code);
    if (!grant || grant.clientId !== clientId) return { ok: false, code: 'BAD_AUTH_CODE', message: 'missing or unknown auth code' };
    this.codes.delete(code);
    if (grant.expiresAt <= this.now()) return { ok: false, code: 'EXPIRED_AUTH_CODE', message: 'auth code is expired' };
    if (redirectUri !== grant.redirectUri) return { ok: false, code: 'BAD_REDIRECT_URI', message: 'redirect_uri does not match initial request' };
    if (grant.codeChallenge && (!verifier || !pkceMatches(verifier, grant.codeChallenge, grant.codeChallengeMethod))) {
      return { ok: false, code: 'BAD_AUTH_CODE', message: 'code_verifier does not match the code_challenge of the authorization request' };
    }
    const refreshToken = `na1-${randomUUID().slice(0, 4)}-${randomUUID()}`;
    this.refresh.set(refreshToken, { clientId, scopes: grant.scopes });
    return { ok: true, refreshToken, ...this.mintAccess(clientId, grant.scopes, refreshToken) };
  }

  /** The refresh_token grant: HubSpot keeps the same refresh token and mints a new access token. */
  refreshAccess(refreshToken: string, clientId: string): GrantResult {
    const stored = this.refresh.get(refreshToken);
    if (!stored || stored.clientId !== clientId) return { ok: false, code: 'BAD_REFRESH_TOKEN', message: 'missing or unknown refresh token' };
    return { ok: true, refreshToken, ...this.mintAccess(clientId, stored.scopes, refreshToken) };
  }

  private mintAccess(clientId: string, scopes: string[], refreshToken: string) {
    const accessToken = `C${b64url(randomBytes(96))}`;
    const app = this.app(clientId)!;
    this.access.set(accessToken, { clientId, appId: app.appId, scopes, refreshToken, expiresAt: this.now() + this.ttlSeconds * 1000 });
    return { accessToken, expiresIn: this.ttlSeconds };
  }

  describeAccess(token: string) {
    const t = this.access.get(token);
    if (!t) return undefined;
    return {
      token,
      user: this.account.user,
      hub_domain: this.account.hubDomain,
      scopes: t.scopes,
      hub_id: this.account.hubId,
      app_id: t.appId,
      expires_in: Math.max(0, Math.floor((t.expiresAt - this.now()) / 1000)),
      user_id: this.account.userId,
      token_type: 'access',
    };
  }

  describeRefresh(token: string) {
    const t = this.refresh.get(token);
    if (!t) return undefined;
    return {
      token,
      user: this.account.user,
      hub_domain: this.account.hubDomain,
      scopes: t.scopes,
      hub_id: this.account.hubId,
      client_id: t.clientId,
      user_id: this.account.userId,
      token_type: 'refresh',
    };
  }

  /** Deleting a refresh token uninstalls the grant: its access tokens stop working too. */
  revokeRefresh(token: string): boolean {
    if (!this.refresh.delete(token)) return false;
    for (const [access, t] of this.access) if (t.refreshToken === token) this.access.delete(access);
    return true;
  }

  expireAll(): void {
    const past = this.now() - 1;
    for (const t of this.access.values()) t.expiresAt = Math.min(t.expiresAt, past);
  }

  authenticate(token: string): AuthResult {
    const hub = this.account.hubId;
    if (this.privateTokens.has(token)) {
      const app = `private-app:${createHash('sha256').update(token).digest('hex').slice(0, 12)}`;
      return { ok: true, principal: { kind: 'private', scopes: 'all', app, limit: { key: `private|${token}`, accountKey: `hub|${hub}`, privateApp: true } } };
    }
    const t = this.access.get(token);
    if (!t) return { ok: false, reason: 'invalid' };
    if (t.expiresAt <= this.now()) return { ok: false, reason: 'expired', expiredAt: t.expiresAt };
    return {
      ok: true,
      principal: { kind: 'oauth', scopes: t.scopes, app: `app:${t.appId}`, limit: { key: `app|${t.appId}|hub|${hub}`, accountKey: `hub|${hub}`, privateApp: false } },
    };
  }
}
