import type { ReactElement } from 'react';
import type { SyncRun, SyncRunStatus } from '../../../../shared/ipc/channels/sync';
import { Badge, Button, Card, DataTable, type BadgeTone, type Column } from '../../components';
import { formatDateTime, formatRelative } from '../../lib/format';
import { useNavigation } from '../../stores/navigation';

export const OUTCOME: Record<SyncRunStatus, { label: string; tone: BadgeTone }> = {
  running: { label: 'Running', tone: 'info' },
  ok: { label: 'Succeeded', tone: 'success' },
  partial: { label: 'Some failed', tone: 'warning' },
  failed: { label: 'Failed', tone: 'danger' },
  cancelled: { label: 'Cancelled', tone: 'neutral' },
  interrupted: { label: 'Interrupted', tone: 'warning' },
};

const KIND: Record<SyncRun['kind'], string> = { push: 'Push', pull: 'Pull', undo: 'Undo', reconcile: 'Reconcile' };

function duration(r: SyncRun): string {
  if (!r.finishedAt) return 'running';
  const s = Math.max(0, Math.round((Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 1000));
  return s < 60 ? `took ${s} s` : s < 3600 ? `took ${Math.floor(s / 60)} min ${s % 60} s` : `took ${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** What a run did, in a few words: "120 created · 30 updated · 2 failed". */
export function runCounts(r: SyncRun): string {
  const parts = [
    [r.created, 'created'],
    [r.updated, 'updated'],
    [r.deleted, 'deleted'],
    [r.failed, 'failed'],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, what]) => `${(n as number).toLocaleString()} ${what}`);
  if (parts.length === 0) return r.unchanged > 0 ? `${r.unchanged.toLocaleString()} unchanged` : 'Nothing to do';
  return parts.join(' · ');
}

/** The last runs of every connection, newest first, with their outcome. */
export function LastRunsCard({ runs, labels }: { runs: SyncRun[]; labels: Map<string, string> }): ReactElement {
  const go = useNavigation((s) => s.go);
  const columns: Column<SyncRun>[] = [
    {
      key: 'outcome',
      header: 'Outcome',
      width: '124px',
      render: (r) => (
        <Badge tone={OUTCOME[r.status].tone} dot>
          {OUTCOME[r.status].label}
        </Badge>
      ),
    },
    {
      key: 'run',
      header: 'Run',
      width: '34%',
      render: (r) => (
        <span className="run-cell">
          <strong>
            {KIND[r.kind]}
            {r.object ? ` ${r.object}` : ''}
          </strong>
          <span className="muted">{labels.get(r.connectionId) ?? r.connectionId}</span>
        </span>
      ),
    },
    { key: 'records', header: 'Records', render: (r) => <span title={r.message ?? undefined}>{runCounts(r)}</span> },
    {
      key: 'started',
      header: 'Started',
      width: '104px',
      align: 'end',
      render: (r) => (
        <span className="run-cell">
          <time dateTime={r.startedAt} title={formatDateTime(r.startedAt)}>
            {formatRelative(r.startedAt)}
          </time>
          <span className="muted">{duration(r)}</span>
        </span>
      ),
    },
  ];
  return (
    <Card
      title="Last runs"
      flush
      actions={
        <Button size="sm" variant="ghost" icon="arrowRight" onClick={() => go('sync')}>
          All runs
        </Button>
      }
    >
      {runs.length === 0 ? <p className="card-empty muted">No runs yet.</p> : <DataTable label="Last runs" columns={columns} rows={runs} rowKey={(r) => r.id} dense />}
    </Card>
  );
}
