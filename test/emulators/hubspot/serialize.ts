import { associationType } from './association-types';
import { objectTypeInfo, type ObjectType } from './object-types';
import type { HubStore, StoredRecord } from './store';

export interface ReadShape {
  /** Properties the caller asked for; undefined or empty means the object's defaults. */
  properties?: string[];
  propertiesWithHistory?: string[];
  /** Object types whose associations to include (v3 `associations` parameter). */
  associations?: ObjectType[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Names HubSpot returns on every read besides the ones asked for. */
function alwaysIncluded(type: ObjectType): string[] {
  return ['createdate', 'hs_object_id', objectTypeInfo(type).lastModified];
}

function selectProperties(store: HubStore, rec: StoredRecord, wanted: string[] | undefined): Record<string, string | null> {
  const names = wanted && wanted.length > 0 ? [...wanted, ...alwaysIncluded(rec.type)] : objectTypeInfo(rec.type).defaultProperties;
  const out: Record<string, string | null> = {};
  for (const name of [...new Set(names)].sort()) {
    // HubSpot silently leaves out names that are not properties of the object.
    if (!store.propertyIncludingArchived(rec.type, name)) continue;
    out[name] = rec.properties[name] ?? null;
  }
  return out;
}

function selectHistory(store: HubStore, rec: StoredRecord, wanted: string[]) {
  const out: Record<string, Array<{ value: string; timestamp: string; sourceType: string }>> = {};
  for (const name of wanted) {
    if (!store.propertyIncludingArchived(rec.type, name)) continue;
    out[name] = rec.history[name] ?? [];
  }
  return out;
}

/** The v3 `associations` block: only types that have at least one live association appear. */
function selectAssociations(store: HubStore, rec: StoredRecord, types: ObjectType[]) {
  const out: Record<string, { results: Array<{ id: string; type: string }> }> = {};
  for (const toType of types) {
    const results = store.associations
      .list(rec.type, rec.id, toType)
      .filter(({ toId }) => {
        const target = store.byId(toType, toId);
        return target !== undefined && !target.archived;
      })
      .flatMap(({ toId, typeIds }) => typeIds.map((typeId) => ({ id: toId, type: associationType(typeId)?.name ?? String(typeId) })));
    if (results.length > 0) out[toType] = { results };
  }
  return out;
}

/** A record as the v3 objects API returns it. */
export function toApiObject(store: HubStore, rec: StoredRecord, shape: ReadShape = {}): Record<string, unknown> {
  const body: Record<string, unknown> = {
    id: rec.id,
    properties: selectProperties(store, rec, shape.properties),
    createdAt: iso(rec.createdAt),
    updatedAt: iso(rec.updatedAt),
    archived: rec.archived,
  };
  if (rec.archived && rec.archivedAt !== undefined) body.archivedAt = iso(rec.archivedAt);
  if (shape.propertiesWithHistory && shape.propertiesWithHistory.length > 0) {
    body.propertiesWithHistory = selectHistory(store, rec, shape.propertiesWithHistory);
  }
  if (shape.associations && shape.associations.length > 0) {
    const associations = selectAssociations(store, rec, shape.associations);
    if (Object.keys(associations).length > 0) body.associations = associations;
  }
  return body;
}

/** The answer to a write: the properties written plus the ones HubSpot always reports. */
export function toWriteResult(store: HubStore, rec: StoredRecord, written: Iterable<string>): Record<string, unknown> {
  const properties: Record<string, string> = {};
  for (const name of [...new Set([...written, ...alwaysIncluded(rec.type)])].sort()) {
    properties[name] = rec.properties[name] ?? '';
  }
  return { id: rec.id, properties, createdAt: iso(rec.createdAt), updatedAt: iso(rec.updatedAt), archived: rec.archived };
}

/** Every field of a stored record, for GET /__admin/records. */
export function toAdminRecord(store: HubStore, rec: StoredRecord): Record<string, unknown> {
  return {
    id: rec.id,
    objectType: rec.type,
    properties: { ...rec.properties },
    createdAt: iso(rec.createdAt),
    updatedAt: iso(rec.updatedAt),
    archived: rec.archived,
    ...(rec.archivedAt !== undefined ? { archivedAt: iso(rec.archivedAt) } : {}),
    associations: Object.fromEntries(
      (['contacts', 'companies', 'deals'] as ObjectType[]).map((t) => [t, store.associations.list(rec.type, rec.id, t)]),
    ),
  };
}
