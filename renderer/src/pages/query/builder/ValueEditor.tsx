import type { ReactElement } from 'react';
import type { QueryFieldInfo } from '../../../../../shared/ipc/channels/query';
import { OPERATOR_ARITY, takesN, type BuilderOperator, type BuilderValue } from '../../../../../shared/query-builder';
import { Icon } from '../../../components';
import { LITERAL_GROUPS, defaultN, fromLocalInput, toLocalInput } from './dates';
import type { FieldKind } from './field-kinds';
import { ChoiceChips, NumberBox, Segmented, TokenInput, isNumberText } from './inputs';

interface ValueEditorProps {
  kind: FieldKind;
  field?: QueryFieldInfo;
  operator: BuilderOperator;
  values: BuilderValue[];
  onChange: (values: BuilderValue[]) => void;
  /** Names the inputs for screen readers ("LeadSource value"). */
  label: string;
}

const LIKE_HINT: Partial<Record<BuilderOperator, string>> = {
  contains: 'Text anywhere in the value',
  startsWith: 'The value starts with…',
  endsWith: 'The value ends with…',
  like: '% any text · _ one character',
};

const text = (v: BuilderValue | undefined): string => (v && 'value' in v && typeof v.value === 'string' ? v.value : '');

/** The value input a filter needs, from its field's type and its operator. */
export function ValueEditor({ kind, field, operator, values, onChange, label }: ValueEditorProps): ReactElement | null {
  const arity = OPERATOR_ARITY[operator];
  if (arity === 'none') return null;
  const picklist = field?.picklist ?? [];

  if (arity === 'many') {
    const strings = values.map(text);
    if (picklist.length > 0) {
      return <ChoiceChips label={`${label}s`} choices={picklist} values={strings} onChange={(vs) => onChange(vs.map((value) => ({ kind: 'string', value })))} />;
    }
    const numeric = kind === 'number';
    return (
      <TokenInput
        label={`${label}s`}
        values={strings}
        accept={numeric ? isNumberText : undefined}
        placeholder={numeric ? 'Type a number, press Enter' : 'Type a value, press Enter'}
        onChange={(vs) => onChange(vs.map((value) => (numeric ? { kind: 'number', value } : { kind: 'string', value })))}
      />
    );
  }

  const value = values[0];
  const set = (v: BuilderValue) => onChange([v]);
  if (LIKE_HINT[operator]) {
    return <input className="input qb-value-text" aria-label={label} placeholder={LIKE_HINT[operator]} value={text(value)} onChange={(e) => set({ kind: 'string', value: e.target.value })} />;
  }
  switch (kind) {
    case 'picklist':
      return (
        <PlainSelect
          label={label}
          value={text(value)}
          options={[{ value: '', label: 'Choose a value…' }, ...picklist, ...(text(value) && !picklist.some((p) => p.value === text(value)) ? [{ value: text(value), label: text(value) }] : [])]}
          onChange={(v) => set({ kind: 'string', value: v })}
        />
      );
    case 'boolean':
      return (
        <Segmented
          label={label}
          size="sm"
          value={value?.kind === 'boolean' && !value.value ? 'false' : 'true'}
          options={[
            { value: 'true', label: 'True' },
            { value: 'false', label: 'False' },
          ]}
          onChange={(v) => set({ kind: 'boolean', value: v === 'true' })}
        />
      );
    case 'number':
      return <NumberBox label={label} className="qb-value-number" placeholder="A number" value={text(value)} onChange={(v) => set({ kind: 'number', value: v })} />;
    case 'date':
    case 'datetime':
      return <DateEditor label={label} datetime={kind === 'datetime'} value={value} onChange={set} />;
    default:
      return <input className="input qb-value-text" aria-label={label} placeholder="A value" value={text(value)} onChange={(e) => set({ kind: 'string', value: e.target.value })} />;
  }
}

function PlainSelect({ label, value, options, onChange }: { label: string; value: string; options: Array<{ value: string; label: string }>; onChange: (v: string) => void }): ReactElement {
  return (
    <div className="select qb-select">
      <select className="input select-input" aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Icon name="chevronDown" size={14} className="select-chevron" />
    </div>
  );
}

interface DateEditorProps {
  label: string;
  datetime: boolean;
  value: BuilderValue | undefined;
  onChange: (v: BuilderValue) => void;
}

/** A relative date (SOQL date literal, `LAST_N_DAYS:30`) or a calendar date / date and time. */
function DateEditor({ label, datetime, value, onChange }: DateEditorProps): ReactElement {
  const mode = value?.kind === 'date' || value?.kind === 'datetime' ? 'exact' : 'relative';
  const literal = value?.kind === 'dateLiteral' ? value : undefined;
  const exact = value?.kind === 'date' || value?.kind === 'datetime' ? value.value : '';
  return (
    <div className="qb-date">
      <Segmented
        label={`${label} kind`}
        size="sm"
        value={mode}
        options={[
          { value: 'relative', label: 'Relative' },
          { value: 'exact', label: 'Exact' },
        ]}
        onChange={(m) => onChange(m === 'relative' ? { kind: 'dateLiteral', literal: 'LAST_N_DAYS', n: 30 } : datetime ? { kind: 'datetime', value: '' } : { kind: 'date', value: '' })}
      />
      {mode === 'relative' ? (
        <span className="qb-date-relative">
          <span className="select qb-select">
            <select
              className="input select-input"
              aria-label={`${label} (relative date)`}
              value={literal?.literal ?? ''}
              onChange={(e) => {
                const l = e.target.value;
                onChange(takesN(l) ? { kind: 'dateLiteral', literal: l, n: literal?.n ?? defaultN(l) } : { kind: 'dateLiteral', literal: l });
              }}
            >
              {!literal && <option value="">Choose…</option>}
              {LITERAL_GROUPS.map((g) => (
                <optgroup key={g.unit} label={g.unit}>
                  {g.literals.map((l) => (
                    <option key={l.literal} value={l.literal} title={l.detail}>
                      {l.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
            <Icon name="chevronDown" size={14} className="select-chevron" />
          </span>
          {literal && takesN(literal.literal) && (
            <label className="qb-n">
              <span>n =</span>
              <NumberBox whole label={`${label} n`} className="qb-n-input" value={literal.n === undefined ? '' : String(literal.n)} onChange={(t) => onChange({ ...literal, n: t === '' ? undefined : Number(t) })} />
            </label>
          )}
        </span>
      ) : datetime ? (
        <input className="input qb-value-date" type="datetime-local" aria-label={`${label} (date and time)`} value={exact ? toLocalInput(exact) : ''} onChange={(e) => onChange({ kind: 'datetime', value: e.target.value ? fromLocalInput(e.target.value) : '' })} />
      ) : (
        <input className="input qb-value-date" type="date" aria-label={`${label} (date)`} value={exact} onChange={(e) => onChange({ kind: 'date', value: e.target.value })} />
      )}
    </div>
  );
}
