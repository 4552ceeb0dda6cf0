/**
 * A rolling record of requests that count against the vendor's window. Entries are stamped
 * when the answer arrives (never earlier than the vendor counted them), so a slot is freed here
 * no sooner than the vendor frees it.
 */
export class RequestLog {
  private entries: Array<{ at: number }> = [];

  add(at: number, n = 1): void {
    for (let i = 0; i < n; i++) {
      // Kept sorted: answers mostly arrive in order, so this is an append.
      let j = this.entries.length;
      while (j > 0 && this.entries[j - 1].at > at) j--;
      this.entries.splice(j, 0, { at });
    }
  }

  /** Forgets the `n` oldest entries. */
  removeOldest(n: number): void {
    this.entries.splice(0, Math.max(0, n));
  }

  /** Entries still inside the window ending at `now`. */
  count(now: number, intervalMs: number): number {
    this.prune(now, intervalMs);
    return this.entries.length;
  }

  /** When the oldest entry leaves the window (undefined when empty). */
  nextFree(now: number, intervalMs: number): number | undefined {
    this.prune(now, intervalMs);
    return this.entries.length ? this.entries[0].at + intervalMs : undefined;
  }

  private prune(now: number, intervalMs: number): void {
    let drop = 0;
    while (drop < this.entries.length && this.entries[drop].at + intervalMs <= now) drop++;
    if (drop > 0) this.entries.splice(0, drop);
  }
}
