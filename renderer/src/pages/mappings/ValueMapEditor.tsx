import { useEffect, useId, useState, type ReactElement } from 'react';
import type { CrmFieldView, LocalValueView, TransformDraft, ValueMapDraft } from '../../../../shared/ipc/channels/mappings';
import { api } from '../../api';
import { Badge, Button, Icon, Select, Spinner, cx } from '../../components';

interface ValueMapEditorProps {
  crm: CrmFieldView;
  valueMap: ValueMapDraft | undefined;
  onChange: (vm: ValueMapDraft | undefined) => void;
  /** Where the local values come from, to list the ones the data holds. */
  localKind: string;
  localField: string | undefined;
  transforms: TransformDraft[] | undefined;
}

const FOUND_SHOWN = 24;

/**
 * Local value → allowed CRM value. Lists the CRM's allowed values and the values the local data
 * holds, marking those that would be refused, so a gap is filled before any push.
 */
export function ValueMapEditor({ crm, valueMap, onChange, localKind, localField, transforms }: ValueMapEditorProps): ReactElement {
  const id = useId();
  const allowed = (crm.picklist ?? []).filter((o) => o.active);
  const hasList = allowed.length > 0;
  const entries = Object.entries(valueMap?.values ?? {});
  const [found, setFound] = useState<{ values: LocalValueView[]; distinct: number } | null>(null);
  const [newLocal, setNewLocal] = useState('');
  const [newCrm, setNewCrm] = useState(allowed[0]?.value ?? '');
  const transformsKey = JSON.stringify(transforms ?? []);

  useEffect(() => {
    if (!localField) {
      setFound(null);
      return;
    }
    let live = true;
    api.mappings
      .localValues({ localKind, localField, transforms: JSON.parse(transformsKey) as TransformDraft[], limit: 200 })
      .then((res) => live && setFound(res))
      .catch(() => live && setFound({ values: [], distinct: 0 }));
    return () => {
      live = false;
    };
  }, [localKind, localField, transformsKey]);

  const isAllowed = (v: string) => !hasList || allowed.some((o) => o.value.toLowerCase() === v.toLowerCase());
  const targetOf = (v: string): string | undefined => valueMap?.values[v] ?? (isAllowed(v) ? v : valueMap?.fallback);
  const put = (values: Record<string, string>, fallback = valueMap?.fallback) => {
    onChange(Object.keys(values).length === 0 && fallback === undefined ? undefined : { values, ...(fallback !== undefined ? { fallback } : {}) });
  };
  const add = () => {
    const key = newLocal.trim();
    if (!key || !newCrm) return;
    put({ ...(valueMap?.values ?? {}), [key]: newCrm });
    setNewLocal('');
  };
  const crmOptions = allowed.map((o) => ({ value: o.value, label: o.label === o.value ? o.value : `${o.label} (${o.value})` }));

  return (
    <div className="valuemap">
      {hasList && (
        <div className="valuemap-allowed">
          <span className="valuemap-caption">Allowed in the CRM</span>
          <span className="mchip-row">
            {allowed.map((o) => (
              <span key={o.value} className="mchip mchip-crm" title={o.label}>
                {o.value}
              </span>
            ))}
          </span>
        </div>
      )}

      <table className="table table-dense valuemap-table">
        <caption className="sr-only">Value map of {crm.label}</caption>
        <thead>
          <tr>
            <th scope="col">Local value</th>
            <th scope="col" aria-label="becomes" className="valuemap-arrow-col" />
            <th scope="col">CRM value</th>
            <th scope="col" className="valuemap-action-col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map(([local, target]) => (
            <tr key={local}>
              <td className="cell-truncate" title={local}>
                {local}
              </td>
              <td aria-hidden="true" className="valuemap-arrow">
                →
              </td>
              <td>
                {hasList ? (
                  <Select
                    aria-label={`CRM value for ${local}`}
                    aria-invalid={!isAllowed(target) || undefined}
                    value={target}
                    options={isAllowed(target) ? crmOptions : [{ value: target, label: `${target} (not allowed)` }, ...crmOptions]}
                    onChange={(v) => put({ ...valueMap!.values, [local]: v })}
                  />
                ) : (
                  <input className="input" aria-label={`CRM value for ${local}`} value={target} onChange={(e) => put({ ...valueMap!.values, [local]: e.target.value })} />
                )}
              </td>
              <td className="cell-end">
                <Button
                  size="sm"
                  variant="ghost"
                  icon="trash"
                  aria-label={`Remove the entry for ${local}`}
                  onClick={() => {
                    const { [local]: _gone, ...rest } = valueMap!.values;
                    put(rest);
                  }}
                />
              </td>
            </tr>
          ))}
          <tr className="valuemap-new">
            <td>
              <input
                className="input"
                aria-label="New local value"
                placeholder="Local value"
                list={`${id}-found`}
                value={newLocal}
                onChange={(e) => setNewLocal(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    add();
                  }
                }}
              />
              <datalist id={`${id}-found`}>
                {found?.values.filter((v) => !(v.value in (valueMap?.values ?? {}))).map((v) => <option key={v.value} value={v.value} />)}
              </datalist>
            </td>
            <td aria-hidden="true" className="valuemap-arrow">
              →
            </td>
            <td>
              {hasList ? (
                <Select id={`${id}-new-crm`} aria-label="CRM value for the new entry" value={newCrm} options={crmOptions} onChange={setNewCrm} />
              ) : (
                <input id={`${id}-new-crm`} className="input" aria-label="CRM value for the new entry" placeholder="CRM value" value={newCrm} onChange={(e) => setNewCrm(e.target.value)} />
              )}
            </td>
            <td className="cell-end">
              <Button size="sm" icon="check" onClick={add} disabled={!newLocal.trim() || !newCrm}>
                Add
              </Button>
            </td>
          </tr>
        </tbody>
      </table>

      <div className="valuemap-fallback">
        <label htmlFor={`${id}-fallback`}>Any other value</label>
        <Select
          id={`${id}-fallback`}
          value={valueMap?.fallback ?? ''}
          options={[{ value: '', label: hasList ? 'Sent as it is (refused unless allowed)' : 'Sent as it is' }, ...crmOptions]}
          onChange={(v) => put(valueMap?.values ?? {}, v === '' ? undefined : v)}
        />
      </div>

      {localField && (
        <div className="valuemap-found">
          <span className="valuemap-caption">
            In your data{found ? ` · ${found.distinct.toLocaleString()} distinct ${found.distinct === 1 ? 'value' : 'values'}` : ''}
          </span>
          {found === null ? (
            <Spinner size={14} label="Reading local values" />
          ) : found.values.length === 0 ? (
            <span className="muted">No values yet.</span>
          ) : (
            <span className="mchip-row">
              {found.values.slice(0, FOUND_SHOWN).map((v) => {
                const target = targetOf(v.value);
                const ok = target !== undefined && isAllowed(target);
                return (
                  <button
                    key={v.value}
                    type="button"
                    className={cx('mchip', 'mchip-local', ok ? 'mchip-ok' : 'mchip-missing')}
                    title={ok ? `${v.value} → ${target}` : `${v.value} has no allowed CRM value: click to map it`}
                    onClick={() => {
                      setNewLocal(v.value);
                      document.getElementById(`${id}-new-crm`)?.focus();
                    }}
                  >
                    {!ok && <Icon name="alert" size={12} />}
                    {v.value}
                    <span className="mchip-count">{v.count.toLocaleString()}</span>
                    {ok && target !== v.value && <span className="mchip-target">→ {target}</span>}
                  </button>
                );
              })}
              {found.values.length > FOUND_SHOWN && <Badge>+{(found.distinct - FOUND_SHOWN).toLocaleString()} more</Badge>}
            </span>
          )}
        </div>
      )}
    </div>
  );
}
