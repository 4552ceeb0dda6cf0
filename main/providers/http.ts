import { Agent, request as undiciRequest, errors as undiciErrors, type Dispatcher } from 'undici';
import { AuthError, FatalError, ProviderError, RateLimitError, TransientError } from './errors';
import { traceHttp } from './http-trace';

/** The token a request goes out with; Salesforce also learns its API host from it. */
export interface Credentials {
  accessToken: string;
  /** API base for this token when the provider hands one out (Salesforce instance_url, Pipedrive api_domain). */
  instanceUrl?: string;
  /** How the token travels: a Bearer header (default) or Pipedrive's `api_token` query parameter. */
  scheme?: 'bearer' | 'api_token';
  /** The second half of a token pair, for providers that send two (GestãoClick). */
  secretToken?: string;
}

/**
 * Where a client gets its token. The connections service implements it: `current` refreshes
 * ahead of a known expiry, `renew` after the CRM said the token is bad, once for all callers.
 */
export interface AuthContext {
  current(): Promise<Credentials>;
  /** `cause` is the CRM's refusal, so a session that cannot renew can say what the CRM said. */
  renew(failed: Credentials, cause: AuthError): Promise<Credentials>;
}

export type Query = Record<string, string | number | boolean | undefined | null | string[]>;

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** A path under the API base (`/services/data/v62.0/query`) or an absolute URL. */
  path: string;
  query?: Query;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as-is with `contentType` (CSV for bulk jobs). */
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Safe to send twice: retried on transient failures and short rate limits. Defaults to GET only. */
  idempotent?: boolean;
  /** Statuses the caller handles itself instead of an error (e.g. 300 on Salesforce upsert). */
  acceptStatus?: number[];
}

export interface HttpResponse<T = unknown> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: T;
}

export interface VendorErrorInput {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface ApiClientOptions {
  /** Default API base when the credentials carry none. */
  baseUrl: string;
  auth: AuthContext;
  /** Attaches the credentials to a request (bearer header, api_token query parameter). */
  applyAuth: (creds: Credentials, url: URL, headers: Record<string, string>) => void;
  /** The vendor's error body → a typed error. */
  mapError: (res: VendorErrorInput) => ProviderError;
  /** Sees every response's headers (usage and rate-limit bookkeeping). */
  onResponse?: (res: { status: number; headers: HttpResponse['headers'] }) => void;
  /** Waits before every request goes out, retries included (client-side pacing: RequestPacer.take). */
  beforeSend?: () => Promise<void>;
  timeouts?: { connectMs?: number; headersMs?: number; bodyMs?: number };
  /** Retries for idempotent requests (default 2). */
  maxRetries?: number;
  /** Longest rate-limit wait the client sits out by itself before handing the error up. */
  maxRateLimitWaitMs?: number;
  dispatcher?: Dispatcher;
  userAgent?: string;
}

/**
 * A provider's HTTP client on undici: one keep-alive pool per origin, timeouts, JSON in and
 * out, vendor error bodies turned into typed errors, one retry after a token renewal, and
 * bounded retries of idempotent requests.
 */
export class ApiClient {
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;

  constructor(private readonly opts: ApiClientOptions) {
    this.ownsDispatcher = !opts.dispatcher;
    this.dispatcher =
      opts.dispatcher ??
      new Agent({
        keepAliveTimeout: 30_000,
        keepAliveMaxTimeout: 120_000,
        connections: 16,
        connect: { timeout: opts.timeouts?.connectMs ?? 10_000 },
        headersTimeout: opts.timeouts?.headersMs ?? 60_000,
        bodyTimeout: opts.timeouts?.bodyMs ?? 120_000,
      });
  }

  async request<T = unknown>(req: HttpRequest): Promise<HttpResponse<T>> {
    const idempotent = req.idempotent ?? req.method === 'GET';
    const maxRetries = idempotent ? (this.opts.maxRetries ?? 2) : 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.withAuthRetry<T>(req);
      } catch (err) {
        const wait = attempt < maxRetries ? this.retryDelay(err, attempt) : undefined;
        if (wait === undefined) throw err;
        await sleep(wait);
      }
    }
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  private retryDelay(err: unknown, attempt: number): number | undefined {
    if (err instanceof RateLimitError) return err.retryAfterMs <= (this.opts.maxRateLimitWaitMs ?? 15_000) ? err.retryAfterMs : undefined;
    if (err instanceof TransientError) return 200 * 2 ** attempt + Math.floor(Math.random() * 100);
    return undefined;
  }

  /** Sends once; on an auth failure gets renewed credentials (shared by concurrent callers) and sends once more. */
  private async withAuthRetry<T>(req: HttpRequest): Promise<HttpResponse<T>> {
    // Paced before the token is taken, so a request that waited its turn goes out with the newest one.
    await this.opts.beforeSend?.();
    const creds = await this.opts.auth.current();
    try {
      return await this.send<T>(req, creds);
    } catch (err) {
      if (!(err instanceof AuthError) || err.needsReconnect) throw err;
      const fresh = await this.opts.auth.renew(creds, err);
      await this.opts.beforeSend?.();
      return this.send<T>(req, fresh);
    }
  }

  private async send<T>(req: HttpRequest, creds: Credentials): Promise<HttpResponse<T>> {
    const url = this.resolveUrl(req, creds);
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': this.opts.userAgent ?? 'ticket-crm-sync', ...req.headers };
    let body: string | undefined;
    if (req.json !== undefined) {
      body = JSON.stringify(req.json);
      headers['content-type'] = 'application/json';
    } else if (req.text !== undefined) {
      body = req.text;
      headers['content-type'] = req.contentType ?? 'text/plain';
    }
    this.opts.applyAuth(creds, url, headers);
    let res: Dispatcher.ResponseData;
    const started = Date.now();
    const exchange = { method: req.method, url, requestHeaders: headers, requestBody: body };
    try {
      res = await undiciRequest(url, { method: req.method, headers, body, dispatcher: this.dispatcher });
    } catch (err) {
      traceHttp(() => ({ ...exchange, ms: Date.now() - started, error: err instanceof Error ? err.message : String(err) }));
      throw toNetworkError(err, req.method, url);
    }
    const text = await readText(res, req.method, url);
    traceHttp(() => ({ ...exchange, status: res.statusCode, responseHeaders: res.headers, responseBody: text, ms: Date.now() - started }));
    this.opts.onResponse?.({ status: res.statusCode, headers: res.headers });
    const parsed = parseBody(text, res.headers['content-type']);
    const ok = (res.statusCode >= 200 && res.statusCode < 300) || req.acceptStatus?.includes(res.statusCode);
    if (!ok) throw this.opts.mapError({ status: res.statusCode, headers: res.headers, body: parsed });
    return { status: res.statusCode, headers: res.headers, body: parsed as T };
  }

  private resolveUrl(req: HttpRequest, creds: Credentials): URL {
    const base = creds.instanceUrl ?? this.opts.baseUrl;
    const url = /^https?:\/\//.test(req.path) ? new URL(req.path) : new URL(joinPath(base, req.path));
    for (const [k, v] of Object.entries(req.query ?? {})) {
      if (v === undefined || v === null) continue;
      if (Array.isArray(v)) for (const item of v) url.searchParams.append(k, item);
      else url.searchParams.set(k, String(v));
    }
    return url;
  }
}

const joinPath = (base: string, path: string): string => `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function readText(res: Dispatcher.ResponseData, method: string, url: URL): Promise<string> {
  try {
    return await res.body.text();
  } catch (err) {
    throw toNetworkError(err, method, url);
  }
}

function parseBody(text: string, contentType: string | string[] | undefined): unknown {
  if (text === '') return undefined;
  const ct = Array.isArray(contentType) ? contentType[0] : contentType;
  const looksJson = ct?.includes('json') || /^\s*[[{]/.test(text);
  if (!looksJson) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Where the request went, without its query string (which may carry an api_token). */
const describe = (method: string, url: URL) => `${method} ${url.origin}${url.pathname}`;

function toNetworkError(err: unknown, method: string, url: URL): ProviderError {
  const what = describe(method, url);
  if (err instanceof undiciErrors.HeadersTimeoutError || err instanceof undiciErrors.BodyTimeoutError || err instanceof undiciErrors.ConnectTimeoutError) {
    return new TransientError(`Timed out waiting for ${what}.`, { code: 'TIMEOUT', cause: err });
  }
  const code = (err as { code?: string } | undefined)?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new TransientError(`Cannot find the server for ${what}: check the URL and the network.`, { code, cause: err });
  }
  if (err instanceof Error) return new TransientError(`Network error on ${what}: ${err.message}`, { code: code ?? 'NETWORK', cause: err });
  return new FatalError(`Unexpected failure on ${what}.`, { cause: err });
}
