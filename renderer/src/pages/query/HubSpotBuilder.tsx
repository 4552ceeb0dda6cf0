import { useEffect, useMemo, useState, type ReactElement } from 'react';
import {
  HUBSPOT_OPERATOR_INFO, HUBSPOT_OPERATORS, HUBSPOT_SEARCH_LIMITS as LIMITS, type Diagnostic, type HubSpotFilter, type HubSpotOperator, type HubSpotSearchBody, type QueryFieldInfo,
} from '../../../../shared/ipc/channels/query';
import { Button, Icon, Select, Tabs } from '../../components';
import { api } from '../../api';
import { useDebounced } from '../../lib/use-debounced';
import { FieldChecklist, SelectedChips } from './builder/FieldChecklist';
import { FieldCombobox, ObjectPicker } from './builder/FieldPickers';
import { HubSpotValueInput, HubSpotValuesInput } from './builder/HubSpotValueInput';
import { useFieldCatalog, type FieldCatalog } from './builder/use-field-catalog';
import { JsonEditor } from './JsonEditor';
import type { HubSpotDraft } from './query-store';

interface HubSpotBuilderProps {
  connectionId: string;
  objects: Array<{ name: string; label: string }>;
  draft: HubSpotDraft;
  onChange: (draft: HubSpotDraft) => void;
  loadFields: (object: string) => Promise<QueryFieldInfo[]>;
  onRun: () => void;
  onDiagnostics: (d: Diagnostic[]) => void;
  diagnostics: Diagnostic[];
}

type View = 'builder' | 'json';

const pretty = (body: HubSpotSearchBody): string => JSON.stringify(body, null, 2);

/**
 * HubSpot's search as a form: filter groups OR'ed, filters inside a group AND'ed, every
 * operator HubSpot has, one sort, the properties to return and a free-text query. The JSON it
 * sends is one tab away and can be edited directly; both are checked against HubSpot's limits.
 */
export function HubSpotBuilder(props: HubSpotBuilderProps): ReactElement {
  const { connectionId, objects, draft, onChange, loadFields, onRun, onDiagnostics, diagnostics } = props;
  const [view, setView] = useState<View>('builder');
  // The query builder's field catalog and pickers, so HubSpot properties are chosen the same way.
  const catalog = useFieldCatalog(loadFields, connectionId, objects);
  const loaded = catalog.fieldsOf(draft.object);
  const fields = useMemo(() => loaded ?? [], [loaded]);
  const [jsonText, setJsonText] = useState(() => pretty(draft.body));
  const [jsonError, setJsonError] = useState<Diagnostic | null>(null);
  const body = draft.body;
  const groups = body.filterGroups ?? [];
  const settled = useDebounced(draft, 350);

  useEffect(() => {
    let live = true;
    void api.query
      .validate({ connectionId, input: { language: 'hubspot-search', object: settled.object, body: settled.body as Record<string, unknown> } })
      .then((r) => live && onDiagnostics(r.diagnostics))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [settled, connectionId, onDiagnostics]);

  useEffect(() => {
    if (view === 'builder') setJsonText(pretty(body));
  }, [body, view]);

  const setBody = (next: HubSpotSearchBody) => onChange({ ...draft, body: next });
  const setGroups = (next: NonNullable<HubSpotSearchBody['filterGroups']>) => setBody({ ...body, filterGroups: next });
  const filterCount = groups.reduce((n, g) => n + g.filters.length, 0);
  const firstField = fields[0]?.name ?? 'email';
  const fieldByName = useMemo(() => new Map(fields.map((f) => [f.name, f])), [fields]);

  const onJson = (text: string) => {
    setJsonText(text);
    try {
      const parsed = JSON.parse(text) as unknown;
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new SyntaxError('The body is a JSON object: { ... }');
      setJsonError(null);
      setBody(parsed as HubSpotSearchBody);
    } catch (err) {
      const d = jsonDiagnostic(text, err);
      setJsonError(d);
      onDiagnostics([d]);
    }
  };

  const shown = jsonError ? [jsonError] : jsonText === pretty(body) ? diagnostics : [];

  return (
    <div className="hs-builder">
      <div className="hs-toolbar">
        <label className="hs-object">
          <span className="hs-caption">Object</span>
          <ObjectPicker label="HubSpot object" objects={objects} value={draft.object} onChange={(object) => onChange({ object, body: { ...body, filterGroups: [], sorts: [], properties: [] } })} />
        </label>
        <span className="hs-limits" title="HubSpot's search limits">
          {groups.length}/{LIMITS.maxFilterGroups} groups · {filterCount}/{LIMITS.maxFilters} filters
        </span>
      </div>
      <Tabs<View> label="HubSpot search view" tabs={[{ key: 'builder', label: 'Builder' }, { key: 'json', label: 'JSON' }]} active={view} onChange={setView}>
        {view === 'builder' ? (
          <div className="hs-form">
            {groups.length === 0 && <p className="hs-hint">No filters: every {draft.object} record matches. Add a filter to narrow it down.</p>}
            {groups.map((g, gi) => (
              <div key={gi} className="hs-group-wrap">
                {gi > 0 && <div className="hs-or">OR</div>}
                <fieldset className="hs-group">
                  <legend className="hs-group-title">
                    Group {gi + 1} <span className="muted">· all of these</span>
                  </legend>
                  {g.filters.map((f, fi) => (
                    <FilterRow
                      key={fi}
                      filter={f}
                      object={draft.object}
                      catalog={catalog}
                      field={fieldByName.get(f.propertyName)}
                      showAnd={fi > 0}
                      onChange={(nf) => setGroups(groups.map((x, i) => (i === gi ? { filters: x.filters.map((y, j) => (j === fi ? nf : y)) } : x)))}
                      onRemove={() => setGroups(groups.map((x, i) => (i === gi ? { filters: x.filters.filter((_, j) => j !== fi) } : x)).filter((x) => x.filters.length > 0))}
                    />
                  ))}
                  <Button size="sm" variant="ghost" icon="arrowRight" disabled={g.filters.length >= LIMITS.maxFiltersPerGroup || filterCount >= LIMITS.maxFilters} onClick={() => setGroups(groups.map((x, i) => (i === gi ? { filters: [...x.filters, { propertyName: firstField, operator: 'EQ', value: '' }] } : x)))}>
                    AND filter
                  </Button>
                </fieldset>
              </div>
            ))}
            <div className="hs-row-actions">
              <Button size="sm" icon="sparkles" disabled={groups.length >= LIMITS.maxFilterGroups || filterCount >= LIMITS.maxFilters} onClick={() => setGroups([...groups, { filters: [{ propertyName: firstField, operator: 'EQ', value: '' }] }])}>
                {groups.length === 0 ? 'Add a filter' : 'OR group'}
              </Button>
            </div>
            <div className="hs-extras">
              <label className="hs-field">
                <span className="hs-caption">Sort by</span>
                <div className="hs-inline">
                  <Select value={body.sorts?.[0]?.propertyName ?? ''} options={[{ value: '', label: 'Created, oldest first' }, ...fields.map((f) => ({ value: f.name, label: f.label }))]} onChange={(p) => setBody({ ...body, sorts: p ? [{ propertyName: p, direction: body.sorts?.[0]?.direction ?? 'ASCENDING' }] : [] })} aria-label="Sort property" />
                  <Select value={body.sorts?.[0]?.direction ?? 'ASCENDING'} disabled={!body.sorts?.length} options={[{ value: 'ASCENDING', label: 'Ascending' }, { value: 'DESCENDING', label: 'Descending' }]} onChange={(d) => setBody({ ...body, sorts: body.sorts?.length ? [{ propertyName: body.sorts[0].propertyName, direction: d }] : [] })} aria-label="Sort direction" />
                </div>
              </label>
              <label className="hs-field">
                <span className="hs-caption">Text search</span>
                <input className="input" value={body.query ?? ''} maxLength={LIMITS.maxQueryLength} placeholder="Words in name, email, phone…" onChange={(e) => setBody({ ...body, query: e.target.value || undefined })} />
              </label>
            </div>
            <PropertyPicker object={draft.object} catalog={catalog} value={body.properties ?? []} onChange={(properties) => setBody({ ...body, properties })} />
          </div>
        ) : (
          <JsonEditor label="HubSpot search body (JSON)" value={jsonText} onChange={onJson} onRun={onRun} diagnostics={shown} />
        )}
      </Tabs>
    </div>
  );
}

interface FilterRowProps {
  filter: HubSpotFilter;
  object: string;
  catalog: FieldCatalog;
  field?: QueryFieldInfo;
  showAnd: boolean;
  onChange: (f: HubSpotFilter) => void;
  onRemove: () => void;
}

function FilterRow({ filter, object, catalog, field, showAnd, onChange, onRemove }: FilterRowProps): ReactElement {
  const op = (HUBSPOT_OPERATORS as readonly string[]).includes(filter.operator) ? (filter.operator as HubSpotOperator) : 'EQ';
  const takes = HUBSPOT_OPERATOR_INFO[op].takes;
  const setOp = (next: HubSpotOperator) => {
    const t = HUBSPOT_OPERATOR_INFO[next].takes;
    const value = filter.value ?? filter.values?.[0] ?? '';
    onChange({ propertyName: filter.propertyName, operator: next, ...(t === 'value' || t === 'range' ? { value } : {}), ...(t === 'range' ? { highValue: filter.highValue ?? '' } : {}), ...(t === 'values' ? { values: filter.values ?? (value ? [value] : []) } : {}) });
  };
  return (
    <div className="hs-filter">
      <span className="hs-and" aria-hidden={!showAnd}>
        {showAnd ? 'AND' : 'WHERE'}
      </span>
      <FieldCombobox base={object} catalog={catalog} relationships={false} value={filter.propertyName} label="Property" placeholder="Choose a property" className="hs-property" onChange={(p) => onChange({ ...filter, propertyName: p })} />
      <Select value={op} options={HUBSPOT_OPERATORS.map((o) => ({ value: o, label: HUBSPOT_OPERATOR_INFO[o].label }))} onChange={setOp} aria-label="Operator" />
      {takes === 'value' && <HubSpotValueInput field={field} value={filter.value ?? ''} onChange={(value) => onChange({ ...filter, value })} label="Value" />}
      {takes === 'range' && (
        <span className="hs-inline">
          <HubSpotValueInput field={field} value={filter.value ?? ''} onChange={(value) => onChange({ ...filter, value })} label="From" />
          <span className="muted">and</span>
          <HubSpotValueInput field={field} value={filter.highValue ?? ''} onChange={(highValue) => onChange({ ...filter, highValue })} label="To" />
        </span>
      )}
      {takes === 'values' && (
        <div className="hs-values">
          <HubSpotValuesInput field={field} values={filter.values ?? []} onChange={(values) => onChange({ ...filter, values })} label="Values" />
        </div>
      )}
      {takes === 'nothing' && <span className="hs-spacer" />}
      <button type="button" className="icon-button" onClick={onRemove} aria-label="Remove filter" title="Remove filter">
        <Icon name="close" size={14} />
      </button>
    </div>
  );
}

interface PropertyPickerProps {
  object: string;
  catalog: FieldCatalog;
  value: string[];
  onChange: (v: string[]) => void;
}

/** The properties to return: chosen ones as chips, the full list (searchable) one click away. */
function PropertyPicker({ object, catalog, value, onChange }: PropertyPickerProps): ReactElement {
  const [open, setOpen] = useState(false);
  return (
    <div className="hs-field">
      <span className="hs-caption">Properties to return</span>
      <div className="hs-properties">
        {value.length === 0 && <span className="muted">HubSpot’s default properties</span>}
        <SelectedChips selected={value} onChange={onChange} label="Selected properties" />
        <Button size="sm" variant="ghost" aria-expanded={open} onClick={() => setOpen(!open)}>
          <Icon name={open ? 'chevronDown' : 'chevronRight'} size={14} />
          {open ? 'Done' : 'Choose properties'}
        </Button>
      </div>
      {open && (
        <div className="hs-property-list">
          <FieldChecklist base={object} catalog={catalog} selected={value} onChange={onChange} relationships={false} noun="properties" />
        </div>
      )}
    </div>
  );
}

/** Where JSON.parse gave up ("... at position 42"), as an editor diagnostic. */
function jsonDiagnostic(text: string, err: unknown): Diagnostic {
  const message = err instanceof Error ? err.message : String(err);
  const pos = Number(/position (\d+)/.exec(message)?.[1] ?? text.length);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  return { from: pos, to: Math.min(text.length, pos + 1), line, column: pos - before.lastIndexOf('\n'), severity: 'error', message: `Not valid JSON: ${message.replace(/\s*in JSON at position \d+.*$/, '')}` };
}
