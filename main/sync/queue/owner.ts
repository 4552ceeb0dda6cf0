import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';

/**
 * Lease owner ids say which process holds a lease, so a lease left by a process that no longer
 * exists can be taken over at once instead of waiting out its expiry (issue 14 point 6).
 * Format: `<pid>@<hostname>#<process start ms>.<random>`.
 */

/** When this process started (ms since epoch); with the pid it tells a recycled pid apart. */
const processStart = Math.round(performance.timeOrigin);

export interface OwnerInfo {
  pid: number;
  host: string;
  startedAt: number;
}

/** A fresh owner id for one runner in this process. */
export function createOwnerId(): string {
  return `${process.pid}@${hostname()}#${processStart}.${randomBytes(4).toString('hex')}`;
}

const ownerPattern = /^(\d+)@(.+)#(\d+)\.[0-9a-f]+$/;

export function parseOwnerId(owner: string): OwnerInfo | undefined {
  const m = ownerPattern.exec(owner);
  if (!m) return undefined;
  return { pid: Number(m[1]), host: m[2], startedAt: Number(m[3]) };
}

/** Whether a pid names a live process on this host (EPERM: it exists but is not ours). */
export function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * False only when we know the owner is gone: same host, and either its pid is free or it is
 * our own pid from an earlier process start. Anything we cannot check (other host, foreign id
 * format) counts as alive, so the lease expiry stays the guard.
 */
export function isOwnerAlive(owner: string): boolean {
  const info = parseOwnerId(owner);
  if (!info || info.host !== hostname()) return true;
  if (info.pid === process.pid) return info.startedAt === processStart;
  return pidExists(info.pid);
}
