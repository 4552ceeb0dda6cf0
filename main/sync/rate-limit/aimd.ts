/**
 * Additive-increase / multiplicative-decrease concurrency: one more request in flight per
 * round of successes, half as many after a throttle or server error. Until the first cut it
 * grows by one per success (slow start), so a run reaches its pace quickly. A burst of failures
 * from requests that were already in flight when the limit was cut counts once.
 */
export class Aimd {
  private limit: number;
  private epoch = 0;

  constructor(
    initial: number,
    private readonly min: number,
    private readonly max: number,
  ) {
    this.limit = Math.min(max, Math.max(min, initial));
  }

  /** Whole requests allowed in flight now. */
  get current(): number {
    return Math.max(this.min, Math.floor(this.limit));
  }

  /** Stamp for a request being started, to tell later which cut it predates. */
  get stamp(): number {
    return this.epoch;
  }

  success(): void {
    this.limit = Math.min(this.max, this.limit + (this.epoch === 0 ? 1 : 1 / this.limit));
  }

  /** Halves the limit unless a cut already happened since `startedAt` (the request's stamp). */
  backoff(startedAt: number): void {
    if (startedAt < this.epoch) return;
    this.limit = Math.max(this.min, this.limit / 2);
    this.epoch++;
  }
}
