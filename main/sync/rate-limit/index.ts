/** Per-connection pacing by the vendors' rate headers, with adaptive concurrency. */
export { ConnectionLimiter, DailyReserveError, type LimiterOptions, type LimiterSnapshot, type Permit } from './limiter';
export { RateLimiters } from './registry';
export { outcomeFromError, type Outcome } from './outcome';
