import type { Command } from 'commander';
import type { RegisterCommand } from './index';
import { CliUsageError, type CliContext } from '../context';
import { SyncDirection, type ScheduleSpec, type ScheduleView } from '../../../shared/ipc/channels/schedule';
import { InvalidScheduleError } from '../../schedule/cron';
import { ScheduleNotFoundError } from '../../schedule/service';

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const PRESETS = ['every-15-minutes', 'hourly', 'nightly', 'weekly'] as const;

interface SetFlags {
  at?: string;
  day?: string;
  cron?: string;
  tz?: string;
  paused?: boolean;
}

function parseDirection(text: string): SyncDirection {
  const d = SyncDirection.safeParse(text);
  if (!d.success) throw new CliUsageError(`Direction must be push or pull, not "${text}".`);
  return d.data;
}

function parseDay(text: string | undefined): number {
  if (text === undefined) throw new CliUsageError('weekly needs --day (monday … sunday).');
  const i = DAYS.findIndex((d) => d.startsWith(text.toLowerCase()) && text.length >= 2);
  if (i < 0) throw new CliUsageError(`--day must be a weekday such as monday, not "${text}".`);
  return i;
}

function parseTime(text: string | undefined, preset: string): string {
  if (text === undefined) throw new CliUsageError(`${preset} needs --at HH:MM (24-hour clock).`);
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new CliUsageError(`--at must be a time such as 02:30, not "${text}".`);
  return `${m[1].padStart(2, '0')}:${m[2]}`;
}

export function specFromArgs(preset: string | undefined, o: SetFlags): ScheduleSpec {
  if (o.cron !== undefined) {
    if (preset !== undefined) throw new CliUsageError('Give either a preset or --cron, not both.');
    return { kind: 'cron', expression: o.cron };
  }
  switch (preset) {
    case 'every-15-minutes':
      return { kind: 'every15min' };
    case 'hourly':
      return { kind: 'hourly' };
    case 'nightly':
      return { kind: 'nightly', time: parseTime(o.at, preset) };
    case 'weekly':
      return { kind: 'weekly', day: parseDay(o.day), time: parseTime(o.at, preset) };
    default:
      throw new CliUsageError(`Pick a schedule: ${PRESETS.join(', ')}, or --cron "<expression>".`);
  }
}

export function describeSchedule(v: ScheduleView): string {
  const lines = [`${v.connectionId} ${v.direction}: ${v.description} (${v.timeZone})${v.enabled ? '' : ' — paused'}`];
  lines.push(`  cron:      ${v.cron}`);
  if (v.nextRuns.length) lines.push(`  next runs: ${v.nextRuns.slice(0, 3).map((t) => new Date(t).toLocaleString()).join(' · ')}`);
  if (v.running) lines.push('  running now');
  if (v.lastRun) lines.push(`  last run:  ${v.lastRun.outcome} at ${new Date(v.lastRun.startedAt).toLocaleString()}: ${v.lastRun.message}`);
  if (v.heldElsewhere) lines.push(`  note:      ${v.heldElsewhere}`);
  return lines.join('\n');
}

/** Schedule errors are the person's to fix: exit 2 with the reason. */
function asUsage<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof InvalidScheduleError || err instanceof ScheduleNotFoundError) throw new CliUsageError(err.message);
    throw err;
  }
}

function addList(schedule: Command, ctx: () => CliContext): void {
  schedule
    .command('list')
    .description('every schedule with its next runs and last outcome')
    .action(() => {
      const c = ctx();
      const { schedules } = c.open().schedules.list();
      c.out(schedules, () => (schedules.length ? schedules.map(describeSchedule).join('\n\n') : 'No schedules. Add one: ticket-crm-sync schedule set <connection> <push|pull> nightly --at 02:30'));
    });
}

function addSet(schedule: Command, ctx: () => CliContext): void {
  schedule
    .command('set')
    .description('push or pull a connection on a schedule')
    .argument('<connection>', 'connection id or provider')
    .argument('<direction>', 'push or pull')
    .argument('[preset]', PRESETS.join(' | '))
    .option('--at <HH:MM>', 'time of day for nightly and weekly (24-hour clock)')
    .option('--day <weekday>', 'day for weekly (monday … sunday)')
    .option('--cron <expression>', 'a five-field cron expression instead of a preset, e.g. "*/30 8-18 * * 1-5"')
    .option('--tz <zone>', 'time zone, e.g. Europe/Berlin (default: this computer\'s)')
    .option('--paused', 'save it without running it')
    .action((target: string, direction: string, preset: string | undefined, o: SetFlags) => {
      const c = ctx();
      const spec = specFromArgs(preset, o);
      const s = c.open();
      const view = asUsage(() =>
        s.schedules.set({ connectionId: s.connections.resolveId(target), direction: parseDirection(direction), spec, timeZone: o.tz, enabled: !o.paused }),
      );
      c.out(view, () => describeSchedule(view));
    });
}

function addClear(schedule: Command, ctx: () => CliContext): void {
  schedule
    .command('clear')
    .description('remove the push or pull schedule of a connection')
    .argument('<connection>', 'connection id or provider')
    .argument('<direction>', 'push or pull')
    .action((target: string, direction: string) => {
      const c = ctx();
      const s = c.open();
      const id = s.connections.resolveId(target);
      const cleared = s.schedules.clear(id, parseDirection(direction));
      c.out({ cleared }, () => (cleared ? `Removed the ${direction} schedule of ${id}.` : `${id} had no ${direction} schedule.`));
    });
}

/** `schedule list | set | clear`. */
export const registerSchedule: RegisterCommand = (program, ctx) => {
  const schedule = program.command('schedule').description('list, set or clear push and pull schedules');
  addList(schedule, ctx);
  addSet(schedule, ctx);
  addClear(schedule, ctx);
};
