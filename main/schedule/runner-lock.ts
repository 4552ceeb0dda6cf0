import { hostname } from 'node:os';
import type { Db } from '../store/db';
import { inTransaction } from '../store/db';
import { createOwnerId, isOwnerAlive as defaultIsOwnerAlive, parseOwnerId } from '../sync/queue/owner';

/**
 * One runner of schedules per connection, across processes sharing the store (the app, the
 * headless `run-schedules`). A lease row names its owner; a live owner's unexpired lease is
 * never taken, a lease whose owner process is gone is taken over at once (issue 14 point 6),
 * and an expired lease is the guard between processes that cannot see each other's pids.
 */

export interface LockHolder {
  connectionId: string;
  owner: string;
  pid: number;
  host: string;
  startedAt: string;
  heartbeatAt: string;
  expiresAt: string;
}

export type AcquireResult = { ok: true; takenOverFrom?: LockHolder } | { ok: false; holder: LockHolder; message: string };

export interface LockOptions {
  owner: string;
  now: number;
  leaseMs: number;
  /** Injected in tests; by default checks the owner's pid on this host. */
  isOwnerAlive?: (owner: string) => boolean;
  /** How the refusal names the connection (its label); defaults to the id. */
  describe?: (connectionId: string) => string;
}

interface LockRow {
  connection_id: string;
  owner: string;
  pid: number;
  host: string;
  started_at: string;
  heartbeat_at: string;
  expires_at: string;
}

const toHolder = (r: LockRow): LockHolder => ({
  connectionId: r.connection_id,
  owner: r.owner,
  pid: r.pid,
  host: r.host,
  startedAt: r.started_at,
  heartbeatAt: r.heartbeat_at,
  expiresAt: r.expires_at,
});

const iso = (ms: number): string => new Date(ms).toISOString();

/** A new owner id for one runner (pid, host and process start, so dead owners are recognised). */
export const createRunnerOwner = (): string => createOwnerId();

/** "2026-03-01 14:05" in local time: what a person reads in the refusal. */
export function localTime(isoText: string): string {
  const d = new Date(isoText);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function heldMessage(holder: Pick<LockHolder, 'pid' | 'host' | 'startedAt'>, connection: string): string {
  return `another runner (pid ${holder.pid} on host ${holder.host}, started at ${localTime(holder.startedAt)}) is running schedules for ${connection}`;
}

/**
 * Takes or renews the lock on a connection for `owner`, in one IMMEDIATE transaction so two
 * processes never both win. Renewing keeps the original start time.
 */
export function acquireRunnerLock(db: Db, connectionId: string, opts: LockOptions): AcquireResult {
  const alive = opts.isOwnerAlive ?? defaultIsOwnerAlive;
  return inTransaction(db, () => {
    const row = db.prepare('SELECT * FROM schedule_locks WHERE connection_id = ?').get(connectionId) as LockRow | undefined;
    const mine = row?.owner === opts.owner;
    const expired = row !== undefined && Date.parse(row.expires_at) <= opts.now;
    if (row && !mine && !expired && alive(row.owner)) {
      const holder = toHolder(row);
      return { ok: false as const, holder, message: heldMessage(holder, opts.describe?.(connectionId) ?? connectionId) };
    }
    const info = parseOwnerId(opts.owner);
    db.prepare(
      `INSERT INTO schedule_locks (connection_id, owner, pid, host, started_at, heartbeat_at, expires_at)
       VALUES (@connectionId, @owner, @pid, @host, @now, @now, @expires)
       ON CONFLICT(connection_id) DO UPDATE SET owner = excluded.owner, pid = excluded.pid, host = excluded.host,
         started_at = CASE WHEN schedule_locks.owner = excluded.owner THEN schedule_locks.started_at ELSE excluded.started_at END,
         heartbeat_at = excluded.heartbeat_at, expires_at = excluded.expires_at`,
    ).run({
      connectionId,
      owner: opts.owner,
      pid: info?.pid ?? process.pid,
      host: info?.host ?? hostname(),
      now: iso(opts.now),
      expires: iso(opts.now + opts.leaseMs),
    });
    return row && !mine ? { ok: true as const, takenOverFrom: toHolder(row) } : { ok: true as const };
  });
}

/** Gives a lock back; only its owner can. */
export function releaseRunnerLock(db: Db, connectionId: string, owner: string): boolean {
  return db.prepare('DELETE FROM schedule_locks WHERE connection_id = ? AND owner = ?').run(connectionId, owner).changes > 0;
}

export function releaseAllRunnerLocks(db: Db, owner: string): number {
  return db.prepare('DELETE FROM schedule_locks WHERE owner = ?').run(owner).changes;
}

/** Whether `owner` still holds the lock right now (a run checks before it starts). */
export function holdsRunnerLock(db: Db, connectionId: string, owner: string, now: number): boolean {
  const row = db.prepare('SELECT owner, expires_at FROM schedule_locks WHERE connection_id = ?').get(connectionId) as Pick<LockRow, 'owner' | 'expires_at'> | undefined;
  return row?.owner === owner && Date.parse(row.expires_at) > now;
}

export function listRunnerLocks(db: Db): LockHolder[] {
  return (db.prepare('SELECT * FROM schedule_locks ORDER BY connection_id').all() as LockRow[]).map(toHolder);
}

/** Locks held by live processes other than `owner` (a restore or delete must wait for them). */
export function foreignLiveLocks(db: Db, owner: string | undefined, now: number, isOwnerAlive: (o: string) => boolean = defaultIsOwnerAlive): LockHolder[] {
  return listRunnerLocks(db).filter((l) => l.owner !== owner && Date.parse(l.expiresAt) > now && isOwnerAlive(l.owner));
}
