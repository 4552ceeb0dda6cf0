import { useEffect, useState, type ReactElement } from 'react';
import type { ListFilterInfo, ListFilterValue } from '../../../../shared/ipc/channels/query';
import { Select } from '../../components';
import type { ListDraft } from './query-store';

interface Props {
  objects: Array<{ name: string; label: string }>;
  draft: ListDraft;
  onChange: (d: ListDraft) => void;
  loadListFilters: (object: string) => Promise<ListFilterInfo[]>;
  onRun: () => void;
}

const valueOf = (filters: ListFilterValue[], name: string): string => {
  const v = filters.find((f) => f.name === name)?.value;
  return Array.isArray(v) ? v.join(', ') : (v ?? '');
};

/**
 * CRMs queried through list endpoints: one input per filter the object's endpoint takes
 * (its describe says which), typed as the CRM types them; empty inputs are left out.
 */
export function ListFilterForm({ objects, draft, onChange, loadListFilters, onRun }: Props): ReactElement {
  const object = draft.object || objects[0]?.name || '';
  const [defs, setDefs] = useState<ListFilterInfo[]>([]);
  useEffect(() => {
    let live = true;
    if (object) void loadListFilters(object).then((d) => live && setDefs(d)).catch(() => live && setDefs([]));
    return () => {
      live = false;
    };
  }, [object, loadListFilters]);

  const set = (def: ListFilterInfo, text: string) => {
    const others = draft.filters.filter((f) => f.name !== def.name);
    const value = def.multiple ? text.split(',').map((v) => v.trim()).filter(Boolean) : text.trim();
    const empty = Array.isArray(value) ? value.length === 0 : value === '';
    onChange({ object, filters: empty ? others : [...others, { name: def.name, value }] });
  };

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
          <Select value={object} options={objects.map((o) => ({ value: o.name, label: o.label }))} onChange={(next) => onChange({ object: next, filters: [] })} aria-label="Object" />
        </label>
      </div>
      {defs.length === 0 ? (
        <p className="hs-hint">This list takes no filters: running it reads every record.</p>
      ) : (
        <div className="list-filters">
          {defs.map((def) => (
            <label key={def.name} className="hs-field">
              <span className="hs-caption">{def.label}</span>
              {def.type === 'picklist' && def.options && !def.multiple ? (
                <Select value={valueOf(draft.filters, def.name)} options={[{ value: '', label: 'Any' }, ...def.options]} onChange={(v) => set(def, v)} aria-label={def.label} />
              ) : (
                <input
                  className="input"
                  type={def.type === 'date' ? 'date' : def.type === 'integer' ? 'number' : 'text'}
                  value={valueOf(draft.filters, def.name)}
                  placeholder={def.multiple ? 'one, two' : def.type === 'datetime' ? '2026-01-31T00:00:00Z' : ''}
                  onChange={(e) => set(def, e.target.value)}
                />
              )}
            </label>
          ))}
        </div>
      )}
    </form>
  );
}
