import { useState, type ReactElement } from 'react';
import { FieldRow, Select } from '../../components';
import type { ConnectFieldInfo } from '../../../../shared/ipc/channels/connections';

export type FieldValues = Partial<Record<ConnectFieldInfo['key'], string>>;

const CUSTOM = '__custom__';

/** A field with fixed choices plus "another URL" (Salesforce production / sandbox / My Domain). */
function ChoiceField({ field, value, onChange, id, describedBy }: { field: ConnectFieldInfo; value: string; onChange: (v: string) => void; id: string; describedBy?: string }): ReactElement {
  const choices = field.choices ?? [];
  const known = choices.some((c) => c.value === value);
  const [custom, setCustom] = useState(!known && value !== '');
  const options = [...choices, ...(field.allowCustom ? [{ value: CUSTOM, label: 'Another URL…' }] : [])];
  return (
    <span className="connect-choice">
      <Select
        id={id}
        aria-describedby={describedBy}
        value={custom ? CUSTOM : known ? value : (choices[0]?.value ?? '')}
        options={options}
        onChange={(v) => {
          setCustom(v === CUSTOM);
          onChange(v === CUSTOM ? '' : v);
        }}
      />
      {custom && (
        <input
          className="input input-wide"
          aria-label={`${field.label} URL`}
          placeholder={field.placeholder ?? 'https://'}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </span>
  );
}

/** The connect form's fields, drawn from the provider's own description: no per-provider code here. */
export function ConnectFields({ fields, values, onChange }: { fields: ConnectFieldInfo[]; values: FieldValues; onChange: (key: ConnectFieldInfo['key'], value: string) => void }): ReactElement {
  return (
    <div className="connect-fields">
      {fields.map((f) => (
        <FieldRow key={f.key} label={f.required ? f.label : `${f.label}`} description={f.help}>
          {({ id, describedBy }) =>
            f.choices?.length ? (
              <ChoiceField field={f} value={values[f.key] ?? ''} onChange={(v) => onChange(f.key, v)} id={id} describedBy={describedBy} />
            ) : (
              <input
                id={id}
                aria-describedby={describedBy}
                className="input input-wide"
                type={f.secret ? 'password' : 'text'}
                autoComplete={f.secret ? 'off' : undefined}
                spellCheck={false}
                required={f.required}
                placeholder={f.placeholder}
                value={values[f.key] ?? ''}
                onChange={(e) => onChange(f.key, e.target.value)}
              />
            )
          }
        </FieldRow>
      ))}
    </div>
  );
}

/** Starting values: what the connection used last time, else the settings defaults, else the first choice. */
export function initialValues(fields: ConnectFieldInfo[], previous: FieldValues = {}): FieldValues {
  const out: FieldValues = {};
  for (const f of fields) {
    if (f.secret) continue;
    const v = previous[f.key] ?? f.default ?? f.choices?.[0]?.value;
    if (v) out[f.key] = v;
  }
  return out;
}

/** Names of required fields left empty. */
export const missingFields = (fields: ConnectFieldInfo[], values: FieldValues): string[] => fields.filter((f) => f.required && !values[f.key]?.trim()).map((f) => f.label);
