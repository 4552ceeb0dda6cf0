import { describe, it, expect } from 'vitest';
import { hostname } from 'node:os';
import {
  acquireRunnerLock,
  createRunnerOwner,
  foreignLiveLocks,
  heldMessage,
  holdsRunnerLock,
  listRunnerLocks,
  localTime,
  releaseRunnerLock,
} from '../../main/schedule/runner-lock';
import { memoryDb } from './helpers';

const T0 = Date.parse('2026-05-01T08:00:00Z');
const lease = 120_000;
const A = '101@box#1.aaaa';
const B = '202@box#1.bbbb';

describe('runner lock', () => {
  it('gives a free connection to the first runner and keeps its start time on renewal', () => {
    const db = memoryDb();
    expect(acquireRunnerLock(db, 'hs', { owner: A, now: T0, leaseMs: lease, isOwnerAlive: () => true })).toEqual({ ok: true });
    expect(acquireRunnerLock(db, 'hs', { owner: A, now: T0 + 60_000, leaseMs: lease, isOwnerAlive: () => true })).toEqual({ ok: true });
    const [row] = listRunnerLocks(db);
    expect(row).toMatchObject({ owner: A, pid: 101, host: 'box', startedAt: new Date(T0).toISOString(), expiresAt: new Date(T0 + 60_000 + lease).toISOString() });
    expect(holdsRunnerLock(db, 'hs', A, T0 + 60_000)).toBe(true);
  });

  it('refuses a live holder with a message naming its pid, host and start', () => {
    const db = memoryDb();
    acquireRunnerLock(db, 'hs', { owner: A, now: T0, leaseMs: lease, isOwnerAlive: () => true });
    const res = acquireRunnerLock(db, 'hs', { owner: B, now: T0 + 1000, leaseMs: lease, isOwnerAlive: () => true, describe: () => 'HubSpot (Acme)' });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.message).toBe(`another runner (pid 101 on host box, started at ${localTime(new Date(T0).toISOString())}) is running schedules for HubSpot (Acme)`);
    expect(listRunnerLocks(db)[0].owner).toBe(A);
  });

  it('takes over at once from a holder whose process is gone, and after expiry from anyone', () => {
    const db = memoryDb();
    acquireRunnerLock(db, 'hs', { owner: A, now: T0, leaseMs: lease, isOwnerAlive: () => true });
    const dead = acquireRunnerLock(db, 'hs', { owner: B, now: T0 + 1000, leaseMs: lease, isOwnerAlive: (o) => o !== A });
    expect(dead).toMatchObject({ ok: true, takenOverFrom: { owner: A, pid: 101 } });
    expect(listRunnerLocks(db)[0]).toMatchObject({ owner: B, startedAt: new Date(T0 + 1000).toISOString() });
    const expired = acquireRunnerLock(db, 'hs', { owner: A, now: T0 + 1000 + lease, leaseMs: lease, isOwnerAlive: () => true });
    expect(expired).toMatchObject({ ok: true, takenOverFrom: { owner: B } });
    expect(holdsRunnerLock(db, 'hs', B, T0 + 2000 + lease)).toBe(false);
  });

  it('lets only the owner release, and lists live foreign locks', () => {
    const db = memoryDb();
    acquireRunnerLock(db, 'hs', { owner: A, now: T0, leaseMs: lease, isOwnerAlive: () => true });
    acquireRunnerLock(db, 'sf', { owner: B, now: T0, leaseMs: lease, isOwnerAlive: () => true });
    expect(releaseRunnerLock(db, 'hs', B)).toBe(false);
    expect(foreignLiveLocks(db, A, T0 + 1, () => true).map((l) => l.connectionId)).toEqual(['sf']);
    expect(foreignLiveLocks(db, A, T0 + 1, () => false)).toEqual([]);
    expect(releaseRunnerLock(db, 'hs', A)).toBe(true);
    expect(listRunnerLocks(db).map((l) => l.connectionId)).toEqual(['sf']);
  });

  it('names this process in new owner ids', () => {
    const owner = createRunnerOwner();
    expect(owner.startsWith(`${process.pid}@${hostname()}#`)).toBe(true);
    expect(heldMessage({ pid: 7, host: 'h', startedAt: '2026-01-02T03:04:05Z' }, 'X')).toContain('pid 7 on host h');
  });
});
