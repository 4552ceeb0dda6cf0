import type { Db } from '../store/db';
import type { DayMetrics, MetricTotals } from '../../shared/ipc/channels/dashboard';
import { localDay, rangeStartBound } from './days';

interface RunRow {
  connection_id: string;
  kind: string;
  status: string;
  started_at: string;
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  skipped: number;
  failed: number;
}

export const emptyDay = (day: string): DayMetrics => ({
  day, synced: 0, pushed: 0, pulled: 0, created: 0, updated: 0, deleted: 0, unchanged: 0, skipped: 0, failed: 0, succeeded: 0, runs: 0, failedRuns: 0,
});

const FAILED_RUN = new Set(['failed', 'partial']);

function addRun(d: DayMetrics, r: RunRow): void {
  const written = r.created + r.updated + r.deleted;
  d.synced += written;
  if (r.kind === 'pull' || r.kind === 'reconcile') d.pulled += written;
  else d.pushed += written;
  d.created += r.created;
  d.updated += r.updated;
  d.deleted += r.deleted;
  d.unchanged += r.unchanged;
  d.skipped += r.skipped;
  d.failed += r.failed;
  d.succeeded += written + r.unchanged;
  d.runs += 1;
  if (FAILED_RUN.has(r.status)) d.failedRuns += 1;
}

/**
 * Each connection's runs counted per local day of `days` (a run counts on the day it started).
 * Reads sync_runs through its index on started_at; runs still going count what they did so far.
 * Connections without runs in the range are absent: the caller fills in zero days.
 */
export function runDays(db: Db, days: readonly string[], timeZone: string): Map<string, DayMetrics[]> {
  const index = new Map(days.map((d, i) => [d, i]));
  const rows = db
    .prepare(
      `SELECT connection_id, kind, status, started_at, created, updated, deleted, unchanged, skipped, failed
         FROM sync_runs WHERE started_at >= ? AND dry_run = 0`,
    )
    .all(rangeStartBound(days)) as RunRow[];
  const out = new Map<string, DayMetrics[]>();
  for (const r of rows) {
    const i = index.get(localDay(Date.parse(r.started_at), timeZone));
    if (i === undefined) continue;
    let list = out.get(r.connection_id);
    if (!list) out.set(r.connection_id, (list = days.map(emptyDay)));
    addRun(list[i], r);
  }
  return out;
}

export function totalsOf(days: readonly DayMetrics[]): MetricTotals {
  const t = days.reduce(
    (acc, d) => ({ synced: acc.synced + d.synced, succeeded: acc.succeeded + d.succeeded, failed: acc.failed + d.failed, runs: acc.runs + d.runs, failedRuns: acc.failedRuns + d.failedRuns }),
    { synced: 0, succeeded: 0, failed: 0, runs: 0, failedRuns: 0 },
  );
  const handled = t.succeeded + t.failed;
  return { ...t, successRate: handled === 0 ? null : t.succeeded / handled };
}
