/**
 * Pipedrive's burst limit: a number of requests per token per 2-second window, answered with
 * x-ratelimit-* headers and 429 past it. Modelled as a token bucket that refills continuously.
 */
export interface LimitRule {
  /** Requests allowed per window (x-ratelimit-limit). */
  limit: number;
  windowSeconds: number;
}

export interface LimitOutcome {
  allowed: boolean;
  headers: Record<string, string>;
}

class TokenBucket {
  private tokens: number;
  private stamp: number;

  constructor(
    private readonly rule: LimitRule,
    now: number,
  ) {
    this.tokens = rule.limit;
    this.stamp = now;
  }

  take(now: number): LimitOutcome {
    const ratePerMs = this.rule.limit / (this.rule.windowSeconds * 1000);
    this.tokens = Math.min(this.rule.limit, this.tokens + (now - this.stamp) * ratePerMs);
    this.stamp = now;
    const allowed = this.tokens >= 1;
    if (allowed) this.tokens -= 1;
    const untilFull = Math.ceil((this.rule.limit - this.tokens) / ratePerMs / 1000);
    const headers: Record<string, string> = {
      'x-ratelimit-limit': String(this.rule.limit),
      'x-ratelimit-remaining': String(Math.floor(this.tokens)),
      'x-ratelimit-reset': String(untilFull),
    };
    if (!allowed) headers['retry-after'] = String(Math.max(1, Math.ceil((1 - this.tokens) / ratePerMs / 1000)));
    return { allowed, headers };
  }
}

/** One bucket per (rule name, token) pair. */
export class RateLimiter {
  private buckets = new Map<string, TokenBucket>();

  constructor(private readonly now: () => number) {}

  take(bucketKey: string, rule: LimitRule): LimitOutcome {
    let bucket = this.buckets.get(bucketKey);
    if (!bucket) {
      bucket = new TokenBucket(rule, this.now());
      this.buckets.set(bucketKey, bucket);
    }
    return bucket.take(this.now());
  }

  /** Headers of an exhausted bucket, for 429s forced by the fault knobs. */
  static exhaustedHeaders(rule: LimitRule): Record<string, string> {
    return {
      'x-ratelimit-limit': String(rule.limit),
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(rule.windowSeconds),
      'retry-after': String(Math.max(1, Math.ceil(rule.windowSeconds / rule.limit))),
    };
  }

  reset(): void {
    this.buckets.clear();
  }
}
