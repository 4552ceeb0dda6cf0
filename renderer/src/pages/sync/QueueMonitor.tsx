import type { ReactElement } from 'react';
import { Badge, Button, Card, DataTable, EmptyState, Stat, Tabs, type BadgeTone, type Column } from '../../components';
import type { ErrorGroupView, QueueItemView, QueueState } from '../../../../shared/ipc/channels/sync';
import { formatDateTime } from '../../lib/format';
import { useSync, type QueueView } from './store';

const stateTone: Record<QueueState, BadgeTone> = {
  pending: 'info',
  running: 'accent',
  failed: 'warning',
  done: 'success',
  dead: 'danger',
  cancelled: 'neutral',
  superseded: 'neutral',
};

const stateLabel: Record<QueueState, string> = {
  pending: 'Pending',
  running: 'Running',
  failed: 'Retrying',
  done: 'Done',
  dead: 'Dead letter',
  cancelled: 'Cancelled',
  superseded: 'Superseded',
};

/** Pending, running, failed, done and dead counts with the throughput of the last minute. */
export function QueueStats(): ReactElement {
  const overview = useSync((s) => s.overview);
  const c = overview?.counts;
  const rate = overview ? Math.round(overview.throughput.perSecond * 10) / 10 : null;
  return (
    <div className="stat-grid sync-stats">
      <Stat label="Pending" icon="inbox" value={c?.pending ?? null} hint="Waiting for the next push" />
      <Stat label="Running" icon="sync" value={c?.running ?? null} hint="Being sent now" />
      <Stat label="Retrying" icon="refresh" value={c?.failed ?? null} hint="Failed once, backing off" />
      <Stat label="Done" icon="checkCircle" value={c?.done ?? null} hint="Sent or up to date" />
      <Stat label="Dead letters" icon="alert" value={c?.dead ?? null} hint="Need a fix or a retry" />
      <Stat label="Per second" icon="arrowRight" value={rate} hint={overview ? `${overview.throughput.completed.toLocaleString()} in the last minute` : 'Throughput'} />
    </div>
  );
}

function ItemActions({ item }: { item: QueueItemView }): ReactElement | null {
  const retry = useSync((s) => s.retry);
  const cancel = useSync((s) => s.cancelItems);
  const name = item.label ?? `${item.localKind} ${item.localId ?? ''}`;
  if (item.state !== 'dead' && item.state !== 'failed' && item.state !== 'pending') return null;
  return (
    <span className="sync-item-actions">
      {item.state !== 'pending' && (
        <Button size="sm" variant="ghost" icon="refresh" onClick={() => void retry({ ids: [item.id] })} aria-label={`Retry ${name}`}>
          Retry
        </Button>
      )}
      <Button size="sm" variant="ghost" icon="close" onClick={() => void cancel({ ids: [item.id] })} aria-label={`Cancel ${name}`}>
        Cancel
      </Button>
    </span>
  );
}

const columns: Column<QueueItemView>[] = [
  { key: 'state', header: 'State', width: '118px', render: (i) => <Badge tone={stateTone[i.state]} dot>{stateLabel[i.state]}</Badge> },
  {
    key: 'record',
    header: 'Record',
    width: '26%',
    truncate: true,
    render: (i) => (
      <span className="sync-item-record" title={`${i.connectionId} · ${i.object} · ${i.localKind} ${i.localId ?? ''}`}>
        {i.label ?? `${i.localKind} ${i.localId ?? ''}`}
        <span className="muted"> · {i.connectionId}</span>
      </span>
    ),
  },
  {
    key: 'error',
    header: 'Reason (as the CRM or the mapping put it)',
    render: (i) =>
      i.lastError ? (
        <span className="sync-item-error">
          {(i.errorCode || i.errorField) && (
            <span className="mono sync-item-code">
              {i.errorCode}
              {i.errorField ? ` · ${i.errorField}` : ''}
            </span>
          )}
          {i.lastError}
        </span>
      ) : (
        <span className="muted">{i.state === 'done' ? `Done ${formatDateTime(i.completedAt)}` : `Next try ${formatDateTime(i.nextRunAt)}`}</span>
      ),
  },
  { key: 'attempts', header: 'Tries', width: '64px', align: 'end', render: (i) => `${i.attempts}/${i.maxAttempts}` },
  { key: 'actions', header: <span className="sr-only">Actions</span>, width: '170px', align: 'end', render: (i) => <ItemActions item={i} /> },
];

const NO_GROUPS: ErrorGroupView[] = [];

const kindLabels: Record<string, string> = { person: 'Buyers', company: 'Companies', order: 'Orders' };
/** Queue items are kept per local kind (a buyer goes to Contact or Lead); CRM object names pass through. */
const kindLabel = (object: string) => kindLabels[object] ?? object;

function ErrorGroups(): ReactElement | null {
  // A stable empty list: a new [] per call would make the store look changed on every render.
  const groups = useSync((s) => s.overview?.errorGroups ?? NO_GROUPS);
  const retry = useSync((s) => s.retry);
  if (groups.length === 0) return null;
  return (
    <ul className="sync-groups" aria-label="Dead letters by cause">
      {groups.map((g) => (
        <li key={`${g.object}|${g.errorCode}|${g.errorField}`} className="sync-group">
          <Badge tone="danger">{g.count.toLocaleString()}</Badge>
          <span className="sync-group-text">
            <span className="mono">
              {kindLabel(g.object)} · {g.errorCode ?? 'error'}
              {g.errorField ? ` · ${g.errorField}` : ''}
            </span>
            <span className="muted">{g.sample}</span>
          </span>
          <Button size="sm" variant="ghost" icon="refresh" onClick={() => void retry({ all: true, errorCode: g.errorCode, errorField: g.errorField })}>
            Retry these
          </Button>
        </li>
      ))}
    </ul>
  );
}

/** The live queue: items needing attention with the CRM's message, and what waits to be sent. */
export function QueueMonitor(): ReactElement {
  const view = useSync((s) => s.view);
  const setView = useSync((s) => s.setView);
  const items = useSync((s) => s.items);
  const counts = useSync((s) => s.overview?.counts);
  const retry = useSync((s) => s.retry);
  const cancel = useSync((s) => s.cancelItems);
  const attention = (counts?.dead ?? 0) + (counts?.failed ?? 0);
  const tabs: Array<{ key: QueueView; label: string; count?: number }> = [
    { key: 'attention', label: 'Needs attention', count: attention },
    { key: 'waiting', label: 'Waiting', count: (counts?.pending ?? 0) + (counts?.running ?? 0) },
    { key: 'all', label: 'Recent items' },
  ];
  return (
    <Card
      title="Queue"
      description="Every change goes through this queue: it survives restarts, retries failures with a growing wait, and keeps what could not be sent as dead letters."
      actions={
        <>
          <Button size="sm" icon="refresh" disabled={attention === 0} onClick={() => void retry({ all: true })}>
            Retry all
          </Button>
          <Button size="sm" variant="ghost" icon="trash" disabled={!counts || counts.pending + counts.failed + counts.dead === 0} onClick={() => void cancel({ all: true })}>
            Cancel all waiting
          </Button>
        </>
      }
      flush
    >
      <Tabs tabs={tabs} active={view} onChange={setView} label="Queue items">
        {view === 'attention' && <ErrorGroups />}
        {items.length === 0 ? (
          <EmptyState icon={view === 'attention' ? 'checkCircle' : 'inbox'} title={view === 'attention' ? 'Nothing needs attention' : 'The queue is empty'} compact>
            <p>{view === 'attention' ? 'No failed items and no dead letters.' : 'Imports and pushes put records here until they are sent.'}</p>
          </EmptyState>
        ) : (
          <DataTable label="Queue items" columns={columns} rows={items} rowKey={(i) => i.id} dense />
        )}
      </Tabs>
    </Card>
  );
}
