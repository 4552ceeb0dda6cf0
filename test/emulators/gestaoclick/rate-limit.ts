import { localDate } from './time';

/** GestãoClick's documented limits: 3 requests per second and 30,000 per day, per company. */
export interface RateLimits {
  perSecond: number;
  perDay: number;
}

export const defaultRateLimits: RateLimits = { perSecond: 3, perDay: 30_000 };

/**
 * A sliding one-second window plus a counter per (Brasília) calendar day. Requests refused with
 * 429 do not count against either.
 */
export class RateLimiter {
  private recent: number[] = [];
  private day = '';
  private dayCount = 0;

  constructor(
    private readonly limits: RateLimits,
    private readonly now: () => number,
  ) {}

  take(): boolean {
    const t = this.now();
    this.recent = this.recent.filter((s) => t - s < 1000);
    const today = localDate(t);
    if (today !== this.day) {
      this.day = today;
      this.dayCount = 0;
    }
    if (this.recent.length >= this.limits.perSecond || this.dayCount >= this.limits.perDay) return false;
    this.recent.push(t);
    this.dayCount++;
    return true;
  }

  reset(): void {
    this.recent = [];
    this.dayCount = 0;
  }
}
