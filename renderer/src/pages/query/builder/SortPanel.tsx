import { useRef, type ReactElement } from 'react';
import type { BuilderSort } from '../../../../../shared/query-builder';
import { Button, Icon, Select } from '../../../components';
import { BuilderIcon } from './BuilderIcon';
import { FieldCombobox } from './FieldPickers';
import { fieldKind, type FieldKind } from './field-kinds';
import { NumberBox, Segmented } from './inputs';
import type { FieldCatalog } from './use-field-catalog';

interface SortPanelProps {
  base: string;
  catalog: FieldCatalog;
  orderBy: BuilderSort[];
  limit: number | undefined;
  onChange: (patch: { orderBy?: BuilderSort[]; limit?: number | undefined }) => void;
}

/** Directions in words that fit the field: A → Z, oldest first, lowest first. */
function directionWords(kind: FieldKind): [string, string] {
  if (kind === 'date' || kind === 'datetime') return ['Oldest first', 'Newest first'];
  if (kind === 'number') return ['Lowest first', 'Highest first'];
  if (kind === 'boolean') return ['False first', 'True first'];
  return ['A → Z', 'Z → A'];
}

const NULLS: Array<{ value: '' | 'FIRST' | 'LAST'; label: string }> = [
  { value: '', label: 'Empty: default' },
  { value: 'FIRST', label: 'Empty first' },
  { value: 'LAST', label: 'Empty last' },
];

const LIMITS = [50, 200, 2000];

/** ORDER BY (field, direction, where empty values go) and LIMIT. */
export function SortPanel({ base, catalog, orderBy, limit, onChange }: SortPanelProps): ReactElement {
  const addButton = useRef<HTMLButtonElement>(null);
  const setSort = (i: number, s: BuilderSort | null) => {
    onChange({ orderBy: s ? orderBy.map((x, j) => (j === i ? s : x)) : orderBy.filter((_, j) => j !== i) });
    if (!s) requestAnimationFrame(() => addButton.current?.focus());
  };
  return (
    <div className="qb-sorts">
      <span className="qb-caption">Order by</span>
      {orderBy.length === 0 && <p className="qb-empty">In the order the CRM returns them.</p>}
      {orderBy.map((s, i) => {
        const kind = fieldKind(s.field ? catalog.resolve(base, s.field).field : undefined);
        const [asc, desc] = directionWords(kind);
        const name = `Sort ${i + 1}`;
        return (
          <div key={i} className="qb-sort" role="group" aria-label={name}>
            <FieldCombobox base={base} catalog={catalog} value={s.field} label="Sort field" className="qb-sort-field" autoOpen={!s.field} onChange={(field) => setSort(i, { ...s, field })} />
            <Segmented
              label="Direction"
              size="sm"
              value={s.direction}
              options={[
                { value: 'ASC', label: asc },
                { value: 'DESC', label: desc },
              ]}
              onChange={(direction) => setSort(i, { ...s, direction })}
            />
            <Select
              className="qb-sort-nulls"
              aria-label="Empty values"
              value={s.nulls ?? ''}
              options={NULLS}
              onChange={(n) => {
                const { nulls: _drop, ...rest } = s;
                setSort(i, n ? { ...rest, nulls: n } : rest);
              }}
            />
            <button type="button" className="icon-button" aria-label={`Remove ${name.toLowerCase()}`} title="Remove sort" onClick={() => setSort(i, null)}>
              <Icon name="close" size={14} />
            </button>
          </div>
        );
      })}
      <div className="qb-add">
        <Button ref={addButton} size="sm" onClick={() => onChange({ orderBy: [...orderBy, { field: '', direction: 'ASC' }] })} disabled={orderBy.length >= 10}>
          <BuilderIcon name="plus" />
          {orderBy.length ? 'Then by' : 'Add sort'}
        </Button>
      </div>
      <div className="qb-limit">
        <span className="qb-caption">Limit</span>
        <span className="qb-limit-row">
          <NumberBox whole label="Limit" className="qb-limit-input" placeholder="No limit" value={limit === undefined ? '' : String(limit)} onChange={(t) => onChange({ limit: t === '' || Number(t) < 1 ? undefined : Number(t) })} />
          <span className="qb-limit-presets">
            {LIMITS.map((n) => (
              <button key={n} type="button" className="qb-preset" aria-pressed={limit === n} onClick={() => onChange({ limit: limit === n ? undefined : n })}>
                {n.toLocaleString()}
              </button>
            ))}
          </span>
        </span>
      </div>
    </div>
  );
}
