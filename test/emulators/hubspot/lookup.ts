import { objectNotFound, validationError } from './errors';
import type { ObjectType } from './object-types';
import type { HubStore, StoredRecord } from './store';

/** Checks an `idProperty` names a property that identifies records. */
export function checkIdProperty(store: HubStore, type: ObjectType, idProperty: string | undefined): void {
  if (idProperty === undefined || idProperty === '') return;
  if (!store.property(type, idProperty)) throw validationError(`Property "${idProperty}" does not exist`);
  if (!store.isUniqueProperty(type, idProperty)) {
    throw validationError(`Property "${idProperty}" is not a unique property and cannot be used as idProperty.`);
  }
}

/** Finds a record by id (following merges) or by a unique property, honouring `archived`. */
export function findRecord(store: HubStore, type: ObjectType, id: string, idProperty?: string, archived = false): StoredRecord | undefined {
  if (idProperty && idProperty !== 'hs_object_id') {
    if (archived) return store.all(type).find((r) => r.archived && r.properties[idProperty]?.toLowerCase() === id.trim().toLowerCase());
    return store.byUnique(type, idProperty, id);
  }
  const rec = store.byId(type, id);
  return rec && rec.archived === archived ? rec : undefined;
}

/** Like findRecord, but answers the way HubSpot does when nothing matches. */
export function requireRecord(store: HubStore, type: ObjectType, id: string, idProperty?: string, archived = false): StoredRecord {
  checkIdProperty(store, type, idProperty);
  const rec = findRecord(store, type, id, idProperty, archived);
  if (rec) return rec;
  if (!idProperty && !/^\d+$/.test(id)) {
    throw objectNotFound('Object not found.  objectId are usually numeric.', { context: { id: [id] } });
  }
  throw objectNotFound();
}
