import type { RateInfo } from './provider';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Keeps one client inside a vendor's published request rate when the vendor sends no rate
 * headers (Bling and GestãoClick: 3 requests per second per account). Each request waits for a
 * free slot of a sliding window; a 429 pauses every request for its wait. `rateInfo()` is what
 * the engine's limiter reads through Provider.onRateInfo, so both pace by the same window.
 */
export class RequestPacer {
  private readonly sent: number[] = [];
  private pausedUntil = 0;
  private queue: Promise<void> = Promise.resolve();

  /**
   * `windowMs` should carry a margin over the vendor's window: the vendor counts arrivals, and
   * two requests sent exactly one window apart may arrive closer together.
   */
  constructor(
    readonly max: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Resolves when a request may go out; callers are served in order. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Holds every request for `ms` (the vendor said too many). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }

  /** Requests sent in the current window. */
  used(): number {
    this.prune(this.now());
    return this.sent.length;
  }

  rateInfo(): RateInfo {
    return { remaining: Math.max(0, this.max - this.used()), max: this.max, windowMs: this.windowMs, observedAt: this.now() };
  }

  private async waitForSlot(): Promise<void> {
    for (;;) {
      const now = this.now();
      this.prune(now);
      const full = this.sent.length >= this.max ? this.sent[0] + this.windowMs - now : 0;
      const wait = Math.max(this.pausedUntil - now, full);
      if (wait <= 0) {
        this.sent.push(now);
        return;
      }
      await sleep(wait);
    }
  }

  private prune(now: number): void {
    while (this.sent.length && this.sent[0] + this.windowMs <= now) this.sent.shift();
  }
}

const shared = new Map<string, RequestPacer>();

/**
 * One pacer per key (a connection and its API), so every client of that connection (the probe
 * that checks a new sign-in, the client the engine uses) waits in the same line.
 */
export function sharedPacer(key: string, max: number, windowMs: number): RequestPacer {
  let pacer = shared.get(key);
  if (!pacer || pacer.max !== max || pacer.windowMs !== windowMs) {
    pacer = new RequestPacer(max, windowMs);
    shared.set(key, pacer);
  }
  return pacer;
}
