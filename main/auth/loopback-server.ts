import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { redirectUriFor, type RedirectPolicy } from '../../shared/oauth-redirect';

/** Why a loopback authorization did not produce a code; `message` is written for the user. */
export class OAuthCallbackError extends Error {
  constructor(
    readonly reason: 'state_mismatch' | 'missing_code' | 'denied' | 'timeout' | 'cancelled' | 'server_error' | 'port_busy',
    message: string,
  ) {
    super(message);
    this.name = 'OAuthCallbackError';
  }
}

export interface LoopbackOptions {
  /** The `state` sent with the authorize request; the callback must echo it. */
  expectedState: string;
  /** How long to wait for the browser (default 5 minutes). */
  timeoutMs?: number;
  /** The redirect_uri to serve (default: 127.0.0.1, any free port, /callback). */
  redirect?: RedirectPolicy;
  signal?: AbortSignal;
}

export interface LoopbackServer {
  /** `http://{host}:{port}{path}` of the policy, to send as redirect_uri. */
  redirectUri: string;
  port: number;
  /** The callback's query parameters (code, state, ...) once one valid callback arrived. */
  result: Promise<URLSearchParams>;
  /** Stops waiting; `result` rejects with 'cancelled' if still pending. */
  close(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 5 * 60_000;
const ANY_PORT_POLICY: RedirectPolicy = { host: '127.0.0.1', port: 'any', path: '/callback' };
/** A free IPv4 port may be taken on ::1; try a few others before giving up. */
const ANY_PORT_TRIES = 5;

/**
 * A one-shot HTTP server on loopback only (RFC 8252 §7.3) that waits for exactly one OAuth
 * redirect, answers the browser with a plain page and shuts down. A wrong state, a missing code
 * or an error from the provider ends the attempt with a message saying what to do.
 */
export async function startLoopbackServer(opts: LoopbackOptions): Promise<LoopbackServer> {
  const policy = opts.redirect ?? ANY_PORT_POLICY;
  const path = policy.path;
  let settle: { resolve: (p: URLSearchParams) => void; reject: (e: Error) => void };
  const result = new Promise<URLSearchParams>((resolve, reject) => (settle = { resolve, reject }));
  // Callers may close before awaiting `result`; never let that surface as an unhandled rejection.
  result.catch(() => undefined);
  let done = false;
  let port = 0;

  const handler: http.RequestListener = (req, res) => {
    const outcome = handleRequest(req, path, port, opts.expectedState);
    if (outcome.kind === 'ignore') return sendPage(res, outcome.status, outcome.title, outcome.body);
    if (done) return sendPage(res, 410, 'Already finished', 'This sign-in attempt is over. You can close this tab.');
    sendPage(res, outcome.status, outcome.title, outcome.body);
    res.on('finish', () => void finish(outcome.kind === 'ok' ? outcome.params : outcome.error));
  };

  const servers = await listenLoopback(policy, handler);
  const finish = async (outcome: URLSearchParams | Error): Promise<void> => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
    await Promise.all(servers.map(shutdown));
    if (outcome instanceof Error) settle.reject(outcome);
    else settle.resolve(outcome);
  };

  // After listening, socket-level failures end the attempt instead of crashing the process.
  for (const server of servers) server.on('error', (err) => void finish(new OAuthCallbackError('server_error', `The sign-in helper stopped: ${err.message}`)));
  port = (servers[0].address() as AddressInfo).port;

  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timer = setTimeout(
    () => void finish(new OAuthCallbackError('timeout', `No answer from the browser within ${Math.round(timeoutMs / 1000)} s. Click Connect to try again.`)),
    timeoutMs,
  );
  timer.unref?.();
  const onAbort = () => void finish(new OAuthCallbackError('cancelled', 'Sign-in was cancelled.'));
  if (opts.signal?.aborted) onAbort();
  else opts.signal?.addEventListener('abort', onAbort, { once: true });

  return {
    redirectUri: redirectUriFor(policy, port),
    port,
    result,
    close: () => finish(new OAuthCallbackError('cancelled', 'Sign-in was cancelled.')),
  };
}

/**
 * Listens on 127.0.0.1, and also on ::1 when the redirect names `localhost` (a browser may
 * resolve it to either). Never on other interfaces. A fixed port that is taken is an error the
 * user can act on, never a silent switch to another port the provider would not accept.
 */
async function listenLoopback(policy: RedirectPolicy, handler: http.RequestListener): Promise<http.Server[]> {
  const tries = policy.port === 'any' ? ANY_PORT_TRIES : 1;
  for (let attempt = 1; ; attempt++) {
    const servers: http.Server[] = [];
    try {
      const v4 = await listenOn(handler, policy.port === 'any' ? 0 : policy.port, '127.0.0.1');
      servers.push(v4);
      if (policy.host === 'localhost') {
        const v6 = await listenOnOptional(handler, (v4.address() as AddressInfo).port, '::1');
        if (v6) servers.push(v6);
      }
      return servers;
    } catch (err) {
      await Promise.all(servers.map(shutdown));
      if (errorCode(err) !== 'EADDRINUSE') throw err;
      if (policy.port !== 'any') throw portBusy(policy, policy.port);
      if (attempt >= tries) throw new OAuthCallbackError('port_busy', 'No free local port for the sign-in helper. Close some programs and try again.');
    }
  }
}

function listenOn(handler: http.RequestListener, port: number, host: string): Promise<http.Server> {
  const server = http.createServer(handler);
  server.keepAliveTimeout = 1000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/** ::1 is skipped on machines without IPv6 loopback; browsers there resolve localhost to 127.0.0.1. */
async function listenOnOptional(handler: http.RequestListener, port: number, host: string): Promise<http.Server | undefined> {
  try {
    return await listenOn(handler, port, host);
  } catch (err) {
    const code = errorCode(err);
    if (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT') return undefined;
    throw err;
  }
}

const errorCode = (err: unknown): string | undefined => (err as NodeJS.ErrnoException | undefined)?.code;

function portBusy(policy: RedirectPolicy, port: number): OAuthCallbackError {
  return new OAuthCallbackError(
    'port_busy',
    `Port ${port} on this computer is in use by another program, so the sign-in cannot receive the browser's answer at ${redirectUriFor(policy, port)}. ` +
      `Close the program that uses port ${port} and try again, or set another port (setting oauth.callbackPort, or --callback-port on the command line) ` +
      `and register http://${policy.host}:<that port>${policy.path} as the callback URL of your app at the provider.`,
  );
}

type Outcome =
  | { kind: 'ignore'; status: number; title: string; body: string }
  | { kind: 'ok'; status: number; title: string; body: string; params: URLSearchParams }
  | { kind: 'fail'; status: number; title: string; body: string; error: OAuthCallbackError };

function handleRequest(req: http.IncomingMessage, path: string, port: number, expectedState: string): Outcome {
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  // A page on another site could aim the browser here (DNS rebinding); only our own host counts.
  const host = req.headers.host ?? '';
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}` && host !== `[::1]:${port}`) return { kind: 'ignore', status: 421, title: 'Wrong host', body: 'Not for this host.' };
  if (req.method !== 'GET' || url.pathname !== path) return { kind: 'ignore', status: 404, title: 'Not found', body: 'Nothing here.' };
  const params = url.searchParams;
  if (params.get('state') !== expectedState) {
    const error = new OAuthCallbackError('state_mismatch', 'The sign-in answer did not belong to this attempt (state mismatch), so it was refused. Click Connect to start again.');
    return { kind: 'fail', status: 400, title: 'Sign-in refused', body: error.message, error };
  }
  const providerError = params.get('error');
  if (providerError) {
    const detail = params.get('error_description') ?? providerError;
    const error = new OAuthCallbackError('denied', `The provider did not grant access: ${detail}. Click Connect to try again.`);
    return { kind: 'fail', status: 400, title: 'Access not granted', body: error.message, error };
  }
  if (!params.get('code')) {
    const error = new OAuthCallbackError('missing_code', 'The sign-in answer carried no authorization code. Click Connect to try again.');
    return { kind: 'fail', status: 400, title: 'Sign-in incomplete', body: error.message, error };
  }
  return { kind: 'ok', status: 200, title: 'Connected', body: 'Ticket CRM Sync is connected. You can close this tab.', params };
}

function sendPage(res: http.ServerResponse, status: number, title: string, body: string): void {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
    `<body style="font-family:system-ui,sans-serif;margin:4rem auto;max-width:36rem"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p></body></html>`;
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    connection: 'close',
  });
  res.end(html);
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function shutdown(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
