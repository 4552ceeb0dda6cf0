import type { Db } from '../store/db';
import type { ConnectionMetrics, DashboardOverview, DashboardRange, DayMetrics } from '../../shared/ipc/channels/dashboard';
import { listConnections } from '../store/connections';
import { toView } from '../connections/views';
import { toRunView } from '../sync/runs/recorder';
import { emptyDepth } from './samples-store';
import { queueDepths } from './queue-depth';
import { isTimeZone, lastDays, systemTimeZone } from './days';
import { emptyDay, runDays, totalsOf } from './run-days';
import { bucketLayout, queueSeries, usageSeries } from './series';
import { hasRuns, lastRunByConnection, recentRuns } from './runs';

export interface OverviewOptions {
  range: DashboardRange;
  /** Days are counted in this zone (the renderer sends its own); default: this process's. */
  timeZone?: string;
  now?: number;
  /** How many of the last runs to list (default 10). */
  lastRuns?: number;
}

/** Sums the days of every connection, day by day. */
function sumDays(days: readonly string[], perConnection: readonly DayMetrics[][]): DayMetrics[] {
  return days.map((day, i) => {
    const sum = emptyDay(day);
    for (const list of perConnection) {
      const d = list[i];
      for (const k of Object.keys(sum) as Array<keyof DayMetrics>) if (k !== 'day') sum[k] += d[k];
    }
    return sum;
  });
}

/**
 * Everything the dashboard charts for a range, read from the store alone (no CRM is asked):
 * per connection the days of sync_runs, queue depth and API usage from the sampler's rows,
 * the queue now, and the last runs.
 */
export function dashboardOverview(db: Db, opts: OverviewOptions): DashboardOverview {
  const now = opts.now ?? Date.now();
  const timeZone = opts.timeZone && isTimeZone(opts.timeZone) ? opts.timeZone : systemTimeZone();
  const days = lastDays(opts.range, now, timeZone);
  const layout = bucketLayout(opts.range, now, timeZone);
  const byDay = runDays(db, days, timeZone);
  const depths = queueDepths(db);
  const lastRuns = lastRunByConnection(db);
  const connections: ConnectionMetrics[] = listConnections(db).map((record) => {
    const c = toView(record);
    const connectionDays = byDay.get(c.id) ?? days.map(emptyDay);
    const last = lastRuns.get(c.id);
    return {
      connectionId: c.id,
      provider: c.provider,
      providerName: c.providerName,
      label: c.label,
      status: c.status,
      days: connectionDays,
      totals: totalsOf(connectionDays),
      queue: queueSeries(db, c.id, layout),
      usage: usageSeries(db, c.id, layout),
      usagePeriod: c.usage?.period ?? null,
      queueNow: depths.get(c.id) ?? emptyDepth(),
      usageNow: c.usage,
      lastRun: last ? toRunView(last) : null,
    };
  });
  return {
    range: opts.range,
    timeZone,
    days,
    bucketMs: layout.bucketMs,
    generatedAt: new Date(now).toISOString(),
    connections,
    totals: totalsOf(sumDays(days, connections.map((c) => c.days))),
    lastRuns: recentRuns(db, opts.lastRuns ?? 10).map(toRunView),
    hasHistory: hasRuns(db),
  };
}
