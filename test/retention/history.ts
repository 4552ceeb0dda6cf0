import type { Db } from '../../main/store/db';

/** The shape of a simulated season: hourly sync runs, each leaving queue items, audit rows and run records. */
export interface HistoryPlan {
  /** Epoch ms of the first run. */
  start: number;
  /** Hourly runs (8,760 is a year). */
  runs: number;
  /** Queue items each run settles (one per buyer pushed). */
  itemsPerRun: number;
  /** Audit entries each run writes. */
  auditPerRun: number;
  /** Per-record result rows each run keeps. */
  recordsPerRun: number;
  /** One item in this many ends as a dead letter; in these many, cancelled; superseded. */
  deadEvery: number;
  cancelledEvery: number;
  supersededEvery: number;
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const yearOfHourlySyncs = (over: Partial<HistoryPlan> = {}): HistoryPlan => ({
  start: Date.parse('2025-01-01T00:00:00.000Z'),
  runs: 8_760,
  itemsPerRun: 200,
  auditPerRun: 4,
  recordsPerRun: 200,
  deadEvery: 997,
  cancelledEvery: 101,
  supersededEvery: 211,
  ...over,
});

/** Epoch ms just after the last run: "now" at the end of the season. */
export const endOf = (p: HistoryPlan): number => p.start + p.runs * HOUR;

// Rows are made by SQLite itself from two counters (run n, item k): millions of rows in seconds,
// without a JS loop binding values row by row.
const counters = (name: string, count: number) => `${name}(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM ${name} WHERE i < ${count - 1})`;
const stamp = (msExpr: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', (${msExpr}) / 1000.0, 'unixepoch')`;

/**
 * Queue state of item number `seq` (0-based over the whole season). The last run's items are
 * still open: pending, failed or running, as a run in progress leaves them.
 */
const stateSql = (p: HistoryPlan) => `CASE
  WHEN r.i = ${p.runs - 1} THEN CASE k.i % 3 WHEN 0 THEN 'pending' WHEN 1 THEN 'failed' ELSE 'running' END
  WHEN (r.i * ${p.itemsPerRun} + k.i) % ${p.deadEvery} = 0 THEN 'dead'
  WHEN (r.i * ${p.itemsPerRun} + k.i) % ${p.cancelledEvery} = 0 THEN 'cancelled'
  WHEN (r.i * ${p.itemsPerRun} + k.i) % ${p.supersededEvery} = 0 THEN 'superseded'
  ELSE 'done' END`;

/** Fills a freshly migrated store with the season, in one transaction. Answers rows written per table. */
export function simulateHistory(db: Db, p: HistoryPlan): HistoryRows {
  // Index pages of millions of rows do not fit the default 2 MB page cache: spilling them mid-insert is most of the time.
  const cacheBefore = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -262144');
  try {
    return db.transaction(() => fillHistory(db, p))();
  } finally {
    db.pragma(`cache_size = ${cacheBefore}`);
  }
}

export interface HistoryRows {
  queue: number;
  audit: number;
  runs: number;
  records: number;
}

function fillHistory(db: Db, p: HistoryPlan): HistoryRows {
  const runAt = (offsetMs: string) => `${p.start} + r.i * ${HOUR} + ${offsetMs}`;
  const queue = db
    .prepare(
      `WITH RECURSIVE ${counters('r', p.runs)}, ${counters('k', p.itemsPerRun)}, q AS (SELECT r.i AS n, k.i AS k, ${stateSql(p)} AS state FROM r, k)
       INSERT INTO sync_queue (connection_id, object, local_kind, local_id, operation, direction, priority, state, attempts,
                               max_attempts, next_run_at, lease_owner, lease_expires_at, last_error, error_code, error_field,
                               idempotency_key, payload, run_id, created_at, updated_at, completed_at)
       SELECT 'salesforce', 'Contact', 'person', k, 'upsert', 'push', 5, state,
              CASE state WHEN 'dead' THEN 3 WHEN 'failed' THEN 1 ELSE 0 END, 3,
              ${stamp(`${p.start} + n * ${HOUR} + k`)},
              CASE state WHEN 'running' THEN 'sim:1:host' END,
              CASE state WHEN 'running' THEN ${stamp(`${p.start} + n * ${HOUR} + ${2 * HOUR}`)} END,
              CASE state WHEN 'dead' THEN 'Required fields are missing: [LastName]' END,
              CASE state WHEN 'dead' THEN 'REQUIRED_FIELD_MISSING' END,
              CASE state WHEN 'dead' THEN 'LastName' END,
              'push:salesforce:Contact:person:' || k || ':upsert' || CASE WHEN state IN ('pending', 'running', 'failed') THEN '' ELSE ':' || n END,
              '{"email":"buyer' || k || '@example.com"}', 'run-' || n,
              ${stamp(`${p.start} + n * ${HOUR} + k`)},
              ${stamp(`${p.start} + n * ${HOUR} + 30000 + k`)},
              CASE state WHEN 'done' THEN ${stamp(`${p.start} + n * ${HOUR} + 30000 + k`)} END
         FROM q`,
    )
    .run().changes;
  const audit = db
    .prepare(
      `WITH RECURSIVE ${counters('r', p.runs)}, ${counters('k', p.auditPerRun)}
       INSERT INTO audit_log (at, kind, connection_id, object, action, outcome, summary, detail)
       SELECT ${stamp(runAt('60000 + k.i'))}, CASE k.i WHEN 0 THEN 'schedule' ELSE 'sync' END, 'salesforce', 'Contact', 'push', 'ok',
              'Push to Salesforce (schedule): ' || ${p.itemsPerRun} || ' people, ' || (r.i % 7) || ' created, the rest updated',
              '{"run":' || r.i || ',"step":' || k.i || '}'
         FROM r, k`,
    )
    .run().changes;
  const runs = db
    .prepare(
      `WITH RECURSIVE ${counters('r', p.runs)}
       INSERT INTO sync_runs (id, kind, connection_id, provider, object, trigger, status, total, updated, started_at, finished_at)
       SELECT r.i + 1, 'push', 'salesforce', 'salesforce', 'Contact', 'schedule', CASE WHEN r.i = ${p.runs - 1} THEN 'running' ELSE 'ok' END,
              ${p.recordsPerRun}, ${p.recordsPerRun}, ${stamp(runAt('0'))}, CASE WHEN r.i = ${p.runs - 1} THEN NULL ELSE ${stamp(runAt('45000'))} END
         FROM r`,
    )
    .run().changes;
  const records = db
    .prepare(
      `WITH RECURSIVE ${counters('r', p.runs)}, ${counters('k', p.recordsPerRun)}
       INSERT INTO sync_run_records (run_id, seq, local_kind, local_id, object, label, external_id, outcome, at)
       SELECT r.i + 1, k.i, 'person', k.i, 'Contact', 'buyer' || k.i || '@example.com', '003' || printf('%012d', k.i), 'updated', ${stamp(runAt('1000 + k.i'))}
         FROM r, k`,
    )
    .run().changes;
  return { queue, audit, runs, records };
}

export interface HistoryTally {
  queue: Record<'pending' | 'failed' | 'running' | 'done' | 'dead' | 'cancelled' | 'superseded', number>;
  /** Finished queue items last touched before the cutoff. */
  oldFinished: number;
  oldDead: number;
  audit: number;
  oldAudit: number;
  runs: number;
  oldFinishedRuns: number;
}

/**
 * The same season counted in JavaScript, item by item, from the rules simulateHistory gives
 * SQLite: the oracle the prune's results are checked against.
 */
export function tallyHistory(p: HistoryPlan, cutoffMs: number): HistoryTally {
  const t: HistoryTally = {
    queue: { pending: 0, failed: 0, running: 0, done: 0, dead: 0, cancelled: 0, superseded: 0 },
    oldFinished: 0, oldDead: 0, audit: 0, oldAudit: 0, runs: p.runs, oldFinishedRuns: 0,
  };
  const openStates = ['pending', 'failed', 'running'] as const;
  for (let n = 0; n < p.runs; n++) {
    const runStart = p.start + n * HOUR;
    for (let k = 0; k < p.itemsPerRun; k++) {
      const seq = n * p.itemsPerRun + k;
      const state =
        n === p.runs - 1 ? openStates[k % 3]
        : seq % p.deadEvery === 0 ? 'dead'
        : seq % p.cancelledEvery === 0 ? 'cancelled'
        : seq % p.supersededEvery === 0 ? 'superseded'
        : 'done';
      t.queue[state]++;
      const old = runStart + 30_000 + k < cutoffMs;
      if (old && state === 'dead') t.oldDead++;
      else if (old && (state === 'done' || state === 'cancelled' || state === 'superseded')) t.oldFinished++;
    }
    for (let j = 0; j < p.auditPerRun; j++) {
      t.audit++;
      if (runStart + 60_000 + j < cutoffMs) t.oldAudit++;
    }
    if (n < p.runs - 1 && runStart < cutoffMs && runStart + 45_000 < cutoffMs) t.oldFinishedRuns++;
  }
  return t;
}
