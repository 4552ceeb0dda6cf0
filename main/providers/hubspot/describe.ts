import type { FieldMeta, FieldType, ObjectMeta, ObjectSummary } from '../provider';

/** One property of `/crm/v3/properties/{object}`. */
export interface HubSpotProperty {
  name: string;
  label: string;
  type: string;
  fieldType?: string;
  options?: Array<{ label: string; value: string; hidden?: boolean; displayOrder?: number }>;
  calculated?: boolean;
  hasUniqueValue?: boolean;
  hubspotDefined?: boolean;
  showCurrencySymbol?: boolean;
  modificationMetadata?: { readOnlyValue?: boolean; readOnlyDefinition?: boolean; archivable?: boolean };
}

/** The standard objects every portal has; custom objects come from /crm/v3/schemas. */
export const STANDARD_OBJECTS: ObjectSummary[] = [
  { name: 'contacts', label: 'Contact', labelPlural: 'Contacts', custom: false, queryable: true, createable: true, updateable: true },
  { name: 'companies', label: 'Company', labelPlural: 'Companies', custom: false, queryable: true, createable: true, updateable: true },
  { name: 'deals', label: 'Deal', labelPlural: 'Deals', custom: false, queryable: true, createable: true, updateable: true },
];

/** Contacts are unique by email even though HubSpot does not flag the property as such. */
const IMPLICIT_UNIQUE: Record<string, string[]> = { contacts: ['email'] };

/** HubSpot names the modified-date property differently on contacts. */
export const modifiedFieldOf = (object: string): string => (object === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate');

function typeOf(p: HubSpotProperty): FieldType {
  if (p.name === 'email') return 'email';
  switch (p.type) {
    case 'string':
      return p.fieldType === 'textarea' || p.fieldType === 'html' ? 'textarea' : p.fieldType === 'phonenumber' ? 'phone' : p.fieldType === 'file' ? 'other' : 'string';
    case 'number':
      return p.showCurrencySymbol ? 'currency' : 'number';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    case 'bool':
      return 'boolean';
    case 'phone_number':
      return 'phone';
    case 'enumeration':
      return p.fieldType === 'booleancheckbox' ? 'boolean' : p.fieldType === 'checkbox' ? 'multipicklist' : 'picklist';
    default:
      return 'other';
  }
}

export function toFieldMeta(object: string, p: HubSpotProperty): FieldMeta {
  const readOnly = (p.modificationMetadata?.readOnlyValue ?? false) || (p.calculated ?? false) || p.name === 'hs_object_id';
  const unique = (p.hasUniqueValue ?? false) || (IMPLICIT_UNIQUE[object]?.includes(p.name) ?? false);
  const type = typeOf(p);
  return {
    name: p.name,
    label: p.label,
    type: p.name === 'hs_object_id' ? 'id' : type,
    vendorType: p.fieldType ? `${p.type}/${p.fieldType}` : p.type,
    required: false,
    createable: !readOnly,
    updateable: !readOnly,
    calculated: p.calculated ?? false,
    readOnly,
    unique,
    externalId: unique,
    custom: !(p.hubspotDefined ?? false),
    picklist:
      p.type === 'enumeration' && p.options?.length && type !== 'boolean'
        ? p.options.map((o) => ({ value: o.value, label: o.label, active: !(o.hidden ?? false) }))
        : undefined,
  };
}

export function toObjectMeta(summary: ObjectSummary, properties: HubSpotProperty[]): ObjectMeta {
  const fields = properties.map((p) => toFieldMeta(summary.name, p));
  return {
    ...summary,
    fields,
    idField: 'hs_object_id',
    modifiedField: modifiedFieldOf(summary.name),
    matchFields: ['hs_object_id', ...fields.filter((f) => f.externalId).map((f) => f.name)],
  };
}
