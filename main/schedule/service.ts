import type { Db } from '../store/db';
import type { Logger } from '../log/logger';
import type { EventBus } from '../services/event-bus';
import type { DesktopState, SchedulePreview, ScheduleSpec, ScheduleView, SyncDirection } from '../../shared/ipc/channels/schedule';
import { getConnection } from '../store/connections';
import { deleteSchedule, getSchedule, listSchedules, saveSchedule, type ScheduleRecord } from '../store/schedules';
import { compileCron, cronOf, InvalidScheduleError, nextRunAfter, nextRunTimes, systemTimeZone } from './cron';
import { explainCron } from './explain';
import { Scheduler } from './scheduler';
import { silentNotifier, type RunNotifier } from './notifier';
import type { SyncRunner } from './sync-runner';
import type { Clock } from './clock';
import { systemClock } from './clock';
import type { DesktopHooks } from './desktop';
import { foreignLiveLocks, heldMessage } from './runner-lock';
import { toScheduleView } from './views';

export interface ScheduleServiceDeps {
  db: () => Db;
  runner: SyncRunner;
  logger: Logger;
  events?: EventBus;
  clock?: Clock;
  isOwnerAlive?: (owner: string) => boolean;
  /** Scheduler tuning for tests. */
  leaseMs?: number;
  tickMs?: number;
}

export interface SetScheduleInput {
  connectionId: string;
  direction: SyncDirection;
  spec: ScheduleSpec;
  timeZone?: string;
  enabled?: boolean;
}

/** The person asked about a connection or schedule that does not exist. */
export class ScheduleNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScheduleNotFoundError';
  }
}

/**
 * Schedules as the UI, the tray and the CLI use them: definitions with their next runs and
 * last outcomes, the scheduler of this process, and the desktop hooks the shell attaches.
 */
export class ScheduleService {
  readonly scheduler: Scheduler;
  private notifier: RunNotifier = silentNotifier;
  private desktop?: DesktopHooks;
  private readonly clock: Clock;

  constructor(private readonly deps: ScheduleServiceDeps) {
    this.clock = deps.clock ?? systemClock;
    this.scheduler = new Scheduler({
      db: deps.db,
      runner: deps.runner,
      logger: deps.logger,
      events: deps.events,
      clock: this.clock,
      notifier: () => this.notifier,
      isOwnerAlive: deps.isOwnerAlive,
      leaseMs: deps.leaseMs,
      tickMs: deps.tickMs,
    });
  }

  /** The Electron shell: tray, start at login, desktop notifications. */
  attachDesktop(hooks: DesktopHooks, notifier: RunNotifier): void {
    this.desktop = hooks;
    this.notifier = notifier;
  }

  start(): void {
    this.scheduler.start();
  }

  stop(): Promise<void> {
    return this.scheduler.stop();
  }

  list(): { schedules: ScheduleView[]; defaultTimeZone: string; runnerActive: boolean } {
    const db = this.deps.db();
    const held = this.heldElsewhere(db);
    return {
      schedules: listSchedules(db).map((r) => this.view(db, r, held)),
      defaultTimeZone: systemTimeZone(),
      runnerActive: this.scheduler.running,
    };
  }

  get(connectionId: string, direction: SyncDirection): ScheduleView | undefined {
    const db = this.deps.db();
    const rec = getSchedule(db, connectionId, direction);
    return rec ? this.view(db, rec, this.heldElsewhere(db)) : undefined;
  }

  /** The spec in words and its next runs; never throws for a bad spec (the UI shows the error). */
  preview(spec: ScheduleSpec, timeZone?: string, count = 5): SchedulePreview {
    const cron = cronOf(spec);
    try {
      const zone = timeZone ?? systemTimeZone();
      const runs = nextRunTimes(cron, zone, new Date(this.clock.now()), count);
      if (runs.length === 0) throw new InvalidScheduleError(`"${cron}" never runs again.`);
      return { valid: true, cron, description: explainCron(cron), nextRuns: runs.map((d) => d.toISOString()), error: null };
    } catch (err) {
      return { valid: false, cron, description: '', nextRuns: [], error: err instanceof Error ? err.message : String(err) };
    }
  }

  set(input: SetScheduleInput): ScheduleView {
    const db = this.deps.db();
    if (!getConnection(db, input.connectionId)) throw new ScheduleNotFoundError(`No connection "${input.connectionId}".`);
    const timeZone = input.timeZone ?? getSchedule(db, input.connectionId, input.direction)?.timeZone ?? systemTimeZone();
    const cron = cronOf(input.spec);
    compileCron(cron, timeZone);
    const enabled = input.enabled ?? true;
    const next = enabled ? nextRunAfter(cron, timeZone, new Date(this.clock.now())) : null;
    if (enabled && !next) throw new InvalidScheduleError(`"${cron}" never runs again.`);
    const rec = saveSchedule(db, { connectionId: input.connectionId, direction: input.direction, spec: input.spec, timeZone, enabled, nextRunAt: next?.toISOString() ?? null });
    this.deps.logger.info(`Schedule ${input.direction} of ${input.connectionId}: ${explainCron(cron)} (${timeZone})${enabled ? '' : ', paused'}.`);
    this.scheduler.poke();
    return this.view(db, rec, this.heldElsewhere(db));
  }

  clear(connectionId: string, direction: SyncDirection): boolean {
    const cleared = deleteSchedule(this.deps.db(), connectionId, direction);
    if (cleared) this.scheduler.poke();
    return cleared;
  }

  /** "Sync now": starts runs and answers at once; outcomes arrive as scheduleRun events. */
  runNow(target: { connectionId?: string; direction?: SyncDirection }, trigger: 'manual' | 'cli' = 'manual') {
    const db = this.deps.db();
    if (target.connectionId && !getConnection(db, target.connectionId)) throw new ScheduleNotFoundError(`No connection "${target.connectionId}".`);
    const res = this.scheduler.runNow(target, trigger);
    res.promise.catch((err: unknown) => this.deps.logger.error('Sync now failed', err));
    const message =
      res.started === 0 && res.skipped.length === 0
        ? 'Nothing to run: no schedule is enabled. Set one up in Settings, or pick a connection.'
        : [res.started > 0 ? `Started ${res.started} run${res.started === 1 ? '' : 's'}.` : '', ...res.skipped].filter(Boolean).join(' ');
    return { ...res, message };
  }

  desktopState(): DesktopState {
    return { tray: this.desktop?.tray ?? false, startAtLogin: this.desktop ? this.desktop.getStartAtLogin() : null };
  }

  setStartAtLogin(enabled: boolean): DesktopState {
    if (!this.desktop) throw new InvalidScheduleError('Start at login is only available in the desktop app.');
    this.desktop.setStartAtLogin(enabled);
    return this.desktopState();
  }

  private heldElsewhere(db: Db): Map<string, string> {
    const out = new Map<string, string>();
    for (const l of foreignLiveLocks(db, this.scheduler.owner, this.clock.now(), this.deps.isOwnerAlive)) {
      out.set(l.connectionId, heldMessage(l, getConnection(db, l.connectionId)?.label || l.connectionId));
    }
    return out;
  }

  private view(db: Db, rec: ScheduleRecord, held: Map<string, string>): ScheduleView {
    return toScheduleView(rec, {
      connection: getConnection(db, rec.connectionId),
      running: this.scheduler.isRunning(rec.connectionId, rec.direction),
      heldElsewhere: held.get(rec.connectionId) ?? null,
      now: this.clock.now(),
    });
  }
}
