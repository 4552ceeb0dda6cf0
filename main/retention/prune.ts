import type { Db } from '../store/db';
import { inTransaction } from '../store/db';
import { appendAudit } from '../store/audit-log';
import { compactStore, type CompactMode, type CompactResult } from './compact';
import { cutoffFor, isRetentionDays, retentionDaysSetting } from './policy';
import { newBatchState, pruneTargets } from './targets';

export type PruneTrigger = 'startup' | 'daily' | 'cli' | 'manual';

export interface PruneOptions {
  /** Keep this many days; default: the setting retention.days. */
  days?: number;
  now?: number;
  /** Count what would go, delete nothing, write no report. */
  dryRun?: boolean;
  trigger?: PruneTrigger;
  /** Rows per write transaction. */
  batchSize?: number;
  /** Give freed space back to the disk: after big prunes (auto), always, or never. */
  compact?: CompactMode;
  /** Stops between batches (the app is closing). */
  signal?: AbortSignal;
}

export interface PruneReport {
  days: number;
  /** Finished items and entries last touched before this instant were pruned. */
  cutoff: string;
  dryRun: boolean;
  trigger: PruneTrigger;
  queueItems: number;
  auditEntries: number;
  syncRuns: number;
  syncRunRecords: number;
  /** Dead letters in the queue now: kept, whatever their age, until retried or cancelled. */
  deadLetters: number;
  /** Of those, the ones older than the cutoff (they would have gone if handled). */
  oldDeadLetters: number;
  batches: number;
  durationMs: number;
  /** Stopped early (the app closed or the store was replaced); the next prune carries on. */
  interrupted: boolean;
  compaction: CompactResult | null;
  /** The audit entry that reports this prune, when one was written. */
  auditEntryId: number | null;
}

const DEFAULT_BATCH = 2000;

/** Lets IPC, timers and the UI run between two write transactions. */
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

function deadLetters(db: Db, cutoff: string): { deadLetters: number; oldDeadLetters: number } {
  return db
    .prepare("SELECT COUNT(*) AS deadLetters, COALESCE(SUM(updated_at < ?), 0) AS oldDeadLetters FROM sync_queue WHERE state = 'dead'")
    .get(cutoff) as { deadLetters: number; oldDeadLetters: number };
}

/**
 * Removes history older than the retention period: finished queue items (dead letters stay until
 * handled), audit entries, finished sync runs with their per-record rows. Works in short
 * batches with a pause between them, then compacts the store after a big prune and records
 * what went in the audit log. `db` is read at every batch: a store reopened meanwhile (restore,
 * delete all data) ends the prune instead of writing to a closed handle.
 */
export async function pruneHistory(db: () => Db, opts: PruneOptions = {}): Promise<PruneReport> {
  const started = performance.now();
  const store = db();
  const days = opts.days ?? retentionDaysSetting(store);
  if (!isRetentionDays(days)) throw new RangeError(`Retention must be a whole number of days from 1 to 3650 (got ${days}).`);
  const cutoff = cutoffFor(days, opts.now ?? Date.now());
  const report: PruneReport = {
    days, cutoff, dryRun: opts.dryRun ?? false, trigger: opts.trigger ?? 'manual',
    queueItems: 0, auditEntries: 0, syncRuns: 0, syncRunRecords: 0, deadLetters: 0, oldDeadLetters: 0,
    batches: 0, durationMs: 0, interrupted: false, compaction: null, auditEntryId: null,
  };
  const stillOurs = () => !opts.signal?.aborted && store.open && db() === store;

  if (report.dryRun) {
    for (const t of pruneTargets) report[t.name] = t.count(store, cutoff);
    report.syncRunRecords = countRunRecords(store, cutoff);
  } else {
    for (const target of pruneTargets) {
      const state = newBatchState();
      for (let more = true; more; ) {
        if (!stillOurs()) {
          report.interrupted = true;
          break;
        }
        const r = inTransaction(store, () => target.batch(store, cutoff, opts.batchSize ?? DEFAULT_BATCH, state));
        report[target.name] += r.deleted;
        report.batches++;
        more = r.more;
        await pause();
      }
      if (target.name === 'syncRuns') report.syncRunRecords = state.extra;
    }
  }
  if (!stillOurs()) return finish(report, started, true);

  Object.assign(report, deadLetters(store, cutoff));
  if (!report.dryRun && prunedRows(report) > 0) report.compaction = await compactStore(store, opts.compact ?? 'auto', opts.signal);
  finish(report, started, report.interrupted);
  if (!report.dryRun && store.open && (prunedRows(report) > 0 || report.trigger === 'cli' || report.trigger === 'manual')) {
    report.auditEntryId = appendAudit(store, {
      kind: 'system',
      action: 'prune',
      outcome: report.interrupted ? 'warning' : 'ok',
      summary: pruneSummary(report),
      detail: report,
    });
  }
  return report;
}

function countRunRecords(db: Db, cutoff: string): number {
  return (
    db
      .prepare(
        `SELECT COUNT(*) AS n FROM sync_run_records WHERE run_id IN (
           SELECT id FROM sync_runs WHERE started_at < @cutoff AND status != 'running' AND coalesce(finished_at, started_at) < @cutoff)`,
      )
      .get({ cutoff }) as { n: number }
  ).n;
}

function finish(report: PruneReport, started: number, interrupted: boolean): PruneReport {
  report.interrupted = interrupted;
  report.durationMs = Math.round(performance.now() - started);
  return report;
}

export const prunedRows = (r: PruneReport): number => r.queueItems + r.auditEntries + r.syncRuns + r.syncRunRecords;

const n = (v: number) => v.toLocaleString('en-US');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const plural = (v: number, one: string, many = `${one}s`) => `${n(v)} ${v === 1 ? one : many}`;

/** One paragraph for the audit log and the CLI. */
export function pruneSummary(r: PruneReport): string {
  const what = [
    plural(r.queueItems, 'finished queue item'),
    plural(r.auditEntries, 'audit entry', 'audit entries'),
    `${plural(r.syncRuns, 'sync run')} (${plural(r.syncRunRecords, 'record row')})`,
  ].join(', ');
  const verb = r.dryRun ? 'Would prune' : r.interrupted ? 'Pruned (stopped early, the next prune carries on)' : 'Pruned';
  const parts = [`${verb} history older than ${plural(r.days, 'day')} (before ${r.cutoff.slice(0, 10)}): ${what}.`];
  if (r.deadLetters > 0) parts.push(`${plural(r.deadLetters, 'dead letter')} kept until handled${r.oldDeadLetters > 0 ? ` (${n(r.oldDeadLetters)} older than that)` : ''}.`);
  const c = r.compaction;
  if (c && c.method !== 'none' && !c.skipped) parts.push(`Store ${mb(c.bytesBefore)} → ${mb(c.bytesAfter)}.`);
  if (c?.skipped) parts.push(`Compacting the store was put off: ${c.skipped}`);
  return parts.join(' ');
}
