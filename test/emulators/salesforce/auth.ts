import { createHash, createHmac } from 'node:crypto';
import { revokeToken } from '../common/token-revocation';
import { randomToken } from './ids';
import type { Clock } from './store';

/** A connected app the emulated org trusts. */
export interface ConnectedApp {
  clientId: string;
  clientSecret?: string;
  /** Redirect URIs allowed besides loopback ones (http://127.0.0.1|localhost|[::1] on any port). */
  redirectUris?: string[];
  /** Token requests must carry the client secret ("Require Secret for Web Server Flow"). */
  requireSecret?: boolean;
  /** Authorize requests must carry a PKCE code_challenge. */
  requirePkce?: boolean;
}

export const DEFAULT_CLIENT_ID = '3MVG9EmulatorTicketCrmSyncConsumerKey';
export const DEFAULT_CLIENT_SECRET = 'emulator-consumer-secret';
export const DEFAULT_SCOPE = 'api refresh_token';

export interface AccessGrant {
  token: string;
  clientId: string;
  scope: string;
  issuedAt: number;
  /** Null for the static `--token`, which never expires. */
  expiresAt: number | null;
  revoked: boolean;
  refreshToken?: string;
}

interface RefreshGrant {
  token: string;
  clientId: string;
  scope: string;
  revoked: boolean;
}

export interface AuthCode {
  code: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  codeChallenge?: string;
  expiresAt: number;
}

const CODE_TTL_MS = 15 * 60_000;

/** PKCE S256: BASE64URL(SHA256(verifier)). */
export const s256 = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');

/** Issued authorization codes, access tokens and refresh tokens; expiry follows the org clock. */
export class Tokens {
  private codes = new Map<string, AuthCode>();
  private access = new Map<string, AccessGrant>();
  private refresh = new Map<string, RefreshGrant>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
    private readonly orgId: string,
    staticToken?: string,
  ) {
    if (staticToken) {
      this.access.set(staticToken, { token: staticToken, clientId: 'static', scope: 'api', issuedAt: clock.now(), expiresAt: null, revoked: false });
    }
  }

  issueCode(grant: Omit<AuthCode, 'code' | 'expiresAt'>): string {
    const code = `aPrx${randomToken(32)}`;
    this.codes.set(code, { ...grant, code, expiresAt: this.clock.now() + CODE_TTL_MS });
    return code;
  }

  /** Codes are single use: taking one removes it. */
  takeCode(code: string): AuthCode | 'expired' | undefined {
    const found = this.codes.get(code);
    if (!found) return undefined;
    this.codes.delete(code);
    return found.expiresAt < this.clock.now() ? 'expired' : found;
  }

  issueRefresh(clientId: string, scope: string): string {
    const token = `5Aep${randomToken(48)}`;
    this.refresh.set(token, { token, clientId, scope, revoked: false });
    return token;
  }

  refreshGrant(token: string): RefreshGrant | undefined {
    const g = this.refresh.get(token);
    return g && !g.revoked ? g : undefined;
  }

  issueAccess(clientId: string, scope: string, refreshToken?: string): AccessGrant {
    // Session ids start with the 15-character org id and a '!', like real ones.
    const token = `${this.orgId.slice(0, 15)}!${randomToken(72)}`;
    const now = this.clock.now();
    const grant: AccessGrant = { token, clientId, scope, issuedAt: now, expiresAt: now + this.ttlMs, revoked: false, refreshToken };
    this.access.set(token, grant);
    return grant;
  }

  /** The live grant of an access token, or undefined when unknown, revoked or expired. */
  validate(token: string | undefined): AccessGrant | undefined {
    const g = token ? this.access.get(token) : undefined;
    if (!g || g.revoked) return undefined;
    if (g.expiresAt !== null && g.expiresAt <= this.clock.now()) return undefined;
    return g;
  }

  /** Revokes an access token, or a refresh token together with the access tokens it minted. */
  revoke(token: string): boolean {
    return revokeToken(this.access, this.refresh, token);
  }

  /** Every OAuth-issued access token expires now (the static token stays valid). */
  expireAll(): void {
    const now = this.clock.now();
    for (const g of this.access.values()) if (g.expiresAt !== null) g.expiresAt = Math.min(g.expiresAt, now);
  }
}

/** `signature` of a token response: Base64 HMAC-SHA256 of id + issued_at keyed by the client secret. */
export function tokenSignature(secret: string, idUrl: string, issuedAt: string): string {
  return createHmac('sha256', secret).update(idUrl + issuedAt).digest('base64');
}

export function bearerToken(headers: Record<string, string | string[] | undefined>, query?: URLSearchParams): string | undefined {
  const h = headers.authorization;
  const value = Array.isArray(h) ? h[0] : h;
  const m = value ? /^(?:Bearer|OAuth)\s+(.+)$/i.exec(value.trim()) : null;
  return m?.[1] ?? query?.get('oauth_token') ?? undefined;
}
