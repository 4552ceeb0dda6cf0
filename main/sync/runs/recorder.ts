import type { Db } from '../../store/db';
import { inTransaction } from '../../store/db';
import type { EventBus } from '../../services/event-bus';
import { appendAudit } from '../../store/audit-log';
import {
  countRunRecords, emptyCounts, finishRun, getRun, insertRun, maxSeq, recordResults, updateRunCounts,
  type NewRun, type RecordOutcome, type RunCounts, type RunRecordInput, type RunStatus, type SyncRunRow,
} from '../../store/sync-runs';
import type { SyncProgress, SyncRun } from '../../../shared/ipc/channels/sync';

const PROGRESS_EVERY_MS = 250;

export const toRunView = (r: SyncRunRow): SyncRun => ({
  id: r.id,
  kind: r.kind,
  connectionId: r.connectionId,
  provider: r.provider,
  object: r.object,
  trigger: r.trigger,
  dryRun: r.dryRun,
  status: r.status,
  message: r.message,
  startedAt: r.startedAt,
  finishedAt: r.finishedAt,
  total: r.total,
  created: r.created,
  updated: r.updated,
  unchanged: r.unchanged,
  skipped: r.skipped,
  failed: r.failed,
  deleted: r.deleted,
  conflicts: r.conflicts,
  requests: r.requests,
});

const recordKey = (r: RunRecordInput) => `${r.object}|${r.localKind}|${r.localId ?? ''}`;

/**
 * One run's bookkeeping: the sync_runs row, per-record results (one row per record, the last
 * outcome standing), live counts, throttled `syncProgress` events, and the audit row at the end.
 */
export class RunRecorder {
  readonly id: number;
  readonly counts: RunCounts = emptyCounts();
  phase = 'starting';
  private seq: number;
  private readonly outcomes = new Map<string, RecordOutcome>();
  private lastEmit = 0;
  private readonly started = Date.now();
  private finished = false;

  private constructor(
    private readonly db: Db,
    private readonly events: EventBus | undefined,
    id: number,
  ) {
    this.id = id;
    this.seq = maxSeq(db, id) + 1;
  }

  static start(db: Db, events: EventBus | undefined, run: NewRun): RunRecorder {
    const rec = new RunRecorder(db, events, insertRun(db, run));
    rec.emit(true);
    return rec;
  }

  get run(): SyncRunRow {
    return getRun(this.db, this.id)!;
  }

  setPhase(phase: string): void {
    this.phase = phase;
    this.emit(true);
  }

  addTotal(n: number): void {
    this.counts.total += n;
    this.emit(false);
  }

  addRequests(n: number): void {
    this.counts.requests += n;
  }

  addConflicts(n: number): void {
    this.counts.conflicts += n;
  }

  /** Stores results; call inside the transaction that stored their effect, so both or neither land. */
  record(rows: readonly RunRecordInput[]): void {
    if (rows.length === 0) return;
    this.seq = recordResults(this.db, this.id, this.seq, rows);
    for (const r of rows) {
      const key = recordKey(r);
      const before = this.outcomes.get(key);
      if (before) this.counts[before]--;
      this.counts[r.outcome]++;
      this.outcomes.set(key, r.outcome);
    }
  }

  /** After a transaction with record() committed: tell the UI (throttled). */
  progressed(): void {
    this.emit(false);
  }

  get done(): number {
    const c = this.counts;
    return c.created + c.updated + c.unchanged + c.skipped + c.failed + c.deleted;
  }

  /** Final counts from the stored results, the status, one audit row and the last event. */
  finish(status: RunStatus, message: string, audit: { action: string; summary: string; detail?: unknown }): SyncRunRow {
    if (this.finished) return this.run;
    this.finished = true;
    const stored = countRunRecords(this.db, this.id);
    const counts: RunCounts = { ...this.counts, ...stored, total: Math.max(this.counts.total, Object.values(stored).reduce((a, b) => a + b, 0)) };
    Object.assign(this.counts, counts);
    const run = this.run;
    inTransaction(this.db, () => {
      updateRunCounts(this.db, this.id, counts);
      finishRun(this.db, this.id, status, message, audit.detail);
      appendAudit(this.db, {
        kind: 'sync',
        action: audit.action,
        outcome: status === 'ok' ? 'ok' : status === 'partial' || status === 'cancelled' ? 'warning' : 'error',
        summary: audit.summary,
        connectionId: run.connectionId,
        object: run.object,
        detail: { runId: this.id, status, counts, ...((audit.detail as Record<string, unknown> | undefined) ?? {}) },
      });
    });
    this.phase = 'done';
    this.emit(true);
    return this.run;
  }

  private emit(force: boolean): void {
    if (!this.events) return;
    const now = Date.now();
    if (!force && now - this.lastEmit < PROGRESS_EVERY_MS) return;
    this.lastEmit = now;
    const run = this.run;
    const done = this.done;
    const progress: SyncProgress = {
      ...toRunView(run),
      ...this.counts,
      phase: this.phase,
      done,
      perSecond: done / Math.max(0.001, (now - this.started) / 1000),
    };
    this.events.emit('syncProgress', progress);
  }
}
