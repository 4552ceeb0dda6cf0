import { isProviderError, RateLimitError } from '../../providers/errors';

/** How a request went, as far as pacing cares. */
export interface Outcome {
  /** The vendor throttled it (429 / REQUEST_LIMIT_EXCEEDED). */
  rateLimited?: boolean;
  /** Wait asked by the vendor (Retry-After or its equivalent). */
  retryAfterMs?: number;
  /** A sign of overload: 5xx, timeout, connection reset. */
  overloaded?: boolean;
}

/** Reads an error thrown by a provider call. Errors about the data itself say nothing about load. */
export function outcomeFromError(err: unknown): Outcome {
  if (err instanceof RateLimitError) return { rateLimited: true, retryAfterMs: err.retryAfterMs };
  if (isProviderError(err) && err.kind === 'transient') return { overloaded: true };
  return {};
}
