import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import { buildApi, IpcCallError, type Invoke, type Subscribe } from '../../shared/ipc/build-api';

/*
 * The transport belongs to the renderer's TypeScript project (DOM types), which this Node project
 * cannot include; it is loaded by a computed path so vitest runs it and tsc leaves it to the web
 * project. These types restate the part of its interface the test relies on.
 */
type LinkStatus = 'connecting' | 'open' | 'reconnecting' | 'no-token';
interface WsTransport {
  invoke: Invoke;
  subscribe: Subscribe;
  close(): void;
}
interface TransportOptions {
  token: string;
  url: string;
  createSocket: (url: string) => unknown;
  onStatus: (s: LinkStatus) => void;
  initialBackoffMs: number;
  maxBackoffMs: number;
}
const transportPath = '../../renderer/src/api/ws-transport';
const { createWsTransport } = (await import(/* @vite-ignore */ transportPath)) as {
  createWsTransport: (opts: TransportOptions) => WsTransport;
};

const TOKEN = 't'.repeat(43);

interface Server {
  url: string;
  wss: WebSocketServer;
  /** Every call frame the server received, parsed. */
  calls: Array<{ id: number; token: string; channel: string; payload: unknown }>;
  /** Token query parameter of each socket that connected. */
  socketTokens: string[];
  /** When false, calls are received but never answered (to leave them in flight). */
  answer: boolean;
}

const servers: WebSocketServer[] = [];
const transports: WsTransport[] = [];

async function startServer(): Promise<Server> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  servers.push(wss);
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const server: Server = { url: '', wss, calls: [], socketTokens: [], answer: true };
  server.url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/ipc?token=${TOKEN}`;
  wss.on('connection', (socket, req) => {
    server.socketTokens.push(new URL(req.url ?? '/', 'http://x').searchParams.get('token') ?? '');
    socket.on('message', (raw) => {
      const call = JSON.parse(String(raw)) as Server['calls'][number];
      server.calls.push(call);
      if (!server.answer) return;
      const data = { name: 'Ticket CRM Sync', echo: call.payload };
      socket.send(JSON.stringify({ type: 'result', id: call.id, envelope: { ok: true, data } }));
    });
  });
  return server;
}

function connect(server: Server, statuses: LinkStatus[] = []): WsTransport {
  const t = createWsTransport({
    token: TOKEN,
    url: server.url,
    createSocket: (u) => new WebSocket(u),
    onStatus: (s) => statuses.push(s),
    initialBackoffMs: 20,
    maxBackoffMs: 50,
  });
  transports.push(t);
  return t;
}

const waitFor = async (check: () => boolean, ms = 3000): Promise<void> => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

afterEach(async () => {
  for (const t of transports.splice(0)) t.close();
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

describe('renderer WebSocket transport', () => {
  it('queues calls made before the socket opens and sends each with the session token', async () => {
    const server = await startServer();
    const api = buildApi(...((t) => [t.invoke, t.subscribe] as const)(connect(server)));
    // Called synchronously, before the socket can possibly be open.
    const [a, b] = await Promise.all([api.app.info({}), api.settings.get({})]);
    expect(a).toMatchObject({ name: 'Ticket CRM Sync' });
    expect(b).toMatchObject({ echo: {} });
    expect(server.calls.map((c) => c.channel)).toEqual(['app:info', 'settings:get']);
    expect(server.calls.every((c) => c.token === TOKEN)).toBe(true);
    expect(server.socketTokens).toEqual([TOKEN]);
  });

  it('delivers pushed events to subscribers until they unsubscribe', async () => {
    const server = await startServer();
    const transport = connect(server);
    const api = buildApi(transport.invoke, transport.subscribe);
    const lines: string[] = [];
    const off = api.on.logLine((l) => lines.push(l.message));
    await api.app.info({});
    const push = (message: string): void =>
      server.wss.clients.forEach((c) => c.send(JSON.stringify({ type: 'event', name: 'logLine', payload: { at: '', level: 'info', message } })));
    push('first');
    await waitFor(() => lines.length === 1);
    off();
    push('second');
    await api.app.info({}); // a round trip later, the second event has surely arrived
    expect(lines).toEqual(['first']);
  });

  it('fails calls lost with a dropped socket, reconnects, and carries on', async () => {
    const server = await startServer();
    const statuses: LinkStatus[] = [];
    const transport = connect(server, statuses);
    const api = buildApi(transport.invoke, transport.subscribe);
    await api.app.info({});

    server.answer = false;
    const lost = api.app.counts({});
    await waitFor(() => server.calls.some((c) => c.channel === 'app:counts'));
    server.wss.clients.forEach((c) => c.terminate());
    const err = await lost.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IpcCallError);
    expect((err as IpcCallError).code).toBe('DISCONNECTED');
    expect((err as IpcCallError).message).toMatch(/connection to the app was lost/);

    server.answer = true;
    await expect(api.app.info({})).resolves.toMatchObject({ name: 'Ticket CRM Sync' });
    expect(server.socketTokens.length).toBe(2);
    expect(statuses).toEqual(['connecting', 'open', 'reconnecting', 'open']);
  });
});
