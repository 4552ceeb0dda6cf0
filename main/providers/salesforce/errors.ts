import { AuthError, DuplicateError, FatalError, RateLimitError, TransientError, ValidationError, parseRetryAfter, type ErrorKind, type ProviderError, type RecordError } from '../errors';
import type { VendorErrorInput } from '../http';

/** One entry of Salesforce's error array (REST uses errorCode, collections use statusCode). */
export interface SalesforceErrorItem {
  message?: string;
  errorCode?: string;
  statusCode?: string;
  fields?: string[];
}

const VALIDATION = new Set([
  'REQUIRED_FIELD_MISSING',
  'FIELD_INTEGRITY_EXCEPTION',
  'FIELD_CUSTOM_VALIDATION_EXCEPTION',
  'INVALID_FIELD',
  'INVALID_FIELD_FOR_INSERT_UPDATE',
  'INVALID_TYPE',
  'INVALID_EMAIL_ADDRESS',
  'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
  'INVALID_CROSS_REFERENCE_KEY',
  'INVALID_ID_FIELD',
  'MALFORMED_ID',
  'MALFORMED_QUERY',
  'STRING_TOO_LONG',
  'NUMBER_OUTSIDE_VALID_RANGE',
  'JSON_PARSER_ERROR',
  'INVALID_QUERY_FILTER_OPERATOR',
  'INVALID_QUERY_LOCATOR',
  'INVALID_REPLICATION_DATE',
  'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY',
  'INVALID_FIELD_WHEN_USING_TEMPLATE',
  'BAD_REQUEST',
]);
const DUPLICATE = new Set(['DUPLICATE_VALUE', 'DUPLICATES_DETECTED', 'DUPLICATE_EXTERNAL_ID']);
const TRANSIENT = new Set(['SERVER_UNAVAILABLE', 'UNABLE_TO_LOCK_ROW', 'QUERY_TIMEOUT', 'REQUEST_RUNNING_TOO_LONG', 'UNKNOWN_EXCEPTION']);
const AUTH = new Set(['INVALID_SESSION_ID', 'INVALID_AUTH_HEADER']);

/** Classifies one Salesforce error code. */
export function kindOfCode(code: string | undefined, status?: number): ErrorKind {
  if (code && AUTH.has(code)) return 'auth';
  if (code === 'REQUEST_LIMIT_EXCEEDED' || status === 429) return 'rate-limit';
  if (code && DUPLICATE.has(code)) return 'duplicate';
  if (code && VALIDATION.has(code)) return 'validation';
  if ((code && TRANSIENT.has(code)) || (status !== undefined && status >= 500)) return 'transient';
  if (status === 401) return 'auth';
  if (status === 400) return 'validation';
  return 'fatal';
}

/** Ids Salesforce names in duplicate messages ("... duplicates value on record with id: 003...") or in a 300 answer. */
export function duplicateIdsIn(message: string | undefined): string[] {
  return message ? [...message.matchAll(/\bid:\s*([a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?)\b/gi)].map((m) => m[1]) : [];
}

export function toRecordError(items: SalesforceErrorItem[] | undefined): RecordError {
  const first = items?.[0] ?? {};
  const code = first.statusCode ?? first.errorCode ?? 'UNKNOWN';
  const kind = kindOfCode(code);
  const fields = [...new Set((items ?? []).flatMap((e) => e.fields ?? []))];
  const message = (items ?? []).map((e) => e.message).filter(Boolean).join('; ') || code;
  return { kind, code, message: fields.length ? `${fields.join(', ')}: ${message}` : message, fields, ...(kind === 'duplicate' ? { existingIds: duplicateIdsIn(message) } : {}) };
}

/** Salesforce's error answer (a JSON array, or an OAuth-style object) → a typed error. */
export function mapSalesforceError(res: VendorErrorInput): ProviderError {
  const items = errorItems(res.body);
  const first = items[0] ?? {};
  const code = first.errorCode ?? first.statusCode ?? String(res.status);
  const fields = [...new Set(items.flatMap((e) => e.fields ?? []))];
  const message = items.map((e) => e.message).filter(Boolean).join('; ') || `Salesforce answered HTTP ${res.status}`;
  const init = { code, status: res.status, fields, detail: res.body };
  // The identity service answers a dead token with a bare 403 "Bad_OAuth_Token".
  if (typeof res.body === 'string' && /Bad_OAuth_Token/.test(res.body)) return new AuthError('Salesforce refused the session (Bad_OAuth_Token).', { ...init, code: 'INVALID_SESSION_ID' });
  if (res.status === 300) return new DuplicateError(`Several Salesforce records match: ${message}`, { ...init, code: 'MULTIPLE_CHOICES', existingIds: multipleChoiceIds(res.body) });
  switch (kindOfCode(code, res.status)) {
    case 'auth':
      return new AuthError(`Salesforce refused the session (${code}): ${message}`, init);
    case 'rate-limit':
      return new RateLimitError(`Salesforce API limit reached: ${message}`, { ...init, retryAfterMs: parseRetryAfter(res.headers['retry-after']) ?? 60_000 });
    case 'duplicate':
      return new DuplicateError(message, { ...init, existingIds: duplicateIdsIn(message) });
    case 'validation':
      return new ValidationError(fields.length ? `${fields.join(', ')}: ${message}` : message, init);
    case 'transient':
      return new TransientError(`Salesforce is unavailable (${code}): ${message}`, init);
    default:
      if (res.status === 403) return new FatalError(`Salesforce denied access (${code}): ${message}. Check the user's permissions.`, init);
      return new FatalError(`Salesforce error (${code}): ${message}`, init);
  }
}

function errorItems(body: unknown): SalesforceErrorItem[] {
  if (Array.isArray(body)) return body.filter((x): x is SalesforceErrorItem => typeof x === 'object' && x !== null);
  if (body && typeof body === 'object') {
    const o = body as Record<string, unknown>;
    if (typeof o.error === 'string') return [{ errorCode: o.error, message: typeof o.error_description === 'string' ? o.error_description : o.error }];
    if (typeof o.errorCode === 'string' || typeof o.message === 'string') return [o as SalesforceErrorItem];
  }
  if (typeof body === 'string' && body) return [{ message: body.slice(0, 500) }];
  return [];
}

/** A 300 on upsert lists the matching record URLs. */
function multipleChoiceIds(body: unknown): string[] {
  if (!Array.isArray(body)) return [];
  return body.map((u) => (typeof u === 'string' ? u.split('/').pop() ?? '' : '')).filter(Boolean);
}
