import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import WebSocket from 'ws';
import { createAppServices, type AppServices } from '../../main/services/app-services';
import { startBrowserHost, type BrowserHost } from '../../main/host/browser-host';
import { WS_PATH, type ServerMessage } from '../../shared/ipc/wire';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function openSocket(host: BrowserHost, opts: { token?: string; origin?: string; hostHeader?: string; path?: string } = {}) {
  const origin = opts.origin ?? `http://127.0.0.1:${host.port}`;
  const path = opts.path ?? `${WS_PATH}?token=${encodeURIComponent(opts.token ?? host.token)}`;
  const headers = opts.hostHeader ? { host: opts.hostHeader } : undefined;
  return new WebSocket(`ws://127.0.0.1:${host.port}${path}`, { origin, headers });
}

/** Resolves with the HTTP status the upgrade was refused with, or 101 when it opened. */
function upgradeStatus(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => {
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => resolve(-1));
  });
}

function connected(ws: WebSocket): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function nextMessage(ws: WebSocket, pred: (m: ServerMessage) => boolean = () => true): Promise<ServerMessage> {
  return new Promise((resolve) => {
    const onMsg = (raw: WebSocket.RawData) => {
      const m = JSON.parse(raw.toString()) as ServerMessage;
      if (!pred(m)) return;
      ws.off('message', onMsg);
      resolve(m);
    };
    ws.on('message', onMsg);
  });
}

async function call(ws: WebSocket, host: BrowserHost, id: number, channel: string, payload: unknown, token = host.token) {
  const reply = nextMessage(ws, (m) => m.type === 'result' && m.id === id);
  ws.send(JSON.stringify({ type: 'call', id, token, channel, payload }));
  return reply;
}

describe('browser host', () => {
  let dir: string;
  let renderDir: string;
  let services: AppServices;
  let host: BrowserHost;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tcs-host-'));
    renderDir = join(dir, 'renderer');
    mkdirSync(join(renderDir, 'assets'), { recursive: true });
    writeFileSync(join(renderDir, 'index.html'), '<!doctype html><title>Ticket CRM Sync</title><script type="module" src="./assets/app.js"></script>');
    writeFileSync(join(renderDir, 'assets', 'app.js'), 'console.log("app")');
    writeFileSync(join(renderDir, 'assets', 'app.css'), 'body{}');
    writeFileSync(join(dir, 'secret.txt'), 'outside the render dir');
    services = createAppServices({ dataDir: join(dir, 'data'), shell: 'browser-host', logToConsole: false });
    host = await startBrowserHost({ services, renderDir });
  });
  afterAll(async () => {
    await host.close();
    await services.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on loopback with a long random token in its URL', () => {
    expect(host.port).toBeGreaterThan(0);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
  });

  describe('HTTP', () => {
    it('refuses a request without a token (401) and with a wrong one (403)', async () => {
      expect((await get(host.port, '/')).status).toBe(401);
      expect((await get(host.port, '/?token=wrong-token-wrong-token')).status).toBe(403);
      expect((await get(host.port, '/assets/app.js', { cookie: `tcs_session_${host.port}=nope` })).status).toBe(403);
    });

    it('serves index.html with a strict CSP and sets an HttpOnly SameSite=Strict cookie for the token', async () => {
      const res = await get(host.port, `/?token=${host.token}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toContain('<title>Ticket CRM Sync</title>');
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${host.port} ws://localhost:${host.port}`);
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toContain(`tcs_session_${host.port}=${host.token}`);
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Strict');
    });

    it('serves assets with their content type once the cookie is set', async () => {
      const cookie = `tcs_session_${host.port}=${host.token}`;
      const js = await get(host.port, '/assets/app.js', { cookie });
      expect(js.status).toBe(200);
      expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(js.body).toBe('console.log("app")');
      const css = await get(host.port, '/assets/app.css', { cookie });
      expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
      expect((await get(host.port, '/assets/missing.js', { cookie })).status).toBe(404);
      expect((await get(host.port, '/favicon.ico', { cookie })).status).toBe(204);
    });

    it('never serves a file outside the render dir', async () => {
      const cookie = `tcs_session_${host.port}=${host.token}`;
      for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
        const res = await get(host.port, path, { cookie });
        expect(res.status, path).not.toBe(200);
        expect(res.body).not.toContain('outside the render dir');
      }
    });

    it('refuses a foreign Host header even with the right token (DNS rebinding)', async () => {
      const res = await get(host.port, `/?token=${host.token}`, { host: `evil.example:${host.port}` });
      expect(res.status).toBe(403);
      const ok = await get(host.port, `/?token=${host.token}`, { host: `localhost:${host.port}` });
      expect(ok.status).toBe(200);
    });

    it('refuses methods other than GET and HEAD', async () => {
      expect((await get(host.port, `/?token=${host.token}`, {}, 'POST')).status).toBe(405);
    });
  });

  describe('WebSocket', () => {
    it('refuses an upgrade without a token, with a wrong token, a foreign Origin or Host, or another path', async () => {
      expect(await upgradeStatus(openSocket(host, { path: WS_PATH }))).toBe(401);
      expect(await upgradeStatus(openSocket(host, { token: 'x'.repeat(43) }))).toBe(403);
      expect(await upgradeStatus(openSocket(host, { origin: 'http://evil.example' }))).toBe(403);
      expect(await upgradeStatus(openSocket(host, { origin: `http://127.0.0.1:${host.port + 1}` }))).toBe(403);
      expect(await upgradeStatus(openSocket(host, { hostHeader: `evil.example:${host.port}` }))).toBe(403);
      expect(await upgradeStatus(openSocket(host, { path: `/other?token=${host.token}` }))).toBe(403);
      expect(await upgradeStatus(openSocket(host))).toBe(101);
    });

    it('answers a call with the dispatcher envelope', async () => {
      const ws = await connected(openSocket(host));
      const reply = await call(ws, host, 1, 'app:info', {});
      expect(reply.type).toBe('result');
      if (reply.type !== 'result' || !reply.envelope.ok) throw new Error('expected ok');
      expect((reply.envelope.data as { shell: string }).shell).toBe('browser-host');
      const set = await call(ws, host, 2, 'settings:set', { key: 'sync.maxAttempts', value: 7 });
      expect(set.type === 'result' && set.envelope.ok && (set.envelope.data as Record<string, unknown>)['sync.maxAttempts']).toBe(7);
      ws.close();
    });

    it('answers an unknown channel and a malformed payload with the dispatcher errors', async () => {
      const ws = await connected(openSocket(host));
      const unknown = await call(ws, host, 3, 'app:exec', {});
      expect(unknown).toEqual({ type: 'result', id: 3, envelope: { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Unknown channel: app:exec' } } });
      const bad = await call(ws, host, 4, 'settings:set', { key: 'log.debug', value: { nested: 1 } });
      if (bad.type !== 'result' || bad.envelope.ok) throw new Error('expected an error');
      expect(bad.envelope.error.code).toBe('INVALID_REQUEST');
      expect(bad.envelope.error.message).toMatch(/^Invalid request for settings:set: /);
      ws.close();
    });

    it('answers a malformed frame with an error when it has an id, and closes on garbage', async () => {
      const ws = await connected(openSocket(host));
      const reply = nextMessage(ws);
      ws.send(JSON.stringify({ type: 'call', id: 9, channel: 'app:info' }));
      const m = await reply;
      expect(m.type === 'result' && m.id === 9 && !m.envelope.ok && m.envelope.error.code).toBe('INVALID_REQUEST');
      const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
      ws.send('not json');
      expect(await closed).toBe(1008);
    });

    it('refuses a call whose token is wrong, then closes the socket', async () => {
      const ws = await connected(openSocket(host));
      const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
      const reply = await call(ws, host, 5, 'app:info', {}, 'y'.repeat(43));
      expect(reply.type === 'result' && !reply.envelope.ok && reply.envelope.error.code).toBe('FORBIDDEN');
      expect(await closed).toBe(1008);
    });

    it('pushes contract events from the event bus', async () => {
      const ws = await connected(openSocket(host));
      const got = nextMessage(ws, (m) => m.type === 'event');
      services.events.emit('logLine', { at: '2026-01-01T00:00:00Z', level: 'info', message: 'hello from main' });
      expect(await got).toEqual({ type: 'event', name: 'logLine', payload: { at: '2026-01-01T00:00:00Z', level: 'info', message: 'hello from main' } });
      ws.close();
    });
  });

  it('binds a fixed port when asked and frees it on close', async () => {
    const fixed = await startBrowserHost({ services, renderDir, port: 0 });
    const port = fixed.port;
    await fixed.close();
    const again = await startBrowserHost({ services, renderDir, port });
    expect(again.port).toBe(port);
    await again.close();
  });
});
