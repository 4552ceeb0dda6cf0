import type { ReactElement } from 'react';
import { Badge, Button, Card, DataTable, EmptyState, type BadgeTone, type Column } from '../../components';
import type { ConflictView, RunRecordView, SyncRun } from '../../../../shared/ipc/channels/sync';
import { formatDateTime } from '../../lib/format';
import { OutcomeChart, OutcomeStrip } from './OutcomeBars';
import { runTone, statusLabel } from './run-status';
import { useSync } from './store';
import { downloadRunResults } from './download-results';

const outcomeTone: Record<RunRecordView['outcome'], BadgeTone> = {
  created: 'success',
  updated: 'accent',
  unchanged: 'neutral',
  skipped: 'neutral',
  deleted: 'warning',
  failed: 'danger',
};

const recordColumns: Column<RunRecordView>[] = [
  { key: 'outcome', header: 'Outcome', width: '104px', render: (r) => <Badge tone={outcomeTone[r.outcome]}>{r.outcome}</Badge> },
  { key: 'record', header: 'Record', width: '30%', truncate: true, render: (r) => r.label ?? `${r.localKind} ${r.localId ?? ''}` },
  { key: 'object', header: 'Object', width: '110px', render: (r) => <span className="mono">{r.object}</span> },
  { key: 'crm', header: 'CRM id', width: '150px', truncate: true, render: (r) => <span className="mono">{r.externalId ?? '—'}</span> },
  {
    key: 'why',
    header: 'Detail',
    render: (r) => (r.errorMessage ? <span className={r.outcome === 'failed' ? 'sync-item-error' : 'muted'}>{r.errorCode ? <span className="mono sync-item-code">{r.errorCode}{r.errorField ? ` · ${r.errorField}` : ''}</span> : null}{r.errorMessage}</span> : null),
  },
];

function RunRecords({ run }: { run: SyncRun }): ReactElement {
  const page = useSync((s) => s.records[run.id]);
  if (!page) return <p className="muted">Loading the records of run {run.id}…</p>;
  return (
    <div className="sync-run-detail">
      <OutcomeChart counts={run} title={`Run ${run.id} outcomes`} />
      <div className="sync-run-records">
        <DataTable label={`Records of run ${run.id}`} columns={recordColumns} rows={page.rows} rowKey={(r) => r.seq} dense />
        {page.total > page.rows.length && <p className="muted table-foot">First {page.rows.length.toLocaleString()} of {page.total.toLocaleString()} records.</p>}
      </div>
    </div>
  );
}

/** Recent push and pull runs with their outcomes; a run opens to its per-record results. */
export function RecentRuns(): ReactElement {
  const runs = useSync((s) => s.runs);
  const open = useSync((s) => s.records);
  const openRecords = useSync((s) => s.openRecords);
  const closeRecords = useSync((s) => s.closeRecords);
  const toggle = (run: SyncRun) => (open[run.id] ? closeRecords(run.id) : void openRecords(run.id));
  const columns: Column<SyncRun>[] = [
    {
      key: 'run',
      header: 'Run',
      width: '200px',
      render: (r) => (
        <span className="sync-run-name">
          <span>
            {r.kind === 'push' ? 'Push' : 'Pull'} #{r.id}
            {r.object ? <span className="muted"> · {r.object}</span> : null}
          </span>
          <span className="muted">{formatDateTime(r.startedAt)}</span>
        </span>
      ),
    },
    { key: 'status', header: 'Status', width: '150px', render: (r) => <Badge tone={runTone(r.status)} dot>{statusLabel(r.status)}</Badge> },
    { key: 'chart', header: 'Outcomes', width: '22%', render: (r) => <OutcomeStrip counts={r} /> },
    { key: 'summary', header: 'Summary', truncate: true, render: (r) => <span title={r.message ?? ''}>{r.message ?? '…'}</span> },
    {
      key: 'open',
      header: <span className="sr-only">Records</span>,
      width: '160px',
      align: 'end',
      render: (r) => (
        <>
          {r.kind === 'push' && r.status !== 'running' ? (
            <Button size="sm" variant="ghost" icon="arrowDown" aria-label={`Download results of run ${r.id}`} title="Download results" onClick={() => void downloadRunResults(r.id)} />
          ) : null}
          <Button size="sm" variant="ghost" icon={open[r.id] ? 'chevronDown' : 'chevronRight'} aria-expanded={open[r.id] !== undefined} onClick={() => toggle(r)} aria-label={`${open[r.id] ? 'Hide' : 'Show'} the records of run ${r.id}`}>
            Records
          </Button>
        </>
      ),
    },
  ];
  return (
    <Card title="Recent runs" description="Every push and pull, what it did to each record, and why a record failed." flush>
      {runs.length === 0 ? (
        <EmptyState icon="sync" title="No runs yet" compact>
          <p>Push or pull above; each run appears here with its counts.</p>
        </EmptyState>
      ) : (
        <DataTable label="Recent runs" columns={columns} rows={runs} rowKey={(r) => r.id} expanded={(r) => (open[r.id] ? <RunRecords run={r} /> : null)} />
      )}
    </Card>
  );
}

const conflictColumns: Column<ConflictView>[] = [
  { key: 'when', header: 'When', width: '150px', render: (c) => formatDateTime(c.at) },
  { key: 'field', header: 'Field', width: '150px', render: (c) => <span className="mono">{c.object}.{c.crmField}</span> },
  { key: 'local', header: 'Local value', truncate: true, render: (c) => <span className={c.winner === 'local' ? 'sync-winner' : 'sync-loser'}>{c.localValue ?? '(blank)'}</span> },
  { key: 'crm', header: 'CRM value', truncate: true, render: (c) => <span className={c.winner === 'crm' ? 'sync-winner' : 'sync-loser'}>{c.crmValue ?? '(blank)'}</span> },
  { key: 'kept', header: 'Kept', width: '150px', render: (c) => <Badge tone="info">{c.winner === 'crm' ? 'CRM value' : 'Local value'} · {c.policy}</Badge> },
];

/** Fields changed on both sides: both values stay visible, with the one the policy kept. */
export function Conflicts(): ReactElement | null {
  const conflicts = useSync((s) => s.conflicts);
  if (conflicts.length === 0) return null;
  return (
    <Card title="Conflicts" description="Fields changed both here and in the CRM since the last sync. The conflict policy (Settings, or per mapping) chose which value stays; the other is kept here." flush>
      <DataTable label="Conflicts" columns={conflictColumns} rows={conflicts} rowKey={(c) => c.id} dense />
    </Card>
  );
}
