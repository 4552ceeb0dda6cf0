import type { FieldMeta, FieldType, ObjectMeta, ObjectSummary } from '../provider';

/** The parts of `sobjects/{Object}/describe` the app reads. */
export interface SalesforceField {
  name: string;
  label: string;
  type: string;
  length?: number;
  precision?: number;
  scale?: number;
  nillable?: boolean;
  createable?: boolean;
  updateable?: boolean;
  calculated?: boolean;
  autoNumber?: boolean;
  defaultedOnCreate?: boolean;
  externalId?: boolean;
  unique?: boolean;
  idLookup?: boolean;
  custom?: boolean;
  /** Field-level security can be set on it (not required, not a system field). */
  permissionable?: boolean;
  picklistValues?: Array<{ value: string; label?: string | null; active?: boolean; defaultValue?: boolean }>;
  referenceTo?: string[];
  relationshipName?: string | null;
}

export interface SalesforceDescribe {
  name: string;
  label: string;
  labelPlural?: string;
  custom?: boolean;
  queryable?: boolean;
  createable?: boolean;
  updateable?: boolean;
  fields: SalesforceField[];
}

const TYPES: Record<string, FieldType> = {
  id: 'id',
  string: 'string',
  encryptedstring: 'string',
  textarea: 'textarea',
  email: 'email',
  phone: 'phone',
  url: 'url',
  double: 'number',
  int: 'integer',
  long: 'integer',
  currency: 'currency',
  percent: 'percent',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
  time: 'time',
  picklist: 'picklist',
  combobox: 'picklist',
  multipicklist: 'multipicklist',
  reference: 'reference',
};

export function toFieldMeta(f: SalesforceField): FieldMeta {
  const createable = f.createable ?? false;
  const updateable = f.updateable ?? false;
  const type = TYPES[f.type] ?? 'other';
  return {
    name: f.name,
    label: f.label,
    type,
    vendorType: f.type,
    length: f.length ? f.length : undefined,
    precision: f.precision || undefined,
    scale: f.scale || undefined,
    // Booleans are never nillable but default to false, so only fields with no default are required.
    required: createable && f.nillable === false && f.defaultedOnCreate !== true,
    createable,
    updateable,
    calculated: (f.calculated ?? false) || (f.autoNumber ?? false),
    readOnly: !createable && !updateable,
    ...(f.permissionable !== undefined ? { permissionable: f.permissionable } : {}),
    unique: f.unique ?? false,
    externalId: f.externalId ?? false,
    custom: f.custom ?? f.name.endsWith('__c'),
    picklist: f.picklistValues?.length
      ? f.picklistValues.map((p) => ({ value: p.value, label: p.label ?? p.value, active: p.active ?? true, default: p.defaultValue ?? false }))
      : undefined,
    reference: f.referenceTo?.length ? { targets: f.referenceTo, relationshipName: f.relationshipName ?? undefined } : undefined,
  };
}

export function toObjectMeta(d: SalesforceDescribe): ObjectMeta {
  const fields = d.fields.map(toFieldMeta);
  const names = new Set(fields.map((f) => f.name));
  return {
    ...toObjectSummary(d),
    fields,
    idField: 'Id',
    modifiedField: names.has('SystemModstamp') ? 'SystemModstamp' : 'LastModifiedDate',
    matchFields: ['Id', ...fields.filter((f) => f.externalId).map((f) => f.name)],
  };
}

export function toObjectSummary(d: Omit<SalesforceDescribe, 'fields'>): ObjectSummary {
  return {
    name: d.name,
    label: d.label,
    labelPlural: d.labelPlural,
    custom: d.custom ?? d.name.endsWith('__c'),
    queryable: d.queryable ?? true,
    createable: d.createable ?? false,
    updateable: d.updateable ?? false,
  };
}
