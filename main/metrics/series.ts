import type { Db } from '../store/db';
import type { DashboardRange, QueuePoint, UsagePoint } from '../../shared/ipc/channels/dashboard';
import { DAY_MS, zoneOffsetMs } from './days';
import { queueBuckets, usageObservations } from './samples-store';

const HOUR_MS = 3_600_000;

/** Bucket widths: about a hundred points whatever the range (hourly for a week, daily for 90 days). */
export const BUCKET_MS: Record<DashboardRange, number> = { 7: HOUR_MS, 30: 6 * HOUR_MS, 90: DAY_MS };

export interface BucketLayout {
  fromMs: number;
  bucketMs: number;
  count: number;
}

/**
 * The time buckets of a range, ending with the one `now` falls in, on local boundaries (a daily
 * bucket runs from local midnight to midnight).
 */
export function bucketLayout(range: DashboardRange, now: number, timeZone: string): BucketLayout {
  const bucketMs = BUCKET_MS[range];
  const offset = zoneOffsetMs(now, timeZone);
  const end = Math.floor((now + offset) / bucketMs) * bucketMs - offset + bucketMs;
  const count = Math.round((range * DAY_MS) / bucketMs);
  return { fromMs: end - count * bucketMs, bucketMs, count };
}

const bucketStart = (l: BucketLayout, i: number): string => new Date(l.fromMs + i * l.bucketMs).toISOString();

/** The deepest the queue was in each bucket; null where no sample was taken. */
export function queueSeries(db: Db, connectionId: string, l: BucketLayout): QueuePoint[] {
  const rows = new Map(queueBuckets(db, connectionId, l.fromMs, l.bucketMs).map((r) => [r.bucket, r]));
  return Array.from({ length: l.count }, (_, i) => {
    const r = rows.get(i);
    return { at: bucketStart(l, i), depth: r?.depth ?? null, dead: r?.dead ?? null };
  });
}

/** The highest share of the API limit the CRM reported in each bucket; null where it reported nothing. */
export function usageSeries(db: Db, connectionId: string, l: BucketLayout): UsagePoint[] {
  const points: UsagePoint[] = Array.from({ length: l.count }, (_, i) => ({ at: bucketStart(l, i), percent: null, used: null, max: null }));
  for (const u of usageObservations(db, connectionId, new Date(l.fromMs).toISOString())) {
    const i = Math.floor((Date.parse(u.observedAt) - l.fromMs) / l.bucketMs);
    const p = points[i];
    if (!p || u.max <= 0) continue;
    const percent = (u.used / u.max) * 100;
    if (p.percent === null || percent > p.percent) Object.assign(p, { percent, used: u.used, max: u.max });
  }
  return points;
}
