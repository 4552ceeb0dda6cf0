import type { FieldMeta, FieldType, ObjectMeta, ObjectSummary } from '../provider';

/** One entry of /v1/personFields (and the others). */
export interface PipedriveField {
  key: string;
  name: string;
  field_type: string;
  mandatory_flag?: boolean;
  edit_flag?: boolean;
  options?: Array<{ id: number | string; label: string }>;
}

export const OBJECTS: Array<ObjectSummary & { fieldsPath: string; recentsItem: string; searchFields: string[] }> = [
  { name: 'persons', label: 'Person', labelPlural: 'Persons', custom: false, queryable: true, createable: true, updateable: true, fieldsPath: 'personFields', recentsItem: 'person', searchFields: ['name', 'email', 'phone', 'notes'] },
  { name: 'organizations', label: 'Organization', labelPlural: 'Organizations', custom: false, queryable: true, createable: true, updateable: true, fieldsPath: 'organizationFields', recentsItem: 'organization', searchFields: ['name', 'address', 'notes'] },
  { name: 'deals', label: 'Deal', labelPlural: 'Deals', custom: false, queryable: true, createable: true, updateable: true, fieldsPath: 'dealFields', recentsItem: 'deal', searchFields: ['title', 'notes'] },
];

export const objectInfo = (name: string) => OBJECTS.find((o) => o.name === name);

/** Kept by Pipedrive itself; never written. */
const SYSTEM_KEYS = new Set(['id', 'add_time', 'update_time', 'creator_user_id', 'stage_change_time', 'won_time', 'lost_time', 'close_time', 'next_activity_date', 'last_activity_date', 'activities_count', 'done_activities_count', 'undone_activities_count', 'email_messages_count', 'people_count', 'open_deals_count', 'closed_deals_count', 'won_deals_count', 'lost_deals_count', 'weighted_value', 'archive_time']);

const REFERENCES: Record<string, string> = { org: 'organizations', people: 'persons', user: 'users', stage: 'stages' };

function typeOf(f: PipedriveField): FieldType {
  if (f.key === 'id') return 'id';
  if (f.key === 'email') return 'email';
  switch (f.field_type) {
    case 'varchar':
    case 'varchar_auto':
    case 'address':
      return 'string';
    case 'text':
      return 'textarea';
    case 'double':
      return 'number';
    case 'int':
      return 'integer';
    case 'monetary':
      return 'currency';
    case 'date':
      return f.key.endsWith('_time') ? 'datetime' : 'date';
    case 'time':
      return 'time';
    case 'enum':
    case 'status':
    case 'visible_to':
      return 'picklist';
    case 'set':
      return 'multipicklist';
    case 'phone':
      return 'phone';
    case 'org':
    case 'people':
    case 'user':
    case 'stage':
      return 'reference';
    default:
      return 'other';
  }
}

/** Custom fields have 40-character hash keys. */
const isCustom = (f: PipedriveField) => f.edit_flag === true || /^[0-9a-f]{40}$/.test(f.key);

export function toFieldMeta(f: PipedriveField): FieldMeta {
  const readOnly = SYSTEM_KEYS.has(f.key);
  const target = REFERENCES[f.field_type];
  return {
    name: f.key,
    label: f.name,
    type: typeOf(f),
    vendorType: f.field_type,
    length: f.field_type === 'varchar' ? 255 : undefined,
    required: (f.mandatory_flag ?? false) && !readOnly,
    createable: !readOnly,
    updateable: !readOnly,
    calculated: false,
    readOnly,
    unique: f.key === 'id',
    // No unique fields in Pipedrive: upserts look records up by these instead.
    externalId: f.key === 'email' || f.key === 'id',
    custom: isCustom(f),
    picklist: f.options?.length ? f.options.map((o) => ({ value: String(o.id), label: o.label, active: true })) : undefined,
    reference: target ? { targets: [target] } : undefined,
  };
}

export function toObjectMeta(summary: ObjectSummary, fields: PipedriveField[]): ObjectMeta {
  const metas = fields.map(toFieldMeta);
  return {
    ...summary,
    fields: metas,
    idField: 'id',
    modifiedField: 'update_time',
    matchFields: metas.filter((f) => f.externalId || (f.custom && (f.type === 'string' || f.type === 'email'))).map((f) => f.name),
  };
}
