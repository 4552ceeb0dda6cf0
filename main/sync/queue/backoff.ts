/** Exponential backoff with jitter for retried queue items. */
export interface BackoffPolicy {
  /** Delay before the first retry, ms. */
  baseMs: number;
  /** Upper bound of any delay, ms. */
  maxMs: number;
  /** Share of the delay drawn at random either side (0..1): 0.2 gives delay × [0.8, 1.2]. */
  jitter: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 2_000, maxMs: 5 * 60_000, jitter: 0.2 };

/**
 * Delay before the retry that follows failed attempt number `attempt` (1-based):
 * base × 2^(attempt-1), spread by ±jitter so items failed together do not retry in lockstep,
 * then capped.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy = defaultBackoff, random: () => number = Math.random): number {
  const exp = policy.baseMs * 2 ** Math.max(0, attempt - 1);
  const spread = 1 - policy.jitter + 2 * policy.jitter * random();
  return Math.round(Math.min(policy.maxMs, exp * spread));
}
