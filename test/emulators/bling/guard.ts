import type { EmuReply, EmuRequest, RouteHandler } from '../common/http';
import { BlingError, blingErrorReply, invalidTokenReply, oauthErrorReply, tooManyRequestsReply } from './errors';
import type { RateLimiter } from '../common/fixed-rate-limit';
import type { TokenRegistry } from './tokens';

export type Handler = (req: EmuRequest) => EmuReply | Promise<EmuReply>;
export type Guard = (handler: Handler) => RouteHandler;

/** What Bling's gateway does before a handler: read the Bearer token, check it, count the request. */
export function createGuard(tokens: TokenRegistry, limiter: RateLimiter): Guard {
  return (handler) => async (req) => {
    const auth = req.headers.authorization;
    if (typeof auth !== 'string' || auth === '') return invalidTokenReply(false);
    const bearer = /^Bearer\s+(\S+)$/i.exec(auth);
    if (!bearer) return oauthErrorReply(400, 'invalid_request', 'Malformed auth header');
    const check = tokens.check(bearer[1]);
    if (check !== 'ok') return invalidTokenReply(check === 'expired');
    const outcome = limiter.take();
    if (!outcome.allowed) return tooManyRequestsReply(outcome.limit, outcome.period);
    try {
      return await handler(req);
    } catch (err) {
      if (err instanceof BlingError) return blingErrorReply(err);
      throw err;
    }
  };
}
