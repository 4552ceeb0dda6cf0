import { localDate } from './brasilia-time';

/** Fixed request quotas: per second and per (Brasília) calendar day. Each vendor sets its own numbers. */
export interface RateLimits {
  perSecond: number;
  perDay: number;
}

/** Which quota refused a request, so a vendor can word its 429 the way it does. */
export type LimitOutcome = { allowed: true } | { allowed: false; limit: number; period: 'second' | 'day' };

/** A sliding one-second window and a counter per (Brasília) calendar day; refused requests do not count. */
export class RateLimiter {
  private recent: number[] = [];
  private day = '';
  private dayCount = 0;

  constructor(
    private readonly limits: RateLimits,
    private readonly now: () => number,
  ) {}

  take(): LimitOutcome {
    const t = this.now();
    this.recent = this.recent.filter((s) => t - s < 1000);
    const today = localDate(t);
    if (today !== this.day) {
      this.day = today;
      this.dayCount = 0;
    }
    if (this.dayCount >= this.limits.perDay) return { allowed: false, limit: this.limits.perDay, period: 'day' };
    if (this.recent.length >= this.limits.perSecond) return { allowed: false, limit: this.limits.perSecond, period: 'second' };
    this.recent.push(t);
    this.dayCount++;
    return { allowed: true };
  }

  reset(): void {
    this.recent = [];
    this.dayCount = 0;
  }
}
