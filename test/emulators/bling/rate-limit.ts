import { localDate } from './time';

/** Bling's documented limits per account (all apps, all endpoints): 3 per second, 120,000 per day. */
export interface RateLimits {
  perSecond: number;
  perDay: number;
}

export const defaultRateLimits: RateLimits = { perSecond: 3, perDay: 120_000 };

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
