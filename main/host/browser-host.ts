import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { WS_PATH, TOKEN_PARAM } from '../../shared/ipc/wire';
import type { AppServices } from '../services/app-services';
import { createDispatcher, type Dispatch } from '../ipc/dispatcher';
import { createHandlers } from '../ipc/handlers';
import { createSessionToken } from './session-token';
import { authenticate, isAllowedHost, isAllowedOrigin, sessionCookie } from './request-guard';
import { contentTypeOf, findStaticFile } from './static-files';
import { browserHostCsp } from './csp';
import { createWsBridge } from './ws-bridge';

export interface BrowserHostOptions {
  services: AppServices;
  /** Directory of the built renderer (dist/renderer). */
  renderDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Defaults to the real handlers over `services`; tests may inject their own. */
  dispatch?: Dispatch;
}

export interface BrowserHost {
  /** The URL to open, token included. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

/**
 * Serves the built renderer and the IPC contract to a browser on loopback only. Every request
 * needs the session token (URL on first load, then an HttpOnly cookie), a Host header naming
 * our own loopback address (against DNS rebinding), and the socket also our own Origin.
 */
export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const { services } = opts;
  const token = createSessionToken();
  const dispatch = opts.dispatch ?? createDispatcher(createHandlers(services), services.logger);
  const bridge = createWsBridge({ token, dispatch, events: services.events, logger: services.logger });
  const server = createServer();
  const port = await listen(server, opts.port ?? 0);

  server.on('request', (req, res) => {
    serveRequest(req, res, { token, port, renderDir: opts.renderDir }).catch((err: unknown) => {
      services.logger.error('Browser host: request failed', err);
      if (!res.headersSent) plain(res, 500, 'Internal error.');
      else res.destroy();
    });
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = upgradeRefusal(req, token, port);
    if (refusal) {
      services.logger.warn(`Browser host: refused a socket (${refusal.reason})`);
      socket.end(`HTTP/1.1 ${refusal.status} ${refusal.status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    bridge.accept(req, socket, head);
  });

  const url = `http://${LOOPBACK}:${port}/?${TOKEN_PARAM}=${token}`;
  services.logger.info(`Browser host listening on http://${LOOPBACK}:${port}/`);
  return {
    url,
    port,
    token,
    async close() {
      await bridge.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen(port, LOOPBACK, () => {
      server.off('error', onError);
      const addr = server.address();
      if (addr && typeof addr === 'object') resolve(addr.port);
      else reject(new Error('Browser host: no port after listen'));
    });
  });
}

function upgradeRefusal(req: IncomingMessage, token: string, port: number): { status: number; reason: string } | null {
  if (!isAllowedHost(req.headers.host, port)) return { status: 403, reason: 'wrong Host' };
  if (!isAllowedOrigin(req.headers.origin, port)) return { status: 403, reason: 'foreign Origin' };
  const url = new URL(req.url ?? '/', `http://${LOOPBACK}:${port}`);
  if (url.pathname !== WS_PATH) return { status: 403, reason: 'unknown path' };
  const auth = authenticate(url, req.headers.cookie, token, port);
  return auth.ok ? null : { status: auth.status, reason: auth.reason };
}

async function serveRequest(req: IncomingMessage, res: ServerResponse, ctx: { token: string; port: number; renderDir: string }) {
  if (!isAllowedHost(req.headers.host, ctx.port)) return plain(res, 403, 'Forbidden host.');
  if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
  const url = new URL(req.url ?? '/', `http://${LOOPBACK}:${ctx.port}`);
  const auth = authenticate(url, req.headers.cookie, ctx.token, ctx.port);
  if (!auth.ok) return plain(res, auth.status, auth.reason);
  const file = await findStaticFile(ctx.renderDir, url.pathname);
  // Browsers ask for /favicon.ico on their own; a 404 would be an error in the console.
  if (!file && url.pathname === '/favicon.ico') return noContent(res);
  if (!file) return plain(res, 404, 'Not found.');

  const isHtml = extname(file) === '.html';
  const headers: Record<string, string> = {
    'Content-Type': contentTypeOf(file),
    // HTML carries the token handshake: never stored. Assets are revalidated (loopback is cheap).
    'Cache-Control': isHtml ? 'no-store' : 'no-cache',
  };
  if (isHtml) headers['Content-Security-Policy'] = browserHostCsp(ctx.port);
  if (auth.via === 'query') headers['Set-Cookie'] = sessionCookie(ctx.token, ctx.port);
  res.writeHead(200, { ...securityHeaders(), ...headers });
  if (req.method === 'HEAD') return res.end();
  await new Promise<void>((resolve, reject) => {
    createReadStream(file).on('error', reject).on('end', resolve).pipe(res);
  });
}

function securityHeaders(): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    // The first URL carries the token: never send it on as a referrer.
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

function noContent(res: ServerResponse) {
  res.writeHead(204, { ...securityHeaders(), 'Cache-Control': 'no-cache' });
  res.end();
}

function plain(res: ServerResponse, status: number, body: string, extra: Record<string, string> = {}) {
  res.writeHead(status, { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}
