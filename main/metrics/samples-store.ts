import type { Db } from '../store/db';

/** One connection's queue and API usage at one instant (a metric_samples row). */
export interface MetricSample {
  connectionId: string;
  at: string;
  /** What took the sample: the timer, a sync run, or a caller (tests, CLI). */
  trigger: SampleTrigger;
  queue: QueueDepth;
  usage: SampledUsage | null;
}

export type SampleTrigger = 'timer' | 'run' | 'manual';

export interface QueueDepth {
  pending: number;
  running: number;
  failed: number;
  dead: number;
}

export interface SampledUsage {
  used: number;
  max: number;
  period: 'day' | 'window';
  /** When the CRM reported it (a sample repeats the last report). */
  observedAt: string;
}

export const emptyDepth = (): QueueDepth => ({ pending: 0, running: 0, failed: 0, dead: 0 });

/** Items waiting or under way: what "queue depth" means on the dashboard (dead letters apart). */
export const openDepth = (q: QueueDepth): number => q.pending + q.running + q.failed;

export function insertSamples(db: Db, samples: readonly MetricSample[]): void {
  const stmt = db.prepare(
    `INSERT INTO metric_samples (connection_id, at, trigger, queue_pending, queue_running, queue_failed, queue_dead, api_used, api_max, api_period, api_observed_at)
     VALUES (@connectionId, @at, @trigger, @pending, @running, @failed, @dead, @used, @max, @period, @observedAt)`,
  );
  db.transaction(() => {
    for (const s of samples) {
      stmt.run({
        connectionId: s.connectionId,
        at: s.at,
        trigger: s.trigger,
        ...s.queue,
        used: s.usage?.used ?? null,
        max: s.usage?.max ?? null,
        period: s.usage?.period ?? null,
        observedAt: s.usage?.observedAt ?? null,
      });
    }
  })();
}

/**
 * Removes samples taken before `cutoff`, `limit` rows per statement through the index on `at`;
 * answers how many went. Samples are small and few (one per connection every few minutes), so a
 * prune is a handful of short statements.
 */
export function pruneSamples(db: Db, cutoff: string, limit = 5000): number {
  const stmt = db.prepare('DELETE FROM metric_samples WHERE id IN (SELECT id FROM metric_samples WHERE at < @cutoff ORDER BY at LIMIT @limit)');
  let total = 0;
  for (;;) {
    const n = stmt.run({ cutoff, limit }).changes;
    total += n;
    if (n < limit) return total;
  }
}

export const countSamples = (db: Db, connectionId?: string): number =>
  connectionId === undefined
    ? (db.prepare('SELECT COUNT(*) FROM metric_samples').pluck().get() as number)
    : (db.prepare('SELECT COUNT(*) FROM metric_samples WHERE connection_id = ?').pluck().get(connectionId) as number);

/** A bucket of the queue series: the deepest the queue was in it (peaks are what matter). */
export interface QueueBucketRow {
  bucket: number;
  depth: number;
  dead: number;
  samples: number;
}

/**
 * Queue depth per time bucket for one connection, buckets of `bucketMs` counted from `fromMs`
 * (samples before it are left out). Bound numbers arrive as REAL, hence the cast. Grouped in SQL: a 90-day range holds tens of thousands of
 * samples per connection, the chart a hundred points.
 */
export function queueBuckets(db: Db, connectionId: string, fromMs: number, bucketMs: number): QueueBucketRow[] {
  return db
    .prepare(
      `SELECT CAST((CAST(strftime('%s', at) AS INTEGER) * 1000 - @fromMs) / @bucketMs AS INTEGER) AS bucket,
              max(queue_pending + queue_running + queue_failed) AS depth, max(queue_dead) AS dead, COUNT(*) AS samples
         FROM metric_samples
        WHERE connection_id = @connectionId AND at >= @fromIso
        GROUP BY bucket ORDER BY bucket`,
    )
    .all({ connectionId, fromMs, bucketMs, fromIso: new Date(fromMs).toISOString() }) as QueueBucketRow[];
}

/** Each distinct API usage report of a connection since `fromIso`, oldest first. */
export function usageObservations(db: Db, connectionId: string, fromIso: string): SampledUsage[] {
  return db
    .prepare(
      `SELECT max(api_used) AS used, max(api_max) AS max, max(api_period) AS period, api_observed_at AS observedAt
         FROM metric_samples
        WHERE connection_id = @connectionId AND at >= @fromIso AND api_observed_at IS NOT NULL AND api_observed_at >= @fromIso
        GROUP BY api_observed_at ORDER BY api_observed_at`,
    )
    .all({ connectionId, fromIso }) as SampledUsage[];
}

/** The last sample of each connection (the sampler compares against it; tests read it). */
export function latestSamples(db: Db): Map<string, MetricSample> {
  const rows = db
    .prepare(
      `SELECT s.* FROM metric_samples s
        JOIN (SELECT connection_id, max(id) AS id FROM metric_samples GROUP BY connection_id) last ON last.id = s.id`,
    )
    .all() as SampleRow[];
  return new Map(rows.map((r) => [r.connection_id, toSample(r)]));
}

interface SampleRow {
  connection_id: string;
  at: string;
  trigger: string;
  queue_pending: number;
  queue_running: number;
  queue_failed: number;
  queue_dead: number;
  api_used: number | null;
  api_max: number | null;
  api_period: string | null;
  api_observed_at: string | null;
}

const toSample = (r: SampleRow): MetricSample => ({
  connectionId: r.connection_id,
  at: r.at,
  trigger: r.trigger as SampleTrigger,
  queue: { pending: r.queue_pending, running: r.queue_running, failed: r.queue_failed, dead: r.queue_dead },
  usage:
    r.api_used !== null && r.api_max !== null && r.api_observed_at !== null
      ? { used: r.api_used, max: r.api_max, period: r.api_period === 'window' ? 'window' : 'day', observedAt: r.api_observed_at }
      : null,
});
