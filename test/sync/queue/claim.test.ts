import { describe, it, expect, afterEach } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openDatabase } from '../../../main/store/db';
import {
  enqueueMany, claim, complete, renewLeases, recoverAbandoned, createOwnerId, parseOwnerId, isOwnerAlive, getItem, queueCounts,
} from '../../../main/sync/queue';
import { memoryDb, item, alive, T0 } from './helpers';

describe('claim', () => {
  it('takes the highest priority first, then the oldest due, and skips items not yet due', () => {
    const db = memoryDb();
    enqueueMany(db, [item(1, { priority: 2 }), item(2, { priority: 9 }), item(3, { priority: 5 })], { now: T0 });
    enqueueMany(db, [item(4, { priority: 9 })], { now: T0 + 1 });
    enqueueMany(db, [item(5, { priority: 10, notBefore: T0 + 60_000 })], { now: T0 });
    const got = claim(db, { owner: 'w', limit: 10, leaseMs: 3_600_000, now: T0 + 2, isOwnerAlive: alive });
    expect(got.map((i) => i.localId)).toEqual([2, 4, 3, 1]);
    expect(got.every((i) => i.state === 'running' && i.leaseOwner === 'w')).toBe(true);
    const later = claim(db, { owner: 'w', limit: 10, leaseMs: 1000, now: T0 + 60_000, isOwnerAlive: alive });
    expect(later.map((i) => i.localId)).toEqual([5]);
  });

  it('honours the limit and the scope, and never hands one item to two owners', () => {
    const db = memoryDb();
    enqueueMany(db, [item(1), item(2), item(3), item(4, { object: 'companies' }), item(5, { connectionId: 'sf', object: 'Contact' })], { now: T0 });
    const a = claim(db, { owner: 'a', limit: 2, leaseMs: 1000, now: T0, object: 'contacts', connectionId: 'hs', isOwnerAlive: alive });
    const b = claim(db, { owner: 'b', limit: 10, leaseMs: 1000, now: T0, object: 'contacts', connectionId: 'hs', isOwnerAlive: alive });
    expect(a).toHaveLength(2);
    expect(b.map((i) => i.localId)).toEqual([3]);
    const all = claim(db, { owner: 'c', limit: 10, leaseMs: 1000, now: T0, isOwnerAlive: alive });
    expect(all.map((i) => i.localId).sort()).toEqual([4, 5]);
  });

  it('takes over a live owner’s items only once the lease has expired', () => {
    const db = memoryDb();
    const { ids } = enqueueMany(db, [item(1), item(2)], { now: T0, returnIds: true });
    claim(db, { owner: 'a', limit: 10, leaseMs: 1000, now: T0, isOwnerAlive: alive });
    expect(claim(db, { owner: 'b', limit: 10, leaseMs: 1000, now: T0 + 999, isOwnerAlive: alive })).toHaveLength(0);
    // A renewed lease keeps its holder.
    expect(renewLeases(db, 'a', ids, 1000, T0 + 900)).toBe(2);
    expect(claim(db, { owner: 'b', limit: 10, leaseMs: 1000, now: T0 + 1500, isOwnerAlive: alive })).toHaveLength(0);
    const taken = claim(db, { owner: 'b', limit: 10, leaseMs: 1000, now: T0 + 1901, isOwnerAlive: alive });
    expect(taken.map((i) => i.id).sort()).toEqual(ids);
    // The old holder no longer settles them.
    expect(complete(db, 'a', ids, T0 + 2000)).toEqual([]);
    expect(complete(db, 'b', ids, T0 + 2000).sort()).toEqual(ids);
    expect(queueCounts(db).done).toBe(2);
  });

  it('recovers items of an owner known to be gone at once, before the lease ends', () => {
    const db = memoryDb();
    enqueueMany(db, [item(1), item(2)], { now: T0 });
    claim(db, { owner: 'ghost', limit: 10, leaseMs: 3_600_000, now: T0, isOwnerAlive: alive });
    const gone = (o: string): boolean => o !== 'ghost';
    expect(recoverAbandoned(db, { owner: 'b', now: T0 + 1, isOwnerAlive: gone })).toBe(2);
    expect(queueCounts(db)).toMatchObject({ pending: 2, running: 0 });
  });
});

describe('owner ids', () => {
  it('encode pid, host and process start, and this process counts as alive', () => {
    const id = createOwnerId();
    const info = parseOwnerId(id)!;
    expect(info.pid).toBe(process.pid);
    expect(info.startedAt).toBeGreaterThan(0);
    expect(isOwnerAlive(id)).toBe(true);
    expect(createOwnerId()).not.toBe(id);
  });

  it('an earlier process with our pid is gone; another host or a foreign id is assumed alive', () => {
    const info = parseOwnerId(createOwnerId())!;
    expect(isOwnerAlive(`${process.pid}@${info.host}#${info.startedAt - 5000}.ab12`)).toBe(false);
    expect(isOwnerAlive(`${process.pid}@some-other-host#${info.startedAt - 5000}.ab12`)).toBe(true);
    expect(isOwnerAlive('worker-7')).toBe(true);
  });
});

describe('dead-process takeover', () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('takes a killed process’s items at once while its lease still runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tcs-queue-'));
    dirs.push(dir);
    const file = join(dir, 'store.sqlite');
    const { db } = openDatabase(file);
    const { ids } = enqueueMany(db, [item(1), item(2), item(3)], { returnIds: true });

    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fixtures/claim-child.ts'), file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
    const held = JSON.parse(line) as { owner: string; ids: number[] };
    expect(held.ids.sort()).toEqual(ids);
    expect(getItem(db, ids[0])!.leaseOwner).toBe(held.owner);

    // While the child lives, its 10-minute lease holds.
    const me = createOwnerId();
    expect(claim(db, { owner: me, limit: 10, leaseMs: 60_000 })).toHaveLength(0);

    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    const taken = claim(db, { owner: me, limit: 10, leaseMs: 60_000 });
    expect(taken.map((i) => i.id).sort()).toEqual(ids);
    expect(taken.every((i) => i.leaseOwner === me)).toBe(true);
    db.close();
  });
});
