import { randomBytes, randomUUID } from 'node:crypto';
import { signJwt } from './jwt';

export interface TokenSet {
  access_token: string;
  expires_in: number;
  token_type: 'Bearer';
  scope: string;
  refresh_token: string;
}

/** An OAuth failure: HTTP status, Bling's `type` and the description. */
export interface OAuthFailure {
  status: number;
  type: string;
  description: string;
}

export type TokenCheck = 'ok' | 'invalid' | 'expired';

/** Scopes are set on the app, not requested; token answers list them as space-separated numeric ids. */
export const SCOPE = '98309 318257570 318257583 5990556 106168710 363953167';
/** The access token lives 6 hours (`expires_in: 21600`). */
export const DEFAULT_ACCESS_TTL_SECONDS = 21_600;
/** Refresh tokens last 30 days and rotate on every refresh. */
const REFRESH_TTL_MS = 30 * 24 * 3600 * 1000;
/** Authorization codes expire in one minute and are single-use. */
const CODE_TTL_MS = 60 * 1000;

interface Grant {
  clientId: string;
  revoked: boolean;
}
interface Issued {
  grant: Grant;
  expiresAt: number;
  revoked: boolean;
}
interface Code {
  clientId: string;
  expiresAt: number;
  grant?: Grant;
}

/** Opaque tokens are 40 hex characters. */
const opaque = (): string => randomBytes(20).toString('hex');

/**
 * Static `--token` values plus the OAuth grant: codes, access tokens (expiring) and rotating
 * refresh tokens. Every token belongs to the authorization that produced it, so revoking the
 * authorization (a reused code) revokes them all.
 */
export class TokenRegistry {
  private codes = new Map<string, Code>();
  private access = new Map<string, Issued>();
  private refresh = new Map<string, Issued>();
  private readonly jwtKey = randomBytes(32);

  constructor(
    private readonly now: () => number,
    private readonly staticTokens: ReadonlySet<string>,
    private readonly ttlSeconds: number,
  ) {}

  check(token: string): TokenCheck {
    if (this.staticTokens.has(token)) return 'ok';
    const a = this.access.get(token);
    if (!a || a.revoked || a.grant.revoked) return 'invalid';
    return this.now() >= a.expiresAt ? 'expired' : 'ok';
  }

  issueCode(clientId: string): string {
    const code = opaque();
    this.codes.set(code, { clientId, expiresAt: this.now() + CODE_TTL_MS });
    return code;
  }

  exchangeCode(code: string, clientId: string, jwt: boolean): TokenSet | OAuthFailure {
    const c = this.codes.get(code);
    if (!c || c.clientId !== clientId) return { status: 400, type: 'invalid_grant', description: 'Authorization code doesn\'t exist or is invalid for the client' };
    if (c.grant) {
      // A second use of a code: Bling refuses it and revokes what the first use gave.
      c.grant.revoked = true;
      return { status: 400, type: 'VALIDATION_ERROR', description: 'Invalid authorization code' };
    }
    if (this.now() >= c.expiresAt) return { status: 400, type: 'invalid_grant', description: 'The authorization code has expired' };
    c.grant = { clientId, revoked: false };
    return this.issue(c.grant, jwt);
  }

  refreshAccess(refreshToken: string, clientId: string, jwt: boolean): TokenSet | OAuthFailure {
    const r = this.refresh.get(refreshToken);
    if (!r || r.grant.revoked || r.grant.clientId !== clientId) return { status: 400, type: 'invalid_grant', description: 'Invalid refresh token' };
    if (this.now() >= r.expiresAt) return { status: 400, type: 'invalid_grant', description: 'Refresh token has expired' };
    this.refresh.delete(refreshToken);
    return this.issue(r.grant, jwt);
  }

  /** Revokes an access token alone, or a refresh token together with its whole authorization. */
  revoke(token: string): void {
    const a = this.access.get(token);
    if (a) a.revoked = true;
    const r = this.refresh.get(token);
    if (r) r.grant.revoked = true;
  }

  expireAll(): void {
    const stamp = this.now();
    for (const a of this.access.values()) a.expiresAt = Math.min(a.expiresAt, stamp);
  }

  private issue(grant: Grant, jwt: boolean): TokenSet {
    const issuedAt = this.now();
    const expiresAt = issuedAt + this.ttlSeconds * 1000;
    const accessToken = jwt
      ? signJwt({ iss: 'https://www.bling.com.br', aud: grant.clientId, sub: 'emulator-account', jti: randomUUID(), iat: Math.floor(issuedAt / 1000), exp: Math.floor(expiresAt / 1000), scope: SCOPE.split(' ') }, this.jwtKey)
      : opaque();
    const refreshToken = opaque();
    this.access.set(accessToken, { grant, expiresAt, revoked: false });
    this.refresh.set(refreshToken, { grant, expiresAt: issuedAt + REFRESH_TTL_MS, revoked: false });
    return { access_token: accessToken, expires_in: this.ttlSeconds, token_type: 'Bearer', scope: SCOPE, refresh_token: refreshToken };
  }
}
