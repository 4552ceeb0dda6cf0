import { useEffect, useState, type ReactElement } from 'react';
import { PIPEDRIVE_FILTER_OPS, type PipedriveFilter, type QueryFieldInfo } from '../../../../shared/ipc/channels/query';
import { Button, Icon, Select } from '../../components';
import type { PipedriveDraft } from './query-store';

const OP_LABELS: Record<PipedriveFilter['op'], string> = {
  eq: 'is',
  neq: 'is not',
  contains: 'contains',
  gt: 'greater than',
  lt: 'less than',
  empty: 'is empty',
  notEmpty: 'is not empty',
};

interface Props {
  objects: Array<{ name: string; label: string }>;
  draft: PipedriveDraft;
  onChange: (d: PipedriveDraft) => void;
  loadFields: (object: string) => Promise<QueryFieldInfo[]>;
  onRun: () => void;
}

/** Pipedrive: list an object, optionally narrowed by a search term and field filters (all must match). */
export function PipedriveFilterForm({ objects, draft, onChange, loadFields, onRun }: Props): ReactElement {
  const [fields, setFields] = useState<QueryFieldInfo[]>([]);
  useEffect(() => {
    let live = true;
    void loadFields(draft.object).then((f) => live && setFields(f)).catch(() => live && setFields([]));
    return () => {
      live = false;
    };
  }, [draft.object, loadFields]);

  const setFilter = (i: number, f: PipedriveFilter) => onChange({ ...draft, filters: draft.filters.map((x, j) => (j === i ? f : x)) });
  return (
    <form
      className="pd-form"
      onSubmit={(e) => {
        e.preventDefault();
        onRun();
      }}
    >
      <div className="hs-toolbar">
        <label className="hs-object">
          <span className="hs-caption">Object</span>
          <Select value={draft.object} options={objects.map((o) => ({ value: o.name, label: o.label }))} onChange={(object) => onChange({ object, term: draft.term, filters: [] })} aria-label="Pipedrive object" />
        </label>
        <label className="hs-field pd-term">
          <span className="hs-caption">Search term</span>
          <input className="input" value={draft.term} placeholder="Name, email, phone…" onChange={(e) => onChange({ ...draft, term: e.target.value })} />
        </label>
      </div>
      {draft.filters.map((f, i) => (
        <div key={i} className="hs-filter">
          <span className="hs-and">{i === 0 ? 'WHERE' : 'AND'}</span>
          <Select value={f.field} options={(fields.some((x) => x.name === f.field) ? fields : [{ name: f.field, label: f.field, type: 'string' }, ...fields]).map((x) => ({ value: x.name, label: x.label }))} onChange={(field) => setFilter(i, { ...f, field })} aria-label="Field" />
          <Select value={f.op} options={PIPEDRIVE_FILTER_OPS.map((o) => ({ value: o, label: OP_LABELS[o] }))} onChange={(op) => setFilter(i, { ...f, op })} aria-label="Operator" />
          {f.op === 'empty' || f.op === 'notEmpty' ? <span className="hs-spacer" /> : <input className="input" aria-label="Value" value={f.value ?? ''} onChange={(e) => setFilter(i, { ...f, value: e.target.value })} />}
          <button type="button" className="icon-button" aria-label="Remove filter" onClick={() => onChange({ ...draft, filters: draft.filters.filter((_, j) => j !== i) })}>
            <Icon name="close" size={14} />
          </button>
        </div>
      ))}
      <div className="hs-row-actions">
        <Button size="sm" icon="sparkles" onClick={() => onChange({ ...draft, filters: [...draft.filters, { field: fields[0]?.name ?? 'name', op: 'contains', value: '' }] })}>
          Add a field filter
        </Button>
      </div>
    </form>
  );
}
