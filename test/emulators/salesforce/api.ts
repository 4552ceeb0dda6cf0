import type { EmuReply, EmuRequest, RouteHandler } from '../common/http';
import { bearerToken, type AccessGrant } from './auth';
import { DmlFailure, errorReply, SfApiError, sessionInvalid } from './errors';
import type { SfState } from './state';

/** What an authenticated REST handler gets besides the request. */
export interface ApiCall {
  /** `60.0` for `/services/data/v60.0/...`. */
  version: string;
  /** `http://127.0.0.1:PORT`, from the Host header. */
  baseUrl: string;
  grant: AccessGrant;
}

export type ApiHandler = (req: EmuRequest, call: ApiCall) => EmuReply | Promise<EmuReply>;

export const baseUrlOf = (req: EmuRequest): string => `http://${req.headers.host ?? '127.0.0.1'}`;

/** Daily API request counter behind `Sforce-Limit-Info` and REQUEST_LIMIT_EXCEEDED. */
export class ApiUsage {
  constructor(
    public max: number,
    public used = 0,
  ) {}
  header(): string {
    return `api-usage=${this.used}/${this.max}`;
  }
}

export function parseVersion(state: SfState, raw: string | undefined): string | undefined {
  const m = raw ? /^v(\d+)\.0$/.exec(raw) : null;
  if (!m) return undefined;
  const n = Number(m[1]);
  return n >= state.config.oldestVersion && n <= state.config.latestVersion ? `${n}.0` : undefined;
}

export function toErrorReply(err: unknown): EmuReply {
  if (err instanceof SfApiError) return errorReply(err.status, err.errorCode, err.message, err.fields);
  if (err instanceof DmlFailure) {
    const e = err.errors[0];
    return errorReply(400, e.statusCode, e.message, e.fields);
  }
  throw err;
}

/** Wraps a `/services/data/vXX.X/...` handler: version, session, daily limit, then the limit header. */
export function apiRoute(state: SfState, handler: ApiHandler): RouteHandler {
  return async (req) => {
    const version = parseVersion(state, req.params.version);
    if (!version) return errorReply(404, 'NOT_FOUND', 'The requested resource does not exist');
    const grant = state.tokens.validate(bearerToken(req.headers));
    if (!grant) return sessionInvalid();
    const usage = state.usage;
    if (usage.used >= usage.max) {
      return withLimitHeader(errorReply(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'), usage);
    }
    usage.used++;
    let reply: EmuReply;
    try {
      reply = await handler(req, { version, baseUrl: baseUrlOf(req), grant });
    } catch (err) {
      reply = toErrorReply(err);
    }
    return withLimitHeader(reply, usage);
  };
}

function withLimitHeader(reply: EmuReply, usage: ApiUsage): EmuReply {
  return { ...reply, headers: { ...(reply.headers ?? {}), 'Sforce-Limit-Info': usage.header() } };
}

/** The JSON body of a request, or JSON_PARSER_ERROR like the platform's deserializer. */
export function jsonBody(req: EmuRequest): unknown {
  if (req.body !== undefined) return req.body;
  if (!req.text.trim()) throw new SfApiError(400, 'JSON_PARSER_ERROR', 'The request body is empty.');
  throw new SfApiError(400, 'JSON_PARSER_ERROR', `Unexpected character ('${req.text.trim()[0]}' (code ${req.text.trim().charCodeAt(0)})): expected a valid value at [line:1, column:1]`);
}

export function jsonObjectBody(req: EmuRequest): Record<string, unknown> {
  const body = jsonBody(req);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new SfApiError(400, 'JSON_PARSER_ERROR', 'Cannot deserialize instance of object from START_ARRAY value [line:1, column:1]');
  }
  return body as Record<string, unknown>;
}
