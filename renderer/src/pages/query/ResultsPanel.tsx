import { useCallback, useEffect, useState, type ReactElement } from 'react';
import type { RunStatus } from '../../../../shared/ipc/channels/query';
import { Badge, Button, EmptyState, Icon, ProgressBar, Spinner, toast } from '../../components';
import { api } from '../../api';
import { ResultsGrid } from './ResultsGrid';
import { copyText, toTsv } from './cells';
import { useQuery } from './query-store';

const seconds = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`);

/** "2,000 of 48,120 rows", or "450 rows" once everything is read. */
export function counterText(s: RunStatus): string {
  const loaded = s.loaded.toLocaleString();
  if (s.total === null) return `${loaded}${s.done ? '' : '+'} ${s.loaded === 1 ? 'row' : 'rows'}`;
  if (s.loaded === s.total) return `${loaded} ${s.total === 1 ? 'row' : 'rows'}`;
  return `${loaded} of ${s.total.toLocaleString()} rows`;
}

interface Props {
  onChart: () => void;
}

/** The result: counter, time, paging (load all, cancel), export, chart, pull, and the grid. */
export function ResultsPanel({ onChart }: Props): ReactElement {
  const status = useQuery((s) => s.status);
  const rows = useQuery((s) => s.rows);
  const version = useQuery((s) => s.version);
  const running = useQuery((s) => s.running);
  const fetching = useQuery((s) => s.fetching);
  const { more, loadAll, cancel } = useQuery.getState();
  const [selection, setSelection] = useState<Set<number>>(new Set());
  const [exporting, setExporting] = useState<'csv' | 'json' | null>(null);
  const runId = status?.runId;

  useEffect(() => setSelection(new Set()), [runId]);
  const onEndReached = useCallback(() => void more(), [more]);

  if (!status) {
    return (
      <section className="card results-card" aria-label="Results">
        {running ? (
          <div className="results-waiting">
            <Spinner label="Running the query" />
          </div>
        ) : (
          <EmptyState icon="database" title="Run a query to see results here">
            <p>
              Write a query above and press <kbd>Ctrl</kbd> + <kbd>Enter</kbd> (<kbd>⌘</kbd> + <kbd>Enter</kbd> on a Mac), or pick a starter on the left.
            </p>
          </EmptyState>
        )}
      </section>
    );
  }

  const loadingAll = status.state === 'loading';
  const chosen = selection.size > 0 ? [...selection].sort((a, b) => a - b) : undefined;

  const exportAs = async (format: 'csv' | 'json') => {
    setExporting(format);
    try {
      const out = await api.query.export({ runId: status.runId, format, rows: chosen });
      if (out.content !== null) download(out.fileName, out.content, out.mimeType);
      if (out.saved || out.content !== null) toast.success(`Exported ${out.rows.toLocaleString()} ${out.rows === 1 ? 'row' : 'rows'} to ${out.path ?? out.fileName}.`);
    } finally {
      setExporting(null);
    }
  };

  const pull = async () => {
    if (!chosen) return;
    const res = await api.query.pullRecords({ runId: status.runId, rows: chosen });
    if (res.accepted) toast.success(res.message);
    else toast.info(res.message);
  };

  return (
    <section className="card results-card" aria-label="Results">
      <header className="results-head">
        <div className="results-count">
          <span className="results-counter" data-testid="results-counter">
            {counterText(status)}
          </span>
          {status.pages > 0 && <span className="results-time">in {seconds(status.durationMs)}</span>}
          {loadingAll && <Badge tone="accent" dot>Loading</Badge>}
          {status.state === 'cancelled' && <Badge tone="warning">Stopped</Badge>}
          {status.capped && <Badge tone="warning">Search cap reached</Badge>}
          {status.state === 'failed' && <Badge tone="danger">Failed</Badge>}
          {selection.size > 0 && <span className="results-selected">{selection.size.toLocaleString()} selected</span>}
          {!status.done && status.state !== 'failed' && (loadingAll ? (
            <Button size="sm" variant="secondary" icon="pause" onClick={() => void cancel()}>
              Cancel
            </Button>
          ) : (
            <Button size="sm" variant="secondary" icon="refresh" busy={fetching} onClick={() => void loadAll()}>
              Load all
            </Button>
          ))}
        </div>
        <div className="results-actions">
          <Button size="sm" variant="ghost" icon="copy" disabled={rows.length === 0} onClick={() => void copyRows(status.columns, rows, chosen)} title={chosen ? 'Copy the selected rows' : 'Copy every row read'}>
            Copy
          </Button>
          <Button size="sm" variant="ghost" icon="arrowDown" busy={exporting === 'csv'} disabled={rows.length === 0} onClick={() => void exportAs('csv')} title="Export to CSV (opens in Excel)">
            CSV
          </Button>
          <Button size="sm" variant="ghost" icon="arrowDown" busy={exporting === 'json'} disabled={rows.length === 0} onClick={() => void exportAs('json')} title="Export to JSON">
            JSON
          </Button>
          <Button size="sm" variant="ghost" icon="sparkles" disabled={rows.length === 0} onClick={onChart}>
            Chart
          </Button>
          <Button size="sm" variant="secondary" icon="inbox" disabled={!chosen || status.grouped} onClick={() => void pull()} title={chosen ? `Pull these ${chosen.length.toLocaleString()} records into the app` : 'Select rows (click their numbers) to pull those records into the app'}>
            Pull
          </Button>
        </div>
      </header>
      {loadingAll && status.total !== null && (
        <div className="results-progress">
          <ProgressBar label="Reading every page" value={status.loaded} max={status.total} detail={counterText(status)} />
        </div>
      )}
      {status.notice && (
        <p className="results-notice" role="status">
          <Icon name="info" size={14} /> {status.notice}
        </p>
      )}
      {status.state === 'failed' && (
        <div className="results-error" role="alert">
          <Icon name="alert" size={16} />
          <div>
            <p className="results-error-title">{status.error ?? 'The query failed.'}</p>
            {status.diagnostics.length > 1 && (
              <ul>
                {status.diagnostics.map((d, i) => (
                  <li key={i}>
                    Line {d.line}, column {d.column}: {d.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
      <div className="results-grid">
        <ResultsGrid
          columns={status.columns}
          rows={rows}
          version={version}
          selection={selection}
          onSelection={setSelection}
          onEndReached={onEndReached}
          onCopied={(what) => toast.success(`Copied ${what}.`)}
          empty={status.state === 'failed' ? null : <p className="results-none">No rows match.</p>}
        />
      </div>
    </section>
  );
}

async function copyRows(columns: string[], rows: ReturnType<typeof useQuery.getState>['rows'], chosen?: number[]): Promise<void> {
  const picked = chosen ? chosen.map((i) => rows[i]) : rows;
  await copyText(toTsv(columns, picked));
  toast.success(`Copied ${picked.length.toLocaleString()} ${picked.length === 1 ? 'row' : 'rows'} (paste into a spreadsheet).`);
}

/** The browser host has no save dialog: the file downloads like any other. */
function download(fileName: string, content: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.className = 'sr-only';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
