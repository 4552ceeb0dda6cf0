import { useState, type ReactElement } from 'react';
import type { ImportResult } from '../../../../shared/ipc/channels/import';
import { Badge, Button, Card, DataTable, Stat } from '../../components';
import { plural } from '../../lib/format';
import { useNavigation } from '../../stores/navigation';
import { downloadRejects } from './upload';
import { useImport } from './store';

/** What happened to every row, and the rejected ones as a CSV to fix and import again. */
export function ResultView({ result }: { result: ImportResult }): ReactElement {
  const go = useNavigation((s) => s.go);
  const [downloading, setDownloading] = useState(false);
  if (result.status === 'cancelled') {
    return (
      <Card title="Import cancelled">
        <p>Nothing was changed: the rows written before you cancelled were undone.</p>
        <div className="import-actions">
          <Button variant="primary" onClick={() => void useImport.getState().reset()}>
            Import a file
          </Button>
        </div>
      </Card>
    );
  }
  const download = async () => {
    if (result.runId === null) return;
    setDownloading(true);
    try {
      await downloadRejects(result.runId);
    } finally {
      setDownloading(false);
    }
  };
  return (
    <>
      <Card
        title={`Imported ${result.fileName}`}
        description={`${plural(result.rows, 'row')} in ${(result.durationMs / 1000).toFixed(1)} s (${result.rowsPerSecond.toLocaleString()} rows/s) · ${plural(result.people, 'person', 'people')} in your store`}
        actions={result.queuedForPush > 0 ? <Badge tone="info">{plural(result.queuedForPush, 'change')} queued for push</Badge> : undefined}
      >
        <div className="stat-grid import-stats">
          <Stat label="Created" value={result.created} icon="users" />
          <Stat label="Updated" value={result.updated} icon="refresh" />
          <Stat label="Unchanged" value={result.unchanged} icon="check" />
          <Stat label="Rejected" value={result.rejectedCount} icon="alert" />
        </div>
        <div className="import-actions">
          <Button variant="primary" icon="users" onClick={() => go('people')}>
            See people
          </Button>
          <Button icon="upload" onClick={() => void useImport.getState().reset()}>
            Import another file
          </Button>
        </div>
      </Card>
      {result.rejectedCount > 0 && (
        <Card
          title="Rejected rows"
          description="Fix them in the downloaded CSV and import it again; the reason and line columns are ignored then."
          actions={
            <Button icon="arrowDown" busy={downloading} disabled={!result.rejectsAvailable} onClick={() => void download()}>
              Download rejected rows
            </Button>
          }
          flush
        >
          <DataTable
            label="Rejected rows"
            dense
            rows={result.rejected.slice(0, 100)}
            rowKey={(r) => r.line}
            columns={[
              { key: 'line', header: 'Line', render: (r) => r.line, width: '80px', align: 'end' },
              { key: 'reason', header: 'Reason', render: (r) => r.reason },
            ]}
          />
        </Card>
      )}
      {result.warningCount > 0 && (
        <Card title="Values left empty" description={`${plural(result.warningCount, 'value')} could not be read; the rows were imported without them.`} flush>
          <DataTable
            label="Values left empty"
            dense
            rows={result.warnings.slice(0, 100)}
            rowKey={(w) => `${w.line}:${w.message}`}
            columns={[
              { key: 'line', header: 'Line', render: (w) => w.line, width: '80px', align: 'end' },
              { key: 'message', header: 'What', render: (w) => w.message },
            ]}
          />
        </Card>
      )}
    </>
  );
}
