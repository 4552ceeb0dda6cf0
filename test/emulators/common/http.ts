import type { IncomingMessage, ServerResponse } from 'node:http';

/** A parsed request as emulator route handlers see it. */
export interface EmuRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  params: Record<string, string>;
  /** Raw body text ('' when none). */
  text: string;
  /** Body parsed as JSON (or form-encoded into an object), undefined when empty or unparseable. */
  body: unknown;
  raw: IncomingMessage;
}

export interface EmuReply {
  status: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings as-is (set content-type in headers). */
  body?: unknown;
}

export type RouteHandler = (req: EmuRequest) => EmuReply | Promise<EmuReply>;

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  handler: RouteHandler;
}

/** Minimal method + path router: patterns like `/crm/v3/objects/:type/:id`; a trailing `*` matches the rest. */
export class Router {
  private routes: Route[] = [];

  on(method: string, path: string, handler: RouteHandler): this {
    const keys: string[] = [];
    const source = path
      .split('/')
      .map((seg) => {
        if (seg === '*') {
          keys.push('rest');
          return '(.*)';
        }
        if (seg.startsWith(':')) {
          keys.push(seg.slice(1));
          return '([^/]+)';
        }
        return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    this.routes.push({ method: method.toUpperCase(), pattern: new RegExp(`^${source}/?$`), keys, handler });
    return this;
  }

  match(method: string, path: string): { handler: RouteHandler; params: Record<string, string> } | 'method-not-allowed' | undefined {
    let pathMatched = false;
    for (const r of this.routes) {
      const m = r.pattern.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (r.method !== method.toUpperCase()) continue;
      const params: Record<string, string> = {};
      r.keys.forEach((k, i) => (params[k] = safeDecode(m[i + 1] ?? '')));
      return { handler: r.handler, params };
    }
    return pathMatched ? 'method-not-allowed' : undefined;
  }
}

/** A malformed %-escape in a path segment is kept as written instead of failing the request. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function parseBody(text: string, contentType: string | undefined): unknown {
  if (!text) return undefined;
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function send(res: ServerResponse, reply: EmuReply): void {
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
  let payload: string | Buffer | undefined;
  if (reply.body === undefined || reply.body === null) payload = undefined;
  else if (typeof reply.body === 'string' || Buffer.isBuffer(reply.body)) payload = reply.body;
  else {
    payload = JSON.stringify(reply.body);
    headers['content-type'] ??= 'application/json;charset=UTF-8';
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): EmuReply => ({ status, body, headers });
