import type { Db } from '../store/db';
import type { Logger } from '../log/logger';
import { systemClock, type Clock } from '../schedule/clock';
import { pruneHistory, prunedRows, pruneSummary, type PruneOptions, type PruneReport } from './prune';

export interface RetentionServiceDeps {
  /** Read at call time: a restore reopens the store. */
  db: () => Db;
  logger: Logger;
  clock?: Clock;
  /** First prune this long after start (default 1 minute: startup stays quick, short CLI runs never prune). */
  startDelayMs?: number;
  /** Then every this often (default daily). */
  intervalMs?: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * Prunes old history in the background: once soon after start, then daily, on timers that never
 * keep a process alive. One prune at a time; stop() ends a prune between two batches.
 */
export class RetentionService {
  private cancelTimer?: () => void;
  private running?: Promise<PruneReport>;
  private abort = new AbortController();
  private started = false;
  private last?: PruneReport;

  constructor(private readonly deps: RetentionServiceDeps) {}

  /** The last prune this process ran (automatic or not). */
  get lastReport(): PruneReport | undefined {
    return this.last;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.plan(this.deps.startDelayMs ?? MINUTE, 'startup');
  }

  /** Prunes now (CLI, tests); a prune already under way finishes first. */
  async run(opts: Omit<PruneOptions, 'signal'> = {}): Promise<PruneReport> {
    if (this.running) await this.running.catch(() => undefined);
    const run = pruneHistory(this.deps.db, { ...opts, signal: this.abort.signal });
    this.running = run;
    try {
      const report = await run;
      this.last = report;
      return report;
    } finally {
      if (this.running === run) this.running = undefined;
    }
  }

  /** Cancels the timers and ends a prune under way after its current batch. */
  async stop(): Promise<void> {
    this.started = false;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.abort.abort();
    await this.running?.catch(() => undefined);
    this.abort = new AbortController();
  }

  private plan(ms: number, trigger: 'startup' | 'daily'): void {
    const clock = this.deps.clock ?? systemClock;
    this.cancelTimer = clock.setTimer(() => void this.automatic(trigger), ms);
  }

  private async automatic(trigger: 'startup' | 'daily'): Promise<void> {
    try {
      const report = await this.run({ trigger });
      if (prunedRows(report) > 0) this.deps.logger.info(pruneSummary(report));
    } catch (err) {
      this.deps.logger.error('Retention: pruning old history failed', err);
    } finally {
      if (this.started) this.plan(this.deps.intervalMs ?? DAY, 'daily');
    }
  }
}
