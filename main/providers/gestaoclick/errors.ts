import { AuthError, FatalError, RateLimitError, TransientError, ValidationError, parseRetryAfter, type ProviderError } from '../errors';
import type { VendorErrorInput } from '../http';

/** `{ code, status: "error", data: { mensagem, erros? } }`; `erros` names each invalid field. */
interface GcErrorBody {
  data?: { mensagem?: string; erros?: Record<string, string> } | string;
  mensagem?: string;
}

function detailOf(body: unknown): { message?: string; fields: Record<string, string> } {
  if (!body || typeof body !== 'object') return { message: typeof body === 'string' && body ? body.slice(0, 300) : undefined, fields: {} };
  const b = body as GcErrorBody;
  const data = typeof b.data === 'object' && b.data ? b.data : undefined;
  return { message: data?.mensagem ?? (typeof b.data === 'string' ? b.data : b.mensagem), fields: data?.erros ?? {} };
}

/** GestãoClick's error answers → typed errors (its bodies are undocumented beyond the 429 message). */
export function mapGestaoClickError(res: VendorErrorInput): ProviderError {
  const { message = `GestãoClick answered HTTP ${res.status}`, fields } = detailOf(res.body);
  const init = { status: res.status, detail: res.body };
  if (res.status === 429) {
    // The 429 does not say whether the per-second or the daily allowance ran out: wait a second first.
    return new RateLimitError(`GestãoClick rate limit: ${message}`, { ...init, code: 'RATE_LIMIT', retryAfterMs: parseRetryAfter(res.headers['retry-after']) ?? 1000 });
  }
  if (res.status === 401) {
    return new AuthError(`GestãoClick refused the token pair: ${message}. Check the access token and the secret access token, and that the API add-on is active.`, { ...init, code: 'UNAUTHORIZED' });
  }
  if (res.status >= 500) return new TransientError(`GestãoClick is unavailable (${res.status}): ${message}`, { ...init, code: String(res.status) });
  if (res.status === 400 || res.status === 422) {
    const named = Object.entries(fields);
    const text = named.length ? `${message} ${named.map(([f, m]) => `${f}: ${m}`).join('; ')}` : message;
    return new ValidationError(text, { ...init, code: 'VALIDATION_ERROR', fields: named.map(([f]) => f) });
  }
  if (res.status === 404) return new FatalError(`GestãoClick: ${message}`, { ...init, code: 'NOT_FOUND' });
  return new FatalError(`GestãoClick error (${res.status}): ${message}`, { ...init, code: String(res.status) });
}
