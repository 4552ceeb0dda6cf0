import type { EmuReply, EmuRequest, RouteHandler } from '../common/http';
import { errorReply, GcError, gcErrorReply, RATE_LIMIT_MESSAGE, unauthorizedReply } from './errors';
import type { RateLimiter } from '../common/fixed-rate-limit';

export type Handler = (req: EmuRequest) => EmuReply | Promise<EmuReply>;
export type Guard = (handler: Handler) => RouteHandler;

/** The static pair `--token` / `--secret` stand for (`access-token` / `secret-access-token`). */
export interface Credentials {
  accessToken: string;
  secretAccessToken: string;
}

const header = (req: EmuRequest, name: string): string | undefined => {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
};

export const rateLimitedReply = (): EmuReply => errorReply(429, RATE_LIMIT_MESSAGE);

/** What GestãoClick's gateway does before a handler: check both token headers, count the request. */
export function createGuard(credentials: Credentials | undefined, limiter: RateLimiter): Guard {
  const authorized = (req: EmuRequest) =>
    credentials !== undefined &&
    header(req, 'access-token') === credentials.accessToken &&
    header(req, 'secret-access-token') === credentials.secretAccessToken;

  return (handler) => async (req) => {
    if (!authorized(req)) return unauthorizedReply();
    if (!limiter.take().allowed) return rateLimitedReply();
    try {
      return await handler(req);
    } catch (err) {
      if (err instanceof GcError) return gcErrorReply(err);
      throw err;
    }
  };
}
