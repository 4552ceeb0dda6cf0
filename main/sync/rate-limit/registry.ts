import type { Provider } from '../../providers/provider';
import { ConnectionLimiter, type LimiterOptions } from './limiter';

/** One limiter per connection, fed by its provider's rate reports, shared by everything that calls it. */
export class RateLimiters {
  private readonly entries = new Map<string, { limiter: ConnectionLimiter; unsubscribe: () => void }>();

  constructor(private readonly defaults: LimiterOptions = {}) {}

  /** The connection's limiter, created and wired to the provider on first use. */
  forProvider(provider: Provider, opts: LimiterOptions = {}): ConnectionLimiter {
    const found = this.entries.get(provider.connectionId);
    if (found) return found.limiter;
    const limiter = new ConnectionLimiter({ ...this.defaults, ...opts });
    const unsubscribe = provider.onRateInfo((info) => limiter.observe(info));
    this.entries.set(provider.connectionId, { limiter, unsubscribe });
    return limiter;
  }

  get(connectionId: string): ConnectionLimiter | undefined {
    return this.entries.get(connectionId)?.limiter;
  }

  /** Forget a connection (disconnected, or its client replaced). */
  dispose(connectionId: string): void {
    const e = this.entries.get(connectionId);
    if (!e) return;
    e.unsubscribe();
    e.limiter.close();
    this.entries.delete(connectionId);
  }

  disposeAll(): void {
    for (const id of [...this.entries.keys()]) this.dispose(id);
  }
}
