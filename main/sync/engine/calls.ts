import { AuthError, RateLimitError, TransientError } from '../../providers/errors';
import type { ConnectionLimiter } from '../rate-limit/limiter';

/** How the engine calls a CRM: under the connection's limiter, counting requests. */
export interface CallContext {
  limiter: ConnectionLimiter;
  signal?: AbortSignal;
  /** Called once per request sent (for the run's request count). */
  onRequest?: () => void;
}

export interface RetryPolicy {
  /** Tries after a transient failure (5xx, timeout, reset). */
  transient: number;
  /** Tries after a rate limit (the limiter already waits as the vendor said). */
  rateLimited: number;
  baseDelayMs: number;
}

/** Retries suit calls that are safe to repeat: upserts by match key, updates by id, reads. */
export const idempotentRetry: RetryPolicy = { transient: 5, rateLimited: 8, baseDelayMs: 250 };

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', abort);
      resolve();
    }
    function abort() {
      clearTimeout(t);
      reject(signal!.reason);
    }
    signal?.addEventListener('abort', abort, { once: true });
  });

/** One request under the limiter. */
export function call<T>(ctx: CallContext, fn: () => Promise<T>): Promise<T> {
  ctx.signal?.throwIfAborted();
  return ctx.limiter.run(() => {
    ctx.onRequest?.();
    return fn();
  }, { signal: ctx.signal });
}

/**
 * A repeatable request, sent again after passing trouble: a rate limit (the limiter holds every
 * request of the connection until the vendor's wait is over) or a transient failure (backing
 * off with jitter). Anything else, or running out of tries, throws to the caller.
 */
export async function callWithRetry<T>(ctx: CallContext, fn: () => Promise<T>, policy: RetryPolicy = idempotentRetry): Promise<T> {
  let transient = 0;
  let limited = 0;
  for (;;) {
    try {
      return await call(ctx, fn);
    } catch (err) {
      if (err instanceof RateLimitError && ++limited < policy.rateLimited) continue;
      if (err instanceof TransientError && ++transient < policy.transient) {
        await sleep(policy.baseDelayMs * 2 ** (transient - 1) * (0.75 + Math.random() / 2), ctx.signal);
        continue;
      }
      throw err;
    }
  }
}

/** The connection cannot work until the user reconnects: stop the run instead of failing each record. */
export const needsReconnect = (err: unknown): boolean => err instanceof AuthError && err.needsReconnect;
