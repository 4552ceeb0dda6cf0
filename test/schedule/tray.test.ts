import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScheduleView } from '../../shared/ipc/channels/schedule';
import { keepRunningWhenWindowsClosed, startsHidden, trayMenu, trayStatus, trayTooltip, TRAY_ICON_DATA_URL } from '../../main/electron/tray-model';

const fake = vi.hoisted(() => {
  type Item = { label?: string; type?: string; enabled?: boolean; checked?: boolean; click?: (mi: { checked: boolean }) => void };
  const state = {
    menus: [] as Item[][],
    tooltip: '',
    trayEvents: new Map<string, () => void>(),
    destroyed: false,
    icon: '',
    notifications: [] as Array<{ title: string; body: string }>,
    login: { openAtLogin: false, args: [] as string[] },
    power: new Map<string, () => void>(),
  };
  class Tray {
    constructor(icon: { url: string }) {
      state.icon = icon.url;
    }
    setToolTip(t: string) {
      state.tooltip = t;
    }
    setContextMenu(m: Item[]) {
      state.menus.push(m);
    }
    on(name: string, fn: () => void) {
      state.trayEvents.set(name, fn);
    }
    destroy() {
      state.destroyed = true;
    }
  }
  class Notification {
    static isSupported = () => true;
    constructor(private readonly n: { title: string; body: string }) {}
    show() {
      state.notifications.push(this.n);
    }
  }
  const electron = {
    app: {
      getLoginItemSettings: () => ({ openAtLogin: state.login.openAtLogin }),
      setLoginItemSettings: (s: { openAtLogin: boolean; args: string[] }) => (state.login = s),
    },
    Menu: { buildFromTemplate: (items: Item[]) => items },
    nativeImage: { createFromDataURL: (url: string) => ({ url }) },
    Notification,
    Tray,
    powerMonitor: { on: (n: string, f: () => void) => state.power.set(n, f), off: (n: string) => state.power.delete(n) },
  };
  return { state, electron };
});
vi.mock('electron', () => fake.electron);

const view = (over: Partial<ScheduleView>): ScheduleView => ({
  connectionId: 'hubspot',
  connectionLabel: 'HubSpot',
  direction: 'push',
  spec: { kind: 'hourly' },
  timeZone: 'UTC',
  enabled: true,
  cron: '0 * * * *',
  description: 'Every hour, on the hour',
  nextRuns: ['2026-06-01T11:00:00.000Z'],
  running: false,
  lastRun: null,
  heldElsewhere: null,
  ...over,
});
const NOW = Date.parse('2026-06-01T10:30:00Z');
const at = (iso: string) => {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

describe('tray model', () => {
  it('says what runs now, what failed last, or what comes next', () => {
    expect(trayStatus({ schedules: [], now: NOW })).toBe('No schedules');
    expect(trayStatus({ schedules: [view({ enabled: false })], now: NOW })).toBe('All schedules are paused');
    expect(trayStatus({ schedules: [view({ running: true, direction: 'pull' })], now: NOW })).toBe('Syncing: Pull from HubSpot…');
    expect(trayStatus({ schedules: [view({})], now: NOW })).toBe(`Next: Push to HubSpot at ${at('2026-06-01T11:00:00.000Z')}`);
    const failed = view({ lastRun: { startedAt: '2026-06-01T10:00:00Z', finishedAt: '2026-06-01T10:01:00Z', outcome: 'failed', message: 'x' } });
    expect(trayStatus({ schedules: [failed], now: NOW })).toBe('Last run failed: Push to HubSpot');
    expect(trayStatus({ schedules: [view({ heldElsewhere: 'another runner …' })], now: NOW })).toBe('Schedules run in another process');
    expect(trayTooltip({ schedules: [], now: NOW })).toBe('Ticket CRM Sync — No schedules');
  });

  it('offers Sync now only when something can run, Open, start at login where supported, and Quit', () => {
    const menu = trayMenu({ schedules: [view({})], now: NOW, startAtLogin: false });
    expect(menu.map((i) => (i.kind === 'separator' ? '-' : i.kind === 'status' ? 'status' : i.label))).toEqual(['status', '-', 'Sync now', 'Open Ticket CRM Sync', '-', 'Start at login', '-', 'Quit']);
    expect(trayMenu({ schedules: [view({ running: true })], now: NOW, startAtLogin: null }).find((i) => i.kind === 'action' && i.id === 'sync-now')).toMatchObject({ enabled: false });
    expect(trayMenu({ schedules: [], now: NOW, startAtLogin: null }).some((i) => i.kind === 'toggle')).toBe(false);
  });

  it('keeps the app alive in the tray when its window closes, and starts hidden from login', () => {
    expect(keepRunningWhenWindowsClosed(true, 'linux')).toBe(true);
    expect(keepRunningWhenWindowsClosed(false, 'win32')).toBe(false);
    expect(keepRunningWhenWindowsClosed(false, 'darwin')).toBe(true);
    expect(startsHidden(['electron', '.', '--hidden'], true)).toBe(true);
    expect(startsHidden(['electron', '.', '--hidden'], false)).toBe(false);
    expect(TRAY_ICON_DATA_URL.startsWith('data:image/png;base64,iVBORw0KGgo')).toBe(true);
  });
});

describe('desktop tray (Electron part, against a fake electron)', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tcs-tray-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('wires status, Sync now, Open, Quit, start at login, notifications and wake-up to the services', async () => {
    const { createDesktopTray } = await import('../../main/electron/tray');
    const { createAppServices } = await import('../../main/services/app-services');
    const { MemorySecretStore } = await import('../../main/auth/secret-store');
    const { addConnection, FakeRunner } = await import('./helpers');
    const runner = new FakeRunner({ now: Date.now }, { succeeded: 0, failed: 4 });
    const services = createAppServices({ dataDir: dir, shell: 'electron', logToConsole: false, secretStore: new MemorySecretStore(), syncRunner: runner });
    addConnection(services.db);
    services.schedules.set({ connectionId: 'hubspot', direction: 'push', spec: { kind: 'hourly' }, timeZone: 'UTC' });
    const openWindow = vi.fn();
    const quit = vi.fn();
    const tray = createDesktopTray({ services, openWindow, quit });
    try {
      const { state } = fake;
      expect(state.icon).toBe(TRAY_ICON_DATA_URL);
      expect(state.tooltip).toMatch(/^Ticket CRM Sync — Next: Push to HubSpot \(Acme\) at/);
      expect(services.schedules.scheduler.running).toBe(true);
      const menu = () => state.menus[state.menus.length - 1];
      const click = (label: string, checked = false) => menu().find((i) => i.label === label)!.click!({ checked });

      click('Sync now');
      await services.schedules.scheduler.whenIdle();
      expect(runner.calls.map((c) => c.trigger)).toEqual(['manual']);
      expect(state.notifications).toEqual([{ title: 'Push to HubSpot (Acme) failed', body: 'Pushed 0 records, 4 failed.' }]);
      expect(menu()[0].label).toBe('Last run failed: Push to HubSpot (Acme)');

      click('Start at login', true);
      expect(state.login).toEqual({ openAtLogin: true, args: ['--hidden'] });
      expect(menu().find((i) => i.label === 'Start at login')!.checked).toBe(true);

      click('Open Ticket CRM Sync');
      state.trayEvents.get('click')!();
      expect(openWindow).toHaveBeenCalledTimes(2);
      const wake = vi.spyOn(services.schedules.scheduler, 'wake');
      state.power.get('resume')!();
      expect(wake).toHaveBeenCalled();
      click('Quit');
      expect(quit).toHaveBeenCalled();
    } finally {
      tray.destroy();
      await services.close();
    }
    expect(fake.state.destroyed).toBe(true);
    expect(fake.state.power.size).toBe(0);
  });
});
