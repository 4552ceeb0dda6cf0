import type { Db } from '../store/db';
import type { Logger } from '../log/logger';
import type { EventBus } from '../services/event-bus';
import type { EventPayload } from '../../shared/ipc/contract';
import { listConnections } from '../store/connections';
import { systemClock, type Clock } from '../schedule/clock';
import { cutoffFor, retentionDaysSetting } from '../retention/policy';
import { queueDepths } from './queue-depth';
import { emptyDepth, insertSamples, pruneSamples, type MetricSample, type SampleTrigger } from './samples-store';

export interface MetricsSamplerDeps {
  /** Read at call time: a restore reopens the store. */
  db: () => Db;
  events: EventBus;
  logger: Logger;
  clock?: Clock;
  /** Between two timed samples (default 5 minutes). */
  intervalMs?: number;
  /** Before the first timed sample (default 1 minute: a short CLI command samples nothing on its own). */
  firstDelayMs?: number;
  /** Between two prunes of old samples (default 6 hours; the first with the first timed sample). */
  pruneEveryMs?: number;
}

const MINUTE = 60_000;

/**
 * Records each connection's queue depth and last reported API usage over time, for the
 * dashboard: every few minutes while the app runs, whenever a run moves to its next phase (the
 * queue is deepest just after a push has enqueued) and when it ends. Samples older than retention.days
 * are pruned here, since the retention service prunes a fixed set of tables. Timers never keep
 * a process alive; stop() ends them and stops listening to runs.
 */
export class MetricsSampler {
  private cancelTimer?: () => void;
  private unsubscribe?: () => void;
  private lastPrune = Number.NEGATIVE_INFINITY;
  /** Connections with a sample already on its way (a burst of events makes one sample). */
  private readonly due = new Set<string>();
  /** Run id → the phase last seen, to sample on phase changes. */
  private readonly phases = new Map<number, string>();
  private readonly clock: Clock;
  private started = false;

  constructor(private readonly deps: MetricsSamplerDeps) {
    this.clock = deps.clock ?? systemClock;
  }

  get running(): boolean {
    return this.started;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.unsubscribe = this.deps.events.subscribe((name, payload) => {
      if (name === 'syncProgress') this.onProgress(payload as EventPayload<'syncProgress'>);
    });
    this.plan(this.deps.firstDelayMs ?? MINUTE);
  }

  async stop(): Promise<void> {
    this.started = false;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.phases.clear();
    this.due.clear();
  }

  /**
   * Samples every connection (or the ones named) now; answers the rows written. A closed store
   * (the app is closing, a restore is swapping the file) samples nothing.
   */
  sample(trigger: SampleTrigger = 'manual', connectionIds?: readonly string[]): MetricSample[] {
    const db = this.deps.db();
    if (!db.open) return [];
    const at = new Date(this.clock.now()).toISOString();
    const depths = queueDepths(db);
    const wanted = connectionIds ? new Set(connectionIds) : null;
    const samples: MetricSample[] = listConnections(db)
      .filter((c) => !wanted || wanted.has(c.id))
      .map((c) => ({
        connectionId: c.id,
        at,
        trigger,
        queue: depths.get(c.id) ?? emptyDepth(),
        usage: c.usage ? { used: c.usage.used, max: c.usage.max, period: c.usage.period, observedAt: c.usage.observedAt } : null,
      }));
    if (samples.length > 0) insertSamples(db, samples);
    return samples;
  }

  /** Removes samples older than the retention period (retention.days); answers how many went. */
  prune(now = this.clock.now()): number {
    const db = this.deps.db();
    if (!db.open) return 0;
    this.lastPrune = now;
    return pruneSamples(db, cutoffFor(retentionDaysSetting(db), now));
  }

  private plan(ms: number): void {
    this.cancelTimer = this.clock.setTimer(() => this.tick(), ms);
  }

  private tick(): void {
    try {
      this.sample('timer');
      if (this.clock.now() - this.lastPrune >= (this.deps.pruneEveryMs ?? 6 * 60 * MINUTE)) {
        const n = this.prune();
        if (n > 0) this.deps.logger.debug(`Metrics: pruned ${n} old sample(s)`);
      }
    } catch (err) {
      this.deps.logger.warn(`Metrics: sampling failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      if (this.started) this.plan(this.deps.intervalMs ?? 5 * MINUTE);
    }
  }

  private onProgress(p: EventPayload<'syncProgress'>): void {
    if (p.dryRun) return;
    const ended = p.status !== 'running';
    const phaseChanged = this.phases.get(p.id) !== p.phase;
    if (ended) this.phases.delete(p.id);
    else this.phases.set(p.id, p.phase);
    if ((!ended && !phaseChanged) || this.due.has(p.connectionId)) return;
    this.due.add(p.connectionId);
    // Events can be sent from inside the engine's transactions: sample once they are done.
    this.clock.setTimer(() => {
      this.due.delete(p.connectionId);
      if (!this.started) return;
      try {
        this.sample('run', [p.connectionId]);
      } catch (err) {
        this.deps.logger.warn(`Metrics: sampling after a run step failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }, 0);
  }
}
