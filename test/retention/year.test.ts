import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../main/store/db';
import { openLegacyStore } from './legacy-store';
import { claim, queueCounts } from '../../main/sync/queue';
import { listAudit } from '../../main/store/audit-log';
import { pruneHistory, storeBytes, type PruneReport } from '../../main/retention';
import { DAY, endOf, simulateHistory, tallyHistory, yearOfHourlySyncs, type HistoryTally } from './history';
import { explainCalls, fullScans } from './plans';

const count = (db: Db, sql: string, ...args: unknown[]): number => (db.prepare(sql).get(...args) as { n: number }).n;

/**
 * A season of hourly syncs on a real store file: 8,760 runs, each leaving 50 queue items, 4 audit
 * entries and a sync run with 50 record rows. Pruning with the default 90 days keeps dead letters,
 * open items and the last 90 days, removes the rest, shrinks the file, and leaves the hot queries
 * on their indexes. (Timings are in bench/retention.bench.ts.)
 */
describe('retention after a year of hourly syncs', () => {
  const plan = yearOfHourlySyncs({ itemsPerRun: 50, auditPerRun: 4, recordsPerRun: 50 });
  const now = endOf(plan);
  const cutoffMs = now - 90 * DAY;
  let dir: string;
  let db: Db;
  let tally: HistoryTally;
  let bytesBefore: number;
  let report: PruneReport;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tcs-retention-year-'));
    db = openLegacyStore(join(dir, 'store.sqlite'));
    const written = simulateHistory(db, plan);
    tally = tallyHistory(plan, cutoffMs);
    expect(written).toEqual({ queue: 8_760 * 50, audit: 8_760 * 4, runs: 8_760, records: 8_760 * 50 });
    db.pragma('wal_checkpoint(TRUNCATE)');
    bytesBefore = storeBytes(db);
    report = await pruneHistory(() => db, { now, trigger: 'manual' });
  }, 120_000);

  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('removes finished queue items older than 90 days and keeps dead letters, open items and recent ones', () => {
    expect(report.cutoff).toBe(new Date(cutoffMs).toISOString());
    expect(tally.oldFinished).toBeGreaterThan(300_000);
    expect(report.queueItems).toBe(tally.oldFinished);
    expect(count(db, "SELECT COUNT(*) AS n FROM sync_queue WHERE state IN ('done', 'cancelled', 'superseded') AND updated_at < ?", report.cutoff)).toBe(0);
    const counts = queueCounts(db);
    expect(counts.dead).toBe(tally.queue.dead);
    expect(tally.oldDead).toBeGreaterThan(0);
    expect(report.deadLetters).toBe(tally.queue.dead);
    expect(report.oldDeadLetters).toBe(tally.oldDead);
    expect([counts.pending, counts.failed, counts.running]).toEqual([tally.queue.pending, tally.queue.failed, tally.queue.running]);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(8_760 * 50 - tally.oldFinished);
  });

  it('removes audit entries older than 90 days and reports the prune in the audit log', () => {
    expect(report.auditEntries).toBe(tally.oldAudit);
    expect(count(db, 'SELECT COUNT(*) AS n FROM audit_log WHERE at < ?', report.cutoff)).toBe(0);
    const { entries, total } = listAudit(db, { limit: 50 });
    expect(total).toBe(tally.audit - tally.oldAudit + 1);
    expect(entries[0]).toMatchObject({ id: report.auditEntryId, kind: 'system', action: 'prune', outcome: 'ok' });
    expect(entries[0].summary).toContain(`Pruned history older than 90 days (before ${report.cutoff.slice(0, 10)})`);
    expect(entries[0].summary).toContain(`${tally.queue.dead} dead letters kept until handled`);
    expect(entries[0].detail).toMatchObject({ queueItems: tally.oldFinished, auditEntries: tally.oldAudit, syncRuns: tally.oldFinishedRuns });
  });

  it('removes finished sync runs with their record rows and keeps the run in progress', () => {
    expect(report.syncRuns).toBe(tally.oldFinishedRuns);
    expect(report.syncRunRecords).toBe(tally.oldFinishedRuns * 50);
    expect(count(db, 'SELECT COUNT(*) AS n FROM sync_runs')).toBe(8_760 - tally.oldFinishedRuns);
    expect(count(db, "SELECT COUNT(*) AS n FROM sync_runs WHERE status = 'running'")).toBe(1);
    expect(count(db, 'SELECT COUNT(*) AS n FROM sync_run_records')).toBe((8_760 - tally.oldFinishedRuns) * 50);
    expect(count(db, 'SELECT COUNT(*) AS n FROM sync_run_records WHERE run_id NOT IN (SELECT id FROM sync_runs)')).toBe(0);
  });

  it('gives the freed space back: the store file shrinks to under 40 %', () => {
    expect(report.compaction?.method).toBe('converted');
    expect(report.compaction!.bytesBefore).toBeGreaterThanOrEqual(bytesBefore);
    expect(report.compaction!.skipped).toBeUndefined();
    expect(report.compaction!.bytesAfter).toBeLessThan(bytesBefore * 0.4);
    // The report written afterwards only adds to the write-ahead log.
    expect(storeBytes(db)).toBeLessThan(bytesBefore * 0.4);
    expect(db.pragma('auto_vacuum', { simple: true })).toBe(2);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('keeps the claim on its indexes, and claims the open items', () => {
    let claimed: ReturnType<typeof claim> = [];
    const statements = explainCalls(db, () => {
      claimed = claim(db, { owner: 'test:1:host', limit: 100, leaseMs: 60_000, connectionId: 'salesforce', object: 'Contact', now, isOwnerAlive: () => true });
    });
    expect(claimed).toHaveLength(tally.queue.pending + tally.queue.failed);
    expect(statements.length).toBeGreaterThanOrEqual(3);
    for (const s of statements) expect(fullScans(s.plan, 'sync_queue'), s.sql).toEqual([]);
    expect(statements.some((s) => s.plan.some((l) => l.includes('USING INDEX sync_queue_ready')))).toBe(true);
  });

  it('answers the audit list first page from the primary key and the at index, and queue counts from the kept rows only', () => {
    const statements = explainCalls(db, () => listAudit(db, { limit: 50 }));
    const page = statements.find((s) => s.sql.includes('ORDER BY id DESC'))!;
    const total = statements.find((s) => s.sql.startsWith('SELECT COUNT(*)'))!;
    expect(page.plan.join(' ')).not.toContain('TEMP B-TREE');
    expect(total.plan).toEqual(['SCAN audit_log USING COVERING INDEX audit_log_at']);
    // Queue counts read every row (no state index: it would slow enqueueing), so what matters is how many rows are left.
    const counted = explainCalls(db, () => queueCounts(db));
    expect(counted[0].plan).toContain('SCAN sync_queue');
    expect(count(db, 'SELECT COUNT(*) AS n FROM sync_queue')).toBeLessThan(8_760 * 50 * 0.26);
  });
});
