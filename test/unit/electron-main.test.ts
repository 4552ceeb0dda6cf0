import { describe, it, expect, vi, beforeAll, afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import { channelNames } from '../../shared/ipc/contract';

/**
 * Runs main/electron/main.ts against a fake `electron` module (the binary cannot run here) to
 * check the wiring: data dir, scheme, window options, IPC registration, protocol, link handling
 * and shutdown.
 */
const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const appEvents = new Map<string, Listener[]>();
  const windows: Array<{ options: Record<string, unknown>; url?: string; webContents: { send: ReturnType<typeof vi.fn>; isDestroyed: () => boolean } }> = [];
  const paths: Record<string, string> = {};
  const state = {
    appRoot: '',
    ipcHandlers: new Map<string, Listener>(),
    schemes: [] as unknown[],
    protocolHandler: undefined as undefined | ((req: Request) => Promise<Response>),
    openExternal: vi.fn(async () => undefined),
    quit: vi.fn(),
    windows,
    appEvents,
    paths,
  };
  class BrowserWindow {
    webContents = { send: vi.fn(), isDestroyed: () => false };
    url?: string;
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
    }
    once() {}
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    static getAllWindows() {
      return windows;
    }
  }
  const electron = {
    app: {
      setPath: (name: string, p: string) => (paths[name] = p),
      getPath: (name: string) => paths[name] ?? `/default/${name}`,
      getAppPath: () => state.appRoot,
      getLoginItemSettings: () => ({ openAtLogin: false }),
      setLoginItemSettings: vi.fn(),
      requestSingleInstanceLock: () => true,
      whenReady: () => Promise.resolve(),
      quit: state.quit,
      on: (name: string, l: Listener) => appEvents.set(name, [...(appEvents.get(name) ?? []), l]),
    },
    BrowserWindow,
    ipcMain: {
      handle: (name: string, l: Listener) => state.ipcHandlers.set(name, l),
      removeHandler: (name: string) => state.ipcHandlers.delete(name),
    },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => state.schemes.push(...s),
      handle: (_scheme: string, h: (req: Request) => Promise<Response>) => (state.protocolHandler = h),
    },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    shell: { openExternal: state.openExternal },
    // The tray (main/electron/tray.ts; its behaviour is tested in test/schedule/tray.test.ts).
    Tray: class {
      setToolTip() {}
      setContextMenu() {}
      on() {}
      destroy() {}
    },
    Menu: { buildFromTemplate: (items: unknown[]) => items },
    nativeImage: { createFromDataURL: () => ({}) },
    Notification: Object.assign(class {}, { isSupported: () => false }),
    powerMonitor: { on: vi.fn(), off: vi.fn() },
  };
  return { state, electron };
});

vi.mock('electron', () => fake.electron);

describe('Electron main process wiring', () => {
  let root: string;
  let dataDir: string;
  const argv = process.argv;
  const { state } = fake;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'tcs-electron-main-'));
    dataDir = join(root, 'data');
    state.appRoot = root;
    mkdirSync(join(root, 'dist', 'renderer'), { recursive: true });
    writeFileSync(join(root, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Ticket CRM Sync</title>');
    process.argv = ['electron', '.', `--data-dir=${dataDir}`];
    await import('../../main/electron/main');
    await vi.waitFor(() => expect(state.windows).toHaveLength(1));
  });
  afterAll(async () => {
    process.argv = argv;
    for (const l of state.appEvents.get('will-quit') ?? []) l({ preventDefault: () => undefined });
    await vi.waitFor(() => expect(state.quit).toHaveBeenCalled());
    rmSync(root, { recursive: true, force: true });
  });

  it('uses --data-dir as userData and registers the app scheme as standard and secure', () => {
    expect(state.paths.userData).toBe(dataDir);
    expect(state.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
  });

  it('opens one sandboxed, isolated window on app://renderer with the bundled preload', () => {
    const [win] = state.windows;
    expect(win.options.webPreferences).toMatchObject({
      preload: join(root, 'dist', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect((win as unknown as { url: string }).url).toBe('app://renderer/index.html');
  });

  it('serves the renderer over the app protocol with its CSP, and nothing outside it', async () => {
    const handler = state.protocolHandler!;
    const res = await handler(new Request('app://renderer/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<title>Ticket CRM Sync</title>');
    expect((await handler(new Request('app://renderer/%2e%2e/%2e%2e/data/ticket-crm-sync.sqlite'))).status).toBe(404);
    expect((await handler(new Request('app://elsewhere/index.html'))).status).toBe(404);
  });

  it('registers every contract channel, answering our main frame and refusing others', async () => {
    expect([...state.ipcHandlers.keys()].sort()).toEqual([...channelNames].sort());
    const mainFrame = { url: 'app://renderer/index.html' };
    const info = (await state.ipcHandlers.get('app:info')!({ senderFrame: mainFrame, sender: { mainFrame } }, {})) as {
      ok: boolean;
      data: { shell: string; dataDir: string };
    };
    expect(info.ok).toBe(true);
    expect(info.data).toMatchObject({ shell: 'electron', dataDir });
    const sub = { url: 'app://renderer/index.html' };
    const refused = await state.ipcHandlers.get('app:info')!({ senderFrame: sub, sender: { mainFrame } }, {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('keeps running in the tray with its schedules when the last window closes', () => {
    for (const l of state.appEvents.get('window-all-closed') ?? []) l();
    expect(state.quit).not.toHaveBeenCalled();
  });

  it('blocks navigation and new windows, sending only https links to the system browser', () => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    for (const l of state.appEvents.get('web-contents-created') ?? []) l({}, contents);
    const nav = (url: string) => {
      const event = { url, preventDefault: vi.fn() };
      contents.emit('will-navigate', event);
      return event.preventDefault;
    };
    expect(nav('https://help.example.com/')).toHaveBeenCalled();
    expect(nav('file:///etc/passwd')).toHaveBeenCalled();
    expect(state.openExternal).toHaveBeenCalledTimes(1);
    expect(state.openExternal).toHaveBeenCalledWith('https://help.example.com/');
    const openHandler = contents.setWindowOpenHandler.mock.calls[0][0] as (d: { url: string }) => { action: string };
    expect(openHandler({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'https://docs.example.com/' })).toEqual({ action: 'deny' });
    expect(state.openExternal).toHaveBeenCalledTimes(2);
  });
});
