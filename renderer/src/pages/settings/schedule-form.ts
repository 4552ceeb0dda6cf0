import type { ScheduleSpec, ScheduleView, SyncDirection } from '../../../../shared/ipc/channels/schedule';

/** The schedule editor's fields; every kind keeps its own values while the person switches. */
export interface ScheduleForm {
  connectionId: string;
  direction: SyncDirection;
  kind: ScheduleSpec['kind'];
  time: string;
  day: string;
  expression: string;
  timeZone: string;
}

export const KIND_OPTIONS: Array<{ value: ScheduleSpec['kind']; label: string }> = [
  { value: 'every15min', label: 'Every 15 minutes' },
  { value: 'hourly', label: 'Every hour' },
  { value: 'nightly', label: 'Every night at…' },
  { value: 'weekly', label: 'Every week on…' },
  { value: 'cron', label: 'Custom (cron expression)' },
];

export const DAY_OPTIONS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'].map((label, i) => ({ value: String(i), label }));

export const DIRECTION_OPTIONS: Array<{ value: SyncDirection; label: string }> = [
  { value: 'push', label: 'Push to the CRM' },
  { value: 'pull', label: 'Pull from the CRM' },
];

export function emptyForm(connectionId: string, timeZone: string): ScheduleForm {
  return { connectionId, direction: 'push', kind: 'nightly', time: '02:00', day: '1', expression: '0 2 * * *', timeZone };
}

export function formOf(view: ScheduleView): ScheduleForm {
  const base = emptyForm(view.connectionId, view.timeZone);
  const s = view.spec;
  return {
    ...base,
    direction: view.direction,
    kind: s.kind,
    time: s.kind === 'nightly' || s.kind === 'weekly' ? s.time : base.time,
    day: s.kind === 'weekly' ? String(s.day) : base.day,
    expression: s.kind === 'cron' ? s.expression : view.cron,
  };
}

/** The spec the form stands for; main validates it (and explains what is wrong). */
export function specOf(f: ScheduleForm): ScheduleSpec {
  switch (f.kind) {
    case 'every15min':
      return { kind: 'every15min' };
    case 'hourly':
      return { kind: 'hourly' };
    case 'nightly':
      return { kind: 'nightly', time: f.time };
    case 'weekly':
      return { kind: 'weekly', day: Number(f.day), time: f.time };
    case 'cron':
      return { kind: 'cron', expression: f.expression.trim() || '*' };
  }
}

export const isTime = (text: string): boolean => /^([01]\d|2[0-3]):[0-5]\d$/.test(text);
