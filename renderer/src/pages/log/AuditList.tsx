import { useEffect, useState, type ReactElement } from 'react';
import type { AuditEntry } from '../../../../shared/ipc/channels/log';
import { Badge, Button, DataTable, EmptyState, Icon, SearchInput, Select, Spinner, type BadgeTone, type Column } from '../../components';
import { formatDateTime } from '../../lib/format';
import { useDebounced } from '../../lib/use-debounced';
import { useLog, type Outcome } from '../../stores/log';

export const outcomeTone: Record<Outcome, BadgeTone> = { ok: 'success', error: 'danger', warning: 'warning', info: 'info' };
const outcomeLabel: Record<Outcome, string> = { ok: 'OK', error: 'Error', warning: 'Warning', info: 'Info' };

const outcomeOptions: { value: Outcome | ''; label: string }[] = [
  { value: '', label: 'All outcomes' },
  { value: 'ok', label: 'OK' },
  { value: 'warning', label: 'Warning' },
  { value: 'error', label: 'Error' },
  { value: 'info', label: 'Info' },
];

function Filters(): ReactElement {
  const filter = useLog((s) => s.filter);
  const kinds = useLog((s) => s.kinds);
  const setFilter = useLog((s) => s.setFilter);
  const load = useLog((s) => s.load);
  const loading = useLog((s) => s.loading);
  const [text, setText] = useState(filter.search);
  const settled = useDebounced(text, 250);
  useEffect(() => {
    if (settled !== useLog.getState().filter.search) setFilter({ search: settled });
  }, [settled, setFilter]);

  return (
    <div className="toolbar">
      <SearchInput label="Search the audit log" placeholder="Search summaries and actions" value={text} onChange={setText} />
      <Select aria-label="Outcome" value={filter.outcome} options={outcomeOptions} onChange={(outcome) => setFilter({ outcome })} />
      <Select
        aria-label="Kind"
        value={filter.kind}
        options={[{ value: '', label: 'All kinds' }, ...kinds.map((k) => ({ value: k, label: k.charAt(0).toUpperCase() + k.slice(1) }))]}
        onChange={(kind) => setFilter({ kind })}
      />
      <Button icon="refresh" busy={loading} onClick={() => void load()}>
        Refresh
      </Button>
    </div>
  );
}

function DetailToggle({ entry, open, onToggle }: { entry: AuditEntry; open: boolean; onToggle: () => void }): ReactElement | null {
  if (entry.detail === null) return null;
  return (
    <button type="button" className="expander" aria-expanded={open} aria-label={open ? 'Hide details' : 'Show details'} onClick={onToggle}>
      <Icon name={open ? 'chevronDown' : 'chevronRight'} size={14} />
    </button>
  );
}

/** The audit log: what the app changed, filterable, each entry's detail JSON one click away. */
export function AuditList(): ReactElement {
  const entries = useLog((s) => s.entries);
  const total = useLog((s) => s.total);
  const loading = useLog((s) => s.loading);
  const filter = useLog((s) => s.filter);
  const loadMore = useLog((s) => s.loadMore);
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());

  const toggle = (id: number): void =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const columns: Column<AuditEntry>[] = [
    { key: 'x', header: <span className="sr-only">Details</span>, width: '36px', render: (e) => <DetailToggle entry={e} open={open.has(e.id)} onToggle={() => toggle(e.id)} /> },
    { key: 'at', header: 'Time', width: '170px', render: (e) => <span className="muted nowrap">{formatDateTime(e.at)}</span> },
    { key: 'outcome', header: 'Outcome', width: '96px', render: (e) => <Badge tone={outcomeTone[e.outcome]} dot>{outcomeLabel[e.outcome]}</Badge> },
    { key: 'kind', header: 'Kind', width: '110px', render: (e) => <span className="kind">{e.kind}</span> },
    { key: 'action', header: 'Action', width: '130px', truncate: true, render: (e) => <code className="action">{e.action}</code> },
    { key: 'summary', header: 'Summary', truncate: true, render: (e) => <span title={e.summary}>{e.summary}</span> },
  ];

  const filtered = Boolean(filter.outcome || filter.kind || filter.search);
  let body: ReactElement;
  if (total === null) {
    body = (
      <div className="detail-loading">
        <Spinner label="Loading the audit log" />
      </div>
    );
  } else if (entries.length === 0) {
    body = filtered ? (
      <EmptyState icon="search" title="No entries match these filters">
        <p>Try another outcome or kind, or clear the search.</p>
      </EmptyState>
    ) : (
      <EmptyState icon="log" title="Nothing recorded yet">
        <p>Imports, syncs, connection changes and upgrades of the local store are recorded here as they happen.</p>
      </EmptyState>
    );
  } else {
    body = (
      <>
        <DataTable
          label="Audit log"
          columns={columns}
          rows={entries}
          rowKey={(e) => e.id}
          expanded={(e) => (open.has(e.id) ? <pre className="json">{JSON.stringify(e.detail, null, 2)}</pre> : null)}
        />
        <div className="table-foot">
          <span className="muted">
            Showing {entries.length.toLocaleString()} of {total.toLocaleString()}
          </span>
          {entries.length < total && (
            <Button size="sm" busy={loading} onClick={() => void loadMore()}>
              Load older entries
            </Button>
          )}
        </div>
      </>
    );
  }

  return (
    <>
      <Filters />
      <div className="card">{body}</div>
    </>
  );
}
