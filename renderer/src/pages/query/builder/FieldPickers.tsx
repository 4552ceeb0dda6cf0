import { useMemo, useState, type ReactElement } from 'react';
import type { QueryFieldInfo } from '../../../../../shared/ipc/channels/query';
import { Combobox, type ComboOption } from './Combobox';
import { KIND_LABEL, fieldKind } from './field-kinds';
import { isRelationship, type FieldCatalog } from './use-field-catalog';

/** SOQL follows at most five parent relationships in one path. */
export const MAX_DEPTH = 5;

/** "Account ID" → "Account": how a lookup reads as a relationship. */
export const relationshipLabel = (f: QueryFieldInfo): string => f.label.replace(/\s*ID$/i, '') || f.relationshipName!;

const byLabel = (a: QueryFieldInfo, b: QueryFieldInfo) => a.label.localeCompare(b.label);

interface ObjectPickerProps {
  objects: Array<{ name: string; label: string }>;
  value: string;
  onChange: (object: string) => void;
  label?: string;
  className?: string;
}

/** Picks the object to query, by label or API name. */
export function ObjectPicker({ objects, value, onChange, label = 'Object', className }: ObjectPickerProps): ReactElement {
  const options = useMemo<ComboOption[]>(() => objects.map((o) => ({ key: o.name, label: o.label, detail: o.label === o.name ? undefined : o.name })), [objects]);
  const current = objects.find((o) => o.name.toLowerCase() === value.toLowerCase());
  return (
    <Combobox
      label={label}
      className={className}
      display={current ? (current.label === current.name ? current.name : `${current.label} (${current.name})`) : value}
      placeholder="Choose an object"
      options={options}
      onPick={(o) => o.key !== value && onChange(o.key)}
    />
  );
}

interface FieldComboboxProps {
  /** The object paths start from. */
  base: string;
  catalog: FieldCatalog;
  /** The chosen path (`LeadSource`, `Account.Industry`). */
  value: string;
  onChange: (path: string, field: QueryFieldInfo) => void;
  label: string;
  /** Follow lookups to parent fields (SOQL); off for CRMs without paths. */
  relationships?: boolean;
  placeholder?: string;
  className?: string;
  autoOpen?: boolean;
}

/**
 * Picks one field; lookups open their object's fields (Account › Owner › Name), so filters and
 * sorts can use parent fields as SOQL allows.
 */
export function FieldCombobox({ base, catalog, value, onChange, label, relationships = true, placeholder = 'Choose a field', className, autoOpen }: FieldComboboxProps): ReactElement {
  const [trail, setTrail] = useState<Array<{ rel: string; object: string; label: string }>>([]);
  const object = trail.at(-1)?.object ?? base;
  const fields = catalog.fieldsOf(object);
  const prefix = trail.map((t) => `${t.rel}.`).join('');

  const options = useMemo<ComboOption[] | undefined>(() => {
    if (!fields) return undefined;
    const out: ComboOption[] = [];
    for (const f of [...fields].sort(byLabel)) {
      out.push({ key: f.name, label: f.label, detail: `${prefix}${f.name}`, hint: KIND_LABEL[fieldKind(f)] });
      if (relationships && isRelationship(f) && trail.length < MAX_DEPTH) {
        out.push({ key: `→${f.relationshipName}`, label: `${relationshipLabel(f)} fields`, detail: `${prefix}${f.relationshipName}.…`, drill: true });
      }
    }
    return out;
  }, [fields, prefix, relationships, trail.length]);

  const crumbs = [base, ...trail.map((t) => t.label)];
  return (
    <Combobox
      label={label}
      className={className}
      mono
      autoOpen={autoOpen}
      display={value}
      placeholder={placeholder}
      options={options}
      crumbs={crumbs}
      onPick={(o) => {
        const f = fields?.find((x) => x.name === o.key);
        if (f) onChange(`${prefix}${f.name}`, f);
      }}
      onDrill={(o) => {
        const f = fields?.find((x) => `→${x.relationshipName}` === o.key);
        if (f) setTrail([...trail, { rel: f.relationshipName!, object: f.referenceTo![0], label: relationshipLabel(f) }]);
      }}
      onUp={() => setTrail(trail.slice(0, -1))}
      onClosed={() => setTrail([])}
    />
  );
}
