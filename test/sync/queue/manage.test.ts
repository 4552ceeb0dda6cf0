import { describe, it, expect } from 'vitest';
import {
  enqueueMany, claim, complete, fail, retryItems, retryAll, cancelItems, cancelAll, queueCounts, throughput, listItems,
  errorGroups, purgeFinished, getItem, enqueue,
} from '../../../main/sync/queue';
import { memoryDb, item, alive, T0 } from './helpers';

const kill = (db: ReturnType<typeof memoryDb>, ids: number[], code: string, field: string, now = T0) => {
  claim(db, { owner: 'w', limit: 100, leaseMs: 60_000, now, isOwnerAlive: alive });
  fail(db, 'w', ids.map((id) => ({ id, failure: { kind: 'permanent' as const, message: `${code} on ${field}`, code, field } })), { now });
};

describe('dead letters and their handling', () => {
  it('retry moves dead letters back to pending with fresh attempts', () => {
    const db = memoryDb();
    const { ids } = enqueueMany(db, [item(1), item(2)], { now: T0, returnIds: true });
    kill(db, ids, 'INVALID_EMAIL_ADDRESS', 'Email');
    expect(queueCounts(db).dead).toBe(2);
    expect(retryItems(db, [ids[0]], T0 + 1)).toBe(1);
    expect(getItem(db, ids[0])).toMatchObject({ state: 'pending', attempts: 0, lastError: null, errorCode: null });
    expect(getItem(db, ids[1])!.state).toBe('dead');
  });

  it('retry of a dead letter whose change is open again supersedes it instead of duplicating', () => {
    const db = memoryDb();
    const { ids } = enqueueMany(db, [item(1)], { now: T0, returnIds: true });
    kill(db, ids, 'X', 'Y');
    const fresh = enqueue(db, item(1), { now: T0 + 1 });
    expect(retryItems(db, ids, T0 + 2)).toBe(0);
    expect(getItem(db, ids[0])!.state).toBe('superseded');
    expect(queueCounts(db)).toMatchObject({ pending: 1, dead: 0 });
    expect(getItem(db, fresh.ids[0])!.state).toBe('pending');
  });

  it('groups dead letters by cause and retries one group', () => {
    const db = memoryDb();
    const { ids } = enqueueMany(db, [item(1), item(2), item(3), item(4, { object: 'companies' })], { now: T0, returnIds: true });
    claim(db, { owner: 'w', limit: 100, leaseMs: 60_000, now: T0, isOwnerAlive: alive });
    fail(db, 'w', ids.map((id, i) => ({
      id,
      failure: i < 3
        ? { kind: 'permanent' as const, message: 'Required: lastname', code: 'REQUIRED_FIELD_MISSING', field: 'lastname' }
        : { kind: 'permanent' as const, message: 'Bad domain', code: 'INVALID_OPTION', field: 'domain' },
    })), { now: T0 });
    const groups = errorGroups(db);
    expect(groups).toHaveLength(2);
    expect(groups[0]).toMatchObject({ object: 'contacts', errorCode: 'REQUIRED_FIELD_MISSING', errorField: 'lastname', count: 3, sample: 'Required: lastname' });
    expect(groups[1]).toMatchObject({ object: 'companies', errorCode: 'INVALID_OPTION', count: 1 });
    expect(retryAll(db, { object: 'contacts', errorCode: 'REQUIRED_FIELD_MISSING', errorField: 'lastname' }, T0 + 1)).toBe(3);
    expect(queueCounts(db, { object: 'contacts' })).toMatchObject({ dead: 0, pending: 3 });
    expect(queueCounts(db, { object: 'companies' }).dead).toBe(1);
  });

  it('cancel stops pending, failed and dead items but leaves running ones to finish', () => {
    const db = memoryDb();
    const { ids } = enqueueMany(db, [item(1), item(2), item(3)], { now: T0, returnIds: true });
    claim(db, { owner: 'w', limit: 1, leaseMs: 60_000, now: T0, isOwnerAlive: alive });
    expect(cancelItems(db, ids, T0)).toBe(2);
    expect(queueCounts(db)).toMatchObject({ running: 1, cancelled: 2, pending: 0 });
    enqueueMany(db, [item(9, { connectionId: 'sf' }), item(10)], { now: T0 });
    expect(cancelAll(db, { connectionId: 'sf' }, T0)).toBe(1);
    expect(queueCounts(db, { connectionId: 'hs' }).pending).toBe(1);
  });

  it('reports throughput over a window and lists items newest first', () => {
    const db = memoryDb();
    const { ids } = enqueueMany(db, Array.from({ length: 30 }, (_, i) => item(i + 1)), { now: T0, returnIds: true });
    claim(db, { owner: 'w', limit: 30, leaseMs: 60_000, now: T0, isOwnerAlive: alive });
    complete(db, 'w', ids.slice(0, 10), T0 + 1_000);
    complete(db, 'w', ids.slice(10, 30), T0 + 50_000);
    const t = throughput(db, { windowMs: 10_000, now: T0 + 55_000 });
    expect(t).toMatchObject({ completed: 20, perSecond: 2 });
    expect(throughput(db, { windowMs: 60_000, now: T0 + 55_000 }).completed).toBe(30);
    const page = listItems(db, { states: ['done'], limit: 5 });
    expect(page.map((i) => i.id)).toEqual([...ids].reverse().slice(0, 5));
    expect(listItems(db, { states: ['done'], limit: 5, beforeId: page[4].id })[0].id).toBe(page[4].id - 1);
    expect(purgeFinished(db, T0 + 10_000_000)).toBe(30);
  });
});
