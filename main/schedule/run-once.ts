import type { Db } from '../store/db';
import type { Logger } from '../log/logger';
import type { EventBus } from '../services/event-bus';
import type { RunOutcomeKind, SyncDirection } from '../../shared/ipc/channels/schedule';
import { getConnection } from '../store/connections';
import { getSchedule, markScheduleFinished, markScheduleStarted } from '../store/schedules';
import { appendAudit } from '../store/audit-log';
import { redactText } from '../log/redact';
import type { RunOutcome, RunRequestOptions, SyncRunner } from './sync-runner';
import { failureNotice, type RunNotifier } from './notifier';
import { cronOf, nextRunAfter } from './cron';

export interface RunContext {
  db: Db;
  runner: SyncRunner;
  logger: Logger;
  events?: EventBus;
  notifier: RunNotifier;
  now: () => number;
  /** Called when the run is over, before its finished event: listeners must see it as not running. */
  onSettled?: () => void;
}

export interface RunResult {
  connectionId: string;
  direction: SyncDirection;
  outcome: RunOutcomeKind;
  message: string;
}

export function classifyOutcome(o: RunOutcome): RunOutcomeKind {
  if (o.cancelled) return 'cancelled';
  if (o.failed > 0) return o.succeeded > 0 ? 'partial' : 'failed';
  return 'ok';
}

function describeOutcome(direction: SyncDirection, o: RunOutcome): string {
  if (o.summary) return o.summary;
  const verb = direction === 'push' ? 'Pushed' : 'Pulled';
  const n = o.succeeded;
  return `${verb} ${n} record${n === 1 ? '' : 's'}${o.failed ? `, ${o.failed} failed` : ''}${o.cancelled ? ' before it was stopped' : ''}.`;
}

const AUDIT_OUTCOME: Record<RunOutcomeKind, 'ok' | 'warning' | 'error' | 'info'> = {
  ok: 'ok',
  partial: 'warning',
  failed: 'error',
  cancelled: 'info',
  skipped: 'info',
};

/** Why a connection cannot run now, or null when it can. */
function notRunnable(db: Db, connectionId: string): string | null {
  const c = getConnection(db, connectionId);
  if (!c) return `Skipped: the connection ${connectionId} no longer exists.`;
  if (c.status === 'needs_reconnect') return `Skipped: ${c.label || connectionId} needs to be reconnected.`;
  if (c.status === 'disconnected') return `Skipped: ${c.label || connectionId} is disconnected.`;
  return null;
}

/**
 * One push or pull with its bookkeeping: the schedule row's last run and next run, an audit
 * entry, the scheduleRun events, and a desktop notification when it ended with failures.
 * `scheduled` runs move the schedule's next run to the first slot after they end, so missed
 * slots are skipped rather than piled up; manual runs leave it alone.
 */
export async function runOnce(ctx: RunContext, connectionId: string, direction: SyncDirection, opts: RunRequestOptions & { scheduled: boolean }): Promise<RunResult> {
  const { db } = ctx;
  const label = getConnection(db, connectionId)?.label || connectionId;
  const startedAt = new Date(ctx.now()).toISOString();
  const hasSchedule = getSchedule(db, connectionId, direction) !== undefined;
  if (hasSchedule) markScheduleStarted(db, connectionId, direction, startedAt);
  ctx.events?.emit('scheduleRun', { connectionId, direction, trigger: opts.trigger, state: 'started' });

  let outcome: RunOutcomeKind;
  let message: string;
  const blocked = notRunnable(db, connectionId);
  if (blocked) {
    outcome = 'skipped';
    message = blocked;
  } else {
    try {
      const result = await ctx.runner.run(connectionId, direction, { trigger: opts.trigger, signal: opts.signal });
      outcome = classifyOutcome(result);
      message = redactText(describeOutcome(direction, result));
    } catch (err) {
      outcome = opts.signal?.aborted ? 'cancelled' : 'failed';
      message = redactText(err instanceof Error ? err.message : String(err));
    }
  }

  const finishedAt = ctx.now();
  const schedule = getSchedule(db, connectionId, direction);
  if (schedule) {
    let next: string | null = null;
    try {
      next = schedule.enabled ? (nextRunAfter(cronOf(schedule.spec), schedule.timeZone, new Date(finishedAt))?.toISOString() ?? null) : null;
    } catch (err) {
      ctx.logger.warn(`Schedule ${direction} of ${connectionId} cannot be planned any more`, err);
    }
    markScheduleFinished(db, connectionId, direction, { finishedAt: new Date(finishedAt).toISOString(), outcome, message, nextRunAt: next, keepNextRun: !opts.scheduled });
  }
  appendAudit(db, {
    kind: 'schedule',
    action: direction,
    outcome: AUDIT_OUTCOME[outcome],
    connectionId,
    summary: `${direction === 'push' ? 'Push to' : 'Pull from'} ${label} (${opts.trigger}): ${message}`,
    detail: { trigger: opts.trigger, outcome, startedAt, finishedAt: new Date(finishedAt).toISOString() },
  });
  const log = outcome === 'failed' || outcome === 'partial' ? ctx.logger.warn : ctx.logger.info;
  log(`Scheduled ${direction} of ${connectionId}: ${outcome}. ${message}`);
  const notice = failureNotice({ connectionLabel: label, direction, outcome, message });
  if (notice) ctx.notifier.notify(notice);
  ctx.onSettled?.();
  ctx.events?.emit('scheduleRun', { connectionId, direction, trigger: opts.trigger, state: 'finished', outcome, message });
  return { connectionId, direction, outcome, message };
}
