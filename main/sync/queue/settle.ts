import type { Db } from '../../store/db';
import { inTransaction } from '../../store/db';
import { backoffDelay, defaultBackoff, type BackoffPolicy } from './backoff';
import { idList, iso } from './rows';
import type { Failure } from './types';

/**
 * Marks items done. Only items still leased to `owner` are touched (a worker whose lease was
 * taken over must not settle the new holder's work). Items that got a newer change while
 * running go back to pending instead. Dead letters of the same change are superseded.
 * Returns the ids actually settled.
 */
export function complete(db: Db, owner: string, ids: readonly number[], now = Date.now()): number[] {
  if (ids.length === 0) return [];
  const at = iso(now);
  return inTransaction(db, () => {
    const done = db
      .prepare(
        `UPDATE sync_queue
            SET state = CASE WHEN rerun = 1 THEN 'pending' ELSE 'done' END,
                attempts = CASE WHEN rerun = 1 THEN 0 ELSE attempts END,
                rerun = 0, lease_owner = NULL, lease_expires_at = NULL, next_run_at = @at,
                last_error = NULL, error_code = NULL, error_field = NULL,
                completed_at = @at, updated_at = @at
          WHERE id IN (SELECT value FROM json_each(@ids)) AND state = 'running' AND lease_owner = @owner
        RETURNING id, idempotency_key AS key`,
      )
      .all({ at, ids: idList(ids), owner }) as { id: number; key: string }[];
    if (done.length > 0) {
      db.prepare(
        `UPDATE sync_queue SET state = 'superseded', updated_at = @at
          WHERE state = 'dead' AND idempotency_key IN (SELECT value FROM json_each(@keys))`,
      ).run({ at, keys: JSON.stringify(done.map((d) => d.key)) });
    }
    return done.map((d) => d.id);
  });
}

export interface FailOptions {
  now?: number;
  backoff?: BackoffPolicy;
  random?: () => number;
}

export type FailOutcome = 'retry' | 'dead' | 'deferred' | 'rerun' | 'not-held';

interface HeldRow {
  attempts: number;
  max_attempts: number;
  rerun: number;
}

function decide(row: HeldRow, f: Failure, opts: FailOptions, nowMs: number): { state: string; attempts: number; at: number; outcome: FailOutcome } {
  // A newer change arrived while this attempt ran: the next run uses new data, so it starts fresh.
  if (row.rerun === 1) return { state: 'pending', attempts: 0, at: nowMs, outcome: 'rerun' };
  if (f.kind === 'defer') return { state: 'pending', attempts: row.attempts, at: nowMs + Math.max(0, f.delayMs ?? 1000), outcome: 'deferred' };
  const attempts = row.attempts + 1;
  if (f.kind === 'permanent' || attempts >= row.max_attempts) return { state: 'dead', attempts, at: nowMs, outcome: 'dead' };
  const delay = Math.max(f.delayMs ?? 0, backoffDelay(attempts, opts.backoff ?? defaultBackoff, opts.random));
  return { state: 'failed', attempts, at: nowMs + delay, outcome: 'retry' };
}

/**
 * Records failed attempts. Retryable failures back off exponentially with jitter until
 * max attempts, then become dead letters; permanent ones are dead at once; deferred ones
 * (rate limits) wait without using an attempt. Returns the outcome per id.
 */
export function fail(
  db: Db,
  owner: string,
  failures: ReadonlyArray<{ id: number; failure: Failure }>,
  opts: FailOptions = {},
): Map<number, FailOutcome> {
  const nowMs = opts.now ?? Date.now();
  const at = iso(nowMs);
  const read = db.prepare("SELECT attempts, max_attempts, rerun FROM sync_queue WHERE id = ? AND state = 'running' AND lease_owner = ?");
  const write = db.prepare(
    `UPDATE sync_queue
        SET state = @state, attempts = @attempts, next_run_at = @next, rerun = 0,
            lease_owner = NULL, lease_expires_at = NULL,
            last_error = @message, error_code = @code, error_field = @field, updated_at = @at
      WHERE id = @id`,
  );
  return inTransaction(db, () => {
    const out = new Map<number, FailOutcome>();
    for (const { id, failure } of failures) {
      const row = read.get(id, owner) as HeldRow | undefined;
      if (!row) {
        out.set(id, 'not-held');
        continue;
      }
      const d = decide(row, failure, opts, nowMs);
      write.run({
        id,
        state: d.state,
        attempts: d.attempts,
        next: iso(d.at),
        message: failure.message.slice(0, 4000),
        code: failure.code ?? null,
        field: failure.field ?? null,
        at,
      });
      out.set(id, d.outcome);
    }
    return out;
  });
}

/**
 * Hands leased items back without counting an attempt: on shutdown, or when a whole batch
 * has to wait (e.g. the connection is rate limited). Returns how many were released.
 */
export function release(db: Db, owner: string, ids: readonly number[], opts: { delayMs?: number; now?: number } = {}): number {
  if (ids.length === 0) return 0;
  const nowMs = opts.now ?? Date.now();
  return db
    .prepare(
      `UPDATE sync_queue
          SET state = 'pending', lease_owner = NULL, lease_expires_at = NULL, rerun = 0,
              next_run_at = @next, updated_at = @at
        WHERE id IN (SELECT value FROM json_each(@ids)) AND state = 'running' AND lease_owner = @owner`,
    )
    .run({ next: iso(nowMs + Math.max(0, opts.delayMs ?? 0)), at: iso(nowMs), ids: idList(ids), owner }).changes;
}
