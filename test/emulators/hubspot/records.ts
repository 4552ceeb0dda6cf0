import { checkDealStage } from './deal-stages';
import { contactConflict, invalidProperties, validationError, type PropertyProblem } from './errors';
import type { ObjectType } from './object-types';
import { withoutBackwardLifecycle } from './lifecycle';
import type { HubStore, StoredRecord } from './store';
import { normalizeValue } from './values';

/** Validated property changes: a string sets, null clears. */
export type Changes = Map<string, string | null>;

export interface ValidateOptions {
  /** Seeds may set values HubSpot computes (createdate, lastmodifieddate...). */
  allowReadOnly?: boolean;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Checks an incoming `properties` object the way HubSpot does, reporting every bad property at once. */
export function validateProperties(store: HubStore, type: ObjectType, raw: unknown, opts: ValidateOptions = {}): Changes {
  if (raw === undefined || raw === null) return new Map();
  if (typeof raw !== 'object' || Array.isArray(raw)) throw validationError('Invalid input JSON: properties must be an object of property names to values.');
  const changes: Changes = new Map();
  const problems: PropertyProblem[] = [];
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    const def = store.property(type, name);
    if (!def) {
      problems.push({ name, error: 'PROPERTY_DOESNT_EXIST', message: `Property "${name}" does not exist` });
      continue;
    }
    if (def.readOnlyValue && !opts.allowReadOnly) {
      problems.push({ name, error: 'READ_ONLY_VALUE', message: `"${name}" is a read only property; its value cannot be set.` });
      continue;
    }
    const result = normalizeValue(def, value);
    if ('problem' in result) problems.push(result.problem);
    else changes.set(name, result.value);
  }
  if (problems.length > 0) throw invalidProperties(problems);
  return changes;
}

/** Every rule a write must pass besides value validation: unique values, and a deal's stage within its pipeline. */
export function checkConstraints(store: HubStore, type: ObjectType, changes: Changes, current?: StoredRecord): void {
  checkUnique(store, type, changes, current?.id);
  checkDealStage(type, changes, current);
}

/** Rejects values already held by another live record (email answers 409 like HubSpot's contacts). */
export function checkUnique(store: HubStore, type: ObjectType, changes: Changes, selfId?: string): void {
  const problems: PropertyProblem[] = [];
  for (const [name, value] of changes) {
    if (value === null || !store.isUniqueProperty(type, name) || name === 'hs_object_id') continue;
    const holder = store.byUnique(type, name, value);
    if (!holder || holder.id === selfId) continue;
    if (type === 'contacts' && name === 'email') throw contactConflict(holder.id);
    problems.push({
      name,
      error: 'DUPLICATE_UNIQUE_PROPERTY_VALUE',
      message: `A ${type.slice(0, -1)} with the unique value "${value}" for property "${name}" already exists. Existing ID: ${holder.id}`,
    });
  }
  if (problems.length > 0) throw invalidProperties(problems);
}

function fullNameOrEmail(p: Record<string, string>): string | undefined {
  const name = [p.firstname, p.lastname].filter(Boolean).join(' ');
  return name || p.email;
}

/** Recomputes the values HubSpot derives from others. */
function refreshDerived(store: HubStore, rec: StoredRecord): void {
  const p = rec.properties;
  p.hs_object_id = rec.id;
  p.createdate = iso(rec.createdAt);
  p[store.lastModifiedProperty(rec.type)] = iso(rec.updatedAt);
  if (rec.type !== 'contacts') return;
  const domain = p.email?.split('@')[1];
  if (domain) p.hs_email_domain = domain;
  else delete p.hs_email_domain;
  const display = fullNameOrEmail(p);
  if (display) p.hs_full_name_or_email = display;
  else delete p.hs_full_name_or_email;
}

function applyChanges(rec: StoredRecord, changes: Changes, at: number): void {
  for (const [name, value] of changes) {
    if (value === null) delete rec.properties[name];
    else rec.properties[name] = value;
    (rec.history[name] ??= []).unshift({ value: value ?? '', timestamp: iso(at), sourceType: 'API' });
  }
}

export interface CreateOptions {
  id?: string;
  createdAt?: number;
  updatedAt?: number;
  archived?: boolean;
}

export function createRecord(store: HubStore, type: ObjectType, changes: Changes, opts: CreateOptions = {}): StoredRecord {
  const now = store.now();
  const explicitCreate = changes.get('createdate');
  const createdAt = opts.createdAt ?? (explicitCreate ? Date.parse(explicitCreate) : now);
  const id = opts.id ?? store.allocateId();
  store.reserveId(id);
  const rec: StoredRecord = {
    type,
    id,
    properties: {},
    history: {},
    createdAt,
    updatedAt: opts.updatedAt ?? Math.max(createdAt, now),
    archived: opts.archived ?? false,
    archivedAt: opts.archived ? now : undefined,
  };
  if (type === 'deals' && !changes.has('pipeline')) changes.set('pipeline', 'default');
  applyChanges(rec, changes, createdAt);
  refreshDerived(store, rec);
  store.insert(rec);
  return rec;
}

/** Writes only values that differ: HubSpot records no change (and keeps the modified date) for equal values. */
export function updateRecord(store: HubStore, rec: StoredRecord, requested: Changes): StoredRecord {
  const allowed = withoutBackwardLifecycle(store, rec, requested);
  const changes: Changes = new Map([...allowed].filter(([name, value]) => (rec.properties[name] ?? null) !== value));
  if (changes.size === 0) return rec;
  const now = store.now();
  store.mutate(rec, () => {
    rec.updatedAt = Math.max(now, rec.updatedAt);
    const explicitCreate = changes.get('createdate');
    if (explicitCreate) rec.createdAt = Date.parse(explicitCreate);
    applyChanges(rec, changes, now);
    refreshDerived(store, rec);
  });
  return rec;
}

export function archiveRecord(store: HubStore, rec: StoredRecord): void {
  if (rec.archived) return;
  const now = store.now();
  store.mutate(rec, () => {
    rec.archived = true;
    rec.archivedAt = now;
  });
}
