import { describe, it, expect, vi } from 'vitest';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { isSafeExternalUrl } from '../../main/electron/safe-url';
import { isTrustedSender } from '../../main/electron/trusted-sender';
import { readLaunchOptions } from '../../main/electron/launch-options';
import { mainWindowOptions, secureWebPreferences } from '../../main/electron/window-options';
import { forwardEvents, registerIpcHandlers } from '../../main/electron/ipc-register';
import { APP_START_URL } from '../../main/electron/app-origin';
import { EventBus } from '../../main/services/event-bus';
import { channelNames } from '../../shared/ipc/contract';
import { eventChannel } from '../../shared/ipc/build-api';
import { createLogger } from '../../main/log/logger';

const logger = createLogger({ console: false });

describe('isSafeExternalUrl', () => {
  it('allows https links with a host', () => {
    expect(isSafeExternalUrl('https://developer.salesforce.com/docs')).toBe(true);
    expect(isSafeExternalUrl('https://app.hubspot.com/x?y=1#z')).toBe(true);
  });
  it('refuses every other scheme, credentials and garbage', () => {
    for (const u of ['http://example.com', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'app://renderer/index.html',
      'https://user:pw@example.com', 'https://', 'not a url', '', 'https://' + 'a'.repeat(3000) + '.com', 42, null]) {
      expect(isSafeExternalUrl(u), String(u).slice(0, 40)).toBe(false);
    }
  });
});

describe('isTrustedSender', () => {
  it('trusts only the main frame showing our renderer', () => {
    expect(isTrustedSender(APP_START_URL, true)).toBe(true);
    expect(isTrustedSender('app://renderer/index.html#/people', true)).toBe(true);
  });
  it('refuses sub-frames, other origins, a missing frame and junk', () => {
    expect(isTrustedSender(APP_START_URL, false)).toBe(false);
    for (const u of ['https://evil.example/', 'app://other/index.html', 'app://renderer.evil/', 'app://x@renderer/', 'file:///index.html', 'http://127.0.0.1:5173/', 'about:blank', '', null, undefined]) {
      expect(isTrustedSender(u, true), String(u)).toBe(false);
    }
  });
});

describe('readLaunchOptions', () => {
  it('prefers --data-dir over the environment, and ignores Chromium switches', () => {
    expect(readLaunchOptions(['electron', '.', '--no-sandbox', '--data-dir', '/d'], { TICKET_CRM_SYNC_DATA_DIR: '/e' })).toEqual({ dataDir: '/d', debug: false });
    expect(readLaunchOptions(['app', '--data-dir=/x', '--debug'], {})).toEqual({ dataDir: '/x', debug: true });
    expect(readLaunchOptions(['app'], { TICKET_CRM_SYNC_DATA_DIR: '/e' })).toEqual({ dataDir: '/e', debug: false });
    expect(readLaunchOptions(['app'], {})).toEqual({ dataDir: undefined, debug: false });
  });
});

describe('window options', () => {
  it('isolates the renderer: context isolation, sandbox, no Node, web security', () => {
    const prefs = secureWebPreferences('/p/index.cjs');
    expect(prefs).toMatchObject({ preload: '/p/index.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(mainWindowOptions('/p/index.cjs').webPreferences).toEqual(prefs);
    expect(mainWindowOptions('/p/index.cjs').show).toBe(false);
  });
});

type Listener = (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipc = {
    handle: (name: string, l: Listener) => handlers.set(name, l),
    removeHandler: (name: string) => handlers.delete(name),
  } as unknown as Pick<IpcMain, 'handle' | 'removeHandler'>;
  return { ipc, handlers };
}

function fakeEvent(url: string, main = true): IpcMainInvokeEvent {
  const mainFrame = { url };
  const senderFrame = main ? mainFrame : { url };
  return { senderFrame, sender: { mainFrame } } as unknown as IpcMainInvokeEvent;
}

describe('registerIpcHandlers', () => {
  it('registers every contract channel and removes them again', () => {
    const { ipc, handlers } = fakeIpcMain();
    const off = registerIpcHandlers(ipc, vi.fn(), logger);
    expect([...handlers.keys()].sort()).toEqual([...channelNames].sort());
    off();
    expect(handlers.size).toBe(0);
  });

  it('dispatches calls from our main frame, and refuses sub-frames and foreign pages before dispatching', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const dispatch = vi.fn(async () => ({ ok: true as const, data: 'x' }));
    registerIpcHandlers(ipc, dispatch, logger);
    const info = handlers.get('app:info')!;
    await expect(info(fakeEvent(APP_START_URL), {})).resolves.toEqual({ ok: true, data: 'x' });
    expect(dispatch).toHaveBeenCalledWith('app:info', {});
    const sub = await info(fakeEvent(APP_START_URL, false), {});
    const foreign = await info(fakeEvent('https://evil.example/'), {});
    const gone = await info({ senderFrame: null, sender: { mainFrame: null } } as unknown as IpcMainInvokeEvent, {});
    for (const r of [sub, foreign, gone]) expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch).toHaveBeenCalledTimes(1);
  });
});

describe('forwardEvents', () => {
  it('sends bus events to live windows on the event channel until unsubscribed', () => {
    const bus = new EventBus();
    const live = { send: vi.fn(), isDestroyed: () => false };
    const dead = { send: vi.fn(), isDestroyed: () => true };
    const off = forwardEvents(bus, () => [live, dead] as unknown as WebContents[]);
    const line = { at: 't', level: 'info' as const, message: 'm' };
    bus.emit('logLine', line);
    expect(live.send).toHaveBeenCalledWith(eventChannel('logLine'), line);
    expect(dead.send).not.toHaveBeenCalled();
    off();
    bus.emit('logLine', line);
    expect(live.send).toHaveBeenCalledTimes(1);
  });
});

describe('isSafeAuthorizeUrl', () => {
  it('allows https sign-in pages and http only on loopback', async () => {
    const { isSafeAuthorizeUrl } = await import('../../main/electron/safe-url');
    expect(isSafeAuthorizeUrl('https://login.salesforce.com/services/oauth2/authorize?x=1')).toBe(true);
    expect(isSafeAuthorizeUrl('http://127.0.0.1:4567/services/oauth2/authorize')).toBe(true);
    expect(isSafeAuthorizeUrl('http://localhost:4567/oauth/authorize')).toBe(true);
    expect(isSafeAuthorizeUrl('http://evil.example.com/oauth/authorize')).toBe(false);
    expect(isSafeAuthorizeUrl('http://127.0.0.1.evil.example.com/')).toBe(false);
    expect(isSafeAuthorizeUrl('file:///etc/passwd')).toBe(false);
    expect(isSafeAuthorizeUrl('javascript:alert(1)')).toBe(false);
  });
});
