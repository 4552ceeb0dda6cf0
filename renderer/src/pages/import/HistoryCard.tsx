import type { ReactElement } from 'react';
import type { ImportRunStatus, ImportRunSummary } from '../../../../shared/ipc/channels/import';
import { Badge, Button, Card, DataTable, type BadgeTone } from '../../components';
import { formatDateTime } from '../../lib/format';
import { downloadRejects } from './upload';

const statusTone: Record<ImportRunStatus, BadgeTone> = {
  completed: 'success',
  running: 'info',
  cancelled: 'neutral',
  failed: 'danger',
  rolled_back: 'warning',
  dry_run: 'neutral',
};
const statusLabel: Record<ImportRunStatus, string> = {
  completed: 'Completed',
  running: 'Running',
  cancelled: 'Cancelled',
  failed: 'Failed',
  rolled_back: 'Undone after a crash',
  dry_run: 'Dry run',
};

/** Past imports, newest first; each also sits in the audit log. */
export function HistoryCard({ history }: { history: ImportRunSummary[] }): ReactElement | null {
  if (history.length === 0) return null;
  return (
    <Card title="Recent imports" flush>
      <DataTable
        label="Recent imports"
        dense
        rows={history}
        rowKey={(r) => r.id}
        columns={[
          { key: 'when', header: 'Started', render: (r) => formatDateTime(r.startedAt), width: '170px' },
          { key: 'file', header: 'File', render: (r) => r.fileName, truncate: true },
          { key: 'status', header: 'Status', render: (r) => <Badge tone={statusTone[r.status]}>{statusLabel[r.status]}</Badge>, width: '170px' },
          { key: 'rows', header: 'Rows', render: (r) => r.rows.toLocaleString(), align: 'end', width: '80px' },
          { key: 'created', header: 'Created', render: (r) => r.created.toLocaleString(), align: 'end', width: '80px' },
          { key: 'updated', header: 'Updated', render: (r) => r.updated.toLocaleString(), align: 'end', width: '80px' },
          { key: 'rejected', header: 'Rejected', render: (r) => r.rejected.toLocaleString(), align: 'end', width: '80px' },
          {
            key: 'rejects',
            header: <span className="sr-only">Rejected rows</span>,
            width: '60px',
            render: (r) =>
              r.rejectsAvailable ? (
                <Button size="sm" variant="ghost" icon="arrowDown" aria-label={`Download rejected rows of ${r.fileName}`} title="Download rejected rows" onClick={() => void downloadRejects(r.id)} />
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
