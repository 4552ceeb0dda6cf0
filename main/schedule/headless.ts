import type { EventBus } from '../services/event-bus';
import type { ScheduleRunEvent } from '../../shared/ipc/channels/schedule';
import type { ScheduleService } from './service';
import type { DueRunReport } from './scheduler';

export interface HeadlessOptions {
  schedules: ScheduleService;
  events: EventBus;
  /** Aborted on SIGTERM / SIGINT: runs in progress are stopped at a safe point, locks given back. */
  signal: AbortSignal;
  /** Called for each finished run and each connection another runner holds (loop mode). */
  onRun?: (e: ScheduleRunEvent) => void;
  onHeld?: (connectionId: string, message: string) => void;
}

export const reportFailed = (r: DueRunReport): boolean => r.runs.some((x) => x.outcome === 'failed' || x.outcome === 'partial');

/** `run-schedules --once`: what is due now, on the connections no other runner holds. */
export function runDueOnce(opts: Pick<HeadlessOptions, 'schedules'>): Promise<DueRunReport> {
  return opts.schedules.scheduler.runDueOnce('schedule');
}

/**
 * `run-schedules`: the app's scheduler without a window, until the signal aborts. Connections
 * the app (or another runner) holds are left to it, and taken over when it goes away.
 */
export async function runSchedulesUntilStopped(opts: HeadlessOptions): Promise<void> {
  const { scheduler } = opts.schedules;
  const reported = new Map<string, string>();
  const unsubscribe = opts.events.subscribe((name, payload) => {
    if (name !== 'scheduleRun') return;
    const e = payload as ScheduleRunEvent;
    if (e.state === 'finished') opts.onRun?.(e);
    // Between runs is a good moment to say who holds what, once per change.
    for (const h of scheduler.heldElsewhere()) reportHeld(h.connectionId, h.message);
  });
  const reportHeld = (id: string, message: string) => {
    if (reported.get(id) === message) return;
    reported.set(id, message);
    opts.onHeld?.(id, message);
  };
  const stopped = new Promise<void>((resolve) => {
    if (opts.signal.aborted) resolve();
    else opts.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  const watch = setInterval(() => {
    for (const h of scheduler.heldElsewhere()) reportHeld(h.connectionId, h.message);
  }, 1000);
  try {
    scheduler.start();
    await stopped;
  } finally {
    clearInterval(watch);
    unsubscribe();
    await scheduler.stop();
  }
}
