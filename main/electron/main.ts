import { app, BrowserWindow, ipcMain, session } from 'electron';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { createAppServices, type AppServices } from '../services/app-services';
import { createDispatcher } from '../ipc/dispatcher';
import { createHandlers } from '../ipc/handlers';
import { readLaunchOptions } from './launch-options';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { forwardEvents, registerIpcHandlers } from './ipc-register';
import { createMainWindow, hardenSession, hardenWebContents } from './window';
import { saveWithDialog } from './save-dialog';
import { openAuthorizeUrl } from './open-external';
import { createDesktopTray, type DesktopTray } from './tray';
import { keepRunningWhenWindowsClosed, startsHidden } from './tray-model';
import { installCrashGuard } from '../log/crash-guard';

/**
 * The Electron shell: lifecycle, one window, IPC wiring. Everything else is the same services
 * the CLI and the browser host compose.
 */
installCrashGuard({ logger: () => services?.logger });
const launch = readLaunchOptions(process.argv, process.env);
// Before the lock: the lock is per userData, so separate data dirs can run side by side.
if (launch.dataDir) app.setPath('userData', launch.dataDir);
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => focusMainWindow());
  void app.whenReady().then(start);
}

let services: AppServices | undefined;
let desktopTray: DesktopTray | undefined;
let preloadPath = '';

function start(): void {
  const dataDir = app.getPath('userData');
  mkdirSync(dataDir, { recursive: true });
  services = createAppServices({ dataDir, shell: 'electron', debug: launch.debug, saveFile: saveWithDialog, openExternal: openAuthorizeUrl });
  const { logger } = services;
  const appRoot = app.getAppPath();

  hardenSession(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, logger));
  serveAppProtocol(join(appRoot, 'dist', 'renderer'));
  registerIpcHandlers(ipcMain, createDispatcher(createHandlers(services), logger), logger);
  forwardEvents(services.events, () => BrowserWindow.getAllWindows().map((w) => w.webContents));

  preloadPath = join(appRoot, 'dist', 'preload', 'index.cjs');
  // The tray keeps the app (and its schedules) running when the window closes.
  try {
    desktopTray = createDesktopTray({ services, openWindow: focusMainWindow, quit: () => app.quit() });
  } catch (err) {
    logger.warn('No tray on this desktop: the app quits when its window closes', err);
    services.schedules.start();
  }
  if (!startsHidden(process.argv, desktopTray !== undefined)) createMainWindow(preloadPath);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(preloadPath);
  });
  logger.info(`Ticket CRM Sync started (data dir ${dataDir})`);
}

function focusMainWindow(): void {
  const [win] = BrowserWindow.getAllWindows();
  if (!win) {
    if (services && preloadPath) createMainWindow(preloadPath);
    return;
  }
  if (win.isMinimized()) win.restore();
  win.focus();
}

app.on('window-all-closed', () => {
  if (!keepRunningWhenWindowsClosed(desktopTray !== undefined, process.platform)) app.quit();
});

let closing = false;
app.on('will-quit', (event) => {
  if (!services || closing) return;
  // Let the store close cleanly (WAL checkpoint) before the process exits.
  event.preventDefault();
  closing = true;
  desktopTray?.destroy();
  void services.close().finally(() => app.quit());
});
