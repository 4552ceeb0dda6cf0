import { describe, it, expect, vi } from 'vitest';
import { buildApi, IpcCallError, type Invoke, type Subscribe } from '../../shared/ipc/build-api';
import { channelNames, eventNames } from '../../shared/ipc/contract';
import { splitChannel } from '../../shared/ipc/api';

/** A subscribe that keeps real listener sets, so unsubscribe can be observed. */
function fakeEvents() {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const subscribe: Subscribe = (event, listener) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    const wrapped = (p: unknown) => listener(p);
    set.add(wrapped);
    return () => set.delete(wrapped);
  };
  const emit = (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload));
  return { subscribe, emit, count: (event: string) => listeners.get(event)?.size ?? 0 };
}

describe('buildApi', () => {
  it('exposes api.domain.method for every channel and api.on.<event> for every event', () => {
    const api = buildApi(vi.fn(), fakeEvents().subscribe) as unknown as Record<string, Record<string, unknown>>;
    for (const name of channelNames) {
      const [d, m] = splitChannel(name);
      expect(typeof api[d][m]).toBe('function');
    }
    for (const e of eventNames) expect(typeof api.on[e]).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends the channel and request, and resolves to the unwrapped data', async () => {
    const invoke = vi.fn<Invoke>(async () => ({ ok: true, data: { answer: 42 } }));
    const api = buildApi(invoke, fakeEvents().subscribe);
    await expect(api.settings.set({ key: 'log.debug', value: true })).resolves.toEqual({ answer: 42 });
    expect(invoke).toHaveBeenCalledWith('settings:set', { key: 'log.debug', value: true });
  });

  it('sends {} when a request is omitted', async () => {
    const invoke = vi.fn<Invoke>(async () => ({ ok: true, data: null }));
    const api = buildApi(invoke, fakeEvents().subscribe) as unknown as { app: { info: () => Promise<unknown> } };
    await api.app.info();
    expect(invoke).toHaveBeenCalledWith('app:info', {});
  });

  it('rejects with an Error carrying the message and code when main answers ok:false', async () => {
    const api = buildApi(async () => ({ ok: false, error: { code: 'INVALID_REQUEST', message: 'Invalid request for app:info: bad' } }), fakeEvents().subscribe);
    const err = await api.app.info({}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).toBeInstanceOf(IpcCallError);
    expect((err as IpcCallError).message).toBe('Invalid request for app:info: bad');
    expect((err as IpcCallError).code).toBe('INVALID_REQUEST');
  });

  it('delivers events and the returned unsubscribe really removes the listener', () => {
    const ev = fakeEvents();
    const api = buildApi(vi.fn(), ev.subscribe);
    const seen: unknown[] = [];
    const off = api.on.logLine((line) => seen.push(line.message));
    expect(ev.count('logLine')).toBe(1);
    ev.emit('logLine', { at: 'now', level: 'info', message: 'one' });
    off();
    expect(ev.count('logLine')).toBe(0);
    ev.emit('logLine', { at: 'now', level: 'info', message: 'two' });
    expect(seen).toEqual(['one']);
  });

  it('refuses a listener that is not a function', () => {
    const api = buildApi(vi.fn(), fakeEvents().subscribe) as unknown as { on: { logLine: (x: unknown) => void } };
    expect(() => api.on.logLine('nope')).toThrow(TypeError);
  });
});
