import type { RateInfo } from '../../providers/provider';
import { Aimd } from './aimd';
import { outcomeFromError, type Outcome } from './outcome';
import { RequestLog } from './window';

export interface LimiterOptions {
  /** Requests in flight at the start, before any success has been seen. Default 2. */
  initialConcurrency?: number;
  /** Most requests in flight. Default 8. */
  maxConcurrency?: number;
  /** The window to assume until the vendor's headers say (e.g. 100 per 10,000 ms). */
  window?: { max: number; intervalMs: number };
  /** Slots of each window left unused for other clients of the same account. Default 0. */
  reserve?: number;
  /** Share (0..1) of the daily allowance kept back: acquire fails once less than that is left. */
  dailyReserve?: number;
  /** Wait after a 429 that says nothing about when to come back and no window is known, ms. Default 1000. */
  fallbackPauseMs?: number;
  now?: () => number;
}

export interface Permit {
  /** Report how the request went; releases its slot. Only the first call counts. */
  release(outcome?: Outcome): void;
}

export interface LimiterSnapshot {
  concurrency: number;
  inFlight: number;
  waiting: number;
  windowMax?: number;
  windowMs?: number;
  /** Requests counted in the current window (ours, in flight and others' seen through the headers). */
  windowUsed?: number;
  pausedUntil?: number;
  dailyUsed?: number;
  dailyMax?: number;
  requests: number;
  rateLimited: number;
}

/** The daily allowance is down to the reserve: scheduled runs wait instead of using it up. */
export class DailyReserveError extends Error {
  constructor(
    readonly used: number,
    readonly max: number,
  ) {
    super(`Only ${max - used} of ${max} daily API requests are left, within the reserve kept for other work; try again after the daily reset.`);
    this.name = 'DailyReserveError';
  }
}

interface Waiter {
  cost: number;
  resolve: (p: Permit) => void;
  reject: (e: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/**
 * Paces one connection's requests by what the vendor reports: the window (HubSpot's rolling
 * 10 s, Pipedrive's burst window) is never overrun by our own requests, usage seen in the
 * headers beyond ours is counted too, Retry-After pauses everything, and concurrency adapts
 * (AIMD) to throttles and server errors. Fed by Provider.onRateInfo; each request holds a
 * permit from acquire() until its answer arrives.
 */
export class ConnectionLimiter {
  private readonly aimd: Aimd;
  private readonly now: () => number;
  private readonly ours = new RequestLog();
  private readonly others = new RequestLog();
  private inFlight = 0;
  private waiters: Waiter[] = [];
  private timer?: ReturnType<typeof setTimeout>;
  private pausedUntil = 0;
  private windowMax?: number;
  private windowMs?: number;
  private daily?: { used: number; max: number };
  private requests = 0;
  private rateLimited = 0;

  constructor(private readonly opts: LimiterOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.aimd = new Aimd(opts.initialConcurrency ?? 2, 1, opts.maxConcurrency ?? 8);
    this.windowMax = opts.window?.max;
    this.windowMs = opts.window?.intervalMs;
  }

  /** Takes in what a response's headers said (wire to Provider.onRateInfo). */
  observe(info: RateInfo): void {
    if (info.max !== undefined) this.windowMax = info.max;
    // Vendors that report time-to-reset make this vary; the longest seen is the window's length.
    if (info.windowMs !== undefined && info.windowMs > 0) this.windowMs = Math.max(this.windowMs ?? 0, info.windowMs);
    if (info.dailyUsed !== undefined && info.dailyMax !== undefined) this.daily = { used: info.dailyUsed, max: info.dailyMax };
    if (info.remaining !== undefined && this.windowMax !== undefined && this.windowMs) {
      // What the vendor counted beyond what we know it saw (our answered requests plus the one
      // this answer belongs to) was spent elsewhere: calls a provider made on its own (metadata
      // reads inside a write), retries, or another app on the account. Re-estimated on every
      // answer, so an entry that was really one of our requests arriving early is dropped again.
      const now = this.now();
      const ours = this.ours.count(now, this.windowMs) + Math.min(1, this.inFlight);
      const others = Math.max(0, this.windowMax - info.remaining - ours);
      const have = this.others.count(now, this.windowMs);
      if (others > have) this.others.add(now, others - have);
      else this.others.removeOldest(have - others);
    }
    this.pump();
  }

  /** Waits for a slot for a request that costs `cost` calls against the window. */
  acquire(opts: { cost?: number; signal?: AbortSignal } = {}): Promise<Permit> {
    const reserve = this.opts.dailyReserve;
    if (reserve !== undefined && this.daily && this.daily.max - this.daily.used < reserve * this.daily.max) {
      return Promise.reject(new DailyReserveError(this.daily.used, this.daily.max));
    }
    if (opts.signal?.aborted) return Promise.reject(opts.signal.reason);
    return new Promise<Permit>((resolve, reject) => {
      const w: Waiter = { cost: Math.max(1, opts.cost ?? 1), resolve, reject, signal: opts.signal };
      if (opts.signal) {
        w.onAbort = () => {
          this.waiters = this.waiters.filter((x) => x !== w);
          reject(opts.signal!.reason);
          this.pump();
        };
        opts.signal.addEventListener('abort', w.onAbort, { once: true });
      }
      this.waiters.push(w);
      this.pump();
    });
  }

  /** Runs one request under a permit; a thrown provider error reports the outcome. */
  async run<T>(fn: () => Promise<T>, opts: { cost?: number; signal?: AbortSignal; outcomeOf?: (result: T) => Outcome } = {}): Promise<T> {
    const permit = await this.acquire(opts);
    try {
      const result = await fn();
      permit.release(opts.outcomeOf?.(result) ?? {});
      return result;
    } catch (err) {
      permit.release(outcomeFromError(err));
      throw err;
    }
  }

  snapshot(): LimiterSnapshot {
    const now = this.now();
    return {
      concurrency: this.aimd.current,
      inFlight: this.inFlight,
      waiting: this.waiters.length,
      windowMax: this.windowMax,
      windowMs: this.windowMs,
      windowUsed: this.windowMs ? this.used(now) : undefined,
      pausedUntil: this.pausedUntil > now ? this.pausedUntil : undefined,
      dailyUsed: this.daily?.used,
      dailyMax: this.daily?.max,
      requests: this.requests,
      rateLimited: this.rateLimited,
    };
  }

  /** Stops timers; pending acquires are rejected. */
  close(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const w of this.waiters.splice(0)) w.reject(new Error('The rate limiter was closed.'));
  }

  private used(now: number): number {
    const ms = this.windowMs ?? 0;
    return this.ours.count(now, ms) + this.others.count(now, ms) + this.inFlight;
  }

  /** Grants waiting permits in order while pause, concurrency and window allow; else sleeps until they might. */
  private pump(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.waiters.length > 0) {
      const w = this.waiters[0];
      const now = this.now();
      if (now < this.pausedUntil) return this.wakeAt(this.pausedUntil);
      if (this.inFlight > 0 && this.inFlight + w.cost > this.aimd.current) return; // a release pumps again
      const blockedUntil = this.windowBlock(now, w.cost);
      if (blockedUntil !== undefined) return blockedUntil === Infinity ? undefined : this.wakeAt(blockedUntil);
      this.waiters.shift();
      if (w.signal && w.onAbort) w.signal.removeEventListener('abort', w.onAbort);
      w.resolve(this.grant(w.cost));
    }
  }

  /** Undefined when the window has room for `cost` more; else when room may appear (Infinity: at a release). */
  private windowBlock(now: number, cost: number): number | undefined {
    if (this.windowMax === undefined || !this.windowMs) return undefined;
    const room = this.windowMax - (this.opts.reserve ?? 0) - this.used(now);
    if (room >= cost) return undefined;
    const frees = [this.ours.nextFree(now, this.windowMs), this.others.nextFree(now, this.windowMs)].filter((t): t is number => t !== undefined);
    if (frees.length > 0) return Math.min(...frees);
    // Nothing will age out: only a release can help, or, with nothing in flight, the window is smaller than the cost.
    return this.inFlight > 0 ? Infinity : undefined;
  }

  private wakeAt(at: number): void {
    this.timer = setTimeout(() => this.pump(), Math.max(1, at - this.now() + 1));
    this.timer.unref?.();
  }

  private grant(cost: number): Permit {
    this.inFlight += cost;
    this.requests += cost;
    const stamp = this.aimd.stamp;
    let released = false;
    return {
      release: (outcome: Outcome = {}) => {
        if (released) return;
        released = true;
        const now = this.now();
        this.inFlight -= cost;
        this.ours.add(now, cost);
        this.settle(outcome, stamp, now);
        this.pump();
      },
    };
  }

  private settle(outcome: Outcome, stamp: number, now: number): void {
    if (outcome.rateLimited) {
      this.rateLimited++;
      this.aimd.backoff(stamp);
      const windowFree = this.windowMs ? this.ours.nextFree(now, this.windowMs) : undefined;
      const wait = outcome.retryAfterMs ?? (windowFree !== undefined ? windowFree - now : (this.opts.fallbackPauseMs ?? 1000));
      this.pausedUntil = Math.max(this.pausedUntil, now + wait);
    } else if (outcome.overloaded) {
      this.aimd.backoff(stamp);
    } else {
      this.aimd.success();
    }
  }
}
