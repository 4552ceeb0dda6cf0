import { useEffect, type ReactElement } from 'react';
import type { ObjectMappingDraft, UnmappedValueView } from '../../../../shared/ipc/channels/mappings';
import { Button, EmptyState, Select, Spinner } from '../../components';
import { useMappings } from './store';

/** Adds `value → target` to the value map of the field mapping that pushes `crmField` from `localField`. */
function addEntry(d: ObjectMappingDraft, u: UnmappedValueView, target: string): ObjectMappingDraft {
  return {
    ...d,
    fields: d.fields.map((f) =>
      f.crm === u.crmField && f.local === u.localField && f.direction !== 'pull' ? { ...f, valueMap: { ...f.valueMap, values: { ...(f.valueMap?.values ?? {}), [u.value]: target } } } : f,
    ),
  };
}

/**
 * The local values the CRM's picklists would refuse, counted over the whole local store with the
 * mapping on screen: each can get its value-map entry here, before any push.
 */
export function ValuesPanel(): ReactElement {
  const unmapped = useMappings((s) => s.unmapped);
  const busy = useMappings((s) => s.checkingValues);
  const check = useMappings((s) => s.checkValues);
  const draft = useMappings((s) => s.draft);
  const loaded = useMappings((s) => s.loaded);
  const edit = useMappings((s) => s.edit);

  useEffect(() => {
    const t = setTimeout(() => void useMappings.getState().checkValues(), 300);
    return () => clearTimeout(t);
  }, [draft]);

  const label = (crm: string) => loaded?.fields.find((f) => f.name === crm)?.label ?? crm;
  const allowed = (crm: string) => (loaded?.fields.find((f) => f.name === crm)?.picklist ?? []).filter((o) => o.active);

  return (
    <div className="values-panel">
      <div className="toolbar">
        <p className="muted">
          {unmapped ? `Checked ${unmapped.records.toLocaleString()} local ${unmapped.records === 1 ? 'record' : 'records'} against the picklists of ${loaded?.label ?? 'the CRM'}.` : 'Checks every local record against the CRM’s picklists.'}
        </p>
        <span className="toolbar-spacer" />
        <Button size="sm" icon="refresh" busy={busy} onClick={() => void check()}>
          Check again
        </Button>
      </div>
      {!unmapped ? (
        <Spinner label="Checking local values" />
      ) : unmapped.values.length === 0 ? (
        <EmptyState icon="checkCircle" title="Every value has a match" compact>
          <p>No local value would be refused by a picklist of {loaded?.label ?? 'the CRM'}.</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="sr-only">Local values with no allowed CRM value</caption>
            <thead>
              <tr>
                <th scope="col" style={{ width: '28%' }}>
                  CRM field
                </th>
                <th scope="col">Local value</th>
                <th scope="col" className="cell-end values-count-col">
                  Records
                </th>
                <th scope="col" style={{ width: '32%' }}>
                  Send instead
                </th>
              </tr>
            </thead>
            <tbody>
              {unmapped.values.map((u) => (
                <tr key={`${u.crmField}-${u.value}`}>
                  <td>
                    {label(u.crmField)} <span className="mono muted">{u.crmField}</span>
                  </td>
                  <td className="cell-truncate" title={u.value}>
                    “{u.value}” <span className="mono muted">{u.localField}</span>
                  </td>
                  <td className="cell-end">{u.count.toLocaleString()}</td>
                  <td>
                    <Select
                      aria-label={`Send instead of ${u.value}`}
                      value=""
                      options={[{ value: '', label: 'Choose an allowed value…' }, ...allowed(u.crmField).map((o) => ({ value: o.value, label: o.label }))]}
                      onChange={(v) => v && edit((d) => addEntry(d, u, v))}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
