import { Cron } from 'croner';
import type { ScheduleSpec } from '../../shared/ipc/channels/schedule';

/** A schedule that cannot run: the message says what to change. */
export class InvalidScheduleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidScheduleError';
  }
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const weekdayName = (day: number): string => WEEKDAYS[day] ?? `day ${day}`;

function timeParts(time: string): [number, number] {
  const [h, m] = time.split(':').map(Number);
  return [h, m];
}

/** The five-field cron expression a spec stands for; presets compile to plain expressions. */
export function cronOf(spec: ScheduleSpec): string {
  switch (spec.kind) {
    case 'every15min':
      return '*/15 * * * *';
    case 'hourly':
      return '0 * * * *';
    case 'nightly': {
      const [h, m] = timeParts(spec.time);
      return `${m} ${h} * * *`;
    }
    case 'weekly': {
      const [h, m] = timeParts(spec.time);
      return `${m} ${h} * * ${spec.day}`;
    }
    case 'cron':
      return spec.expression.trim().replace(/\s+/g, ' ');
  }
}

/** Whether the runtime knows this IANA zone (Intl throws a RangeError for unknown ones). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const systemTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * A paused croner job for the expression in the zone: only used to compute run times, never to
 * fire (the scheduler owns timing, so sleep, overlap and locks stay under its control).
 */
export function compileCron(expression: string, timeZone: string): Cron {
  if (!isKnownTimeZone(timeZone)) throw new InvalidScheduleError(`Unknown time zone "${timeZone}". Use a name such as Europe/Berlin or America/New_York.`);
  const fields = expression.trim().split(/\s+/);
  if (!expression.trim().startsWith('@') && fields.length !== 5) {
    throw new InvalidScheduleError(
      `A cron expression has five fields (minute hour day-of-month month day-of-week), e.g. "30 2 * * *"; "${expression}" has ${fields.length}.`,
    );
  }
  try {
    return new Cron(expression, { timezone: timeZone, paused: true, mode: '5-part' });
  } catch (err) {
    throw new InvalidScheduleError(`"${expression}" is not a valid cron expression: ${err instanceof Error ? err.message : String(err)}.`);
  }
}

/** The next `count` run instants strictly after `from`. */
export function nextRunTimes(expression: string, timeZone: string, from: Date, count: number): Date[] {
  return compileCron(expression, timeZone).nextRuns(count, from);
}

/** The first run strictly after `from`, or null when the expression never matches again. */
export function nextRunAfter(expression: string, timeZone: string, from: Date): Date | null {
  return compileCron(expression, timeZone).nextRun(from);
}
