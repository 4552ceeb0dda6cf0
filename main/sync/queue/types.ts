/**
 * Shapes of the persisted sync queue. Each item is one unit of work: push one local record to
 * one CRM object, or pull one object's changes.
 */

/**
 * pending: waiting to run (now or at next_run_at). failed: waiting out a retry backoff.
 * running: leased by a worker. done / cancelled: finished. dead: gave up (dead letter).
 * superseded: a dead letter made obsolete by a later run of the same change.
 */
export const queueStates = ['pending', 'running', 'failed', 'done', 'dead', 'cancelled', 'superseded'] as const;
export type QueueState = (typeof queueStates)[number];

/** States in which an item still has work ahead; one open item per idempotency key. */
export const openStates: readonly QueueState[] = ['pending', 'running', 'failed'];

export type QueueDirection = 'push' | 'pull';

export interface NewQueueItem {
  connectionId: string;
  /** The provider's object name (Contact, contacts, persons, ...). */
  object: string;
  /** What kind of local row this is about (person, order, company, ...). */
  localKind: string;
  localId?: number | null;
  /** upsert, create, update, delete, associate, pull, ... (the engine's vocabulary). */
  operation: string;
  direction: QueueDirection;
  /** 0-10, higher runs first. Default 5. */
  priority?: number;
  /** Same key while open = same change: enqueueing it again coalesces. Default: derived from the fields above. */
  idempotencyKey?: string;
  payload?: unknown;
  runId?: string | null;
  /** Epoch ms before which the item must not run. */
  notBefore?: number;
}

export interface QueueItem {
  id: number;
  connectionId: string;
  object: string;
  localKind: string;
  localId: number | null;
  operation: string;
  direction: QueueDirection;
  priority: number;
  state: QueueState;
  attempts: number;
  maxAttempts: number;
  nextRunAt: string;
  leaseOwner: string | null;
  leaseExpiresAt: string | null;
  lastError: string | null;
  errorCode: string | null;
  errorField: string | null;
  idempotencyKey: string;
  /** Parsed JSON, or null. Job code validates it (it comes from disk). */
  payload: unknown;
  runId: string | null;
  /** A newer change arrived while the item was running: it runs again after this run. */
  rerun: boolean;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
}

/**
 * Why an attempt failed, as the queue needs it:
 * - retry: counts as an attempt, backs off, dead after max attempts;
 * - permanent: dead at once (validation, required field) with the reason;
 * - defer: not the item's fault (rate limit): waits `delayMs`, no attempt used.
 */
export interface Failure {
  kind: 'retry' | 'permanent' | 'defer';
  message: string;
  code?: string;
  field?: string;
  delayMs?: number;
}

/** Narrows which items an operation sees. */
export interface QueueScope {
  connectionId?: string;
  object?: string;
  direction?: QueueDirection;
}

export const defaultPriority = 5;
