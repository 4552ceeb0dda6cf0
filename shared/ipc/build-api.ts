import { channelNames, eventNames, type ChannelName, type EventName } from './contract';
import { splitChannel, type Api, type Envelope } from './api';

/** Sends one call over whatever transport the shell has (Electron IPC, the host's WebSocket). */
export type Invoke = (channel: ChannelName, payload: unknown) => Promise<Envelope>;
/** Attaches one listener for a contract event; the returned function must really detach it. */
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

/** The error a call rejects with when main answers `ok: false`; `code` is an IpcErrorCode. */
export class IpcCallError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly channel: string,
  ) {
    super(message);
    this.name = 'IpcCallError';
  }
}

function unwrap<T>(channel: ChannelName, envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.data;
  throw new IpcCallError(envelope.error.message, envelope.error.code, channel);
}

/**
 * Builds `window.api` from the contract: `api.domain.method(request)` for every channel and
 * `api.on.eventName(listener)` for every event. The preload and the browser client both use it,
 * so the renderer sees the same object whichever shell hosts it.
 */
export function buildApi(invoke: Invoke, subscribe: Subscribe): Api {
  const domains: Record<string, Record<string, (request?: unknown) => Promise<unknown>>> = {};
  for (const name of channelNames) {
    const [domain, method] = splitChannel(name);
    domains[domain] ??= {};
    domains[domain][method] = async (request?: unknown) => unwrap(name, await invoke(name, request ?? {}));
  }
  const on: Record<string, (listener: (payload: unknown) => void) => () => void> = {};
  for (const name of eventNames) {
    on[name] = (listener) => {
      if (typeof listener !== 'function') throw new TypeError(`api.on.${name} needs a function`);
      return subscribe(name, listener);
    };
  }
  for (const d of Object.values(domains)) Object.freeze(d);
  return Object.freeze({ ...domains, on: Object.freeze(on) }) as unknown as Api;
}

/** The Electron IPC channel an event travels on; distinct from `domain:method` call channels. */
export const eventChannel = (name: EventName): string => `event:${name}`;
