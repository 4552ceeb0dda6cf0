import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import { ClientMessage, type ServerMessage } from '../../shared/ipc/wire';
import { IpcErrorCode } from '../../shared/ipc/api';
import type { Dispatch } from '../ipc/dispatcher';
import type { EventBus } from '../services/event-bus';
import type { Logger } from '../log/logger';
import { tokensMatch } from './session-token';

/** Large enough for a CSV an import sends from the browser; anything bigger is refused by ws. */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

export interface WsBridge {
  /** Completes an upgrade the caller has already authorised. */
  accept(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}

/**
 * The contract over WebSocket: every frame is validated as a ClientMessage, its token checked,
 * then handed to the same dispatcher Electron uses; contract events fan out to every socket.
 */
export function createWsBridge(opts: { token: string; dispatch: Dispatch; events: EventBus; logger: Logger }): WsBridge {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const send = (ws: WebSocket, msg: ServerMessage) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(msg));
  };

  const onMessage = async (ws: WebSocket, raw: RawData, isBinary: boolean) => {
    const json = isBinary ? undefined : parseJson(raw.toString());
    const msg = ClientMessage.safeParse(json);
    if (!msg.success) {
      const id = callIdOf(json);
      if (id === undefined) return ws.close(1008, 'Malformed message');
      return send(ws, failure(id, IpcErrorCode.invalidRequest, 'Malformed message: expected {type:"call", id, token, channel, payload}.'));
    }
    const { id, token, channel, payload } = msg.data;
    if (!tokensMatch(opts.token, token)) {
      opts.logger.warn('Browser host: refused a call with a wrong session token');
      send(ws, failure(id, IpcErrorCode.forbidden, 'Wrong session token.'));
      return ws.close(1008, 'Wrong session token');
    }
    send(ws, { type: 'result', id, envelope: await opts.dispatch(channel, payload) });
  };

  wss.on('connection', (ws) => {
    ws.on('message', (raw, isBinary) => {
      onMessage(ws, raw, isBinary).catch((err: unknown) => opts.logger.error('Browser host: call failed', err));
    });
    ws.on('error', (err) => opts.logger.warn('Browser host: socket error', err));
  });

  const unsubscribe = opts.events.subscribe((name, payload) => {
    const text = JSON.stringify({ type: 'event', name, payload } satisfies ServerMessage);
    for (const ws of wss.clients) if (ws.readyState === WebSocket.OPEN) ws.send(text);
  });

  return {
    accept(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    close() {
      unsubscribe();
      for (const ws of wss.clients) ws.terminate();
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function callIdOf(json: unknown): number | undefined {
  const id = (json as { id?: unknown } | null)?.id;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : undefined;
}

function failure(id: number, code: string, message: string): ServerMessage {
  return { type: 'result', id, envelope: { ok: false, error: { code, message } } };
}
