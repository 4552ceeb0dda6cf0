import { serveEmulator, type RunningEmulator } from '../common/server';
import { createBlingBackend, type BlingOptions } from './backend';

/** A clock tests move by hand, so expiry, timestamps and rate-limit windows are deterministic. */
export class FakeClock {
  constructor(public t = Date.parse('2026-03-02T15:00:00Z')) {}
  now = (): number => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

export const TOKEN = 'f'.repeat(40);

export interface BlingResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON (tests read arbitrary shapes), the raw text when not JSON, undefined when empty. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON answers
  body: any;
}

export interface BlingHarness {
  emu: RunningEmulator;
  clock: FakeClock;
  /** fetch under /Api/v3 with the static Bearer token; JSON in and out. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<BlingResponse>;
  /** fetch any path with exactly the given init (no token added, redirects not followed). */
  raw(path: string, init?: RequestInit): Promise<BlingResponse>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON answers
  records(object: string): Promise<any[]>;
}

export async function parse(res: Response): Promise<BlingResponse> {
  const text = await res.text();
  let body: unknown = text || undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body };
}

/** Default clock and ample rate limits, so only rate-limit tests meet a 429. */
export async function startBling(opts: BlingOptions = {}): Promise<BlingHarness> {
  const clock = new FakeClock();
  const emu = await serveEmulator(createBlingBackend({ now: clock.now, token: TOKEN, ...opts, rateLimits: { perSecond: 1000, ...opts.rateLimits } }));
  const raw = async (path: string, init: RequestInit = {}) => parse(await fetch(emu.url + path, { redirect: 'manual', ...init }));
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    raw(`/Api/v3${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON answers
  const records = async (object: string) => (await fetch(`${emu.url}/__admin/records/${object}`)).json() as Promise<any[]>;
  return { emu, clock, call, raw, records };
}

/** Valid CPFs and CNPJs for fixtures (check digits computed, not real people). */
export const CPF = { ada: '792.727.480-54', grace: '477.182.526-20' };
export const CNPJ = { acme: '36.058.120/0001-97' };

/** Creates a contact and answers its id. */
export async function createContato(h: BlingHarness, body: Record<string, unknown>): Promise<number> {
  const res = await h.call('POST', '/contatos', body);
  if (res.status !== 201) throw new Error(`contato not created: ${JSON.stringify(res.body)}`);
  return res.body.data.id as number;
}
