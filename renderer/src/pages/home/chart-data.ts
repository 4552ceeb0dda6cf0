import type { ConnectionMetrics, DashboardRange } from '../../../../shared/ipc/channels/dashboard';
import type { Series } from '../../components/charts';

/** One chart of a connection: its series, labels and the sentences that describe it. */
export interface ChartModel {
  id: 'synced' | 'success' | 'queue' | 'usage';
  title: string;
  /** One line under the title: the gist in numbers. */
  summary: string;
  labels: string[];
  axisLabels: string[];
  series: Series[];
  kind: 'bars' | 'line';
  format?: (v: number) => string;
  minMax?: number;
  /** The label column of the table fallback. */
  labelHeader: string;
  /** Whether there is anything to draw (else the chart says so instead). */
  empty: boolean;
  emptyText: string;
}

const num = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const dayFmt = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const weekdayFmt = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', timeZone: 'UTC' });
const bucketDayFmt = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const bucketFmt = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });

/** "Nov 25" for a YYYY-MM-DD local day (formatted as UTC so the date never shifts). */
export const dayLabel = (day: string): string => dayFmt.format(new Date(`${day}T00:00:00Z`));
const dayAxis = (day: string, range: DashboardRange): string => (range === 7 ? weekdayFmt : dayFmt).format(new Date(`${day}T00:00:00Z`));

export const percent = (v: number): string =>
  v > 0 && v < 0.1 ? '<0.1%' : `${v >= 10 || v === 0 || Number.isInteger(v) ? Math.round(v) : v.toFixed(1)}%`;
export const count = (v: number): string => num.format(v);

/** A bucket's label: the day for daily buckets, else the span of hours it covers ("Nov 25, 6:00 – 12:00 PM"). */
function bucketLabel(iso: string, bucketMs: number): string {
  const start = new Date(iso);
  if (bucketMs >= 86_400_000) return bucketDayFmt.format(start);
  return bucketFmt.formatRange(start, new Date(start.getTime() + bucketMs));
}

/** Axis labels for buckets: the day where a local day starts, nothing in between. */
function bucketAxis(ats: string[], bucketMs: number): string[] {
  return ats.map((at, i) => {
    const d = new Date(at);
    const prev = i > 0 ? new Date(ats[i - 1]) : null;
    return bucketMs >= 86_400_000 || !prev || prev.getDate() !== d.getDate() ? bucketDayFmt.format(d) : '';
  });
}

const rangeText = (range: DashboardRange) => `the last ${range} days`;

function peak(values: Array<number | null>, labels: string[]): { value: number; label: string } | null {
  let best: { value: number; label: string } | null = null;
  values.forEach((v, i) => {
    if (v !== null && (best === null || v > best.value)) best = { value: v, label: labels[i] };
  });
  return best;
}

function syncedChart(c: ConnectionMetrics, range: DashboardRange): ChartModel {
  const labels = c.days.map((d) => dayLabel(d.day));
  const top = peak(c.days.map((d) => d.synced), labels);
  const total = c.totals.synced;
  return {
    id: 'synced',
    title: 'Records synced per day',
    summary: total === 0 ? `Nothing synced in ${rangeText(range)}.` : `${count(total)} in ${rangeText(range)}; most on ${top!.label} (${count(top!.value)}).`,
    labels,
    axisLabels: c.days.map((d) => dayAxis(d.day, range)),
    series: [
      { key: 'pushed', label: 'Pushed to the CRM', tone: 'accent', values: c.days.map((d) => d.pushed) },
      { key: 'pulled', label: 'Pulled from the CRM', tone: 'teal', values: c.days.map((d) => d.pulled) },
    ],
    kind: 'bars',
    format: count,
    labelHeader: 'Day',
    empty: c.totals.runs === 0,
    emptyText: `No runs in ${rangeText(range)}.`,
  };
}

function successChart(c: ConnectionMetrics, range: DashboardRange): ChartModel {
  const rate = (ok: number, bad: number, which: 'ok' | 'bad') => (ok + bad === 0 ? null : ((which === 'ok' ? ok : bad) / (ok + bad)) * 100);
  const t = c.totals;
  return {
    id: 'success',
    title: 'Success and failure per day',
    summary:
      t.successRate === null
        ? `No records handled in ${rangeText(range)}.`
        : `${percent(t.successRate * 100)} of ${count(t.succeeded + t.failed)} records succeeded; ${count(t.failed)} failed${t.failedRuns ? ` (${count(t.failedRuns)} run${t.failedRuns === 1 ? '' : 's'} with failures)` : ''}.`,
    labels: c.days.map((d) => dayLabel(d.day)),
    axisLabels: c.days.map((d) => dayAxis(d.day, range)),
    series: [
      { key: 'succeeded', label: 'Succeeded', tone: 'success', values: c.days.map((d) => rate(d.succeeded, d.failed, 'ok')) },
      { key: 'failed', label: 'Failed', tone: 'danger', values: c.days.map((d) => rate(d.succeeded, d.failed, 'bad')) },
    ],
    kind: 'bars',
    format: percent,
    minMax: 100,
    labelHeader: 'Day',
    empty: t.successRate === null,
    emptyText: `No records handled in ${rangeText(range)}.`,
  };
}

function queueChart(c: ConnectionMetrics, bucketMs: number): ChartModel {
  const ats = c.queue.map((p) => p.at);
  const labels = ats.map((a) => bucketLabel(a, bucketMs));
  const top = peak(c.queue.map((p) => p.depth), labels);
  const now = c.queueNow.pending + c.queueNow.running + c.queueNow.failed;
  return {
    id: 'queue',
    title: 'Queue depth',
    summary: `${count(now)} waiting now${c.queueNow.dead ? `, ${count(c.queueNow.dead)} dead letters` : ''}${top ? `; peak ${count(top.value)} (${top.label}).` : '.'}`,
    labels,
    axisLabels: bucketAxis(ats, bucketMs),
    series: [
      { key: 'depth', label: 'Waiting or retrying', tone: 'accent', values: c.queue.map((p) => p.depth) },
      { key: 'dead', label: 'Dead letters', tone: 'danger', values: c.queue.map((p) => p.dead) },
    ],
    kind: 'line',
    format: count,
    labelHeader: 'Time',
    empty: top === null,
    emptyText: 'No samples yet: the queue is sampled every few minutes while the app runs, and at every run.',
  };
}

function usageChart(c: ConnectionMetrics, bucketMs: number): ChartModel {
  const ats = c.usage.map((p) => p.at);
  const labels = ats.map((a) => bucketLabel(a, bucketMs));
  const top = peak(c.usage.map((p) => p.percent), labels);
  const u = c.usageNow;
  const period = c.usagePeriod === 'window' ? 'of the burst limit' : 'of the daily limit';
  const nowText = u ? `${count(u.used)} of ${count(u.max)} ${u.period === 'day' ? 'calls today' : `calls in ${Math.round((u.windowMs ?? 10_000) / 1000)} s`} last reported` : 'No usage reported yet';
  return {
    id: 'usage',
    title: 'API usage',
    summary: `${nowText}${top ? `; peak ${percent(top.value)} ${period} (${top.label}).` : '.'}`,
    labels,
    axisLabels: bucketAxis(ats, bucketMs),
    series: [{ key: 'percent', label: `Share ${period}`, tone: 'warning', values: c.usage.map((p) => p.percent) }],
    kind: 'line',
    format: percent,
    minMax: 10,
    labelHeader: 'Time',
    empty: top === null,
    emptyText: 'The CRM has not reported its API usage in this range.',
  };
}

/** The four charts of a connection, in the order the panel shows them. */
export function connectionCharts(c: ConnectionMetrics, range: DashboardRange, bucketMs: number): ChartModel[] {
  return [syncedChart(c, range), successChart(c, range), queueChart(c, bucketMs), usageChart(c, bucketMs)];
}

/** The chart's accessible name: what it shows, for whom, over which range, and the gist. */
export const chartAriaLabel = (m: ChartModel, connection: string, range: DashboardRange): string => `${m.title}, ${connection}, ${rangeText(range)}. ${m.summary}`;
