import { useEffect, type ReactElement } from 'react';
import { Button, Icon, Page, Spinner, Stat } from '../../components';
import { useAppInfo } from '../../stores/app-info';
import type { DashboardOverview } from '../../../../shared/ipc/channels/dashboard';
import { AttentionCard } from './AttentionCard';
import { ConnectionPanel } from './ConnectionPanel';
import { FirstSteps, InstallationCard } from './FirstSteps';
import { LastRunsCard } from './LastRunsCard';
import { RangePicker } from './RangePicker';
import { followDashboard, useDashboard } from './dashboard-store';
import { percent } from './chart-data';
import './dashboard.css';

/** The store's counts, as on every Home: people and the queue, plus the connections. */
function StoreStats(): ReactElement {
  const counts = useAppInfo((s) => s.counts);
  return (
    <div className="stat-grid">
      <Stat label="People" icon="users" value={counts?.people ?? null} hint="Ticket buyers" />
      <Stat label="Orders" icon="ticket" value={counts?.orders ?? null} hint="From your exports" />
      <Stat label="Events" icon="calendar" value={counts?.events ?? null} hint="Events attended" />
      <Stat label="Connections" icon="plug" value={counts?.connections ?? null} hint="Linked CRMs" />
      <Stat
        label="Queued"
        icon="sync"
        value={counts?.queuePending ?? null}
        hint={counts && counts.queueDead > 0 ? `${counts.queueDead.toLocaleString()} failed for good` : 'Waiting to be sent'}
      />
      <Stat label="Audit entries" icon="log" value={counts?.auditEntries ?? null} hint="Changes recorded" />
    </div>
  );
}

/** The range's figures over every connection. */
function RangeStats({ o }: { o: DashboardOverview }): ReactElement {
  const counts = useAppInfo((s) => s.counts);
  const t = o.totals;
  return (
    <div className="stat-grid">
      <Stat label="People" icon="users" value={counts?.people ?? null} hint="Ticket buyers" />
      <Stat label="Synced" icon="sync" value={t.synced} hint={`Records, last ${o.range} days`} />
      <div className="stat" role="group" aria-label="Success rate">
        <div className="stat-head">
          <span className="stat-label">Success rate</span>
          <span className="stat-icon">
            <Icon name="checkCircle" size={16} />
          </span>
        </div>
        <div className="stat-value">{t.successRate === null ? '—' : percent(t.successRate * 100)}</div>
        <div className="stat-hint">{t.failed > 0 ? `${t.failed.toLocaleString()} records failed` : `${t.runs.toLocaleString()} run${t.runs === 1 ? '' : 's'}, no failures`}</div>
      </div>
      <Stat label="Queued" icon="inbox" value={counts?.queuePending ?? null} hint="Waiting to be sent" />
      <Stat label="Dead letters" icon="alert" value={counts?.queueDead ?? null} hint="Failed for good" />
      <Stat label="Connections" icon="plug" value={counts?.connections ?? null} hint="Linked CRMs" />
    </div>
  );
}

function Dashboard({ o }: { o: DashboardOverview }): ReactElement {
  const tables = useDashboard((s) => s.tables);
  const labels = new Map(o.connections.map((c) => [c.connectionId, c.label]));
  return (
    <>
      <RangeStats o={o} />
      <div className="dash-top">
        <AttentionCard />
        <LastRunsCard runs={o.lastRuns} labels={labels} />
      </div>
      {o.connections.map((c) => (
        <ConnectionPanel key={c.connectionId} c={c} range={o.range} bucketMs={o.bucketMs} tables={tables} />
      ))}
      <InstallationCard />
    </>
  );
}

function DashboardControls(): ReactElement {
  const range = useDashboard((s) => s.range);
  const tables = useDashboard((s) => s.tables);
  const { setRange, setTables, load, loadAttention } = useDashboard.getState();
  return (
    <>
      <RangePicker value={range} onChange={setRange} />
      <Button icon="log" aria-pressed={tables} onClick={() => setTables(!tables)}>
        Show as tables
      </Button>
      <Button
        icon="refresh"
        aria-label="Refresh"
        title="Refresh"
        onClick={() => {
          void load();
          void loadAttention();
          void useAppInfo.getState().refreshCounts();
        }}
      />
    </>
  );
}

export function HomePage(): ReactElement {
  const overview = useDashboard((s) => s.overview);
  const failed = useDashboard((s) => s.overviewError !== null);
  const hasAttention = useDashboard((s) => (s.attention?.items.length ?? 0) > 0);

  useEffect(() => {
    const { load, loadAttention } = useDashboard.getState();
    void load();
    void loadAttention();
    return followDashboard();
  }, []);

  const dashboard = overview?.hasHistory === true;
  return (
    <Page
      title="Home"
      description={dashboard ? 'How syncing went, per connection, and what needs you.' : 'Your ticket buyers, your CRM connections and what is waiting to sync, at a glance.'}
      actions={dashboard ? <DashboardControls /> : undefined}
    >
      {overview === null && !failed ? (
        <>
          <StoreStats />
          <div className="dash-loading">
            <Spinner label="Loading the dashboard" />
          </div>
        </>
      ) : dashboard ? (
        <Dashboard o={overview} />
      ) : (
        <>
          <StoreStats />
          {hasAttention && <AttentionCard />}
          <FirstSteps />
        </>
      )}
    </Page>
  );
}
