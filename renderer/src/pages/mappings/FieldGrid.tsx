import { useMemo, useState, type ReactElement } from 'react';
import type { CrmFieldView, FieldMappingDraft, LocalFieldView, MappingDirection, MappingIssueView, MappingState, ObjectMappingDraft } from '../../../../shared/ipc/channels/mappings';
import { Button, EmptyState, SearchInput, Select, cx } from '../../components';
import { DirectionControl } from './DirectionControl';
import { CrmFieldCell, LocalFieldCell, RowIssues, SourceCell } from './FieldCells';
import { FieldEditor } from './FieldEditor';
import { issuesByRow, newFieldMapping, pulledFields, sourceKind } from './model';

type Show = 'mapped' | 'crm' | 'local' | 'problems' | 'all';

interface FieldGridProps {
  loaded: MappingState;
  draft: ObjectMappingDraft;
  issues: MappingIssueView[];
  edit: (change: (d: ObjectMappingDraft) => ObjectMappingDraft) => void;
}

type Row =
  | { key: string; type: 'mapped'; index: number; fm: FieldMappingDraft; crm: CrmFieldView | undefined; issues: MappingIssueView[] }
  | { key: string; type: 'crm'; crm: CrmFieldView; issues: MappingIssueView[] }
  | { key: string; type: 'local'; field: LocalFieldView };

const matches = (q: string, ...texts: Array<string | undefined>) => !q || texts.some((t) => t?.toLowerCase().includes(q));

/**
 * The mapping as two aligned columns: local fields on the left, CRM fields on the right, the
 * direction between them. Every row opens an editor in place; problems show under their row.
 */
export function FieldGrid({ loaded, draft, issues, edit }: FieldGridProps): ReactElement {
  // A new mapping starts from the CRM fields it could fill.
  const [show, setShow] = useState<Show>(() => (draft.fields.length === 0 ? 'crm' : 'mapped'));
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<number | null>(null);
  const localKind = loaded.localKinds.find((k) => k.kind === draft.localKind);
  const crmByName = useMemo(() => new Map(loaded.fields.map((f) => [f.name, f])), [loaded.fields]);
  const grouped = useMemo(() => issuesByRow(issues), [issues]);
  const q = query.trim().toLowerCase();

  const setField = (index: number, fm: FieldMappingDraft) => edit((d) => ({ ...d, fields: d.fields.map((f, i) => (i === index ? fm : f)) }));
  const remove = (index: number) => {
    setOpen(null);
    edit((d) => ({ ...d, fields: d.fields.filter((_, i) => i !== index) }));
  };
  const add = (crm: CrmFieldView, from?: string) => {
    setOpen(draft.fields.length);
    edit((d) => ({ ...d, fields: [...d.fields, newFieldMapping(crm, { local: localKind, kinds: loaded.localKinds, pulled: pulledFields(d.fields) }, from)] }));
  };

  const mappedCrm = new Set(draft.fields.map((f) => f.crm));
  const usedLocal = new Set(draft.fields.flatMap((f) => [f.local, f.lookup?.localField, ...[...(f.template ?? '').matchAll(/\{([A-Za-z0-9_.]+)\}/g)].map((m) => m[1])]));
  if (draft.matchKey.kind !== 'crmId') usedLocal.add(draft.matchKey.local);

  const mappedRows: Row[] = draft.fields.map((fm, index) => ({ key: `m-${index}-${fm.crm}`, type: 'mapped', index, fm, crm: crmByName.get(fm.crm), issues: grouped.byIndex.get(index) ?? [] }));
  const crmRows: Row[] = loaded.fields
    .filter((f) => !mappedCrm.has(f.name) && f.type !== 'id')
    .map((crm) => ({ key: `c-${crm.name}`, type: 'crm', crm, issues: grouped.byCrm.get(crm.name) ?? [] }));
  const localRows: Row[] = (localKind?.fields ?? []).filter((f) => !usedLocal.has(f.name)).map((field) => ({ key: `l-${field.name}`, type: 'local', field }));
  const problemRows = [...mappedRows, ...crmRows].filter((r) => r.type !== 'local' && r.issues.length > 0);
  const errorRows = problemRows.filter((r) => r.type !== 'local' && r.issues.some((i) => i.severity === 'error')).length;

  const rowsFor: Record<Show, Row[]> = {
    mapped: mappedRows,
    crm: crmRows,
    local: localRows,
    problems: problemRows,
    all: [...mappedRows, ...crmRows],
  };
  const visible = rowsFor[show].filter((r) =>
    r.type === 'local'
      ? matches(q, r.field.name, r.field.label)
      : r.type === 'crm'
        ? matches(q, r.crm.name, r.crm.label)
        : matches(q, r.fm.crm, r.crm?.label, r.fm.local, localKind?.fields.find((f) => f.name === r.fm.local)?.label, r.fm.template),
  );
  const filters: Array<{ key: Show; label: string; count: number }> = [
    { key: 'mapped', label: 'Mapped', count: mappedRows.length },
    { key: 'crm', label: 'Not mapped', count: crmRows.length },
    { key: 'local', label: 'Unused local fields', count: localRows.length },
    { key: 'problems', label: 'Problems', count: errorRows },
    { key: 'all', label: 'All', count: mappedRows.length + crmRows.length },
  ];

  return (
    <div className="grid-card">
      <div className="grid-toolbar">
        <SearchInput value={query} onChange={setQuery} label="Search fields" placeholder="Search local and CRM fields" />
        <div className="filter-pills" role="group" aria-label="Show">
          {filters.map((f) => (
            <button
              key={f.key}
              type="button"
              aria-pressed={show === f.key}
              className={cx('pill', show === f.key && 'is-selected', f.key === 'problems' && f.count > 0 && 'pill-danger')}
              onClick={() => setShow(f.key)}
            >
              {f.label}
              <span className="pill-count">{f.count}</span>
            </button>
          ))}
        </div>
      </div>

      <div className="grid-head" aria-hidden="true">
        <span>{localKind?.label ?? 'Local'} (this app)</span>
        <span>Direction</span>
        <span>{loaded.label} (CRM)</span>
        <span />
      </div>

      {visible.length === 0 ? (
        <EmptyState icon="search" title={q ? 'No field matches the search' : show === 'problems' ? 'No problems' : 'Nothing here'} compact>
          <p>{q ? 'Try part of the label or the API name.' : show === 'mapped' ? 'Map a CRM field from “Not mapped”, or a local field from “Unused local fields”.' : 'Every field is accounted for.'}</p>
        </EmptyState>
      ) : (
        <ul className="grid-rows" aria-label={`Fields of ${loaded.label}`}>
          {visible.map((r) => (
            <li key={r.key} className={cx('grid-row', r.type === 'mapped' && open === r.index && 'is-open', r.type !== 'local' && r.issues.some((i) => i.severity === 'error') && 'has-error')}>
              {r.type === 'mapped' ? (
                <MappedRow
                  row={r}
                  open={open === r.index}
                  toggle={() => setOpen(open === r.index ? null : r.index)}
                  loaded={loaded}
                  localKind={localKind}
                  pulled={pulledFields(draft.fields.filter((_, i) => i !== r.index))}
                  setField={setField}
                  remove={remove}
                />
              ) : r.type === 'crm' ? (
                <div className="grid-line">
                  <div className="grid-cell grid-cell-empty">
                    <span className="muted">Not mapped</span>
                  </div>
                  <div className="grid-cell" />
                  <div className="grid-cell">
                    <CrmFieldCell crm={r.crm} name={r.crm.name} />
                  </div>
                  <div className="grid-cell grid-actions">
                    <Button size="sm" onClick={() => add(r.crm)} aria-label={`Map ${r.crm.label} (${r.crm.name})`}>
                      Map
                    </Button>
                  </div>
                  <RowIssues id={`issues-${r.key}`} issues={r.issues} />
                </div>
              ) : (
                <div className="grid-line">
                  <div className="grid-cell">
                    <LocalFieldCell field={r.field} />
                  </div>
                  <div className="grid-cell" />
                  <div className="grid-cell">
                    <Select
                      aria-label={`Map ${r.field.label} to a CRM field`}
                      value=""
                      options={[{ value: '', label: 'Map to a CRM field…' }, ...loaded.fields.filter((f) => !mappedCrm.has(f.name) && f.type !== 'id').map((f) => ({ value: f.name, label: `${f.label} (${f.name})` }))]}
                      onChange={(name) => {
                        const crm = crmByName.get(name);
                        if (crm) {
                          add(crm, r.field.name);
                          setShow('mapped');
                        }
                      }}
                    />
                  </div>
                  <div className="grid-cell" />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface MappedRowProps {
  row: Extract<Row, { type: 'mapped' }>;
  open: boolean;
  toggle: () => void;
  loaded: MappingState;
  localKind: MappingState['localKinds'][number] | undefined;
  pulled: ReadonlySet<string>;
  setField: (index: number, fm: FieldMappingDraft) => void;
  remove: (index: number) => void;
}

function MappedRow({ row, open, toggle, loaded, localKind, pulled, setField, remove }: MappedRowProps): ReactElement {
  const { fm, crm, index } = row;
  const name = crm ? `${crm.label} (${crm.name})` : fm.crm;
  const local = localKind?.fields.find((f) => f.name === fm.local);
  const discouraged: MappingDirection[] = [
    ...(crm && !crm.pushable ? (['push', 'both'] as const) : []),
    ...(sourceKind(fm) === 'local' && local && !local.writable ? (['pull', 'both'] as const) : []),
  ];
  const issuesId = `issues-${row.key}`;
  return (
    <>
      <div className="grid-line">
        <div className="grid-cell">
          <SourceCell fm={fm} kind={localKind} />
        </div>
        <div className="grid-cell">
          <DirectionControl
            value={fm.direction}
            label={`Direction of ${name}`}
            pushOnly={sourceKind(fm) !== 'local'}
            discouraged={[...new Set(discouraged)]}
            onChange={(direction) => setField(index, { ...fm, direction })}
          />
        </div>
        <div className="grid-cell">
          <CrmFieldCell crm={crm} name={fm.crm} />
        </div>
        <div className="grid-cell grid-actions">
          <Button id={`edit-${row.key}`} size="sm" variant={open ? 'secondary' : 'ghost'} icon={open ? 'chevronDown' : 'chevronRight'} aria-expanded={open} aria-describedby={row.issues.length ? issuesId : undefined} onClick={toggle}>
            {open ? 'Close' : 'Edit'}
            <span className="sr-only"> {name}</span>
          </Button>
        </div>
        <RowIssues id={issuesId} issues={row.issues} />
      </div>
      {open && (
        <FieldEditor
          fm={fm}
          crm={crm}
          loaded={loaded}
          localKind={localKind}
          pulled={pulled}
          onChange={(next) => setField(index, next)}
          onRemove={() => remove(index)}
          onClose={() => {
            toggle();
            document.getElementById(`edit-${row.key}`)?.focus();
          }}
        />
      )}
    </>
  );
}
