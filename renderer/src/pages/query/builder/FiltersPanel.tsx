import { Fragment, useRef, type ReactElement } from 'react';
import type { QueryFieldInfo } from '../../../../../shared/ipc/channels/query';
import { OPERATOR_ARITY, filterComplete, isGroup, type BuilderFilter, type BuilderGroup, type BuilderItem, type BuilderJoin, type BuilderValue, type BuilderWhere } from '../../../../../shared/query-builder';
import { Button, Icon, Select } from '../../../components';
import { BuilderIcon } from './BuilderIcon';
import { FieldCombobox } from './FieldPickers';
import { defaultOperator, emptyValue, fieldKind, newFilter, operatorOptions, valuesForOperator, type FieldKind } from './field-kinds';
import { Segmented } from './inputs';
import type { FieldCatalog } from './use-field-catalog';
import { ValueEditor } from './ValueEditor';

interface FiltersPanelProps {
  base: string;
  catalog: FieldCatalog;
  where: BuilderWhere;
  onChange: (where: BuilderWhere) => void;
}

const JOIN_OPTIONS: Array<{ value: BuilderJoin; label: string }> = [
  { value: 'AND', label: 'All (AND)' },
  { value: 'OR', label: 'Any (OR)' },
];

/** A field not described (yet): its kind from the value it holds. */
function guessKind(values: BuilderValue[]): FieldKind {
  const v = values[0];
  if (!v) return 'text';
  if (v.kind === 'number' || v.kind === 'boolean' || v.kind === 'date' || v.kind === 'datetime') return v.kind;
  if (v.kind === 'dateLiteral') return 'date';
  return 'text';
}

/**
 * Filters joined by one AND/OR, and groups of filters in parentheses with their own: enough for
 * "(VIP or Partner) and bought this year", which is what SOQL allows without nesting further.
 */
export function FiltersPanel({ base, catalog, where, onChange }: FiltersPanelProps): ReactElement {
  const addButton = useRef<HTMLButtonElement>(null);
  const setItem = (i: number, item: BuilderItem | null) => {
    onChange({ ...where, items: item ? where.items.map((x, j) => (j === i ? item : x)) : where.items.filter((_, j) => j !== i) });
    // The removed row had the focus: keep it in the panel for keyboard users.
    if (!item) requestAnimationFrame(() => addButton.current?.focus());
  };
  const add = (item: BuilderItem) => onChange({ ...where, items: [...where.items, item] });
  const other: BuilderJoin = where.join === 'AND' ? 'OR' : 'AND';

  return (
    <div className="qb-filters">
      <div className="qb-join">
        <span className="qb-caption">Match</span>
        <Segmented label="Match" size="sm" value={where.join} options={JOIN_OPTIONS} onChange={(join) => onChange({ ...where, join })} />
        <span className="qb-caption">of these filters</span>
      </div>
      {where.items.length === 0 && <p className="qb-empty">No filters: every {base} record matches.</p>}
      {where.items.map((item, i) => (
        <Fragment key={i}>
          {i > 0 && (
            <div className="qb-joiner" aria-hidden="true">
              {where.join}
            </div>
          )}
          {isGroup(item) ? (
            <GroupCard base={base} catalog={catalog} group={item} index={i} onChange={(g) => setItem(i, g)} />
          ) : (
            <FilterRow base={base} catalog={catalog} filter={item} name={`Filter ${i + 1}`} autoOpen={!item.field} onChange={(f) => setItem(i, f)} onRemove={() => setItem(i, null)} />
          )}
        </Fragment>
      ))}
      <div className="qb-add">
        <Button ref={addButton} size="sm" onClick={() => add(newFilter('', undefined))}>
          <BuilderIcon name="plus" />
          Add filter
        </Button>
        <Button size="sm" variant="ghost" onClick={() => add({ join: other, filters: [newFilter('', undefined)] })} title={`Filters in parentheses, joined by ${other}`}>
          <BuilderIcon name="group" />
          Add {other} group
        </Button>
      </div>
    </div>
  );
}

interface GroupCardProps {
  base: string;
  catalog: FieldCatalog;
  group: BuilderGroup;
  index: number;
  onChange: (group: BuilderGroup | null) => void;
}

function GroupCard({ base, catalog, group, index, onChange }: GroupCardProps): ReactElement {
  const setFilter = (j: number, f: BuilderFilter | null) => {
    const filters = f ? group.filters.map((x, k) => (k === j ? f : x)) : group.filters.filter((_, k) => k !== j);
    onChange(filters.length ? { ...group, filters } : null);
  };
  const name = `Group ${index + 1}`;
  return (
    <div className="qb-group" role="group" aria-label={name}>
      <div className="qb-group-head">
        <span className="qb-group-title">( {name}</span>
        <Segmented label={`${name} match`} size="sm" value={group.join} options={JOIN_OPTIONS} onChange={(join) => onChange({ ...group, join })} />
        <button type="button" className="icon-button" aria-label={`Remove ${name.toLowerCase()}`} title="Remove group" onClick={() => onChange(null)}>
          <Icon name="trash" size={14} />
        </button>
      </div>
      {group.filters.map((f, j) => (
        <Fragment key={j}>
          {j > 0 && (
            <div className="qb-joiner is-inner" aria-hidden="true">
              {group.join}
            </div>
          )}
          <FilterRow base={base} catalog={catalog} filter={f} name={`${name} filter ${j + 1}`} autoOpen={!f.field} onChange={(nf) => setFilter(j, nf)} onRemove={() => setFilter(j, null)} />
        </Fragment>
      ))}
      <Button size="sm" variant="ghost" onClick={() => onChange({ ...group, filters: [...group.filters, newFilter('', undefined)] })}>
        <BuilderIcon name="plus" />
        Add to group
      </Button>
    </div>
  );
}

interface FilterRowProps {
  base: string;
  catalog: FieldCatalog;
  filter: BuilderFilter;
  /** "Filter 2": the accessible name of the row. */
  name: string;
  autoOpen?: boolean;
  onChange: (f: BuilderFilter) => void;
  onRemove: () => void;
}

function FilterRow({ base, catalog, filter, name, autoOpen, onChange, onRemove }: FilterRowProps): ReactElement {
  const { field } = filter.field ? catalog.resolve(base, filter.field) : { field: undefined };
  const kind = field ? fieldKind(field) : guessKind(filter.values);
  const complete = filterComplete(filter);

  const pickField = (path: string, f: QueryFieldInfo) => {
    const nextKind = fieldKind(f);
    if (nextKind === kind && filter.field) return onChange({ ...filter, field: path });
    const keep = operatorOptions(nextKind).some((o) => o.value === filter.operator) && filter.field;
    const operator = keep ? filter.operator : defaultOperator(nextKind);
    onChange({ ...newFilter(path, f), operator, values: valuesForOperator(nextKind, operator, []) });
  };

  const arity = OPERATOR_ARITY[filter.operator];
  const shape = arity === 'many' ? ' is-wide' : kind === 'date' || kind === 'datetime' ? ' is-date' : '';
  return (
    <div className={complete ? 'qb-filter' : 'qb-filter is-incomplete'} role="group" aria-label={name}>
      <div className="qb-filter-head">
        <FieldCombobox base={base} catalog={catalog} value={filter.field} label="Field" autoOpen={autoOpen} onChange={pickField} />
        <button type="button" className="icon-button" aria-label={`Remove ${name.toLowerCase()}`} title="Remove filter" onClick={onRemove}>
          <Icon name="close" size={14} />
        </button>
      </div>
      {filter.field && (
        <div className="qb-filter-body">
          <Select
            className="qb-filter-op"
            aria-label="Operator"
            value={filter.operator}
            options={operatorOptions(kind, filter.operator)}
            onChange={(operator) => onChange({ ...filter, operator, values: valuesForOperator(kind, operator, filter.values.length ? filter.values : [emptyValue(kind, operator)]) })}
          />
          {arity !== 'none' && (
            <div className={`qb-filter-value${shape}`}>
              <ValueEditor kind={kind} field={field} operator={filter.operator} values={filter.values} onChange={(values) => onChange({ ...filter, values })} label="Value" />
            </div>
          )}
        </div>
      )}
      {!complete && filter.field && <p className="qb-note">Not in the query until it has a value.</p>}
    </div>
  );
}
