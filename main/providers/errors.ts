/**
 * Typed failures every provider client throws, whatever the CRM. The sync engine decides on
 * `kind` (retry, refresh, wait, dead-letter), never on vendor codes.
 */
export type ErrorKind = 'auth' | 'validation' | 'duplicate' | 'rate-limit' | 'transient' | 'fatal';

export interface ProviderErrorInit {
  /** The vendor's code (INVALID_SESSION_ID, VALIDATION_ERROR, ...) or an HTTP status as text. */
  code?: string;
  status?: number;
  /** Fields the vendor named as the cause. */
  fields?: string[];
  /** The vendor's error body, kept for the audit log (redacted before it is stored). */
  detail?: unknown;
  cause?: unknown;
}

export abstract class ProviderError extends Error {
  abstract readonly kind: ErrorKind;
  readonly code: string;
  readonly status?: number;
  readonly fields: string[];
  readonly detail?: unknown;

  constructor(message: string, init: ProviderErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.code = init.code ?? (init.status ? String(init.status) : 'UNKNOWN');
    this.status = init.status;
    this.fields = init.fields ?? [];
    this.detail = init.detail;
  }

  /** Worth trying the same request again later (after a wait or a token refresh). */
  get retryable(): boolean {
    return this.kind === 'transient' || this.kind === 'rate-limit';
  }
}

/** The token is missing, expired beyond refresh or revoked. */
export class AuthError extends ProviderError {
  readonly kind = 'auth' as const;
  /** True when only the user can fix it (reconnect); false for a token a refresh may cure. */
  readonly needsReconnect: boolean;
  constructor(message: string, init: ProviderErrorInit & { needsReconnect?: boolean } = {}) {
    super(message, init);
    this.needsReconnect = init.needsReconnect ?? false;
  }
}

/** The CRM refused the data: a required field, a bad value, a malformed query. Not retryable. */
export class ValidationError extends ProviderError {
  readonly kind = 'validation' as const;
  /** The first field named, for messages like "Email: invalid email address". */
  get field(): string | undefined {
    return this.fields[0];
  }
}

/** The record already exists (unique field or duplicate rule); `existingIds` when the CRM says which. */
export class DuplicateError extends ProviderError {
  readonly kind = 'duplicate' as const;
  readonly existingIds: string[];
  constructor(message: string, init: ProviderErrorInit & { existingIds?: string[] } = {}) {
    super(message, init);
    this.existingIds = init.existingIds ?? [];
  }
}

/** Too many requests: wait `retryAfterMs` before the next one. */
export class RateLimitError extends ProviderError {
  readonly kind = 'rate-limit' as const;
  readonly retryAfterMs: number;
  constructor(message: string, init: ProviderErrorInit & { retryAfterMs: number }) {
    super(message, init);
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** Network trouble, a timeout or a 5xx: the same request may well succeed later. */
export class TransientError extends ProviderError {
  readonly kind = 'transient' as const;
}

/** Anything else: not found, forbidden, unsupported. Retrying will not help. */
export class FatalError extends ProviderError {
  readonly kind = 'fatal' as const;
}

export const isProviderError = (e: unknown): e is ProviderError => e instanceof ProviderError;

/** A per-record failure inside a batch answer: the same classification, no throw. */
export interface RecordError {
  kind: ErrorKind;
  code: string;
  message: string;
  fields: string[];
  /** For duplicates: ids of the records that already hold the value, when the CRM says. */
  existingIds?: string[];
}

/** Turns a per-record failure into the matching typed error (for callers that prefer throwing). */
export function recordErrorToError(e: RecordError): ProviderError {
  const init = { code: e.code, fields: e.fields };
  switch (e.kind) {
    case 'auth':
      return new AuthError(e.message, init);
    case 'validation':
      return new ValidationError(e.message, init);
    case 'duplicate':
      return new DuplicateError(e.message, { ...init, existingIds: e.existingIds });
    case 'rate-limit':
      return new RateLimitError(e.message, { ...init, retryAfterMs: 1000 });
    case 'transient':
      return new TransientError(e.message, init);
    case 'fatal':
      return new FatalError(e.message, init);
  }
}

/** Parses Retry-After (seconds or an HTTP date) into milliseconds; undefined when absent. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return undefined;
  const seconds = Number(v);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
