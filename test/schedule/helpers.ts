import { openDatabase, type Db } from '../../main/store/db';
import { createLogger, type Logger } from '../../main/log/logger';
import { saveConnection, setConnectionStatus } from '../../main/store/connections';
import type { Clock } from '../../main/schedule/clock';
import type { RunOutcome, RunRequestOptions, SyncRunner } from '../../main/schedule/sync-runner';
import type { SyncDirection } from '../../shared/ipc/channels/schedule';
import type { RunNotice, RunNotifier } from '../../main/schedule/notifier';

export const memoryDb = (): Db => openDatabase(':memory:').db;

export const quietLogger = (): Logger => createLogger({ console: false });

export function addConnection(db: Db, id = 'hubspot', label = 'HubSpot (Acme)', status: 'connected' | 'needs_reconnect' | 'disconnected' = 'connected'): void {
  saveConnection(db, {
    id,
    provider: 'hubspot',
    label,
    authKind: 'token',
    status,
    config: { authBaseUrl: 'https://api.hubapi.com', apiBaseUrl: 'https://api.hubapi.com' },
    account: null,
    usage: null,
    lastError: null,
  });
  if (status !== 'connected') setConnectionStatus(db, id, status, null);
}

/** A clock the test moves by hand; timers fire only when the test says so. */
export class FakeClock implements Clock {
  private timers: Array<{ at: number; fn: () => void; id: number }> = [];
  private seq = 0;
  constructor(public t: number) {}
  now = (): number => this.t;
  setTimer = (fn: () => void, ms: number): (() => void) => {
    const id = ++this.seq;
    this.timers.push({ at: this.t + ms, fn, id });
    return () => {
      this.timers = this.timers.filter((x) => x.id !== id);
    };
  };
  set(iso: string): void {
    this.t = Date.parse(iso);
  }
  advance(ms: number): void {
    this.t += ms;
  }
  get pendingTimers(): number {
    return this.timers.length;
  }
}

export interface RunCall {
  connectionId: string;
  kind: SyncDirection;
  trigger: RunRequestOptions['trigger'];
  signal?: AbortSignal;
  startedAt: number;
  finish(outcome?: Partial<RunOutcome>): void;
  fail(err: Error): void;
}

/**
 * A sync runner whose runs end when the test says (or at once with `auto`), recording when each
 * started and how many ran at the same time.
 */
export class FakeRunner implements SyncRunner {
  readonly calls: RunCall[] = [];
  concurrent = 0;
  maxConcurrent = 0;
  constructor(
    private readonly clock: { now(): number },
    public auto: Partial<RunOutcome> | Error | null = { succeeded: 1, failed: 0 },
  ) {}

  run(connectionId: string, kind: SyncDirection, opts: RunRequestOptions): Promise<RunOutcome> {
    this.concurrent++;
    this.maxConcurrent = Math.max(this.maxConcurrent, this.concurrent);
    return new Promise<RunOutcome>((resolve, reject) => {
      let settled = false;
      const done = () => {
        if (settled) return false;
        settled = true;
        this.concurrent--;
        return true;
      };
      const call: RunCall = {
        connectionId,
        kind,
        trigger: opts.trigger,
        signal: opts.signal,
        startedAt: this.clock.now(),
        finish: (o = {}) => {
          if (done()) resolve({ succeeded: 1, failed: 0, ...o });
        },
        fail: (err) => {
          if (done()) reject(err);
        },
      };
      this.calls.push(call);
      opts.signal?.addEventListener('abort', () => call.finish({ cancelled: true, succeeded: 0 }), { once: true });
      if (this.auto instanceof Error) call.fail(this.auto);
      else if (this.auto) call.finish(this.auto);
    });
  }

  get open(): RunCall[] {
    return this.calls.filter((c) => c.signal?.aborted !== true);
  }
}

export class RecordingNotifier implements RunNotifier {
  readonly notices: RunNotice[] = [];
  notify(n: RunNotice): void {
    this.notices.push(n);
  }
}

/** Lets pending promise callbacks run (runs settle through a few awaits). */
export const settle = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
};
