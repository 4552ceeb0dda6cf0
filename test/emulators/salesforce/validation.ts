import { formatDate, formatDateTime, parseDate, parseDateTime } from './dates';
import { DmlFailure, saveError, type SaveError } from './errors';
import { normalizeId, keyPrefixOf } from './ids';
import { Schema } from './metadata/schema';
import type { FieldDef, ObjectDef } from './metadata/types';
import type { Org } from './org';
import type { SfRecord } from './store';

export type WriteMode = 'create' | 'update';

const fail = (e: SaveError): never => {
  throw new DmlFailure([e]);
};

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const NUMERIC_TYPES = new Set(['double', 'currency', 'percent', 'int']);

function parserError(kind: string, value: unknown): SaveError {
  return saveError(
    'JSON_PARSER_ERROR',
    `Cannot deserialize instance of ${kind} from VALUE_STRING value ${String(value)} or request may be missing a required field at [line:1, column:1]`,
  );
}

/** Turns one JSON (or CSV) input value into the stored representation of the field's type. */
export function coerce(field: FieldDef, raw: unknown): unknown {
  if (raw === null || raw === undefined) return field.type === 'boolean' ? false : null;
  if (typeof raw === 'object') fail(parserError(field.type, JSON.stringify(raw)));
  switch (field.type) {
    case 'boolean': {
      if (typeof raw === 'boolean') return raw;
      const s = String(raw).toLowerCase();
      if (s === 'true' || s === '1') return true;
      if (s === 'false' || s === '0' || s === '') return false;
      return fail(parserError('boolean', raw));
    }
    case 'int':
    case 'double':
    case 'currency':
    case 'percent': {
      if (raw === '') return null;
      const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
      if (!Number.isFinite(n)) return fail(parserError(field.type === 'int' ? 'int' : 'double', raw));
      return field.type === 'int' ? Math.trunc(n) : n;
    }
    case 'date': {
      const s = String(raw);
      if (s === '') return null;
      const ms = parseDate(s) ?? parseDateTime(s);
      return ms === undefined ? fail(parserError('date', raw)) : formatDate(ms);
    }
    case 'datetime': {
      const s = String(raw);
      if (s === '') return null;
      const ms = parseDateTime(s) ?? parseDate(s);
      return ms === undefined ? fail(parserError('datetime', raw)) : formatDateTime(ms);
    }
    case 'multipicklist': {
      const parts = [...new Set(String(raw).split(';').map((p) => p.trim()).filter(Boolean))];
      return parts.length ? parts.join(';') : null;
    }
    default: {
      // Salesforce stores an empty string as null in text-like fields.
      const s = String(raw);
      return s === '' ? null : s;
    }
  }
}

function checkLength(field: FieldDef, value: unknown): void {
  if (typeof value !== 'string' || field.length <= 0 || value.length <= field.length) return;
  fail(saveError('STRING_TOO_LONG', `${field.label}: data value too large: ${value} (max length=${field.length})`, [field.name]));
}

function checkPicklist(field: FieldDef, value: unknown): void {
  if (!field.restrictedPicklist || value === null) return;
  const allowed = new Set(field.picklistValues.filter((p) => p.active).map((p) => p.value));
  const values = field.type === 'multipicklist' ? String(value).split(';') : [String(value)];
  const bad = values.find((v) => !allowed.has(v));
  if (bad !== undefined) {
    fail(saveError('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', `${field.label}: bad value for restricted picklist field: ${bad}`, [field.name]));
  }
}

function checkNumber(field: FieldDef, value: unknown): number | null {
  if (typeof value !== 'number') return value as null;
  if (field.type === 'int') {
    if (Math.abs(value) > 2147483647) fail(outOfRange(field, value));
    return value;
  }
  const rounded = Math.round(value * 10 ** field.scale) / 10 ** field.scale;
  if (field.precision > 0 && Math.abs(rounded) >= 10 ** (field.precision - field.scale)) fail(outOfRange(field, value));
  return rounded;
}

const outOfRange = (field: FieldDef, value: number) =>
  saveError('NUMBER_OUTSIDE_VALID_RANGE', `${field.label}: value outside of valid range on numeric field: ${value}`, [field.name]);

function checkReference(org: Org, field: FieldDef, value: unknown): unknown {
  if (value === null) return null;
  const id = normalizeId(value);
  const incorrect = `${field.label}: id value of incorrect type: ${String(value)}`;
  if (!id) return fail(saveError('MALFORMED_ID', incorrect, [field.name]));
  const target = org.schema.byKeyPrefix(keyPrefixOf(id));
  if (!target || !field.referenceTo.includes(target.name)) return fail(saveError('FIELD_INTEGRITY_EXCEPTION', incorrect, [field.name]));
  const rec = org.store.get(target.name, id);
  if (!rec) return fail(saveError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [field.name]));
  if (rec.IsDeleted === true) return fail(saveError('ENTITY_IS_DELETED', 'entity is deleted', [field.name]));
  return id;
}

/** `"Account": { "Ticket_Org_Id__c": "X" }`: a parent set through its external id. */
function resolveParentByExternalId(org: Org, obj: ObjectDef, key: string, raw: unknown): [FieldDef, string] | undefined {
  const ref = obj.parentIndex.get(key.toLowerCase());
  if (!ref || typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const parent = org.apiObject(ref.referenceTo[0]);
  const entries = Object.entries(raw as Record<string, unknown>).filter(([k]) => k !== 'attributes');
  if (!parent || entries.length !== 1) return undefined;
  const [extName, extValue] = entries[0];
  const extField = org.apiField(parent, extName);
  if (!extField || !(extField.externalId || extField.name === 'Id')) {
    return fail(saveError('INVALID_FIELD', `Field ${extName} is not an external id field on ${parent.name}`, []));
  }
  const match = org.store
    .findBy(parent.name, extField.name, String(extValue), extField.caseSensitive)
    .find((r) => r.IsDeleted !== true);
  if (!match) {
    return fail(saveError('INVALID_FIELD', `Foreign key external ID: ${String(extValue)} not found for field ${extField.name} in entity ${parent.name}`, []));
  }
  return [ref, match.Id as string];
}

/** CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY when the profile lacks Create / Edit on the object. */
function checkObjectAccess(org: Org, obj: ObjectDef, mode: WriteMode): void {
  const allowed = mode === 'create' ? org.permissions.canCreate(obj) : org.permissions.canEdit(obj);
  if (!allowed) fail(saveError('CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', `entity type cannot be ${mode === 'create' ? 'inserted' : 'updated'}: ${obj.label}`));
}

/** Writable for this user: the field's own rules, then field-level security. */
function writable(org: Org, obj: ObjectDef, field: FieldDef, mode: WriteMode): boolean {
  if (!(mode === 'create' ? field.createable : field.updateable)) return false;
  return org.permissions.access(obj, field) !== 'readOnly';
}

/**
 * Checks and converts a create/update payload. Throws DmlFailure with the first error, in the order
 * Salesforce reports them: object access, unknown (or hidden) field, read-only field, bad value,
 * field rules, required fields.
 */
export function prepareWrite(org: Org, obj: ObjectDef, input: Record<string, unknown>, mode: WriteMode): SfRecord {
  checkObjectAccess(org, obj, mode);
  const values: SfRecord = {};
  const readOnly: string[] = [];
  for (const [key, raw] of Object.entries(input)) {
    if (key === 'attributes') continue;
    if (key.toLowerCase() === 'id') {
      if (mode === 'create' && raw !== null && raw !== undefined && raw !== '') fail(saveError('INVALID_FIELD', 'cannot specify Id in an insert call', ['Id']));
      continue;
    }
    const field = org.apiField(obj, key);
    if (!field) {
      const parentRef = resolveParentByExternalId(org, obj, key, raw);
      if (parentRef) {
        values[parentRef[0].name] = parentRef[1];
        continue;
      }
      fail(saveError('INVALID_FIELD', `No such column '${key}' on sobject of type ${obj.name}`, []));
      continue;
    }
    if (!writable(org, obj, field, mode)) {
      readOnly.push(field.name);
      continue;
    }
    values[field.name] = raw;
  }
  if (readOnly.length) {
    fail(
      saveError(
        'INVALID_FIELD_FOR_INSERT_UPDATE',
        `Unable to create/update fields: ${readOnly.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
        readOnly,
      ),
    );
  }
  for (const [name, raw] of Object.entries(values)) {
    const field = Schema.field(obj, name)!;
    let v = coerce(field, raw);
    if (field.type === 'email' && typeof v === 'string' && !EMAIL_RE.test(v)) {
      fail(saveError('INVALID_EMAIL_ADDRESS', `${field.label}: invalid email address: ${v}`, [field.name]));
    }
    checkLength(field, v);
    checkPicklist(field, v);
    if (NUMERIC_TYPES.has(field.type)) v = checkNumber(field, v);
    if (field.type === 'reference') v = checkReference(org, field, v);
    values[name] = v;
  }
  return values;
}

/** REQUIRED_FIELD_MISSING for every writable non-nillable field that is null once defaults applied. */
export function checkRequired(obj: ObjectDef, merged: SfRecord): void {
  const missing = obj.fields
    .filter((f) => !f.nillable && (f.createable || f.updateable) && f.type !== 'boolean')
    .filter((f) => merged[f.name] === null || merged[f.name] === undefined)
    .map((f) => f.name);
  if (missing.length) fail(saveError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, missing));
}
