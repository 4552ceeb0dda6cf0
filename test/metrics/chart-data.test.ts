import { describe, it, expect } from 'vitest';
import { dashboardOverview, insertSamples } from '../../main/metrics';
import type { ConnectionMetrics, DashboardRange } from '../../shared/ipc/channels/dashboard';
import { addConnection, addRun, DAY, HOUR, memoryDb } from './helpers';

// Renderer modules (their own TypeScript project): computed paths keep this Node project's tsc
// out of them while vitest loads them, as test/demo/demo-offer.test.ts does.
interface Series {
  key: string;
  label: string;
  values: Array<number | null>;
}
interface ChartModel {
  id: string;
  title: string;
  summary: string;
  labels: string[];
  series: Series[];
  empty: boolean;
  format?: (v: number) => string;
}
const chartDataPath = '../../renderer/src/pages/home/chart-data';
const scalePath = '../../renderer/src/components/charts/scale';
const { connectionCharts, chartAriaLabel, percent } = (await import(/* @vite-ignore */ chartDataPath)) as {
  connectionCharts: (c: ConnectionMetrics, range: DashboardRange, bucketMs: number) => ChartModel[];
  chartAriaLabel: (m: ChartModel, connection: string, range: DashboardRange) => string;
  percent: (v: number) => string;
};
const { visibleLabels } = (await import(/* @vite-ignore */ scalePath)) as { visibleLabels: (xs: number[], labels: string[], gap?: number, left?: number) => boolean[] };

const NOW = Date.parse('2026-11-25T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

function overview() {
  const db = memoryDb();
  addConnection(db, 'hubspot', { label: 'Acme HubSpot' });
  addRun(db, { connectionId: 'hubspot', kind: 'push', status: 'partial', startedAt: iso(NOW - 2 * HOUR), created: 90, updated: 10, failed: 25 });
  addRun(db, { connectionId: 'hubspot', kind: 'pull', startedAt: iso(NOW - DAY), updated: 20, unchanged: 5 });
  const q = (pending: number) => ({ pending, running: 0, failed: 0, dead: 2 });
  insertSamples(db, [
    { connectionId: 'hubspot', at: iso(NOW - 3 * HOUR), trigger: 'run', queue: q(120), usage: { used: 300, max: 1000, period: 'day', observedAt: iso(NOW - 3 * HOUR) } },
    { connectionId: 'hubspot', at: iso(NOW - HOUR), trigger: 'run', queue: q(0), usage: null },
  ]);
  return dashboardOverview(db, { range: 7, timeZone: 'UTC', now: NOW });
}

describe('dashboard charts, from the aggregations', () => {
  it('draws records by direction, success and failure as shares, queue depth and API usage, with summaries', () => {
    const o = overview();
    const [synced, success, queue, usage] = connectionCharts(o.connections[0], 7, o.bucketMs);
    expect([synced.id, success.id, queue.id, usage.id]).toEqual(['synced', 'success', 'queue', 'usage']);
    expect(synced.labels).toHaveLength(7);
    expect(synced.series.map((s) => [s.key, s.values.slice(-2)])).toEqual([
      ['pushed', [0, 100]],
      ['pulled', [20, 0]],
    ]);
    expect(synced.summary).toMatch(/^120 in the last 7 days; most on .+ \(100\)\.$/);
    expect(success.series[0].values.slice(-2)).toEqual([100, 80]);
    expect(success.series[1].values.slice(-2)).toEqual([0, 20]);
    expect(success.series[0].values[0]).toBeNull();
    expect(success.summary).toBe('83% of 150 records succeeded; 25 failed (1 run with failures).');
    expect(Math.max(...queue.series[0].values.map((v) => v ?? 0))).toBe(120);
    expect(queue.summary).toMatch(/^0 waiting now; peak 120 \(/);
    expect(usage.series[0].values.filter((v) => v !== null)).toEqual([30]);
    expect(chartAriaLabel(synced, 'Acme HubSpot', 7)).toMatch(/^Records synced per day, Acme HubSpot, the last 7 days\. 120 in the last 7 days/);
    expect([synced, success, queue, usage].map((m) => m.empty)).toEqual([false, false, false, false]);
  });

  it('says there is nothing rather than drawing zeros', () => {
    const db = memoryDb();
    addConnection(db, 'hubspot');
    const o = dashboardOverview(db, { range: 30, timeZone: 'UTC', now: NOW });
    const charts = connectionCharts(o.connections[0], 30, o.bucketMs);
    expect(charts.map((m) => m.empty)).toEqual([true, true, true, true]);
    expect(charts[0].summary).toBe('Nothing synced in the last 30 days.');
  });

  it('formats shares without claiming 0 % for a sliver, and thins axis labels from the newest', () => {
    expect(percent(0.0004)).toBe('<0.1%');
    expect(percent(0)).toBe('0%');
    expect(percent(2.5)).toBe('2.5%');
    expect(percent(83.33)).toBe('83%');
    const xs = Array.from({ length: 10 }, (_, i) => 100 + i * 20);
    const shown = visibleLabels(xs, xs.map((x) => String(x)), 58);
    expect(shown[9]).toBe(true);
    const drawn = xs.filter((_, i) => shown[i]);
    for (let i = 1; i < drawn.length; i++) expect(drawn[i] - drawn[i - 1]).toBeGreaterThanOrEqual(58);
    expect(visibleLabels([10, 100], ['a', ''], 58)).toEqual([false, false]);
  });
});
