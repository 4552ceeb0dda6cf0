import type { ScheduleView } from '../../shared/ipc/channels/schedule';
import type { ScheduleRecord } from '../store/schedules';
import type { ConnectionRecord } from '../store/connections';
import { cronOf, nextRunTimes } from './cron';
import { explainCron } from './explain';

export interface ViewContext {
  connection: ConnectionRecord | undefined;
  running: boolean;
  heldElsewhere: string | null;
  now: number;
  /** How many next runs to list. */
  count?: number;
}

/** The next runs as a person will see them: the stored next run first (it may be overdue). */
function upcoming(rec: ScheduleRecord, cron: string, now: number, count: number): string[] {
  if (!rec.enabled) return [];
  try {
    const first = rec.nextRunAt ? new Date(rec.nextRunAt) : null;
    const from = first && first.getTime() > now ? first : new Date(now);
    const later = nextRunTimes(cron, rec.timeZone, from, count).map((d) => d.toISOString());
    return first ? [first.toISOString(), ...later].slice(0, count) : later;
  } catch {
    return [];
  }
}

export function toScheduleView(rec: ScheduleRecord, ctx: ViewContext): ScheduleView {
  const cron = cronOf(rec.spec);
  return {
    connectionId: rec.connectionId,
    connectionLabel: ctx.connection?.label || rec.connectionId,
    direction: rec.direction,
    spec: rec.spec,
    timeZone: rec.timeZone,
    enabled: rec.enabled,
    cron,
    description: explainCron(cron),
    nextRuns: upcoming(rec, cron, ctx.now, ctx.count ?? 5),
    running: ctx.running,
    lastRun: lastRunOf(rec, ctx.running),
    heldElsewhere: ctx.heldElsewhere,
  };
}

function lastRunOf(rec: ScheduleRecord, running: boolean): ScheduleView['lastRun'] {
  if (rec.lastStartedAt && rec.lastFinishedAt && rec.lastOutcome) {
    return { startedAt: rec.lastStartedAt, finishedAt: rec.lastFinishedAt, outcome: rec.lastOutcome, message: rec.lastMessage ?? '' };
  }
  if (rec.lastStartedAt && !running) {
    return { startedAt: rec.lastStartedAt, finishedAt: null, outcome: 'cancelled', message: 'Did not finish: the app or the runner stopped during the run.' };
  }
  return null;
}
