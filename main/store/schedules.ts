import type { Db } from './db';
import { nowIso } from './db';
import { ScheduleSpec, type RunOutcomeKind, type SyncDirection } from '../../shared/ipc/channels/schedule';

/** A schedule as the app knows it. */
export interface ScheduleRecord {
  connectionId: string;
  direction: SyncDirection;
  spec: ScheduleSpec;
  timeZone: string;
  enabled: boolean;
  /** UTC ISO; null when disabled. */
  nextRunAt: string | null;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastOutcome: RunOutcomeKind | null;
  lastMessage: string | null;
  createdAt: string;
  updatedAt: string;
}

interface ScheduleRow {
  connection_id: string;
  direction: SyncDirection;
  spec: string;
  time_zone: string;
  enabled: number;
  next_run_at: string | null;
  last_started_at: string | null;
  last_finished_at: string | null;
  last_outcome: RunOutcomeKind | null;
  last_message: string | null;
  created_at: string;
  updated_at: string;
}

/** Stored specs come from disk: a row that no longer parses is kept but never runs. */
function toRecord(r: ScheduleRow): ScheduleRecord {
  const spec = ScheduleSpec.safeParse(JSON.parse(r.spec));
  return {
    connectionId: r.connection_id,
    direction: r.direction,
    spec: spec.success ? spec.data : { kind: 'cron', expression: '(unreadable)' },
    timeZone: r.time_zone,
    enabled: r.enabled === 1 && spec.success,
    nextRunAt: r.next_run_at,
    lastStartedAt: r.last_started_at,
    lastFinishedAt: r.last_finished_at,
    lastOutcome: r.last_outcome,
    lastMessage: r.last_message,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function listSchedules(db: Db): ScheduleRecord[] {
  return (db.prepare('SELECT * FROM schedules ORDER BY connection_id, direction').all() as ScheduleRow[]).map(toRecord);
}

export function getSchedule(db: Db, connectionId: string, direction: SyncDirection): ScheduleRecord | undefined {
  const row = db.prepare('SELECT * FROM schedules WHERE connection_id = ? AND direction = ?').get(connectionId, direction) as ScheduleRow | undefined;
  return row ? toRecord(row) : undefined;
}

/** Enabled schedules whose next run is at or before `nowIso`, oldest due first. */
export function dueSchedules(db: Db, now: string): ScheduleRecord[] {
  return (
    db.prepare('SELECT * FROM schedules WHERE enabled = 1 AND next_run_at IS NOT NULL AND next_run_at <= ? ORDER BY next_run_at').all(now) as ScheduleRow[]
  ).map(toRecord);
}

export interface ScheduleInput {
  connectionId: string;
  direction: SyncDirection;
  spec: ScheduleSpec;
  timeZone: string;
  enabled: boolean;
  nextRunAt: string | null;
}

/** Creates or replaces a schedule's definition; its run history stays. */
export function saveSchedule(db: Db, s: ScheduleInput): ScheduleRecord {
  const now = nowIso();
  db.prepare(
    `INSERT INTO schedules (connection_id, direction, spec, time_zone, enabled, next_run_at, created_at, updated_at)
     VALUES (@connectionId, @direction, @spec, @timeZone, @enabled, @nextRunAt, @now, @now)
     ON CONFLICT(connection_id, direction) DO UPDATE SET spec = excluded.spec, time_zone = excluded.time_zone,
       enabled = excluded.enabled, next_run_at = excluded.next_run_at, updated_at = excluded.updated_at`,
  ).run({ ...s, spec: JSON.stringify(s.spec), enabled: s.enabled ? 1 : 0, now });
  return getSchedule(db, s.connectionId, s.direction)!;
}

export function deleteSchedule(db: Db, connectionId: string, direction: SyncDirection): boolean {
  return db.prepare('DELETE FROM schedules WHERE connection_id = ? AND direction = ?').run(connectionId, direction).changes > 0;
}

export function markScheduleStarted(db: Db, connectionId: string, direction: SyncDirection, at: string): void {
  db.prepare('UPDATE schedules SET last_started_at = ?, last_finished_at = NULL, updated_at = ? WHERE connection_id = ? AND direction = ?').run(at, at, connectionId, direction);
}

export interface FinishedRunRecord {
  finishedAt: string;
  outcome: RunOutcomeKind;
  message: string;
  /** The next run after this one ended; null leaves the schedule without one. */
  nextRunAt: string | null;
  /** When the run was not started from the schedule (sync now), its next run stays as it was. */
  keepNextRun?: boolean;
}

export function markScheduleFinished(db: Db, connectionId: string, direction: SyncDirection, r: FinishedRunRecord): void {
  db.prepare(
    `UPDATE schedules SET last_finished_at = @finishedAt, last_outcome = @outcome, last_message = @message,
       next_run_at = CASE WHEN @keep = 1 THEN next_run_at ELSE @nextRunAt END, updated_at = @finishedAt
     WHERE connection_id = @connectionId AND direction = @direction`,
  ).run({ ...r, keep: r.keepNextRun ? 1 : 0, connectionId, direction });
}

/** Moves a schedule's next run without touching its history (skipped or re-planned runs). */
export function setNextRun(db: Db, connectionId: string, direction: SyncDirection, nextRunAt: string | null): void {
  db.prepare('UPDATE schedules SET next_run_at = ? WHERE connection_id = ? AND direction = ?').run(nextRunAt, connectionId, direction);
}
