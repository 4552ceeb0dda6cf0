import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../main/store/db';
import { openLegacyStore } from './legacy-store';
import { writeSetting } from '../../main/store/settings';
import { listAudit } from '../../main/store/audit-log';
import { pruneHistory, retentionDaysSetting, RetentionService } from '../../main/retention';
import { auditTarget, newBatchState, queueTarget, runsTarget } from '../../main/retention/targets';
import type { Clock } from '../../main/schedule/clock';
import type { Logger } from '../../main/log/logger';
import { createAppServices } from '../../main/services/app-services';
import { MemorySecretStore } from '../../main/auth/secret-store';
import { runCli } from '../../main/cli';
import { DAY, endOf, simulateHistory, tallyHistory, yearOfHourlySyncs } from './history';
import { explainCalls } from './plans';

/** 120 days of hourly syncs, small enough to make per test. */
const season = yearOfHourlySyncs({ runs: 24 * 120, itemsPerRun: 5, auditPerRun: 2, recordsPerRun: 3, deadEvery: 97, cancelledEvery: 13, supersededEvery: 29 });
const now = endOf(season);
const count = (db: Db, sql: string, ...args: unknown[]): number => (db.prepare(sql).get(...args) as { n: number }).n;
const rows = (db: Db) => ({
  queue: count(db, 'SELECT COUNT(*) AS n FROM sync_queue'),
  audit: count(db, 'SELECT COUNT(*) AS n FROM audit_log'),
  runs: count(db, 'SELECT COUNT(*) AS n FROM sync_runs'),
  records: count(db, 'SELECT COUNT(*) AS n FROM sync_run_records'),
});

function seeded(): Db {
  const { db } = openDatabase(':memory:');
  simulateHistory(db, season);
  return db;
}

const silentLogger = (): Logger & { lines: string[] } => {
  const lines: string[] = [];
  const log = (m: string) => void lines.push(m);
  return { lines, error: log, warn: log, info: log, debug: log, debugEnabled: false, setDebug: () => undefined, onLine: () => () => undefined, file: undefined };
};

/** Timers fire only when the test runs them. */
class ManualClock implements Clock {
  timers: Array<{ fn: () => void; ms: number }> = [];
  now = () => now;
  setTimer = (fn: () => void, ms: number) => {
    const t = { fn, ms };
    this.timers.push(t);
    return () => void (this.timers = this.timers.filter((x) => x !== t));
  };
  fire(): number {
    const t = this.timers.shift();
    if (!t) throw new Error('no timer pending');
    t.fn();
    return t.ms;
  }
}

describe('pruneHistory', () => {
  it('counts in a dry run exactly what a prune then removes, and changes nothing meanwhile', async () => {
    const db = seeded();
    const before = rows(db);
    const dry = await pruneHistory(() => db, { now, dryRun: true });
    expect(rows(db)).toEqual(before);
    expect(dry.auditEntryId).toBeNull();
    const tally = tallyHistory(season, now - 90 * DAY);
    expect(dry).toMatchObject({ dryRun: true, queueItems: tally.oldFinished, auditEntries: tally.oldAudit, syncRuns: tally.oldFinishedRuns, syncRunRecords: tally.oldFinishedRuns * 3 });
    const real = await pruneHistory(() => db, { now });
    expect([real.queueItems, real.auditEntries, real.syncRuns, real.syncRunRecords]).toEqual([dry.queueItems, dry.auditEntries, dry.syncRuns, dry.syncRunRecords]);
    expect(rows(db)).toEqual({
      queue: before.queue - dry.queueItems,
      audit: before.audit - dry.auditEntries + 1,
      runs: before.runs - dry.syncRuns,
      records: before.records - dry.syncRunRecords,
    });
  });

  it('follows the retention.days setting, falls back to 90 days for a value the Settings page would refuse, and refuses bad --days', async () => {
    const db = seeded();
    expect(retentionDaysSetting(db)).toBe(90);
    writeSetting(db, 'retention.days', 'forever');
    expect(retentionDaysSetting(db)).toBe(90);
    writeSetting(db, 'retention.days', 30);
    const r = await pruneHistory(() => db, { now, dryRun: true });
    expect(r.days).toBe(30);
    expect(r.queueItems).toBe(tallyHistory(season, now - 30 * DAY).oldFinished);
    await expect(pruneHistory(() => db, { now, days: 0 })).rejects.toThrow(/from 1 to 3650/);
    await expect(pruneHistory(() => db, { now, days: 1.5 })).rejects.toThrow(RangeError);
  });

  it('works in batches of the given size and gives the same result', async () => {
    const a = seeded();
    const b = seeded();
    const big = await pruneHistory(() => a, { now, batchSize: 5000 });
    const small = await pruneHistory(() => b, { now, batchSize: 50 });
    expect(small.batches).toBeGreaterThan(Math.ceil((small.queueItems + small.auditEntries) / 50));
    expect(small.batches).toBeGreaterThan(big.batches * 5);
    expect(rows(b)).toEqual(rows(a));
  });

  it('stops between batches when aborted or when the store is replaced, and the next prune carries on', async () => {
    const db = seeded();
    const abort = new AbortController();
    setImmediate(() => abort.abort());
    const first = await pruneHistory(() => db, { now, batchSize: 100, signal: abort.signal });
    expect(first.interrupted).toBe(true);
    expect(first.queueItems).toBeGreaterThan(0);
    expect(first.queueItems).toBeLessThan(tallyHistory(season, now - 90 * DAY).oldFinished);
    expect(first.auditEntryId).toBeNull();
    const second = await pruneHistory(() => db, { now });
    expect(first.queueItems + second.queueItems).toBe(tallyHistory(season, now - 90 * DAY).oldFinished);

    // A restore closes the handle and opens another between two batches: the prune ends, nothing throws.
    let current = seeded();
    const old = current;
    setImmediate(() => {
      old.close();
      current = openDatabase(':memory:').db;
    });
    const replaced = await pruneHistory(() => current, { now, batchSize: 100 });
    expect(replaced.interrupted).toBe(true);
    expect(count(current, 'SELECT COUNT(*) AS n FROM audit_log')).toBe(0);
  });

  it('reports every prune started by a person, but an automatic one only when it removed something', async () => {
    const db = openDatabase(':memory:').db;
    expect((await pruneHistory(() => db, { now, trigger: 'daily' })).auditEntryId).toBeNull();
    const manual = await pruneHistory(() => db, { now, trigger: 'cli' });
    const entry = listAudit(db, { limit: 5 }).entries[0];
    expect(entry).toMatchObject({ id: manual.auditEntryId, action: 'prune', summary: expect.stringMatching(/^Pruned history older than 90 days \(before \d{4}-\d\d-\d\d\): 0 finished queue items, 0 audit entries, 0 sync runs \(0 record rows\)\.$/) });
  });

  it('uses the primary key and the indexes for its own batches', () => {
    const db = seeded();
    const cutoff = new Date(now - 90 * DAY).toISOString();
    const statements = explainCalls(db, () => {
      queueTarget.batch(db, cutoff, 10, newBatchState());
      auditTarget.batch(db, cutoff, 10, newBatchState());
      runsTarget.batch(db, cutoff, 10, newBatchState());
    });
    const planOf = (start: string) => statements.find((s) => s.sql.startsWith(start))!.plan.join(' | ');
    expect(planOf('DELETE FROM sync_queue')).toBe('SEARCH sync_queue USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)');
    expect(planOf('DELETE FROM audit_log')).toContain('SEARCH audit_log USING COVERING INDEX audit_log_at (at<?)');
    expect(planOf('SELECT id FROM sync_runs')).toContain('SEARCH sync_runs USING INDEX sync_runs_started (started_at<?)');
    expect(planOf('DELETE FROM sync_run_records')).toContain('SEARCH sync_run_records USING COVERING INDEX sqlite_autoindex_sync_run_records_1 (run_id=?)');
  });

  describe('compacting a store file', () => {
    let dir: string;
    beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'tcs-retention-compact-'))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('rebuilds once into incremental auto-vacuum, then hands free pages back in steps', async () => {
      const db = openLegacyStore(join(dir, 'store.sqlite'));
      simulateHistory(db, season);
      const first = await pruneHistory(() => db, { now, compact: 'always' });
      expect(first.compaction).toMatchObject({ method: 'converted' });
      expect(first.compaction!.bytesAfter).toBeLessThan(first.compaction!.bytesBefore);
      // A month later the next month of history is old enough.
      const next = await pruneHistory(() => db, { now: now + 30 * DAY, compact: 'always' });
      expect(next.queueItems).toBeGreaterThan(0);
      expect(next.compaction).toMatchObject({ method: 'incremental' });
      expect(next.compaction!.freePagesBefore).toBeGreaterThan(0);
      expect(db.pragma('freelist_count', { simple: true })).toBe(0);
      expect(next.compaction!.bytesAfter).toBeLessThan(next.compaction!.bytesBefore);
      db.close();
    });

    it('leaves a small prune uncompacted in auto mode', async () => {
      const db = openLegacyStore(join(dir, 'store.sqlite'));
      simulateHistory(db, season);
      const r = await pruneHistory(() => db, { now });
      expect(r.compaction).toMatchObject({ method: 'none' });
      expect(db.pragma('auto_vacuum', { simple: true })).toBe(0);
      db.close();
    });
  });
});

describe('RetentionService', () => {
  it('prunes once after the start delay, then daily, and stops its timers', async () => {
    const db = seeded();
    const clock = new ManualClock();
    const logger = silentLogger();
    const service = new RetentionService({ db: () => db, logger, clock, startDelayMs: 1234 });
    service.start();
    expect(clock.timers.map((t) => t.ms)).toEqual([1234]);
    clock.fire();
    await vi.waitFor(() => expect(service.lastReport).toBeDefined());
    // The store's clock is real: "now" for the prune is today, so all of 2025's history is old.
    expect(service.lastReport).toMatchObject({ trigger: 'startup', days: 90 });
    expect(service.lastReport!.queueItems).toBeGreaterThan(0);
    expect(logger.lines.some((l) => l.startsWith('Pruned history older than 90 days'))).toBe(true);
    await vi.waitFor(() => expect(clock.timers.map((t) => t.ms)).toEqual([24 * 3_600_000]));
    clock.fire();
    await vi.waitFor(() => expect(service.lastReport?.trigger).toBe('daily'));
    await vi.waitFor(() => expect(clock.timers).toHaveLength(1));
    await service.stop();
    expect(clock.timers).toHaveLength(0);
  });

  it('ends a prune under way when stopped', async () => {
    const db = seeded();
    const service = new RetentionService({ db: () => db, logger: silentLogger(), clock: new ManualClock() });
    const running = service.run({ batchSize: 10 });
    await service.stop();
    expect((await running).interrupted).toBe(true);
  });

  it('is part of the app services, pruning on demand and stopping with them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tcs-retention-services-'));
    try {
      const services = createAppServices({ dataDir: dir, shell: 'test', logToConsole: false, secretStore: new MemorySecretStore() });
      simulateHistory(services.db, season);
      const running = services.retention.run({ batchSize: 10 });
      await services.close();
      expect((await running).interrupted).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('prune command', () => {
  let dir: string;
  beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'tcs-retention-cli-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const o = vi.spyOn(process.stdout, 'write').mockImplementation((c) => ((out += String(c)), true));
    const e = vi.spyOn(process.stderr, 'write').mockImplementation((c) => ((err += String(c)), true));
    try {
      return { code: await runCli(['--data-dir', dir, ...args]), out, err };
    } finally {
      o.mockRestore();
      e.mockRestore();
    }
  }

  it('counts with --dry-run --json, prunes with --days, and refuses a bad --days', async () => {
    const services = createAppServices({ dataDir: dir, shell: 'test', logToConsole: false, secretStore: new MemorySecretStore() });
    simulateHistory(services.db, season);
    await services.close();

    const dry = await cli('prune', '--dry-run', '--json', '--days', '3650');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({ dryRun: true, days: 3650, queueItems: 0, auditEntries: 0, trigger: 'cli' });

    const all = await cli('prune', '--dry-run', '--json');
    const counted = JSON.parse(all.out) as { queueItems: number; days: number };
    expect(counted.days).toBe(90);
    // 2025 is long over: every finished item is older than 90 days.
    const tally = tallyHistory(season, Date.now() - 90 * DAY);
    expect(counted.queueItems).toBe(tally.oldFinished);

    const real = await cli('prune', '--days', '30');
    expect(real.code).toBe(0);
    expect(real.out).toMatch(new RegExp(`^Pruned history older than 30 days \\(before \\d{4}-\\d\\d-\\d\\d\\): ${tally.oldFinished.toLocaleString('en-US')} finished queue items, `));
    expect(real.out).toContain(`${tally.queue.dead} dead letters kept until handled`);

    const bad = await cli('prune', '--days', '0');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--days must be a whole number from 1 to 3650');
  });
});
