import { describe, it, expect } from 'vitest';
import {
  enqueueMany, claim, complete, fail, release, getItem, queueCounts, backoffDelay, defaultBackoff, failureFromError,
  failureFromRecordError, type Failure,
} from '../../../main/sync/queue';
import { RateLimitError, TransientError, ValidationError, FatalError } from '../../../main/providers/errors';
import { memoryDb, item, alive, T0 } from './helpers';

const retry: Failure = { kind: 'retry', message: 'HTTP 503', code: '503' };
const claimAll = (db: ReturnType<typeof memoryDb>, now: number) => claim(db, { owner: 'w', limit: 100, leaseMs: 60_000, now, isOwnerAlive: alive });

describe('backoff', () => {
  it('doubles per attempt within the jitter bounds and is capped', () => {
    const p = { baseMs: 1000, maxMs: 60_000, jitter: 0.2 };
    for (let attempt = 1; attempt <= 5; attempt++) {
      const exp = 1000 * 2 ** (attempt - 1);
      expect(backoffDelay(attempt, p, () => 0)).toBe(Math.round(exp * 0.8));
      expect(backoffDelay(attempt, p, () => 0.999999)).toBeLessThanOrEqual(Math.round(exp * 1.2));
      expect(backoffDelay(attempt, p, () => 0.999999)).toBeGreaterThan(Math.round(exp * 1.19));
    }
    expect(backoffDelay(30, p, () => 1)).toBe(60_000);
  });

  it('spreads real random delays across the band, and attempt n+1 always waits longer than attempt n', () => {
    const p = { baseMs: 1000, maxMs: 1e9, jitter: 0.2 };
    const samples = Array.from({ length: 500 }, () => backoffDelay(3, p));
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(3200);
    expect(Math.max(...samples)).toBeLessThanOrEqual(4800);
    expect(new Set(samples).size).toBeGreaterThan(50);
    for (let n = 1; n < 8; n++) expect(backoffDelay(n + 1, p, () => 0)).toBeGreaterThan(backoffDelay(n, p, () => 1));
  });
});

describe('fail', () => {
  it('backs off retryable failures and dead-letters after max attempts', () => {
    const db = memoryDb();
    const { ids } = enqueueMany(db, [item(1)], { now: T0, maxAttempts: 3, returnIds: true });
    const id = ids[0];
    let now = T0;
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 2; attempt++) {
      expect(claimAll(db, now)).toHaveLength(1);
      expect(fail(db, 'w', [{ id, failure: retry }], { now, random: () => 0.5 }).get(id)).toBe('retry');
      const row = getItem(db, id)!;
      expect(row).toMatchObject({ state: 'failed', attempts: attempt, lastError: 'HTTP 503', leaseOwner: null });
      const delay = Date.parse(row.nextRunAt) - now;
      delays.push(delay);
      expect(delay).toBe(defaultBackoff.baseMs * 2 ** (attempt - 1));
      // Not claimable before its time.
      expect(claimAll(db, now + delay - 1)).toHaveLength(0);
      now += delay;
    }
    expect(claimAll(db, now)).toHaveLength(1);
    expect(fail(db, 'w', [{ id, failure: retry }], { now }).get(id)).toBe('dead');
    expect(getItem(db, id)).toMatchObject({ state: 'dead', attempts: 3 });
    expect(delays[1]).toBe(delays[0] * 2);
  });

  it('sends permanent failures to dead letters at once with the reason and field', () => {
    const db = memoryDb();
    const { ids } = enqueueMany(db, [item(1)], { now: T0, returnIds: true });
    claimAll(db, T0);
    const f = failureFromError(new ValidationError('Required fields are missing: [LastName]', { code: 'REQUIRED_FIELD_MISSING', fields: ['LastName'] }));
    expect(fail(db, 'w', [{ id: ids[0], failure: f }], { now: T0 }).get(ids[0])).toBe('dead');
    expect(getItem(db, ids[0])).toMatchObject({
      state: 'dead', attempts: 1, errorCode: 'REQUIRED_FIELD_MISSING', errorField: 'LastName', lastError: 'Required fields are missing: [LastName]',
    });
  });

  it('defers rate-limited items by the wait asked without using an attempt', () => {
    const db = memoryDb();
    const { ids } = enqueueMany(db, [item(1)], { now: T0, returnIds: true });
    claimAll(db, T0);
    const f = failureFromError(new RateLimitError('Too many requests', { status: 429, retryAfterMs: 7000 }));
    expect(f).toMatchObject({ kind: 'defer', delayMs: 7000 });
    expect(fail(db, 'w', [{ id: ids[0], failure: f }], { now: T0 }).get(ids[0])).toBe('deferred');
    const row = getItem(db, ids[0])!;
    expect(row).toMatchObject({ state: 'pending', attempts: 0 });
    expect(Date.parse(row.nextRunAt)).toBe(T0 + 7000);
  });

  it('ignores items the caller no longer holds', () => {
    const db = memoryDb();
    const { ids } = enqueueMany(db, [item(1)], { now: T0, returnIds: true });
    claimAll(db, T0);
    expect(fail(db, 'someone-else', [{ id: ids[0], failure: retry }], { now: T0 }).get(ids[0])).toBe('not-held');
    expect(getItem(db, ids[0])!.state).toBe('running');
  });

  it('release hands items back without an attempt, after an optional delay', () => {
    const db = memoryDb();
    const { ids } = enqueueMany(db, [item(1), item(2)], { now: T0, returnIds: true });
    claimAll(db, T0);
    expect(release(db, 'w', ids, { delayMs: 500, now: T0 })).toBe(2);
    expect(queueCounts(db).pending).toBe(2);
    expect(claimAll(db, T0 + 499)).toHaveLength(0);
    expect(claimAll(db, T0 + 500)).toHaveLength(2);
    expect(getItem(db, ids[0])!.attempts).toBe(0);
  });

  it('complete clears the error and lease', () => {
    const db = memoryDb();
    const { ids } = enqueueMany(db, [item(1)], { now: T0, returnIds: true });
    claimAll(db, T0);
    fail(db, 'w', [{ id: ids[0], failure: retry }], { now: T0, random: () => 0 });
    claimAll(db, T0 + 60_000);
    expect(complete(db, 'w', ids, T0 + 60_001)).toEqual(ids);
    expect(getItem(db, ids[0])).toMatchObject({ state: 'done', lastError: null, leaseOwner: null, completedAt: new Date(T0 + 60_001).toISOString() });
  });
});

describe('failure classification', () => {
  it('decides on the error kind', () => {
    expect(failureFromError(new TransientError('socket hang up')).kind).toBe('retry');
    expect(failureFromError(new FatalError('NOT_FOUND', { status: 404 })).kind).toBe('permanent');
    expect(failureFromError(new Error('boom'))).toMatchObject({ kind: 'retry', code: 'UNEXPECTED' });
    expect(failureFromRecordError({ kind: 'validation', code: 'STRING_TOO_LONG', message: 'too long', fields: ['Phone'] })).toMatchObject({
      kind: 'permanent', field: 'Phone',
    });
  });
});
