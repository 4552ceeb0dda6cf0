import type { ReactElement } from 'react';
import type { ConnectionMetrics, DashboardRange } from '../../../../shared/ipc/channels/dashboard';
import { Badge, Card, type BadgeTone } from '../../components';
import { ChartFigure } from './ChartFigure';
import { connectionCharts, count, percent } from './chart-data';

const STATUS: Record<ConnectionMetrics['status'], { label: string; tone: BadgeTone }> = {
  connected: { label: 'Connected', tone: 'success' },
  needs_reconnect: { label: 'Needs reconnect', tone: 'warning' },
  disconnected: { label: 'Disconnected', tone: 'neutral' },
};

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }): ReactElement {
  return (
    <div className="dash-figure" role="group" aria-label={label}>
      <span className="dash-figure-label">{label}</span>
      <span className="dash-figure-value">{value}</span>
      {hint && <span className="dash-figure-hint">{hint}</span>}
    </div>
  );
}

/** One connection: its figures for the range, then records, success, queue depth and API usage as charts. */
export function ConnectionPanel({ c, range, bucketMs, tables }: { c: ConnectionMetrics; range: DashboardRange; bucketMs: number; tables: boolean }): ReactElement {
  const charts = connectionCharts(c, range, bucketMs);
  const waiting = c.queueNow.pending + c.queueNow.running + c.queueNow.failed;
  const u = c.usageNow;
  return (
    <Card
      className="dash-connection"
      title={c.label}
      description={`${c.providerName} · last ${range} days`}
      actions={
        <Badge tone={STATUS[c.status].tone} dot>
          {STATUS[c.status].label}
        </Badge>
      }
    >
      <div className="dash-figures">
        <Figure label="Records synced" value={count(c.totals.synced)} hint={`${count(c.totals.runs)} run${c.totals.runs === 1 ? '' : 's'}`} />
        <Figure label="Success rate" value={c.totals.successRate === null ? '—' : percent(c.totals.successRate * 100)} hint={`${count(c.totals.failed)} failed`} />
        <Figure label="In the queue" value={count(waiting)} hint={c.queueNow.dead ? `${count(c.queueNow.dead)} dead letters` : 'No dead letters'} />
        <Figure label="API usage" value={u && u.max > 0 ? percent((u.used / u.max) * 100) : '—'} hint={u ? `${count(u.used)} of ${count(u.max)}${u.period === 'day' ? ' today' : ' per window'}` : 'Not reported yet'} />
      </div>
      <div className="dash-charts">
        {charts.map((m) => (
          <ChartFigure key={m.id} model={m} connection={c.label} range={range} table={tables} />
        ))}
      </div>
    </Card>
  );
}
