import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Router, readBody, parseBody, send, json, type EmuReply, type EmuRequest } from './http';
import { FaultsPatchSchema, defaultFaults, mulberry32, type Faults } from './faults';
import { Stats } from './stats';

/** What each vendor emulator plugs into the shared server. */
export interface EmulatorBackend {
  /** Vendor routes (API, OAuth, consent page). */
  router: Router;
  /** Every stored record of one object type, or undefined when the type is unknown. */
  records(objectName: string): unknown[] | undefined;
  /** Empty the store (metadata stays). */
  reset(): void;
  /** Make every access token issued so far expire now. */
  expireTokens(): void;
  /** The vendor's answer to a rate-limited request. */
  rateLimitedReply(req: EmuRequest): EmuReply;
  /** The vendor's answer to a transient server error (status 500 or 503). */
  serverErrorReply(req: EmuRequest, status: number): EmuReply;
  /** Paths that faults never touch besides /__admin (e.g. the consent page). */
  isFaultExempt?(path: string): boolean;
  /** Vendor-specific /__admin routes (tried when the shared admin routes do not match). */
  adminRouter?: Router;
}

export interface StartOptions {
  port?: number;
  host?: string;
  faults?: Partial<Faults>;
  /** Seed for the fault PRNG so fault runs are repeatable. */
  randomSeed?: number;
}

export interface RunningEmulator {
  url: string;
  port: number;
  stats: Stats;
  faults: Faults;
  close(): Promise<void>;
}

/** Serves a backend on node:http with the shared admin endpoints, fault injection and stats. */
export async function serveEmulator(backend: EmulatorBackend, opts: StartOptions = {}): Promise<RunningEmulator> {
  const stats = new Stats();
  const faults: Faults = { ...defaultFaults(), ...FaultsPatchSchema.parse(opts.faults ?? {}) };
  const random = mulberry32(opts.randomSeed ?? 42);
  const admin = adminRouter(backend, stats, faults);

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, json(500, { message: String(err), errorCode: 'EMULATOR_BUG' }));
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const text = await readBody(req);
    const emuReq: EmuRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      params: {},
      text,
      body: parseBody(text, req.headers['content-type']),
      raw: req,
    };
    if (url.pathname.startsWith('/__admin/')) {
      const shared = admin.match(emuReq.method, emuReq.path);
      const router = typeof shared === 'object' || !backend.adminRouter ? admin : backend.adminRouter;
      return dispatch(router, emuReq, res, false);
    }
    if (faults.latencyMs > 0) await new Promise((r) => setTimeout(r, faults.latencyMs));
    if (!backend.isFaultExempt?.(url.pathname)) {
      if (faults.resetRate > 0 && random() < faults.resetRate) {
        stats.record(url.pathname, 0);
        req.socket.destroy();
        return;
      }
      if (faults.burst429 > 0) {
        faults.burst429--;
        return finish(res, emuReq, backend.rateLimitedReply(emuReq));
      }
      if (faults.errorRate > 0 && random() < faults.errorRate) {
        return finish(res, emuReq, backend.serverErrorReply(emuReq, random() < 0.5 ? 500 : 503));
      }
    }
    return dispatch(backend.router, emuReq, res, true);
  }

  async function dispatch(router: Router, emuReq: EmuRequest, res: http.ServerResponse, count: boolean): Promise<void> {
    const found = router.match(emuReq.method, emuReq.path);
    let reply: EmuReply;
    if (found === undefined) reply = json(404, { message: `No route for ${emuReq.method} ${emuReq.path}`, errorCode: 'NOT_FOUND' });
    else if (found === 'method-not-allowed') reply = json(405, { message: `Method ${emuReq.method} not allowed`, errorCode: 'METHOD_NOT_ALLOWED' });
    else {
      emuReq.params = found.params;
      reply = await found.handler(emuReq);
    }
    if (count) finish(res, emuReq, reply);
    else send(res, reply);
  }

  function finish(res: http.ServerResponse, emuReq: EmuRequest, reply: EmuReply): void {
    stats.record(emuReq.path, reply.status);
    send(res, reply);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stats,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function adminRouter(backend: EmulatorBackend, stats: Stats, faults: Faults): Router {
  return new Router()
    .on('GET', '/__admin/records/:object', (req) => {
      const rows = backend.records(req.params.object);
      return rows ? json(200, rows) : json(404, { message: `Unknown object ${req.params.object}` });
    })
    .on('POST', '/__admin/reset', () => {
      backend.reset();
      stats.reset();
      return json(200, { ok: true });
    })
    .on('GET', '/__admin/stats', () => json(200, stats.toJSON()))
    .on('GET', '/__admin/faults', () => json(200, faults))
    .on('POST', '/__admin/faults', (req) => {
      const parsed = FaultsPatchSchema.safeParse(req.body ?? {});
      if (!parsed.success) return json(400, { message: parsed.error.message });
      const { expireTokensNow, ...rest } = parsed.data;
      Object.assign(faults, rest);
      if (expireTokensNow) backend.expireTokens();
      return json(200, faults);
    });
}
