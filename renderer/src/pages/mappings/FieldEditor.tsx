import { useId, type ReactElement } from 'react';
import type { CrmFieldView, FieldMappingDraft, LocalKindView, MappingState } from '../../../../shared/ipc/channels/mappings';
import { Button, Select, Switch } from '../../components';
import { LocalFieldSelect } from './LocalFieldSelect';
import { TransformsEditor } from './TransformsEditor';
import { ValueMapEditor } from './ValueMapEditor';
import { SOURCE_LABELS, lookupFieldFor, pushes, sourceKind, withSource, type SourceKind } from './model';

interface FieldEditorProps {
  fm: FieldMappingDraft;
  crm: CrmFieldView | undefined;
  loaded: MappingState;
  localKind: LocalKindView | undefined;
  /** Local fields the other mappings pull into (a new source avoids them). */
  pulled: ReadonlySet<string>;
  onChange: (fm: FieldMappingDraft) => void;
  onRemove: () => void;
  onClose: () => void;
}

/** Everything about one mapped field: where its value comes from, how it is shaped, when it is written. */
export function FieldEditor({ fm, crm, loaded, localKind, pulled, onChange, onRemove, onClose }: FieldEditorProps): ReactElement {
  const id = useId();
  const kind = sourceKind(fm);
  const name = crm?.label ?? fm.crm;
  const isPicklist = crm?.type === 'picklist' || crm?.type === 'multipicklist';
  return (
    <div
      className="field-editor"
      role="group"
      aria-label={`Edit the mapping of ${name}`}
      onKeyDown={(e) => {
        // Escape closes the editor, unless a select or dialog wants it.
        if (e.key === 'Escape' && !(e.target instanceof HTMLSelectElement)) {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <section className="fe-section" aria-labelledby={`${id}-src`}>
        <h3 id={`${id}-src`} className="fe-title">
          Value comes from
        </h3>
        <div className="segmented" role="group" aria-label={`Source of ${name}`}>
          {(Object.keys(SOURCE_LABELS) as SourceKind[]).map((k) => (
            <button
              key={k}
              type="button"
              aria-pressed={k === kind}
              className={k === kind ? 'segment is-selected' : 'segment'}
              onClick={() => k !== kind && onChange(withSource(fm, k, { crm, local: localKind, kinds: loaded.localKinds, pulled }))}
            >
              {SOURCE_LABELS[k]}
            </button>
          ))}
        </div>
        <SourceInput fm={fm} crm={crm} loaded={loaded} localKind={localKind} onChange={onChange} name={name} />
      </section>

      {kind !== 'lookup' && (
        <section className="fe-section" aria-labelledby={`${id}-tr`}>
          <h3 id={`${id}-tr`} className="fe-title">
            Transforms
          </h3>
          <TransformsEditor field={name} transforms={fm.transforms ?? []} onChange={(ts) => onChange({ ...fm, transforms: ts.length ? ts : undefined })} />
        </section>
      )}

      {pushes(fm) && (
        <section className="fe-section" aria-labelledby={`${id}-rules`}>
          <h3 id={`${id}-rules`} className="fe-title">
            When pushing
          </h3>
          <div className="fe-rule">
            <Switch id={`${id}-fill`} checked={fm.onlyFillBlanks === true} onChange={(v) => onChange({ ...fm, onlyFillBlanks: v || undefined })} describedBy={`${id}-fill-d`} />
            <div>
              <label htmlFor={`${id}-fill`} className="fe-rule-label">
                Only fill blanks
              </label>
              <p id={`${id}-fill-d`} className="fe-rule-help">
                Never overwrite a value someone already entered in the CRM.
              </p>
            </div>
          </div>
          <div className="fe-rule">
            <Switch id={`${id}-clear`} checked={fm.neverClear !== false} onChange={(v) => onChange({ ...fm, neverClear: v ? undefined : false })} describedBy={`${id}-clear-d`} />
            <div>
              <label htmlFor={`${id}-clear`} className="fe-rule-label">
                Never clear
              </label>
              <p id={`${id}-clear-d`} className="fe-rule-help">
                An empty local value leaves the CRM value as it is.
              </p>
            </div>
          </div>
        </section>
      )}

      {crm && (kind === 'local' || kind === 'template' || fm.valueMap) && (isPicklist || fm.valueMap) && (
        <section className="fe-section fe-wide" aria-labelledby={`${id}-vm`}>
          <h3 id={`${id}-vm`} className="fe-title">
            Value map
          </h3>
          <ValueMapEditor
            crm={crm}
            valueMap={fm.valueMap}
            onChange={(vm) => onChange({ ...fm, valueMap: vm })}
            localKind={loaded.mapping?.localKind ?? 'person'}
            localField={fm.local}
            transforms={fm.transforms}
          />
        </section>
      )}

      <div className="fe-foot">
        <Button size="sm" variant="ghost" icon="trash" onClick={onRemove}>
          Remove this mapping
        </Button>
      </div>
    </div>
  );
}

interface SourceInputProps {
  fm: FieldMappingDraft;
  crm: CrmFieldView | undefined;
  loaded: MappingState;
  localKind: LocalKindView | undefined;
  onChange: (fm: FieldMappingDraft) => void;
  name: string;
}

function SourceInput({ fm, crm, loaded, localKind, onChange, name }: SourceInputProps): ReactElement {
  const id = useId();
  switch (sourceKind(fm)) {
    case 'local':
      return (
        <div className="fe-line">
          <label htmlFor={id}>Local field</label>
          <LocalFieldSelect id={id} value={fm.local!} kind={localKind} onChange={(v) => onChange({ ...fm, local: v })} />
        </div>
      );
    case 'constant':
      return (
        <div className="fe-line">
          <label htmlFor={id}>Always send</label>
          <ConstantInput id={id} fm={fm} crm={crm} onChange={onChange} />
        </div>
      );
    case 'template':
      return (
        <div className="fe-line fe-stack">
          <label htmlFor={id}>Text with {'{field}'} placeholders</label>
          <input id={id} className="input mono" value={fm.template ?? ''} spellCheck={false} onChange={(e) => onChange({ ...fm, template: e.target.value })} />
          <LocalFieldSelect
            value=""
            placeholder="Insert a field…"
            kind={localKind}
            label={`Insert a local field into the template of ${name}`}
            className="fe-insert"
            onChange={(v) => v && onChange({ ...fm, template: `${fm.template ?? ''}{${v}}` })}
          />
        </div>
      );
    case 'lookup': {
      const lk = fm.lookup!;
      const targets = crm?.reference?.targets.length ? crm.reference.targets : loaded.objects.map((o) => o.name);
      const linkedKind = loaded.localKinds.find((k) => k.kind === lk.localKind);
      return (
        <div className="fe-lookup">
          <p className="fe-rule-help">The CRM id of a record this app pushed before, found through its link.</p>
          <div className="fe-line">
            <label htmlFor={`${id}-o`}>CRM object</label>
            <Select id={`${id}-o`} value={lk.object} options={[...new Set([lk.object, ...targets])].filter(Boolean).map((o) => ({ value: o, label: o }))} onChange={(object) => onChange({ ...fm, lookup: { ...lk, object } })} />
          </div>
          <div className="fe-line">
            <label htmlFor={`${id}-k`}>Linked local record</label>
            <Select
              id={`${id}-k`}
              value={lk.localKind}
              options={loaded.localKinds.map((k) => ({ value: k.kind, label: k.label }))}
              onChange={(k) => onChange({ ...fm, lookup: { ...lk, localKind: k, localField: lookupFieldFor(k, localKind) } })}
            />
          </div>
          <div className="fe-line">
            <label htmlFor={`${id}-f`}>Found by this record’s</label>
            <LocalFieldSelect id={`${id}-f`} value={lk.localField} kind={localKind} onChange={(v) => onChange({ ...fm, lookup: { ...lk, localField: v } })} />
          </div>
          {linkedKind && <p className="fe-rule-help">Until that {linkedKind.label.toLowerCase()} is in the CRM, this record waits in the queue.</p>}
        </div>
      );
    }
  }
}

function ConstantInput({ id, fm, crm, onChange }: { id: string; fm: FieldMappingDraft; crm: CrmFieldView | undefined; onChange: (fm: FieldMappingDraft) => void }): ReactElement {
  const value = fm.constant;
  const allowed = crm?.picklist?.filter((o) => o.active) ?? [];
  if (crm?.type === 'boolean') {
    return (
      <Select
        id={id}
        value={value === true || value === 'true' ? 'true' : 'false'}
        options={[
          { value: 'true', label: 'Yes (true)' },
          { value: 'false', label: 'No (false)' },
        ]}
        onChange={(v) => onChange({ ...fm, constant: v === 'true' })}
      />
    );
  }
  if (allowed.length > 0 && crm?.type === 'picklist') {
    const text = String(value ?? '');
    const known = allowed.some((o) => o.value === text);
    return (
      <Select
        id={id}
        value={text}
        options={[...(known ? [] : [{ value: text, label: text ? `${text} (not allowed)` : 'Choose a value…' }]), ...allowed.map((o) => ({ value: o.value, label: o.label }))]}
        onChange={(v) => onChange({ ...fm, constant: v })}
      />
    );
  }
  const numeric = crm && ['number', 'integer', 'currency', 'percent'].includes(crm.type);
  return (
    <input
      id={id}
      className="input"
      inputMode={numeric ? 'decimal' : undefined}
      value={value === null || value === undefined ? '' : String(value)}
      maxLength={4000}
      onChange={(e) => {
        const raw = e.target.value;
        const n = Number(raw);
        onChange({ ...fm, constant: numeric && raw.trim() !== '' && Number.isFinite(n) ? n : raw });
      }}
    />
  );
}
