import { startEmulator, type Emulator, type EmulatorOptions } from '../index';
import type { SalesforceBackend } from './backend';

/** Test helpers: an in-process emulator and a small REST client for it. */

export const TOKEN = 'test-static-session';
export const V = 'v60.0';

export interface SfTestEmulator extends Emulator {
  sf: SalesforceBackend;
}

export async function startSalesforce(opts: EmulatorOptions = {}): Promise<SfTestEmulator> {
  const emu = await startEmulator('salesforce', { token: TOKEN, ...opts });
  return Object.assign(emu, { sf: emu.backend as SalesforceBackend });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are free-form JSON; tests assert on them
export type Json = any;

export interface Res<T = Json> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** Calls `{emu}/services/data/v60.0{path}` (or an absolute `/...` path) with the static session. */
export async function call<T = Json>(
  emu: Emulator,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Res<T>> {
  const url = path.startsWith('/services/') || path.startsWith('/id/') || path.startsWith('/__admin') ? `${emu.url}${path}` : `${emu.url}/services/data/${V}${path}`;
  const init: RequestInit = { method, headers: { authorization: `Bearer ${TOKEN}`, ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] ??= typeof body === 'string' ? 'text/csv' : 'application/json';
  }
  const res = await fetch(url, { ...init, redirect: 'manual' });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, body: parsed as T, text };
}

export const soql = (emu: Emulator, q: string, headers: Record<string, string> = {}) => call(emu, 'GET', `/query?q=${encodeURIComponent(q)}`, undefined, headers);

/** Creates one record and returns its id (fails the test on an error answer). */
export async function create(emu: Emulator, object: string, fields: Record<string, unknown>): Promise<string> {
  const res = await call(emu, 'POST', `/sobjects/${object}`, fields);
  if (res.status !== 201) throw new Error(`create ${object} failed: ${res.status} ${res.text}`);
  return res.body.id as string;
}

/** POSTs JSON to a `/__admin/...` test hook. */
export async function admin<T = Json>(emu: Emulator, path: string, body: unknown): Promise<Res<T>> {
  return call<T>(emu, 'POST', `/__admin/${path}`, body);
}

/** The error code of a failed single-record answer (`[{ errorCode }]`). */
export const errorCode = (res: Res): string | undefined => (Array.isArray(res.body) ? res.body[0]?.errorCode : undefined);
