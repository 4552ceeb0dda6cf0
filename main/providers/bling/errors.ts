import { AuthError, FatalError, RateLimitError, TransientError, ValidationError, parseRetryAfter, type ProviderError } from '../errors';
import type { VendorErrorInput } from '../http';
import { BRASILIA_OFFSET_MINUTES, msUntilZoneMidnight } from '../zone-time';

interface BlingFieldError {
  code?: number;
  msg?: string;
  element?: string;
  collection?: Array<{ index?: number; msg?: string; element?: string }>;
}

interface BlingErrorBody {
  error?: { type?: string; message?: string; description?: string; fields?: BlingFieldError[]; period?: string };
}

/** `itens[0].quantidade`, or the collection entries' elements under their list. */
function fieldNames(fields: BlingFieldError[]): string[] {
  return fields.flatMap((f) => (f.collection?.length ? f.collection.map((c) => `${f.element ?? ''}[${c.index ?? 0}].${c.element ?? ''}`) : f.element ? [f.element] : []));
}

/** `{ error: { type, message, description, fields? } }` → a typed error. */
export function mapBlingError(res: VendorErrorInput): ProviderError {
  const e = (res.body && typeof res.body === 'object' ? (res.body as BlingErrorBody).error : undefined) ?? {};
  const type = e.type ?? String(res.status);
  const said = [e.message && e.message !== type ? e.message : undefined, e.description].filter(Boolean).join(' ') || (typeof res.body === 'string' && res.body ? res.body.slice(0, 300) : `Bling answered HTTP ${res.status}`);
  const init = { code: type, status: res.status, detail: res.body };
  if (res.status === 429) {
    // The daily allowance resets at midnight Brasília time; the per-second one after a second.
    const wait = e.period === 'day' ? msUntilZoneMidnight(BRASILIA_OFFSET_MINUTES) : 1000;
    return new RateLimitError(`Bling rate limit: ${said}`, { ...init, retryAfterMs: parseRetryAfter(res.headers['retry-after']) ?? wait });
  }
  if (res.status === 401) return new AuthError(`Bling refused the access token: ${said}`, init);
  if (res.status >= 500) return new TransientError(`Bling is unavailable (${res.status}): ${said}`, init);
  if (res.status === 403) return new FatalError(`Bling denied access (${type}): ${said} Check the scopes of your Bling app.`, init);
  if (res.status === 404) return new FatalError(`Bling: ${said}`, { ...init, code: 'NOT_FOUND' });
  if (res.status === 400 || res.status === 422) {
    const fields = e.fields ?? [];
    const detail = fields.flatMap((f) => (f.collection?.length ? f.collection.map((c) => `${f.element}[${c.index}].${c.element}: ${c.msg}`) : [`${f.element}: ${f.msg}`]));
    return new ValidationError(detail.length ? `${said} ${detail.join('; ')}` : said, { ...init, fields: fieldNames(fields) });
  }
  return new FatalError(`Bling error (${res.status}): ${said}`, init);
}
