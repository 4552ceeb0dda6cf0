import { serveEmulator, type RunningEmulator } from '../common/server';
import { createPipedriveBackend, type PipedriveOptions } from './backend';

/** A clock tests move by hand, so timestamps, expiry and rate-limit refills are deterministic. */
export class FakeClock {
  constructor(public t = Date.parse('2026-03-01T12:00:00Z')) {}
  now = (): number => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface PdHarness {
  emu: RunningEmulator;
  clock: FakeClock;
  token: string;
  /** fetch against the emulator with the api_token header set; JSON in and out. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<PdResponse>;
}

export interface PdResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON; tests read arbitrary shapes. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests index into whatever the emulator answered
  body: any;
}

export async function startPipedrive(opts: PipedriveOptions = {}): Promise<PdHarness> {
  const clock = new FakeClock();
  const token = opts.token ?? 'test-api-token';
  const emu = await serveEmulator(createPipedriveBackend({ now: clock.now, ...opts, token }));
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<PdResponse> => {
    const res = await fetch(emu.url + path, {
      method,
      headers: { 'x-api-token': token, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };
  return { emu, clock, token, call };
}

/** The key of a custom field, looked up by name through /v1/personFields (and the others). */
export async function fieldKey(h: PdHarness, fieldsPath: string, name: string): Promise<string> {
  const res = await h.call('GET', `/api/v1/${fieldsPath}?limit=500`);
  const field = (res.body.data as { key: string; name: string }[]).find((f) => f.name === name);
  if (!field) throw new Error(`no field ${name}`);
  return field.key;
}
