import type { ServerMessage } from '../../../shared/ipc/wire';
import { WS_PATH, TOKEN_PARAM } from '../../../shared/ipc/wire';
import type { Envelope } from '../../../shared/ipc/api';
import type { LinkStatus } from './link-status';

/** The part of the WebSocket API the transport uses (the browser's, or `ws` in tests). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (ev: { data: unknown }) => void): void;
}

export type SocketFactory = (url: string) => SocketLike;

const OPEN = 1;

export interface WsTransportOptions {
  token: string;
  /** Defaults to `ws(s)://<page host>/ipc`. */
  url?: string;
  /** Defaults to the browser's WebSocket. */
  createSocket?: SocketFactory;
  onStatus?: (status: LinkStatus) => void;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

export interface WsTransport {
  /** Resolves with main's envelope; a call lost with its socket resolves as a DISCONNECTED failure. */
  invoke(channel: string, payload: unknown): Promise<Envelope>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
  close(): void;
}

interface PendingCall {
  text: string;
  sent: boolean;
  resolve: (envelope: Envelope) => void;
}

const LOST_MESSAGE = 'The connection to the app was lost before it answered. Check that the app is still running, then try again.';

export function defaultSocketUrl(token: string): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}${WS_PATH}?${TOKEN_PARAM}=${encodeURIComponent(token)}`;
}

/**
 * The browser host's side of the contract: one WebSocket, calls queued until it is open, each
 * call carrying the session token, and reconnects with capped exponential backoff. Calls that
 * were on the wire when the socket dropped are rejected (their answer is lost); calls not yet
 * sent wait for the next connection.
 */
export function createWsTransport(opts: WsTransportOptions): WsTransport {
  const url = opts.url ?? defaultSocketUrl(opts.token);
  const initial = opts.initialBackoffMs ?? 250;
  const max = opts.maxBackoffMs ?? 8000;
  const pending = new Map<number, PendingCall>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const createSocket: SocketFactory = opts.createSocket ?? ((u) => new WebSocket(u));
  let socket: SocketLike | null = null;
  let nextId = 1;
  let attempt = 0;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = (): void => {
    if (!socket || socket.readyState !== OPEN) return;
    for (const call of pending.values()) {
      if (call.sent) continue;
      socket.send(call.text);
      call.sent = true;
    }
  };

  const settle = (msg: Extract<ServerMessage, { type: 'result' }>): void => {
    const call = pending.get(msg.id);
    if (!call) return;
    pending.delete(msg.id);
    call.resolve(msg.envelope);
  };

  const dispatchEvent = (msg: Extract<ServerMessage, { type: 'event' }>): void => {
    for (const l of listeners.get(msg.name) ?? []) l(msg.payload);
  };

  const onMessage = (ev: { data: unknown }): void => {
    if (typeof ev.data !== 'string') return;
    let msg: ServerMessage;
    try {
      msg = JSON.parse(ev.data) as ServerMessage;
    } catch {
      return;
    }
    if (msg.type === 'result') settle(msg);
    else if (msg.type === 'event') dispatchEvent(msg);
  };

  const dropInFlight = (): void => {
    for (const [id, call] of pending) {
      if (!call.sent) continue;
      pending.delete(id);
      call.resolve({ ok: false, error: { code: 'DISCONNECTED', message: LOST_MESSAGE } });
    }
  };

  const scheduleReconnect = (): void => {
    if (closed) return;
    const base = Math.min(max, initial * 2 ** attempt);
    attempt += 1;
    const delay = base * (0.8 + Math.random() * 0.4);
    opts.onStatus?.('reconnecting');
    timer = setTimeout(connect, delay);
  };

  function connect(): void {
    if (closed) return;
    const ws = createSocket(url);
    socket = ws;
    ws.addEventListener('open', () => {
      attempt = 0;
      opts.onStatus?.('open');
      flush();
    });
    ws.addEventListener('message', onMessage);
    // A failed connect is followed by 'close', which schedules the retry; the listener only
    // keeps implementations that throw on an unhandled 'error' (Node's ws) from doing so.
    ws.addEventListener('error', () => undefined);
    ws.addEventListener('close', () => {
      if (socket !== ws) return;
      socket = null;
      dropInFlight();
      scheduleReconnect();
    });
  }

  opts.onStatus?.('connecting');
  connect();

  return {
    invoke(channel, payload) {
      return new Promise((resolve) => {
        const id = nextId++;
        const text = JSON.stringify({ type: 'call', id, token: opts.token, channel, payload: payload ?? {} });
        pending.set(id, { text, sent: false, resolve });
        flush();
      });
    },
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    close() {
      closed = true;
      clearTimeout(timer);
      socket?.close();
    },
  };
}
