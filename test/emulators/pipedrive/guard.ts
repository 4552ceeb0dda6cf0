import type { EmuReply, EmuRequest, RouteHandler } from '../common/http';
import { ApiError, apiErrorReply, gatewayErrorReply, unauthorizedReply } from './errors';
import type { LimitRule, RateLimiter } from './rate-limit';
import { extractToken, type Grant, type TokenRegistry } from './tokens';

export interface Limits {
  /** Per api_token. */
  apiToken: LimitRule;
  /** Per OAuth access token. */
  oauth: LimitRule;
  /** Search endpoints, per token, on top of the general limit. */
  search: LimitRule;
}

/** Pipedrive's fair-use allowance of POST/PUT requests per api_token per UTC day, reported in x-daily-requests-left. */
const DAILY_WRITES = 10_000;

export type ApiHandler = (req: EmuRequest, grant: Grant) => EmuReply | Promise<EmuReply>;
export type Guard = (handler: ApiHandler, opts?: { search?: boolean }) => RouteHandler;

export const rateLimitedReply = (headers: Record<string, string>): EmuReply => gatewayErrorReply(429, 'Request over limit', headers);

/** Wraps API handlers with what Pipedrive's gateway does first: authenticate, rate-limit, add the limit headers. */
export function createGuard(tokens: TokenRegistry, limiter: RateLimiter, limits: Limits, now: () => number): Guard {
  const writes = new Map<string, { day: string; count: number }>();

  function dailyHeader(req: EmuRequest, grant: Grant): Record<string, string> {
    if (grant.kind !== 'api_token' || !['POST', 'PUT'].includes(req.method)) return {};
    const day = new Date(now()).toISOString().slice(0, 10);
    const entry = writes.get(grant.token);
    const count = entry?.day === day ? entry.count + 1 : 1;
    writes.set(grant.token, { day, count });
    return { 'x-daily-requests-left': String(Math.max(0, DAILY_WRITES - count)) };
  }

  return (handler, opts = {}) =>
    async (req) => {
      const token = extractToken(req);
      const grant = tokens.authenticate(token);
      if (!grant) return unauthorizedReply();
      const general = limiter.take(`api:${grant.token}`, grant.kind === 'api_token' ? limits.apiToken : limits.oauth);
      const outcome = opts.search && general.allowed ? limiter.take(`search:${grant.token}`, limits.search) : general;
      if (!outcome.allowed) return rateLimitedReply(outcome.headers);
      let reply: EmuReply;
      try {
        reply = await handler(req, grant);
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        reply = apiErrorReply(err);
      }
      return { ...reply, headers: { ...outcome.headers, ...dailyHeader(req, grant), ...(reply.headers ?? {}) } };
    };
}
