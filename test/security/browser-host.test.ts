import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { request } from 'node:http';
import WebSocket from 'ws';
import { createAppServices, type AppServices } from '../../main/services/app-services';
import { MemorySecretStore } from '../../main/auth/secret-store';
import { createLogger } from '../../main/log/logger';
import { startBrowserHost, type BrowserHost } from '../../main/host/browser-host';
import { WS_PATH, type ServerMessage } from '../../shared/ipc/wire';

/**
 * Extends test/unit/host.test.ts (token 401/403, one foreign Host and Origin, traversal) with
 * the rebinding and cross-origin variants a hostile page would try, and hostile frames on an
 * authorised socket.
 */

function get(port: number, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers, setHost: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

/** A request with no Host header at all (HTTP/1.0 style), written by hand. */
function rawStatus(port: number, text: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const sock = connect(port, '127.0.0.1', () => sock.write(text));
    let data = '';
    sock.on('data', (c) => (data += c.toString()));
    sock.on('end', () => resolve(Number(/^HTTP\/1\.[01] (\d{3})/.exec(data)?.[1] ?? 0)));
    sock.on('error', reject);
  });
}

function upgrade(host: BrowserHost, headers: Record<string, string>, path = `${WS_PATH}?token=${host.token}`): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}${path}`, { headers });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => resolve(-1));
  });
}

function open(host: BrowserHost): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}${WS_PATH}?token=${host.token}`, { origin: `http://127.0.0.1:${host.port}` });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function reply(ws: WebSocket, id: number): Promise<ServerMessage> {
  return new Promise((resolve) => {
    const on = (raw: WebSocket.RawData) => {
      const m = JSON.parse(raw.toString()) as ServerMessage;
      if (m.type === 'result' && m.id === id) {
        ws.off('message', on);
        resolve(m);
      }
    };
    ws.on('message', on);
  });
}

const closed = (ws: WebSocket): Promise<number> => new Promise((resolve) => ws.on('close', (code) => resolve(code)));

describe('browser host under attack', () => {
  let dir: string;
  let services: AppServices;
  let host: BrowserHost;
  let other: BrowserHost;
  const logLines: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tcs-host-sec-'));
    mkdirSync(join(dir, 'renderer'));
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>x</title>');
    const logger = createLogger({ dir: join(dir, 'data'), console: false, debug: true });
    logger.onLine((l) => logLines.push(l.message));
    services = createAppServices({ dataDir: join(dir, 'data'), shell: 'browser-host', logger, secretStore: new MemorySecretStore() });
    host = await startBrowserHost({ services, renderDir: join(dir, 'renderer') });
    other = await startBrowserHost({ services, renderDir: join(dir, 'renderer') });
  });
  afterAll(async () => {
    await host.close();
    await other.close();
    await services.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses rebound and look-alike Host headers even with the right token and cookie', async () => {
    const p = host.port;
    const cookie = `tcs_session_${p}=${host.token}`;
    for (const h of [`localhost.evil.example:${p}`, `127.0.0.1.nip.io:${p}`, `evil.example:${p}`, `127.0.0.1:${p}.evil.example`, `127.0.0.1:${p}@evil.example`, `127.1:${p}`, `0x7f.0.0.1:${p}`, `127.0.0.1:${other.port}`, '']) {
      expect(await get(p, `/?token=${host.token}`, { host: h }), h).toBe(403);
      expect(await get(p, '/', { host: h, cookie }), h).toBe(403);
    }
    expect(await rawStatus(p, `GET /?token=${host.token} HTTP/1.0\r\n\r\n`)).toBe(403);
    expect(await get(p, `/?token=${host.token}`, { host: `127.0.0.1:${p}` })).toBe(200);
  });

  it('refuses sockets from other origins, a null or missing Origin, and another host instance', async () => {
    const p = host.port;
    const hostHeader = { host: `127.0.0.1:${p}` };
    for (const origin of ['null', `https://127.0.0.1:${p}`, `http://127.0.0.1:${p}.evil.example`, `http://localhost.evil.example:${p}`, `http://127.0.0.1:${other.port}`, 'file://']) {
      expect(await upgrade(host, { ...hostHeader, origin }), origin).toBe(403);
    }
    expect(await upgrade(host, hostHeader)).toBe(403); // no Origin: not our page
    // The cookie path is refused from a foreign origin too.
    expect(await upgrade(host, { ...hostHeader, origin: 'http://evil.example', cookie: `tcs_session_${p}=${host.token}` }, WS_PATH)).toBe(403);
    // Another instance's token does not open this one.
    expect(await upgrade(host, { ...hostHeader, origin: `http://127.0.0.1:${p}` }, `${WS_PATH}?token=${other.token}`)).toBe(403);
  });

  it('rejects hostile frames on an authorised socket and keeps serving', async () => {
    const ws = await open(host);
    const call = async (id: number, channel: string, payload: unknown, token = host.token) => {
      const r = reply(ws, id);
      ws.send(JSON.stringify({ type: 'call', id, token, channel, payload }));
      return r;
    };
    const proto = await call(1, 'settings:set', JSON.parse('{"__proto__": {"polluted": 1}, "key": "ui.theme", "value": "dark"}'));
    expect(proto).toMatchObject({ envelope: { ok: false, error: { code: 'INVALID_REQUEST' } } });
    const deepText = `{"type":"call","id":2,"token":"${host.token}","channel":"query:run","payload":{"connectionId":"x","input":{"language":"hubspot-search","object":"contacts","body":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}}}`;
    const deep = reply(ws, 2);
    ws.send(deepText);
    expect(await deep).toMatchObject({ envelope: { ok: false, error: { code: 'INVALID_REQUEST', message: expect.stringContaining('nested deeper') } } });
    expect(await call(3, 'settings:set', { key: 'salesforce.clientId', value: 'x'.repeat(100_000) })).toMatchObject({ envelope: { ok: false, error: { code: 'INVALID_REQUEST' } } });
    expect(await call(4, 'constructor', {})).toMatchObject({ envelope: { ok: false, error: { code: 'UNKNOWN_CHANNEL' } } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // A frame carrying the other instance's token is refused and the socket closed.
    const gone = closed(ws);
    expect(await call(5, 'app:info', {}, other.token)).toMatchObject({ envelope: { ok: false, error: { code: 'FORBIDDEN' } } });
    expect(await gone).toBe(1008);

    const ws2 = await open(host);
    const binaryClosed = closed(ws2);
    ws2.send(Buffer.from([0, 1, 2, 3]));
    expect(await binaryClosed).toBe(1008);
    const ws3 = await open(host);
    const ok = reply(ws3, 9);
    ws3.send(JSON.stringify({ type: 'call', id: 9, token: host.token, channel: 'app:info', payload: {} }));
    expect(await ok).toMatchObject({ envelope: { ok: true } });
    ws3.close();
  });

  it('never writes the session token to the log, even from refused requests', async () => {
    await get(host.port, `/?token=${host.token}`, { host: `evil.example:${host.port}` });
    await upgrade(host, { host: `127.0.0.1:${host.port}`, origin: 'http://evil.example' });
    await new Promise((r) => setTimeout(r, 50));
    const all = logLines.join('\n');
    expect(all).toContain('Browser host: refused a socket');
    for (const t of [host.token, other.token]) expect(all).not.toContain(t);
  });
});
