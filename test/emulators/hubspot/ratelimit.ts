import { z } from 'zod';
import type { EmuReply } from '../common/http';
import { correlationId } from './errors';

export const RateLimitSchema = z.object({
  /** Requests allowed per rolling window per app (OAuth) or per private app, per account. */
  max: z.number().int().positive().default(100),
  intervalMs: z.number().int().positive().default(10_000),
  /** Search requests allowed per search window per account (HubSpot: about five a second). */
  searchMax: z.number().int().positive().default(5),
  searchIntervalMs: z.number().int().positive().default(1_000),
  /** Daily requests for private-app tokens (Professional tier: 500,000). */
  dailyMax: z.number().int().positive().default(500_000),
});
export type RateLimitConfig = z.infer<typeof RateLimitSchema>;

/** Remembers when each accepted request happened inside the last window. */
class RollingWindow {
  private hits: number[] = [];

  constructor(
    private readonly max: number,
    private readonly intervalMs: number,
  ) {}

  private prune(now: number): void {
    const cutoff = now - this.intervalMs;
    let drop = 0;
    while (drop < this.hits.length && this.hits[drop] <= cutoff) drop++;
    if (drop > 0) this.hits.splice(0, drop);
  }

  /** Counts the request when there is room; rejected requests do not use up the window. */
  take(now: number): boolean {
    this.prune(now);
    if (this.hits.length >= this.max) return false;
    this.hits.push(now);
    return true;
  }

  remaining(now: number): number {
    this.prune(now);
    return Math.max(0, this.max - this.hits.length);
  }
}

class DailyCounter {
  private day = '';
  private used = 0;

  constructor(private readonly max: number) {}

  private roll(now: number): void {
    // HubSpot resets at midnight in the account's time zone; the emulator's account lives in UTC.
    const day = new Date(now).toISOString().slice(0, 10);
    if (day !== this.day) {
      this.day = day;
      this.used = 0;
    }
  }

  take(now: number): boolean {
    this.roll(now);
    if (this.used >= this.max) return false;
    this.used++;
    return true;
  }

  remaining(now: number): number {
    this.roll(now);
    return Math.max(0, this.max - this.used);
  }
}

/** Who is calling, for limit purposes. */
export interface LimitSubject {
  /** The rolling-window bucket: one per OAuth app per account, or one per private app. */
  key: string;
  /** The search bucket: one per account. */
  accountKey: string;
  /** Private apps also have a daily limit and report it in headers. */
  privateApp: boolean;
}

export type LimitOutcome = { ok: true; headers: Record<string, string> } | { ok: false; reply: EmuReply };

export const TEN_SECONDLY_MESSAGE = 'You have reached your ten_secondly_rolling limit.';
export const SECONDLY_MESSAGE = 'You have reached your secondly limit.';

export function rateLimitBody(policyName: 'TEN_SECONDLY_ROLLING' | 'SECONDLY' | 'DAILY', message: string) {
  return { status: 'error', message, errorType: 'RATE_LIMIT', correlationId: correlationId(), policyName };
}

/** HubSpot's per-app rolling limit, per-account search limit and private-app daily limit. */
export class RateLimiter {
  private windows = new Map<string, RollingWindow>();
  private searches = new Map<string, RollingWindow>();
  private daily = new Map<string, DailyCounter>();

  constructor(readonly config: RateLimitConfig) {}

  reset(): void {
    this.windows.clear();
    this.searches.clear();
    this.daily.clear();
  }

  /** Ordinary API calls: counted, answered with X-HubSpot-RateLimit-* headers. */
  checkGeneral(subject: LimitSubject, now: number): LimitOutcome {
    const window = this.bucket(this.windows, subject.key, this.config.max, this.config.intervalMs);
    const daily = subject.privateApp ? this.dailyBucket(subject.key) : undefined;
    if (daily && daily.remaining(now) === 0) {
      return this.refuse(429, rateLimitBody('DAILY', 'You have reached your daily limit.'), this.headers(window, daily, now));
    }
    if (!window.take(now)) {
      return this.refuse(429, rateLimitBody('TEN_SECONDLY_ROLLING', TEN_SECONDLY_MESSAGE), this.headers(window, daily, now));
    }
    daily?.take(now);
    return { ok: true, headers: this.headers(window, daily, now) };
  }

  /** Search calls have their own lower per-account limit and carry no rate-limit headers. */
  checkSearch(subject: LimitSubject, now: number): LimitOutcome {
    const window = this.bucket(this.searches, subject.accountKey, this.config.searchMax, this.config.searchIntervalMs);
    if (!window.take(now)) return this.refuse(429, rateLimitBody('SECONDLY', SECONDLY_MESSAGE), {});
    return { ok: true, headers: {} };
  }

  headersFor(subject: LimitSubject, now: number): Record<string, string> {
    const window = this.bucket(this.windows, subject.key, this.config.max, this.config.intervalMs);
    return this.headers(window, subject.privateApp ? this.dailyBucket(subject.key) : undefined, now);
  }

  private refuse(status: number, body: ReturnType<typeof rateLimitBody>, headers: Record<string, string>): LimitOutcome {
    return { ok: false, reply: { status, body, headers: { ...headers, 'x-hubspot-correlation-id': body.correlationId } } };
  }

  private headers(window: RollingWindow, daily: DailyCounter | undefined, now: number): Record<string, string> {
    const headers: Record<string, string> = {
      'X-HubSpot-RateLimit-Max': String(this.config.max),
      'X-HubSpot-RateLimit-Remaining': String(window.remaining(now)),
      'X-HubSpot-RateLimit-Interval-Milliseconds': String(this.config.intervalMs),
    };
    if (daily) {
      headers['X-HubSpot-RateLimit-Daily'] = String(this.config.dailyMax);
      headers['X-HubSpot-RateLimit-Daily-Remaining'] = String(daily.remaining(now));
    }
    return headers;
  }

  private bucket(map: Map<string, RollingWindow>, key: string, max: number, intervalMs: number): RollingWindow {
    let w = map.get(key);
    if (!w) map.set(key, (w = new RollingWindow(max, intervalMs)));
    return w;
  }

  private dailyBucket(key: string): DailyCounter {
    let d = this.daily.get(key);
    if (!d) this.daily.set(key, (d = new DailyCounter(this.config.dailyMax)));
    return d;
  }
}
