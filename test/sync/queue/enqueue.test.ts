import { describe, it, expect } from 'vitest';
import { enqueue, enqueueMany, claim, complete, fail, getItem, queueCounts } from '../../../main/sync/queue';
import { memoryDb, item, alive, T0 } from './helpers';

describe('enqueue', () => {
  it('coalesces the same change onto one open item, keeping the higher priority and newer payload', () => {
    const db = memoryDb();
    const first = enqueue(db, item(1, { priority: 3, payload: { v: 1 } }), { now: T0 });
    const second = enqueue(db, item(1, { priority: 7, payload: { v: 2 } }), { now: T0 + 10 });
    const third = enqueue(db, item(1, { priority: 1 }), { now: T0 + 20 });
    expect(first).toMatchObject({ inserted: 1, coalesced: 0 });
    expect(second).toMatchObject({ inserted: 0, coalesced: 1 });
    expect(third.coalesced).toBe(1);
    expect(second.ids[0]).toBe(first.ids[0]);
    const it1 = getItem(db, first.ids[0])!;
    expect(it1.priority).toBe(7);
    expect(it1.payload).toEqual({ v: 2 });
    expect(queueCounts(db).pending).toBe(1);
  });

  it('counts duplicates within one batch as coalesced', () => {
    const db = memoryDb();
    const r = enqueueMany(db, [item(1), item(2), item(1), item(3), item(2)], { returnIds: true });
    expect(r).toMatchObject({ inserted: 3, coalesced: 2 });
    expect(r.ids[2]).toBe(r.ids[0]);
    expect(queueCounts(db).pending).toBe(3);
  });

  it('counts inserted and coalesced the same without asking for ids', () => {
    const db = memoryDb();
    enqueueMany(db, [item(1)]);
    const r = enqueueMany(db, [item(1), item(2), item(2), item(3)]);
    expect(r).toEqual({ inserted: 2, coalesced: 2, ids: [] });
  });

  it('keeps different operations, objects and explicit keys apart', () => {
    const db = memoryDb();
    const r = enqueueMany(db, [
      item(1),
      item(1, { operation: 'delete' }),
      item(1, { object: 'companies' }),
      item(1, { idempotencyKey: 'custom-a' }),
      item(1, { idempotencyKey: 'custom-a' }),
    ], { returnIds: true });
    expect(r.inserted).toBe(4);
  });

  it('clamps priority to 0-10 and stores the max attempts it was given', () => {
    const db = memoryDb();
    const r = enqueueMany(db, [item(1, { priority: 42 }), item(2, { priority: -3 })], { maxAttempts: 5, returnIds: true });
    expect(getItem(db, r.ids[0])!.priority).toBe(10);
    expect(getItem(db, r.ids[1])!.priority).toBe(0);
    expect(getItem(db, r.ids[0])!.maxAttempts).toBe(5);
  });

  it('flags a running item to run again, so a change made during its run is not lost', () => {
    const db = memoryDb();
    const { ids } = enqueue(db, item(1, { payload: { v: 1 } }), { now: T0 });
    claim(db, { owner: 'w', limit: 10, leaseMs: 60_000, now: T0, isOwnerAlive: alive });
    const again = enqueue(db, item(1, { payload: { v: 2 } }), { now: T0 + 5 });
    expect(again.coalesced).toBe(1);
    expect(getItem(db, ids[0])!.rerun).toBe(true);
    expect(complete(db, 'w', ids, T0 + 10)).toEqual(ids);
    const after = getItem(db, ids[0])!;
    expect(after.state).toBe('pending');
    expect(after.payload).toEqual({ v: 2 });
    expect(after.rerun).toBe(false);
  });

  it('a failing attempt of a flagged item is not held against the new change', () => {
    const db = memoryDb();
    const { ids } = enqueue(db, item(1), { now: T0 });
    claim(db, { owner: 'w', limit: 10, leaseMs: 60_000, now: T0, isOwnerAlive: alive });
    enqueue(db, item(1), { now: T0 + 1 });
    const out = fail(db, 'w', [{ id: ids[0], failure: { kind: 'permanent', message: 'bad phone', code: 'VALIDATION_ERROR', field: 'phone' } }], { now: T0 + 2 });
    expect(out.get(ids[0])).toBe('rerun');
    expect(getItem(db, ids[0])).toMatchObject({ state: 'pending', attempts: 0 });
  });

  it('a change enqueued after its item became a dead letter opens a new item', () => {
    const db = memoryDb();
    const { ids } = enqueue(db, item(1), { now: T0 });
    claim(db, { owner: 'w', limit: 10, leaseMs: 60_000, now: T0, isOwnerAlive: alive });
    fail(db, 'w', [{ id: ids[0], failure: { kind: 'permanent', message: 'Required field missing: LastName', code: 'REQUIRED_FIELD_MISSING', field: 'LastName' } }], { now: T0 });
    const again = enqueue(db, item(1), { now: T0 + 1 });
    expect(again.inserted).toBe(1);
    expect(again.ids[0]).not.toBe(ids[0]);
    // Once the new item is done, the old dead letter no longer stands.
    claim(db, { owner: 'w', limit: 10, leaseMs: 60_000, now: T0 + 2, isOwnerAlive: alive });
    complete(db, 'w', again.ids, T0 + 3);
    expect(getItem(db, ids[0])!.state).toBe('superseded');
    expect(queueCounts(db)).toMatchObject({ dead: 0, done: 1, superseded: 1 });
  });
});
