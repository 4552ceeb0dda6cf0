import type { ScheduleView } from '../../shared/ipc/channels/schedule';

/**
 * What the tray shows and offers, as plain data: main/electron/tray.ts only turns it into an
 * Electron Menu. Kept free of electron so it is tested directly.
 */

export type TrayItem =
  | { kind: 'status'; label: string }
  | { kind: 'separator' }
  | { kind: 'action'; id: 'sync-now' | 'open' | 'quit'; label: string; enabled: boolean }
  | { kind: 'toggle'; id: 'start-at-login'; label: string; checked: boolean };

export interface TrayInput {
  schedules: ScheduleView[];
  now: number;
  /** Null where start at login is not available. */
  startAtLogin: boolean | null;
}

/** A 16×16 PNG (blue disc, white bar): small enough to inline, so packaging needs no tray asset. */
export const TRAY_ICON_DATA_URL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAQElEQVR4nGNgoAVQTX79HxumSDNRhhDSjNcQYjVjNYRUzRiGUNUAQoD2BgxMGFAcjVRJSMQaglczIUOI0kwqAAA9FJYompyyPQAAAABJRU5ErkJggg==';

const verb = (s: Pick<ScheduleView, 'direction'>): string => (s.direction === 'push' ? 'Push to' : 'Pull from');

function clock(iso: string, now: number): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const sameDay = new Date(now).toDateString() === d.toDateString();
  return sameDay ? time : `${d.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' })} ${time}`;
}

/** One line: what is happening now, what went wrong last, or what comes next. */
export function trayStatus(input: Pick<TrayInput, 'schedules' | 'now'>): string {
  const { schedules, now } = input;
  const running = schedules.find((s) => s.running);
  if (running) return `Syncing: ${verb(running)} ${running.connectionLabel}…`;
  const enabled = schedules.filter((s) => s.enabled);
  if (enabled.length === 0) return schedules.length ? 'All schedules are paused' : 'No schedules';
  if (enabled.every((s) => s.heldElsewhere)) return 'Schedules run in another process';
  const latest = [...schedules].filter((s) => s.lastRun?.finishedAt).sort((a, b) => b.lastRun!.finishedAt!.localeCompare(a.lastRun!.finishedAt!))[0];
  if (latest && (latest.lastRun!.outcome === 'failed' || latest.lastRun!.outcome === 'partial')) {
    return `Last run ${latest.lastRun!.outcome === 'failed' ? 'failed' : 'had failures'}: ${verb(latest)} ${latest.connectionLabel}`;
  }
  const next = enabled
    .filter((s) => s.nextRuns.length > 0)
    .sort((a, b) => a.nextRuns[0].localeCompare(b.nextRuns[0]))[0];
  return next ? `Next: ${verb(next)} ${next.connectionLabel} at ${clock(next.nextRuns[0], now)}` : 'No run planned';
}

export function trayMenu(input: TrayInput): TrayItem[] {
  const canSync = input.schedules.some((s) => s.enabled && !s.running && !s.heldElsewhere);
  const items: TrayItem[] = [
    { kind: 'status', label: trayStatus(input) },
    { kind: 'separator' },
    { kind: 'action', id: 'sync-now', label: 'Sync now', enabled: canSync },
    { kind: 'action', id: 'open', label: 'Open Ticket CRM Sync', enabled: true },
  ];
  if (input.startAtLogin !== null) items.push({ kind: 'separator' }, { kind: 'toggle', id: 'start-at-login', label: 'Start at login', checked: input.startAtLogin });
  items.push({ kind: 'separator' }, { kind: 'action', id: 'quit', label: 'Quit', enabled: true });
  return items;
}

export const trayTooltip = (input: Pick<TrayInput, 'schedules' | 'now'>): string => `Ticket CRM Sync — ${trayStatus(input)}`;

/** With a tray the app lives on when its last window closes (schedules keep running); without, only macOS does. */
export const keepRunningWhenWindowsClosed = (hasTray: boolean, platform: NodeJS.Platform): boolean => hasTray || platform === 'darwin';

/** Started at login: open in the tray only, no window. */
export const HIDDEN_FLAG = '--hidden';
export const startsHidden = (argv: readonly string[], hasTray: boolean): boolean => hasTray && argv.includes(HIDDEN_FLAG);
