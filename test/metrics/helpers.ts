import { openDatabase, type Db } from '../../main/store/db';
import { createLogger, type Logger } from '../../main/log/logger';
import { saveConnection, setConnectionStatus, type ConnectionStatus } from '../../main/store/connections';
import type { ApiUsage } from '../../main/providers/provider';
import type { Clock } from '../../main/schedule/clock';

export const memoryDb = (): Db => openDatabase(':memory:').db;
export const quietLogger = (): Logger => createLogger({ console: false });

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function addConnection(
  db: Db,
  id: string,
  opts: { provider?: 'salesforce' | 'hubspot'; label?: string; status?: ConnectionStatus; usage?: ApiUsage | null; lastError?: string } = {},
): void {
  const provider = opts.provider ?? 'hubspot';
  saveConnection(db, {
    id,
    provider,
    label: opts.label ?? `${provider} ${id}`,
    authKind: 'token',
    status: 'connected',
    config: { authBaseUrl: 'https://crm.example', apiBaseUrl: 'https://crm.example' },
    account: null,
    usage: opts.usage ?? null,
    lastError: null,
  });
  if (opts.status && opts.status !== 'connected') setConnectionStatus(db, id, opts.status, opts.lastError ?? null);
}

export interface SeedRun {
  connectionId: string;
  kind?: 'push' | 'pull' | 'undo' | 'reconcile';
  status?: 'running' | 'ok' | 'partial' | 'failed' | 'cancelled' | 'interrupted';
  startedAt: string;
  finishedAt?: string | null;
  dryRun?: boolean;
  created?: number;
  updated?: number;
  deleted?: number;
  unchanged?: number;
  skipped?: number;
  failed?: number;
  message?: string;
}

/** A finished run row as the engine leaves it (counts, status, times). */
export function addRun(db: Db, r: SeedRun): number {
  const info = db
    .prepare(
      `INSERT INTO sync_runs (kind, connection_id, provider, trigger, dry_run, status, created, updated, deleted, unchanged, skipped, failed, total, message, started_at, finished_at)
       VALUES (@kind, @connectionId, 'hubspot', 'manual', @dryRun, @status, @created, @updated, @deleted, @unchanged, @skipped, @failed, @total, @message, @startedAt, @finishedAt)`,
    )
    .run({
      kind: r.kind ?? 'push',
      connectionId: r.connectionId,
      dryRun: r.dryRun ? 1 : 0,
      status: r.status ?? 'ok',
      created: r.created ?? 0,
      updated: r.updated ?? 0,
      deleted: r.deleted ?? 0,
      unchanged: r.unchanged ?? 0,
      skipped: r.skipped ?? 0,
      failed: r.failed ?? 0,
      total: (r.created ?? 0) + (r.updated ?? 0) + (r.deleted ?? 0) + (r.unchanged ?? 0) + (r.skipped ?? 0) + (r.failed ?? 0),
      message: r.message ?? null,
      startedAt: r.startedAt,
      finishedAt: r.finishedAt === undefined ? r.startedAt : r.finishedAt,
    });
  return Number(info.lastInsertRowid);
}

let itemSeq = 0;

/** Queue items of one connection in one state (dead ones with a cause). */
export function addQueueItems(
  db: Db,
  connectionId: string,
  state: 'pending' | 'running' | 'failed' | 'done' | 'dead' | 'cancelled',
  n: number,
  cause: { object?: string; errorCode?: string | null; errorField?: string | null; lastError?: string } = {},
): void {
  const now = new Date().toISOString();
  const stmt = db.prepare(
    `INSERT INTO sync_queue (connection_id, object, local_kind, local_id, operation, direction, idempotency_key, state, next_run_at, created_at, updated_at, error_code, error_field, last_error, completed_at)
     VALUES (@connectionId, @object, 'person', @localId, 'upsert', 'push', @key, @state, @now, @now, @now, @errorCode, @errorField, @lastError, @completedAt)`,
  );
  for (let i = 0; i < n; i++) {
    const localId = ++itemSeq;
    stmt.run({
      connectionId,
      object: cause.object ?? 'contacts',
      localId,
      key: `k-${connectionId}-${localId}`,
      state,
      now,
      errorCode: cause.errorCode ?? null,
      errorField: cause.errorField ?? null,
      lastError: cause.lastError ?? null,
      completedAt: state === 'done' ? now : null,
    });
  }
}

/** A clock the test moves by hand; timers fire only when the test runs them. */
export class FakeClock implements Clock {
  private timers: Array<{ at: number; fn: () => void; id: number }> = [];
  private seq = 0;
  constructor(public t: number) {}
  now = (): number => this.t;
  setTimer = (fn: () => void, ms: number): (() => void) => {
    const id = ++this.seq;
    this.timers.push({ at: this.t + ms, fn, id });
    return () => {
      this.timers = this.timers.filter((x) => x.id !== id);
    };
  };
  /** Moves time on, firing every timer that falls due on the way (in order). */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const next = this.timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!next) break;
      this.timers = this.timers.filter((x) => x.id !== next.id);
      this.t = Math.max(this.t, next.at);
      next.fn();
    }
    this.t = end;
  }
  get pendingTimers(): number {
    return this.timers.length;
  }
}
