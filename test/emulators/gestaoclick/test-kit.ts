import { serveEmulator, type RunningEmulator } from '../common/server';
import { createGestaoClickBackend, type GestaoClickOptions } from './backend';

/** A clock tests move by hand, so timestamps and rate-limit windows are deterministic. */
export class FakeClock {
  constructor(public t = Date.parse('2026-03-02T15:00:00Z')) {}
  now = (): number => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

export const TOKEN = 'a'.repeat(40);
export const SECRET = 'b'.repeat(40);

export interface GcResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON (tests read arbitrary shapes), or the raw text when not JSON. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON answers
  body: any;
}

export interface GcHarness {
  emu: RunningEmulator;
  clock: FakeClock;
  /** fetch with both token headers set; JSON in and out. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<GcResponse>;
  /** fetch with exactly the headers given (no tokens added). */
  raw(method: string, path: string, headers?: Record<string, string>): Promise<GcResponse>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON answers
  records(object: string): Promise<any[]>;
}

async function parse(res: Response): Promise<GcResponse> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body };
}

/** Default clock and ample rate limits, so only rate-limit tests meet a 429. */
export async function startGestaoClick(opts: GestaoClickOptions = {}): Promise<GcHarness> {
  const clock = new FakeClock();
  const emu = await serveEmulator(
    createGestaoClickBackend({ now: clock.now, token: TOKEN, secret: SECRET, ...opts, rateLimits: { perSecond: 1000, ...opts.rateLimits } }),
  );
  const raw = async (method: string, path: string, headers: Record<string, string> = {}) => parse(await fetch(emu.url + path, { method, headers }));
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    parse(
      await fetch(emu.url + path, {
        method,
        headers: { 'access-token': TOKEN, 'secret-access-token': SECRET, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON answers
  const records = async (object: string) => (await fetch(`${emu.url}/__admin/records/${object}`)).json() as Promise<any[]>;
  return { emu, clock, call, raw, records };
}

/** Valid CPFs and CNPJs for fixtures (check digits computed, not real people). */
export const CPF = { ada: '792.727.480-54', grace: '477.182.526-20', alan: '52998224725' };
export const CNPJ = { acme: '36.058.120/0001-97', other: '43.937.086/0001-96' };
