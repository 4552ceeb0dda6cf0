import type { EmuReply, EmuRequest, RouteHandler } from '../common/http';
import { expiredAuthentication, HubApiError, missingCredentials, missingScopes, validationError } from './errors';
import { resolveObjectType, type ObjectType } from './object-types';
import type { RateLimiter } from './ratelimit';
import type { HubStore } from './store';
import type { Principal, TokenRegistry } from './tokens';

/** What every API handler can reach. */
export interface ApiContext {
  store: HubStore;
  tokens: TokenRegistry;
  limiter: RateLimiter;
  now: () => number;
}

export type Access = 'read' | 'write';

/** Scopes that allow an action on one object type: the granular scope, or the legacy `contacts` scope. */
export function scopesFor(type: ObjectType, access: Access, schema = false): string[] {
  const granular = schema ? `crm.schemas.${type}.${access}` : `crm.objects.${type}.${access}`;
  return schema ? [granular, `crm.objects.${type}.${access}`, 'contacts'] : [granular, 'contacts'];
}

export interface GuardSpec {
  /** Scopes of which any one is enough; undefined means any valid token will do. */
  scopes?: (req: EmuRequest) => string[] | undefined;
  /** Search endpoints use their own limit and carry no rate-limit headers. */
  limit: 'general' | 'search';
}

export type ApiHandler = (req: EmuRequest, principal: Principal) => EmuReply;

function bearer(req: EmuRequest): string | undefined {
  const header = req.headers.authorization;
  const m = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return m?.[1];
}

function authenticate(ctx: ApiContext, req: EmuRequest): { principal: Principal } | { reply: EmuReply } {
  const token = bearer(req);
  if (!token) return { reply: missingCredentials() };
  const result = ctx.tokens.authenticate(token);
  if (result.ok) return { principal: result.principal };
  if (result.reason === 'expired') return { reply: expiredAuthentication(result.expiredAt, ctx.now()) };
  return { reply: missingCredentials() };
}

function hasScope(principal: Principal, anyOf: string[]): boolean {
  return principal.scopes === 'all' || anyOf.some((s) => (principal.scopes as string[]).includes(s));
}

function withHeaders(reply: EmuReply, headers: Record<string, string>): EmuReply {
  return { ...reply, headers: { ...headers, ...(reply.headers ?? {}) } };
}

/** Authentication, scopes and rate limits in HubSpot's order, then the handler; HubApiError becomes its reply. */
export function guard(ctx: ApiContext, spec: GuardSpec, handler: ApiHandler): RouteHandler {
  return (req) => {
    const auth = authenticate(ctx, req);
    if ('reply' in auth) return auth.reply;
    const { principal } = auth;
    const now = ctx.now();
    const outcome = spec.limit === 'search' ? ctx.limiter.checkSearch(principal.limit, now) : ctx.limiter.checkGeneral(principal.limit, now);
    if (!outcome.ok) return outcome.reply;
    let reply: EmuReply;
    try {
      const needed = spec.scopes?.(req);
      reply = needed && !hasScope(principal, needed) ? missingScopes([needed[0]]) : handler(req, principal);
    } catch (err) {
      if (!(err instanceof HubApiError)) throw err;
      reply = err.toReply();
    }
    return withHeaders(reply, outcome.headers);
  };
}

/** The `{objectType}` path segment, or HubSpot's answer to a type it cannot infer. */
export function objectTypeParam(params: Record<string, string>, key = 'objectType'): ObjectType {
  const raw = params[key] ?? '';
  const type = resolveObjectType(raw);
  if (!type) throw validationError(`Unable to infer object type from: ${raw}`);
  return type;
}

/** Scope resolver for routes whose object type is a path parameter. */
export const scopeByParam =
  (access: Access, key = 'objectType', schema = false) =>
  (req: EmuRequest): string[] | undefined => {
    const type = resolveObjectType(req.params[key] ?? '');
    return type ? scopesFor(type, access, schema) : undefined;
  };

/** A JSON request body that must be an object. */
export function jsonObject(req: EmuRequest): Record<string, unknown> {
  const body = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw validationError(req.text ? 'Invalid input JSON: the request body must be a JSON object.' : 'Invalid input JSON: the request body is empty.');
  }
  return body as Record<string, unknown>;
}

/** Comma-separated or repeated query parameters (the official client repeats them). */
export function listParam(req: EmuRequest, name: string): string[] | undefined {
  const all = req.query.getAll(name);
  if (all.length === 0) return undefined;
  return all.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

export function boolParam(req: EmuRequest, name: string): boolean {
  return req.query.get(name)?.toLowerCase() === 'true';
}
