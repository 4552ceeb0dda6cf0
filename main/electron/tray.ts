import { app, Menu, nativeImage, Notification, powerMonitor, Tray, type MenuItemConstructorOptions } from 'electron';
import type { AppServices } from '../services/app-services';
import { HIDDEN_FLAG, TRAY_ICON_DATA_URL, trayMenu, trayTooltip, type TrayItem } from './tray-model';

export interface DesktopTray {
  refresh(): void;
  destroy(): void;
}

interface TrayOptions {
  services: AppServices;
  openWindow: () => void;
  quit: () => void;
}

function toMenuItem(item: TrayItem, act: (id: string, checked?: boolean) => void): MenuItemConstructorOptions {
  switch (item.kind) {
    case 'status':
      return { label: item.label, enabled: false };
    case 'separator':
      return { type: 'separator' };
    case 'action':
      return { label: item.label, enabled: item.enabled, click: () => act(item.id) };
    case 'toggle':
      return { label: item.label, type: 'checkbox', checked: item.checked, click: (mi) => act(item.id, mi.checked) };
  }
}

/**
 * The tray (menu bar on macOS): status, Sync now, Open, start at login, Quit. Attaches the
 * desktop hooks (notifications, login item) to the schedules, wakes them after sleep and starts
 * them. All decisions live in tray-model.ts; this only talks to Electron.
 */
export function createDesktopTray(opts: TrayOptions): DesktopTray {
  const { services } = opts;
  const tray = new Tray(nativeImage.createFromDataURL(TRAY_ICON_DATA_URL));
  services.schedules.attachDesktop(
    {
      tray: true,
      getStartAtLogin: () => app.getLoginItemSettings().openAtLogin,
      setStartAtLogin: (enabled) => app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_FLAG] }),
    },
    { notify: (n) => Notification.isSupported() && new Notification({ title: n.title, body: n.body }).show() },
  );
  const act = (id: string, checked?: boolean) => {
    if (id === 'sync-now') services.schedules.runNow({});
    else if (id === 'open') opts.openWindow();
    else if (id === 'quit') opts.quit();
    else if (id === 'start-at-login') services.schedules.setStartAtLogin(checked === true);
    refresh();
  };
  const refresh = () => {
    const input = { schedules: services.schedules.list().schedules, now: Date.now(), startAtLogin: services.schedules.desktopState().startAtLogin };
    tray.setToolTip(trayTooltip(input));
    tray.setContextMenu(Menu.buildFromTemplate(trayMenu(input).map((i) => toMenuItem(i, act))));
  };
  const unsubscribe = services.events.subscribe((name) => {
    if (name === 'scheduleRun') refresh();
  });
  const minute = setInterval(refresh, 60_000);
  const onResume = () => services.schedules.scheduler.wake();
  powerMonitor.on('resume', onResume);
  tray.on('click', () => opts.openWindow());
  refresh();
  services.schedules.start();
  return {
    refresh,
    destroy() {
      clearInterval(minute);
      unsubscribe();
      powerMonitor.off('resume', onResume);
      tray.destroy();
    },
  };
}
