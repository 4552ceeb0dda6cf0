import type { QueueDirection, QueueItem, QueueState } from './types';

/** A sync_queue row as SQLite returns it. */
export interface QueueRow {
  id: number;
  connection_id: string;
  object: string;
  local_kind: string;
  local_id: number | null;
  operation: string;
  direction: string;
  priority: number;
  state: string;
  attempts: number;
  max_attempts: number;
  next_run_at: string;
  lease_owner: string | null;
  lease_expires_at: string | null;
  last_error: string | null;
  error_code: string | null;
  error_field: string | null;
  idempotency_key: string;
  payload: string | null;
  run_id: string | null;
  rerun: number;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
}

function parsePayload(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // A hand-edited or truncated row must not take the whole claim down; the job's own payload
    // parser then rejects it and the item is dead-lettered with a reason.
    return text;
  }
}

export const toQueueItem = (r: QueueRow): QueueItem => ({
  id: r.id,
  connectionId: r.connection_id,
  object: r.object,
  localKind: r.local_kind,
  localId: r.local_id,
  operation: r.operation,
  direction: r.direction as QueueDirection,
  priority: r.priority,
  state: r.state as QueueState,
  attempts: r.attempts,
  maxAttempts: r.max_attempts,
  nextRunAt: r.next_run_at,
  leaseOwner: r.lease_owner,
  leaseExpiresAt: r.lease_expires_at,
  lastError: r.last_error,
  errorCode: r.error_code,
  errorField: r.error_field,
  idempotencyKey: r.idempotency_key,
  payload: parsePayload(r.payload),
  runId: r.run_id,
  rerun: r.rerun === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  completedAt: r.completed_at,
});

export const iso = (ms: number): string => new Date(ms).toISOString();

/** Binds a list of ids as one JSON parameter (no statement per list length). */
export const idList = (ids: readonly number[]): string => JSON.stringify(ids);
