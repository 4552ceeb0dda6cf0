import { createHash, randomBytes } from 'node:crypto';
import type { EmuRequest } from '../common/http';
import { revokeToken } from '../common/token-revocation';

export type GrantKind = 'api_token' | 'oauth';

export interface Grant {
  kind: GrantKind;
  token: string;
}

export interface TokenSet {
  access_token: string;
  token_type: 'Bearer';
  refresh_token: string;
  expires_in: number;
  scope: string;
}

/** An OAuth failure: the RFC 6749 code plus Pipedrive's message for it. */
export interface OAuthFailure {
  error: string;
  message: string;
}

interface AccessToken {
  clientId: string;
  refreshToken: string;
  expiresAt: number;
  revoked: boolean;
}

interface AuthCode {
  clientId: string;
  redirectUri: string;
  challenge?: string;
  method?: string;
  expiresAt: number;
  used: boolean;
}

export const SCOPE = 'base,deals:full,contacts:full,search:read,users:read,recents:read';
/** Authorization codes live 5 minutes (Pipedrive's documented limit). */
const CODE_TTL_MS = 5 * 60 * 1000;

const newSecret = (prefix: string) => `${prefix}${randomBytes(24).toString('base64url')}`;

/** The token a request carries: `api_token` query parameter, `x-api-token` header (the SDK's) or OAuth Bearer. */
export function extractToken(req: EmuRequest): string | undefined {
  const fromQuery = req.query.get('api_token');
  if (fromQuery) return fromQuery;
  const header = req.headers['x-api-token'];
  if (typeof header === 'string' && header) return header;
  const auth = req.headers.authorization;
  const m = typeof auth === 'string' ? /^Bearer\s+(.+)$/i.exec(auth) : null;
  return m?.[1];
}

/** Static api_tokens plus OAuth codes, access tokens (expiring) and refresh tokens. */
export class TokenRegistry {
  private codes = new Map<string, AuthCode>();
  private access = new Map<string, AccessToken>();
  private refresh = new Map<string, { clientId: string; revoked: boolean }>();

  constructor(
    private readonly now: () => number,
    private readonly staticTokens: ReadonlySet<string>,
    private readonly ttlSeconds: number,
  ) {}

  authenticate(token: string | undefined): Grant | undefined {
    if (!token) return undefined;
    if (this.staticTokens.has(token)) return { kind: 'api_token', token };
    const a = this.access.get(token);
    if (!a || a.revoked || this.now() >= a.expiresAt) return undefined;
    return { kind: 'oauth', token };
  }

  issueCode(p: { clientId: string; redirectUri: string; challenge?: string; method?: string }): string {
    const code = newSecret('');
    this.codes.set(code, { ...p, expiresAt: this.now() + CODE_TTL_MS, used: false });
    return code;
  }

  exchangeCode(p: { code: string; clientId: string; redirectUri: string; verifier?: string }): TokenSet | OAuthFailure {
    const c = this.codes.get(p.code);
    if (!c || c.used || c.clientId !== p.clientId) return { error: 'invalid_grant', message: 'Invalid grant: authorization_code is invalid' };
    if (this.now() >= c.expiresAt) return { error: 'invalid_grant', message: 'Invalid grant: authorization_code has expired' };
    if (c.redirectUri !== p.redirectUri) return { error: 'invalid_request', message: 'Invalid request: redirect_uri is invalid' };
    if (c.challenge && !verifierMatches(c.challenge, c.method, p.verifier)) {
      return { error: 'invalid_grant', message: 'Invalid grant: code_verifier is invalid' };
    }
    c.used = true;
    const refreshToken = newSecret(`${this.refresh.size + 1}:`);
    this.refresh.set(refreshToken, { clientId: p.clientId, revoked: false });
    return this.issueAccess(p.clientId, refreshToken);
  }

  refreshAccess(p: { refreshToken: string; clientId: string }): TokenSet | OAuthFailure {
    const r = this.refresh.get(p.refreshToken);
    if (!r || r.revoked || r.clientId !== p.clientId) return { error: 'invalid_grant', message: 'Invalid grant: refresh_token is invalid' };
    return this.issueAccess(p.clientId, p.refreshToken);
  }

  /** Revoking a refresh token also revokes the access tokens issued from it. */
  revoke(token: string): boolean {
    return revokeToken(this.access, this.refresh, token);
  }

  expireAll(): void {
    const stamp = this.now();
    for (const a of this.access.values()) a.expiresAt = Math.min(a.expiresAt, stamp);
  }

  private issueAccess(clientId: string, refreshToken: string): TokenSet {
    const token = newSecret('v1u:');
    this.access.set(token, { clientId, refreshToken, expiresAt: this.now() + this.ttlSeconds * 1000, revoked: false });
    return { access_token: token, token_type: 'Bearer', refresh_token: refreshToken, expires_in: this.ttlSeconds, scope: SCOPE };
  }
}

function verifierMatches(challenge: string, method: string | undefined, verifier: string | undefined): boolean {
  if (!verifier) return false;
  if (method === 'plain') return verifier === challenge;
  return createHash('sha256').update(verifier).digest('base64url') === challenge;
}
