import { z } from 'zod';
import { channel } from '../define';

export const SyncDirection = z.enum(['push', 'pull']);
export type SyncDirection = z.infer<typeof SyncDirection>;

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM (24-hour clock)');

/** When a schedule runs: a preset, or a five-field cron expression (minute hour day month weekday). */
export const ScheduleSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('every15min') }).strict(),
  z.object({ kind: z.literal('hourly') }).strict(),
  z.object({ kind: z.literal('nightly'), time }).strict(),
  /** day: 0 = Sunday … 6 = Saturday. */
  z.object({ kind: z.literal('weekly'), day: z.number().int().min(0).max(6), time }).strict(),
  z.object({ kind: z.literal('cron'), expression: z.string().trim().min(1).max(120) }).strict(),
]);
export type ScheduleSpec = z.infer<typeof ScheduleSpec>;

/** An IANA time zone name such as Europe/Berlin; main checks that it exists. */
export const TimeZoneName = z.string().min(1).max(64).regex(/^[A-Za-z0-9_+\-/]+$/, 'an IANA time zone such as Europe/Berlin');

export const RunOutcomeKind = z.enum(['ok', 'partial', 'failed', 'cancelled', 'skipped']);
export type RunOutcomeKind = z.infer<typeof RunOutcomeKind>;

export const LastRun = z.object({
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  outcome: RunOutcomeKind,
  message: z.string(),
});

export const ScheduleView = z.object({
  connectionId: z.string(),
  connectionLabel: z.string(),
  direction: SyncDirection,
  spec: ScheduleSpec,
  timeZone: z.string(),
  enabled: z.boolean(),
  /** The cron expression the spec stands for. */
  cron: z.string(),
  /** The schedule in words: "Every day at 02:30". */
  description: z.string(),
  /** The next few run times, ISO (UTC). Empty when disabled. */
  nextRuns: z.array(z.string()),
  running: z.boolean(),
  lastRun: LastRun.nullable(),
  /** Set when another process runs this connection's schedules: says which one. */
  heldElsewhere: z.string().nullable(),
});
export type ScheduleView = z.infer<typeof ScheduleView>;

const connectionId = z.string().min(1).max(64);

export const SchedulePreview = z.object({
  valid: z.boolean(),
  cron: z.string(),
  description: z.string(),
  nextRuns: z.array(z.string()),
  error: z.string().nullable(),
});
export type SchedulePreview = z.infer<typeof SchedulePreview>;

export const DesktopState = z.object({
  /** The app keeps running in the tray (or menu bar) when its window closes. */
  tray: z.boolean(),
  /** Null where the shell cannot start at login (browser host, CLI). */
  startAtLogin: z.boolean().nullable(),
});
export type DesktopState = z.infer<typeof DesktopState>;

export const scheduleChannels = {
  'schedule:list': channel(
    z.object({}).strict(),
    z.object({ schedules: z.array(ScheduleView), defaultTimeZone: z.string(), runnerActive: z.boolean() }),
    'Every schedule with its next runs and last outcome.',
  ),
  'schedule:preview': channel(
    z.object({ spec: ScheduleSpec, timeZone: TimeZoneName.optional() }).strict(),
    SchedulePreview,
    'Explains a schedule in words and lists its next runs, without saving it.',
  ),
  'schedule:set': channel(
    z.object({ connectionId, direction: SyncDirection, spec: ScheduleSpec, timeZone: TimeZoneName.optional(), enabled: z.boolean().optional() }).strict(),
    ScheduleView,
    'Creates or changes the push or pull schedule of a connection.',
  ),
  'schedule:clear': channel(
    z.object({ connectionId, direction: SyncDirection }).strict(),
    z.object({ cleared: z.boolean() }),
    'Removes the push or pull schedule of a connection.',
  ),
  'schedule:runNow': channel(
    z.object({ connectionId: connectionId.optional(), direction: SyncDirection.optional() }).strict(),
    z.object({ started: z.number().int(), message: z.string() }),
    'Runs schedules now (one, or every enabled one); outcomes arrive as scheduleRun events.',
  ),
  'schedule:desktop': channel(z.object({}).strict(), DesktopState, 'Whether the app stays in the tray and starts at login.'),
  'schedule:setStartAtLogin': channel(z.object({ enabled: z.boolean() }).strict(), DesktopState, 'Turns start at login on or off (desktop app only).'),
};

export const ScheduleRunEvent = z.object({
  connectionId: z.string(),
  direction: SyncDirection,
  trigger: z.enum(['schedule', 'manual', 'cli']),
  state: z.enum(['started', 'finished']),
  outcome: RunOutcomeKind.optional(),
  message: z.string().optional(),
});
export type ScheduleRunEvent = z.infer<typeof ScheduleRunEvent>;

export const scheduleEvents = {
  /** A scheduled or manual run started or finished. */
  scheduleRun: ScheduleRunEvent,
};
