import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../main/store/db';
import { claim, queueCounts } from '../main/sync/queue';
import { listAudit } from '../main/store/audit-log';
import { compactStore, pruneHistory, storeBytes } from '../main/retention';
import { DAY, endOf, simulateHistory, yearOfHourlySyncs } from '../test/retention/history';

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;

function time(fn: () => void, repeat = 5): number {
  const t = performance.now();
  for (let i = 0; i < repeat; i++) fn();
  return Math.round(((performance.now() - t) / repeat) * 10) / 10;
}

/** The hot queries of the app: the queue monitor's counts, a claim (released again), the audit log's first page. */
function hotQueries(db: Db, now: number): { countsMs: number; claimMs: number; auditPageMs: number } {
  const countsMs = time(() => queueCounts(db));
  // Each claim is rolled back, so every repeat (and the prune) sees the same queue.
  const rollback = new Error('roll back');
  const claimOnce = db.transaction(() => {
    claim(db, { owner: 'bench:1:host', limit: 100, leaseMs: 60_000, connectionId: 'salesforce', object: 'Contact', now, isOwnerAlive: () => true });
    throw rollback;
  });
  const claimMs = time(() => {
    try {
      claimOnce();
    } catch (err) {
      if (err !== rollback) throw err;
    }
  });
  const auditPageMs = time(() => listAudit(db, { limit: 200 }));
  return { countsMs, claimMs, auditPageMs };
}

/** Longest time the event loop could not run anything while `work` ran: what the app would feel. */
async function withStallMeter<T>(work: () => Promise<T>): Promise<{ result: T; maxStallMs: number }> {
  let maxStallMs = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const t = performance.now();
    maxStallMs = Math.max(maxStallMs, t - last - 5);
    last = t;
  }, 5);
  try {
    const result = await work();
    // Let the meter see the end of the last stall (work may finish right after it).
    await new Promise((resolve) => setTimeout(resolve, 20));
    return { result, maxStallMs: Math.round(maxStallMs) };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Retention (issue 9, point 5): a year of hourly syncs (8,760 runs × 200 queue items, 4 audit
 * entries and 200 record rows each) on a store file, pruned to 90 days; store size, prune time,
 * the longest stall of the event loop (batches; the one-time rebuild of the file; a daily prune
 * a month later in incremental mode), and the hot queries before and after.
 */
export const bench = {
  name: 'retention',
  async run(): Promise<Record<string, number | string>> {
    const dir = mkdtempSync(join(tmpdir(), 'tcs-bench-retention-'));
    const { db } = openDatabase(join(dir, 'bench.sqlite'));
    try {
      const plan = yearOfHourlySyncs({ itemsPerRun: 200, auditPerRun: 4, recordsPerRun: 200 });
      const now = endOf(plan);
      const t0 = performance.now();
      const rows = simulateHistory(db, plan);
      const simulateMs = Math.round(performance.now() - t0);
      db.pragma('wal_checkpoint(TRUNCATE)');
      const bytesBefore = storeBytes(db);
      const before = hotQueries(db, now);
      // The first prune after a season: batches, then the one-time rebuild into incremental auto-vacuum.
      const first = await withStallMeter(() => pruneHistory(() => db, { now, trigger: 'manual', compact: 'never' }));
      const rebuild = await withStallMeter(() => compactStore(db, 'auto'));
      const after = hotQueries(db, now);
      const storeAfter = storeBytes(db);
      // A month later, the daily prune of a store already in incremental mode.
      const later = await withStallMeter(() => pruneHistory(() => db, { now: now + 30 * DAY, trigger: 'daily', compact: 'always' }));
      const report = first.result;
      return {
        simulatedRows: rows.queue + rows.audit + rows.runs + rows.records,
        simulateMs,
        storeBefore: mb(bytesBefore),
        storeAfter: mb(storeAfter),
        prunedRows: report.queueItems + report.auditEntries + report.syncRuns + report.syncRunRecords,
        pruneMs: report.durationMs,
        batches: report.batches,
        maxStallBatchesMs: first.maxStallMs,
        compaction: rebuild.result.method,
        compactionMs: rebuild.result.durationMs,
        maxStallCompactionMs: rebuild.maxStallMs,
        monthLaterPrunedRows: later.result.queueItems + later.result.auditEntries + later.result.syncRuns + later.result.syncRunRecords,
        monthLaterCompaction: later.result.compaction?.method ?? 'none',
        monthLaterMs: later.result.durationMs,
        monthLaterMaxStallMs: later.maxStallMs,
        queueCountsMsBefore: before.countsMs,
        queueCountsMsAfter: after.countsMs,
        claimMsBefore: before.claimMs,
        claimMsAfter: after.claimMs,
        auditFirstPageMsBefore: before.auditPageMs,
        auditFirstPageMsAfter: after.auditPageMs,
      };
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
