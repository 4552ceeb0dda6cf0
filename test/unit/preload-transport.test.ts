import { describe, it, expect, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import type { IpcRenderer } from 'electron';
import { electronTransport } from '../../preload/ipc-transport';
import { buildApi, eventChannel } from '../../shared/ipc/build-api';

/** Enough of ipcRenderer to observe listeners: a real EventEmitter plus an invoke spy. */
function fakeIpcRenderer() {
  const emitter = new EventEmitter();
  const invoke = vi.fn(async (channel: string, payload: unknown) => ({ ok: true, data: { channel, payload } }));
  const ipc = {
    invoke,
    on: (name: string, l: (...a: unknown[]) => void) => emitter.on(name, l),
    removeListener: (name: string, l: (...a: unknown[]) => void) => emitter.removeListener(name, l),
  } as unknown as Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;
  return { ipc, emitter, invoke };
}

describe('preload transport', () => {
  it('invokes the contract channel with the request', async () => {
    const { ipc, invoke } = fakeIpcRenderer();
    const t = electronTransport(ipc);
    const api = buildApi(t.invoke, t.subscribe);
    await expect(api.people.orders({ personId: 3 })).resolves.toEqual({ channel: 'people:orders', payload: { personId: 3 } });
    expect(invoke).toHaveBeenCalledWith('people:orders', { personId: 3 });
  });

  it('passes only the payload to listeners, and unsubscribe removes exactly that listener', () => {
    const { ipc, emitter } = fakeIpcRenderer();
    const t = electronTransport(ipc);
    const api = buildApi(t.invoke, t.subscribe);
    const a: unknown[][] = [];
    const b: unknown[][] = [];
    const offA = api.on.logLine((...args) => a.push(args));
    api.on.logLine((...args) => b.push(args));
    const channel = eventChannel('logLine');
    expect(emitter.listenerCount(channel)).toBe(2);
    const line = { at: 't', level: 'info', message: 'm' };
    emitter.emit(channel, { sender: 'secret' }, line);
    expect(a).toEqual([[line]]);
    offA();
    expect(emitter.listenerCount(channel)).toBe(1);
    emitter.emit(channel, {}, line);
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(2);
  });
});
