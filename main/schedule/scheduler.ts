import type { Db } from '../store/db';
import type { Logger } from '../log/logger';
import type { EventBus } from '../services/event-bus';
import type { SyncDirection } from '../../shared/ipc/channels/schedule';
import { getConnection } from '../store/connections';
import { dueSchedules, getSchedule, listSchedules } from '../store/schedules';
import { systemClock, type Clock } from './clock';
import { silentNotifier, type RunNotifier } from './notifier';
import type { SyncRunner, RunRequestOptions } from './sync-runner';
import { runOnce, type RunResult } from './run-once';
import { acquireRunnerLock, createRunnerOwner, releaseRunnerLock } from './runner-lock';

export interface SchedulerOptions {
  /** Read at call time: a restore reopens the store. */
  db: () => Db;
  runner: SyncRunner;
  logger: Logger;
  events?: EventBus;
  notifier?: () => RunNotifier;
  clock?: Clock;
  owner?: string;
  /** How long a lock lasts without a heartbeat (default 2 minutes). */
  leaseMs?: number;
  /** Longest wait between two looks at the schedules (default 30 s): a wall clock that jumped after sleep is noticed this soon. */
  tickMs?: number;
  isOwnerAlive?: (owner: string) => boolean;
}

/** A connection whose schedules another process runs. */
export interface HeldElsewhere {
  connectionId: string;
  message: string;
}

export interface DueRunReport {
  runs: RunResult[];
  heldElsewhere: HeldElsewhere[];
}

const ORDER: SyncDirection[] = ['push', 'pull'];
const byDirection = (a: SyncDirection, b: SyncDirection) => ORDER.indexOf(a) - ORDER.indexOf(b);

/**
 * Runs due schedules. Timing is its own (croner only computes times): each look at the
 * schedules runs every due one once, however many slots were missed, and a run's next slot is
 * planned when it ends. One connection runs one thing at a time in this process, and the
 * SQLite runner lock keeps other processes off the connections this one runs.
 */
export class Scheduler {
  readonly owner: string;
  private readonly clock: Clock;
  private readonly leaseMs: number;
  private readonly tickMs: number;
  /** Connection id → the runs in progress for it. */
  private readonly active = new Map<string, Promise<RunResult[]>>();
  private readonly held = new Set<string>();
  private readonly aborts = new Set<AbortController>();
  private readonly heldElsewhereNow = new Map<string, string>();
  private readonly runningDirections = new Map<string, SyncDirection>();
  private cancelTimer?: () => void;
  private looping = false;
  private ticking?: Promise<void>;

  constructor(private readonly opts: SchedulerOptions) {
    this.owner = opts.owner ?? createRunnerOwner();
    this.clock = opts.clock ?? systemClock;
    this.leaseMs = opts.leaseMs ?? 120_000;
    this.tickMs = opts.tickMs ?? 30_000;
  }

  get running(): boolean {
    return this.looping;
  }

  /** Starts the loop: looks at once (missed runs are due now), then at least every tickMs. */
  start(): void {
    if (this.looping) return;
    this.looping = true;
    this.poke();
  }

  /** Looks at the schedules now (after a change, or when the machine woke up). */
  poke(): void {
    if (!this.looping) return;
    this.cancelTimer?.();
    this.cancelTimer = this.clock.setTimer(() => void this.loopTick(), 0);
  }

  /** The machine woke from sleep: missed runs are due, each runs once. */
  wake(): void {
    this.poke();
  }

  /** Stops the loop, aborts runs in progress, waits for them to settle and gives the locks back. */
  async stop(): Promise<void> {
    this.looping = false;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    await this.ticking;
    for (const a of this.aborts) a.abort();
    await this.whenIdle();
    this.releaseAll();
  }

  /** Resolves when no run is in progress. */
  async whenIdle(): Promise<void> {
    while (this.active.size > 0) await Promise.allSettled([...this.active.values()]);
  }

  isBusy(connectionId: string): boolean {
    return this.active.has(connectionId);
  }

  isRunning(connectionId: string, direction: SyncDirection): boolean {
    return this.runningDirections.get(connectionId) === direction;
  }

  /** What this process saw on its last look: connections another runner holds. */
  heldElsewhere(): HeldElsewhere[] {
    return [...this.heldElsewhereNow].map(([connectionId, message]) => ({ connectionId, message }));
  }

  private async loopTick(): Promise<void> {
    if (!this.looping) return;
    this.ticking = this.tick().catch((err: unknown) => this.opts.logger.error('Schedules: a look at the schedules failed', err));
    await this.ticking;
    if (!this.looping) return;
    this.cancelTimer = this.clock.setTimer(() => void this.loopTick(), this.untilNextLook());
  }

  /**
   * One look: hold the locks of every connection with an enabled schedule (renewing them is the
   * heartbeat), let go of the others, and start each connection's due runs unless it is busy.
   * Runs are not awaited; the next look sees them as busy.
   */
  async tick(): Promise<void> {
    const db = this.opts.db();
    const schedules = listSchedules(db).filter((s) => s.enabled);
    const wanted = new Set(schedules.map((s) => s.connectionId));
    for (const id of [...this.held]) if (!wanted.has(id) && !this.active.has(id)) this.release(id);
    for (const id of wanted) this.lock(id);
    this.startDue(db, 'schedule');
  }

  /**
   * For `run-schedules --once`: runs what is due now on the connections this process can lock,
   * waits for them, and gives those locks back. Connections held by another runner are reported.
   */
  async runDueOnce(trigger: RunRequestOptions['trigger'] = 'schedule'): Promise<DueRunReport> {
    const db = this.opts.db();
    const due = dueSchedules(db, this.nowIso());
    const connections = [...new Set(due.map((s) => s.connectionId))];
    const heartbeat = this.startHeartbeat();
    try {
      for (const id of connections) this.lock(id);
      const started = this.startDue(db, trigger);
      const runs = (await Promise.all(started)).flat();
      return { runs, heldElsewhere: connections.filter((id) => this.heldElsewhereNow.has(id)).map((id) => ({ connectionId: id, message: this.heldElsewhereNow.get(id)! })) };
    } finally {
      heartbeat();
      for (const id of connections) if (!this.active.has(id)) this.release(id);
    }
  }

  /**
   * Runs now instead of waiting for the schedule ("Sync now"). Without a connection: every
   * enabled schedule. A connection that is already running is left alone; one another process
   * runs is refused with that process named.
   */
  runNow(target: { connectionId?: string; direction?: SyncDirection } = {}, trigger: RunRequestOptions['trigger'] = 'manual'): { started: number; skipped: string[]; promise: Promise<RunResult[]> } {
    const db = this.opts.db();
    const plan = new Map<string, SyncDirection[]>();
    if (target.connectionId) {
      const dirs = target.direction ? [target.direction] : this.directionsOf(db, target.connectionId);
      plan.set(target.connectionId, dirs);
    } else {
      for (const s of listSchedules(db).filter((x) => x.enabled)) plan.set(s.connectionId, [...(plan.get(s.connectionId) ?? []), s.direction]);
    }
    const skipped: string[] = [];
    const promises: Promise<RunResult[]>[] = [];
    for (const [id, dirs] of plan) {
      const label = getConnection(db, id)?.label || id;
      if (this.active.has(id)) {
        skipped.push(`${label} is already running.`);
        continue;
      }
      if (!this.lock(id)) {
        skipped.push(`${this.heldElsewhereNow.get(id)}.`);
        continue;
      }
      promises.push(this.launch(id, dirs.sort(byDirection), trigger, false));
    }
    return { started: promises.length, skipped, promise: Promise.all(promises).then((r) => r.flat()) };
  }

  private directionsOf(db: Db, connectionId: string): SyncDirection[] {
    const scheduled = ORDER.filter((d) => getSchedule(db, connectionId, d)?.enabled);
    return scheduled.length > 0 ? scheduled : [...ORDER];
  }

  private startDue(db: Db, trigger: RunRequestOptions['trigger']): Promise<RunResult[]>[] {
    const byConnection = new Map<string, SyncDirection[]>();
    for (const s of dueSchedules(db, this.nowIso())) {
      if (!this.held.has(s.connectionId) || this.active.has(s.connectionId)) continue;
      byConnection.set(s.connectionId, [...(byConnection.get(s.connectionId) ?? []), s.direction]);
    }
    return [...byConnection].map(([id, dirs]) => this.launch(id, dirs.sort(byDirection), trigger, true));
  }

  /** Runs a connection's directions one after the other; the connection counts as busy meanwhile. */
  private launch(connectionId: string, directions: SyncDirection[], trigger: RunRequestOptions['trigger'], scheduled: boolean): Promise<RunResult[]> {
    const abort = new AbortController();
    this.aborts.add(abort);
    const work = (async () => {
      const results: RunResult[] = [];
      for (const direction of directions) {
        if (abort.signal.aborted || !this.held.has(connectionId)) break;
        this.runningDirections.set(connectionId, direction);
        const ctx = { ...this.runContext(), onSettled: () => this.runningDirections.delete(connectionId) };
        results.push(await runOnce(ctx, connectionId, direction, { trigger, signal: abort.signal, scheduled }));
      }
      return results;
    })();
    const tracked = work.finally(() => {
      this.aborts.delete(abort);
      this.active.delete(connectionId);
      this.runningDirections.delete(connectionId);
      // Outside the loop nothing renews the lock, so it goes back as soon as the run ends.
      if (!this.looping) this.release(connectionId);
      // A run that ended may have made the next one due sooner than the timer knows.
      this.poke();
    });
    this.active.set(connectionId, tracked);
    return tracked;
  }

  private runContext() {
    return {
      db: this.opts.db(),
      runner: this.opts.runner,
      logger: this.opts.logger,
      events: this.opts.events,
      notifier: this.opts.notifier?.() ?? silentNotifier,
      now: () => this.clock.now(),
    };
  }

  /** Takes or renews the lock; remembers who holds it when it is not us. */
  private lock(connectionId: string): boolean {
    const db = this.opts.db();
    const res = acquireRunnerLock(db, connectionId, {
      owner: this.owner,
      now: this.clock.now(),
      leaseMs: this.leaseMs,
      isOwnerAlive: this.opts.isOwnerAlive,
      describe: (id) => getConnection(db, id)?.label || id,
    });
    if (res.ok) {
      if (res.takenOverFrom) this.opts.logger.info(`Schedules: took over ${connectionId} from a runner that is gone (pid ${res.takenOverFrom.pid} on ${res.takenOverFrom.host}).`);
      this.held.add(connectionId);
      this.heldElsewhereNow.delete(connectionId);
      return true;
    }
    if (this.held.has(connectionId)) {
      this.opts.logger.warn(`Schedules: lost the lock on ${connectionId}: ${res.message}. Stopping its run.`);
      this.held.delete(connectionId);
    }
    this.heldElsewhereNow.set(connectionId, res.message);
    return false;
  }

  private release(connectionId: string): void {
    releaseRunnerLock(this.opts.db(), connectionId, this.owner);
    this.held.delete(connectionId);
  }

  private releaseAll(): void {
    for (const id of [...this.held]) this.release(id);
  }

  /** Renews held locks while runs last outside the loop (the --once mode). */
  private startHeartbeat(): () => void {
    let cancel: (() => void) | undefined;
    const beat = () => {
      for (const id of [...this.held]) this.lock(id);
      cancel = this.clock.setTimer(beat, Math.max(1000, Math.floor(this.leaseMs / 4)));
    };
    cancel = this.clock.setTimer(beat, Math.max(1000, Math.floor(this.leaseMs / 4)));
    return () => cancel?.();
  }

  private untilNextLook(): number {
    const now = this.clock.now();
    const next = listSchedules(this.opts.db())
      .filter((s) => s.enabled && s.nextRunAt)
      .map((s) => Date.parse(s.nextRunAt!) - now);
    const soonest = Math.min(this.tickMs, Math.floor(this.leaseMs / 4), ...next);
    return Math.max(250, soonest);
  }

  private nowIso(): string {
    return new Date(this.clock.now()).toISOString();
  }
}
