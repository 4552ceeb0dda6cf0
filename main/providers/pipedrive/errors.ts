import { AuthError, FatalError, RateLimitError, TransientError, ValidationError, parseRetryAfter, type ProviderError } from '../errors';
import type { VendorErrorInput } from '../http';
import { numberHeader } from '../rate-info';

/** `{ success: false, error, error_info, code? }` → a typed error. */
export function mapPipedriveError(res: VendorErrorInput): ProviderError {
  const body = (res.body && typeof res.body === 'object' ? res.body : {}) as { error?: string; code?: string; error_info?: string };
  const message = body.error ?? (typeof res.body === 'string' && res.body ? res.body.slice(0, 300) : `Pipedrive answered HTTP ${res.status}`);
  const init = { code: body.code ?? String(res.status), status: res.status, detail: res.body };
  if (res.status === 429) {
    const reset = numberHeader(res.headers, 'x-ratelimit-reset');
    return new RateLimitError(`Pipedrive rate limit: ${message}`, { ...init, retryAfterMs: parseRetryAfter(res.headers['retry-after']) ?? (reset !== undefined ? reset * 1000 : 2000) });
  }
  if (res.status === 401) return new AuthError(`Pipedrive refused the token: ${message}. Check the API token (Settings → Personal preferences → API).`, init);
  if (res.status >= 500) return new TransientError(`Pipedrive is unavailable (${res.status}): ${message}`, init);
  if (res.status === 400 || res.status === 422) return new ValidationError(message, { ...init, fields: fieldsIn(message) });
  if (res.status === 403) return new FatalError(`Pipedrive denied access: ${message}`, init);
  return new FatalError(`Pipedrive error (${res.status}): ${message}`, init);
}

/** Pipedrive names fields in prose ("Name must be given", "Invalid email"): pick out the usual ones. */
function fieldsIn(message: string): string[] {
  const m = /^(name|title|email|phone|org_id|person_id|stage_id|value|currency)\b/i.exec(message.trim());
  return m ? [m[1].toLowerCase()] : [];
}
