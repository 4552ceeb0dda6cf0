import { isProviderError, type ErrorKind, type RecordError } from '../../providers/errors';
import type { Failure } from './types';

/**
 * What the queue does with each kind of provider failure. Decided on the error's kind only,
 * never on a vendor code: validation and fatal errors are dead letters at once (the record
 * itself must change), a rate limit waits without using an attempt, the rest back off.
 */
const policy: Record<ErrorKind, Failure['kind']> = {
  validation: 'permanent',
  fatal: 'permanent',
  'rate-limit': 'defer',
  transient: 'retry',
  auth: 'retry',
  duplicate: 'retry',
};

/** A failure for one record of a batch answer. */
export function failureFromRecordError(e: RecordError, retryAfterMs?: number): Failure {
  const kind = policy[e.kind];
  return {
    kind,
    message: e.message,
    code: e.code,
    field: e.fields[0],
    ...(kind === 'defer' ? { delayMs: retryAfterMs ?? 1000 } : {}),
  };
}

/** A failure for anything a job threw. Unknown errors are retried: they may be passing trouble. */
export function failureFromError(err: unknown): Failure {
  if (isProviderError(err)) {
    const retryAfterMs = 'retryAfterMs' in err && typeof err.retryAfterMs === 'number' ? err.retryAfterMs : undefined;
    return failureFromRecordError({ kind: err.kind, code: err.code, message: err.message, fields: err.fields }, retryAfterMs);
  }
  return { kind: 'retry', message: err instanceof Error ? err.message : String(err), code: 'UNEXPECTED' };
}
