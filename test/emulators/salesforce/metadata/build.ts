import type { FieldDef, FieldSpec, FieldType, ObjectDef, ObjectSpec, PicklistValue } from './types';

/** `Ticket_Buyer_Id__c` → `Ticket Buyer Id`, `LastName` → `Last Name`, `AccountId` → `Account ID`. */
export function labelFor(name: string): string {
  const base = name.replace(/__c$/, '').replace(/_/g, ' ');
  return base
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/ Id$/, ' ID')
    .trim();
}

const DEFAULT_LENGTH: Partial<Record<FieldType, number>> = {
  id: 18, reference: 18, string: 255, textarea: 255, email: 80, phone: 40, url: 255, picklist: 255, multipicklist: 4099,
};
const DEFAULT_PRECISION: Partial<Record<FieldType, [number, number]>> = {
  double: [18, 0], currency: [18, 2], percent: [3, 0],
};

function picklistValues(spec: FieldSpec): PicklistValue[] {
  return (spec.picklist ?? []).map((entry) => {
    const e = typeof entry === 'string' ? { value: entry } : entry;
    const isDefault = e.default ?? (spec.defaultValue !== undefined && spec.defaultValue === e.value);
    return { active: e.active ?? true, defaultValue: isDefault, label: e.label ?? e.value, validFor: null, value: e.value };
  });
}

function defaultRelationshipName(spec: FieldSpec): string | null {
  if (spec.type !== 'reference') return null;
  if (spec.name.endsWith('__c')) return spec.name.replace(/__c$/, '__r');
  return spec.name.endsWith('Id') ? spec.name.slice(0, -2) : null;
}

export function buildField(spec: FieldSpec): FieldDef {
  const type = spec.type;
  const isFormula = spec.formula !== undefined;
  const isAutoNumber = spec.autoNumber !== undefined;
  const readOnly = spec.readOnly || isFormula || isAutoNumber || type === 'id';
  const isBoolean = type === 'boolean';
  const picklist = picklistValues(spec);
  const pickDefault = picklist.find((p) => p.defaultValue)?.value;
  const defaultValue = spec.defaultValue ?? pickDefault ?? (isBoolean ? false : null);
  const [precision, scale] = DEFAULT_PRECISION[type] ?? [0, 0];
  const custom = spec.name.endsWith('__c');
  const longText = type === 'textarea' && (spec.length ?? 255) > 255;
  return {
    name: spec.name,
    label: spec.label ?? labelFor(spec.name),
    type: isAutoNumber ? 'string' : type,
    length: isAutoNumber ? 30 : (spec.length ?? DEFAULT_LENGTH[type] ?? 0),
    precision: spec.precision ?? precision,
    scale: spec.scale ?? scale,
    digits: type === 'int' ? 9 : 0,
    nillable: !(spec.required || isBoolean || type === 'id') && !isAutoNumber,
    createable: !readOnly,
    updateable: !readOnly && !spec.createOnly,
    calculated: isFormula,
    calculatedFormula: spec.formula ?? null,
    formula: spec.formula,
    externalId: !!spec.externalId,
    unique: !!spec.unique,
    caseSensitive: !!spec.caseSensitive,
    custom,
    defaultedOnCreate: isBoolean || defaultValue !== null || isAutoNumber || type === 'id' || !!spec.readOnly,
    defaultValue,
    picklistValues: picklist,
    restrictedPicklist: !!spec.restricted,
    referenceTo: spec.referenceTo === undefined ? [] : Array.isArray(spec.referenceTo) ? spec.referenceTo : [spec.referenceTo],
    relationshipName: spec.relationshipName ?? defaultRelationshipName(spec),
    childRelationshipName: spec.childRelationshipName,
    cascadeDelete: !!spec.cascadeDelete,
    autoNumber: isAutoNumber,
    autoNumberFormat: spec.autoNumber,
    nameField: !!spec.nameField,
    idLookup: type === 'id' || !!spec.externalId || !!spec.nameField,
    filterable: !longText,
    sortable: !longText && type !== 'multipicklist',
    groupable: !longText && !['multipicklist', 'double', 'currency', 'percent', 'datetime'].includes(type),
  };
}

function systemFieldSpecs(spec: ObjectSpec, custom: boolean): FieldSpec[] {
  const out: FieldSpec[] = [
    { name: 'Id', type: 'id', label: `${spec.label ?? labelFor(spec.name)} ID` },
    { name: 'IsDeleted', type: 'boolean', label: 'Deleted', readOnly: true },
  ];
  if (spec.owned ?? true) {
    out.push({ name: 'OwnerId', type: 'reference', label: 'Owner ID', referenceTo: 'User', relationshipName: 'Owner' });
  }
  const hasName = spec.fields?.some((f) => f.name === 'Name');
  if (custom && !hasName) {
    out.push(
      spec.autoNumberName
        ? { name: 'Name', type: 'string', label: `${spec.label ?? labelFor(spec.name)} Name`, autoNumber: spec.autoNumberName, nameField: true }
        : { name: 'Name', type: 'string', length: 80, label: `${spec.label ?? labelFor(spec.name)} Name`, nameField: true },
    );
  }
  out.push(
    { name: 'CreatedDate', type: 'datetime', readOnly: true, label: 'Created Date' },
    { name: 'CreatedById', type: 'reference', readOnly: true, label: 'Created By ID', referenceTo: 'User', relationshipName: 'CreatedBy' },
    { name: 'LastModifiedDate', type: 'datetime', readOnly: true, label: 'Last Modified Date' },
    { name: 'LastModifiedById', type: 'reference', readOnly: true, label: 'Last Modified By ID', referenceTo: 'User', relationshipName: 'LastModifiedBy' },
    { name: 'SystemModstamp', type: 'datetime', readOnly: true, label: 'System Modstamp' },
  );
  return out;
}

const SYSTEM_DATETIMES = new Set(['CreatedDate', 'LastModifiedDate', 'SystemModstamp', 'CreatedById', 'LastModifiedById']);

export function buildObject(spec: ObjectSpec, keyPrefix: string): ObjectDef {
  const custom = spec.name.endsWith('__c');
  const fields = [...systemFieldSpecs(spec, custom), ...(spec.fields ?? [])].map((f) => buildField(f));
  for (const f of fields) {
    // System audit fields are never null, even though clients can't write them.
    if (SYSTEM_DATETIMES.has(f.name)) f.nillable = false;
    if (f.name === 'OwnerId') {
      f.defaultValue = null;
      f.defaultedOnCreate = true;
      f.nillable = false;
    }
  }
  const obj: ObjectDef = {
    name: spec.name,
    label: spec.label ?? labelFor(spec.name),
    labelPlural: spec.labelPlural ?? `${spec.label ?? labelFor(spec.name)}s`,
    keyPrefix,
    custom,
    mergeable: !!spec.mergeable,
    fields: [],
    fieldIndex: new Map(),
    parentIndex: new Map(),
    childRelationships: [],
  };
  for (const f of fields) addField(obj, f);
  return obj;
}

export function addField(obj: ObjectDef, field: FieldDef): void {
  const existing = obj.fieldIndex.get(field.name.toLowerCase());
  if (existing) obj.fields[obj.fields.indexOf(existing)] = field;
  else obj.fields.push(field);
  obj.fieldIndex.set(field.name.toLowerCase(), field);
  if (field.relationshipName) obj.parentIndex.set(field.relationshipName.toLowerCase(), field);
}

