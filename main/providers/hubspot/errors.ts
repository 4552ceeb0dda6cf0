import { AuthError, DuplicateError, FatalError, RateLimitError, TransientError, ValidationError, parseRetryAfter, type ProviderError, type RecordError } from '../errors';
import type { VendorErrorInput } from '../http';
import { numberHeader } from '../rate-info';

/** HubSpot's error body (CRM v3/v4). */
export interface HubSpotErrorBody {
  status?: string;
  message?: string;
  category?: string;
  errorType?: string;
  policyName?: string;
  correlationId?: string;
  errors?: Array<{ message?: string; code?: string; context?: Record<string, string[]> }>;
  context?: Record<string, string[]>;
}

/** Property names HubSpot blames: errors[].context.propertyName, or the JSON embedded in "Property values were not valid: [...]". */
export function fieldsOf(body: HubSpotErrorBody): string[] {
  const names = new Set<string>();
  for (const e of body.errors ?? []) for (const n of e.context?.propertyName ?? []) names.add(n);
  for (const n of body.context?.propertyName ?? []) names.add(n);
  const embedded = body.message?.match(/Property values were not valid: (\[.*\])\s*$/s)?.[1];
  if (embedded) {
    try {
      for (const p of JSON.parse(embedded) as Array<{ name?: string }>) if (p.name) names.add(p.name);
    } catch {
      // The message stays as it is; only the field list is lost.
    }
  }
  return [...names];
}

/** "Contact already exists. Existing ID: 12345" → ['12345']. */
export const existingIdsOf = (message: string | undefined): string[] => (message ? [...message.matchAll(/Existing ID:\s*(\d+)/gi)].map((m) => m[1]) : []);

/** Rate-limit waits by policy: a rolling 10-s window, the 5-per-second search limit, or the daily budget. */
function retryAfterMs(res: VendorErrorInput, body: HubSpotErrorBody): number {
  const header = parseRetryAfter(res.headers['retry-after']);
  if (header !== undefined) return header;
  if (body.policyName === 'DAILY') return msUntilUtcMidnight();
  if (body.policyName === 'SECONDLY') return 1000;
  const interval = numberHeader(res.headers, 'x-hubspot-ratelimit-interval-milliseconds');
  const remaining = numberHeader(res.headers, 'x-hubspot-ratelimit-remaining');
  // A rolling window frees a slot as the oldest request ages out; a fraction of it is usually enough.
  if (interval && remaining === 0) return Math.min(interval, 2000);
  return 1000;
}

const msUntilUtcMidnight = (now = Date.now()) => {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1) - now;
};

export function mapHubSpotError(res: VendorErrorInput): ProviderError {
  const body = (res.body && typeof res.body === 'object' ? res.body : { message: typeof res.body === 'string' ? res.body : undefined }) as HubSpotErrorBody;
  const code = body.category ?? body.errorType ?? body.status ?? String(res.status);
  const message = body.message ?? `HubSpot answered HTTP ${res.status}`;
  const fields = fieldsOf(body);
  const init = { code, status: res.status, fields, detail: body };
  if (res.status === 429) return new RateLimitError(`HubSpot rate limit: ${message}`, { ...init, retryAfterMs: retryAfterMs(res, body) });
  if (res.status === 401) return new AuthError(`HubSpot refused the token (${code}): ${message}`, init);
  if (res.status === 403) {
    const what = code === 'MISSING_SCOPES' ? 'The HubSpot app was not granted a scope this needs: reconnect and approve all requested scopes.' : message;
    return new FatalError(`HubSpot denied access: ${what}`, init);
  }
  if (res.status === 409) return new DuplicateError(message, { ...init, existingIds: existingIdsOf(message) });
  if (res.status >= 500) return new TransientError(`HubSpot is unavailable (${res.status} ${code}).`, init);
  if (res.status === 400 && /DUPLICATE_UNIQUE_PROPERTY_VALUE|already has that value|already exists/i.test(message)) {
    return new DuplicateError(message, { ...init, existingIds: existingIdsOf(message) });
  }
  if (res.status === 400) return new ValidationError(fields.length ? `${fields.join(', ')}: ${plainMessage(message)}` : message, init);
  return new FatalError(`HubSpot error (${res.status} ${code}): ${message}`, init);
}

/** The readable part of "Property values were not valid: [{...}]": the per-property messages. */
function plainMessage(message: string): string {
  const embedded = message.match(/Property values were not valid: (\[.*\])\s*$/s)?.[1];
  if (!embedded) return message;
  try {
    return (JSON.parse(embedded) as Array<{ message?: string }>).map((p) => p.message).filter(Boolean).join('; ') || message;
  } catch {
    return message;
  }
}

export const toRecordError = (err: ProviderError): RecordError => ({
  kind: err.kind,
  code: err.code,
  message: err.message,
  fields: err.fields,
  existingIds: err instanceof DuplicateError ? err.existingIds : undefined,
});
