import { validationError } from './errors';
import { requireRecord } from './lookup';
import type { ObjectType } from './object-types';
import type { HubStore, StoredRecord } from './store';

const splitList = (v: string | undefined) => (v ? v.split(';').filter(Boolean) : []);

/** Values of the merged record: the primary's win, the other fills gaps; merge bookkeeping is recomputed. */
function mergedProperties(type: ObjectType, primary: StoredRecord, other: StoredRecord): Record<string, string> {
  const props = { ...other.properties, ...primary.properties };
  const absorbed = [primary.id, other.id, ...splitList(primary.properties.hs_merged_object_ids), ...splitList(other.properties.hs_merged_object_ids)];
  props.hs_merged_object_ids = [...new Set(absorbed)].join(';');
  if (type === 'contacts') {
    const extraEmails = [
      ...splitList(primary.properties.hs_additional_emails),
      ...splitList(other.properties.hs_additional_emails),
      ...(other.properties.email && other.properties.email !== primary.properties.email ? [other.properties.email] : []),
    ];
    if (extraEmails.length > 0) props.hs_additional_emails = [...new Set(extraEmails)].join(';');
    props.hs_calculated_merged_vids = [primary, other].map((r) => `${r.id}:${r.updatedAt}`).join(';');
  }
  return props;
}

/**
 * POST /crm/v3/objects/{type}/merge. As HubSpot now does for contacts and companies, the result is a
 * new record with a new id; both old ids keep resolving to it.
 */
export function mergeRecords(store: HubStore, type: ObjectType, body: Record<string, unknown>): StoredRecord {
  const primaryId = body.primaryObjectId;
  const otherId = body.objectIdToMerge;
  if (typeof primaryId !== 'string' || typeof otherId !== 'string' || primaryId === '' || otherId === '') {
    throw validationError('primaryObjectId and objectIdToMerge are required');
  }
  const primary = requireRecord(store, type, primaryId);
  const other = requireRecord(store, type, otherId);
  if (primary.id === other.id) throw validationError('Cannot merge an object with itself');

  const now = store.now();
  const id = store.allocateId();
  const merged: StoredRecord = {
    type,
    id,
    properties: mergedProperties(type, primary, other),
    history: { ...other.history, ...primary.history },
    createdAt: Math.min(primary.createdAt, other.createdAt),
    updatedAt: now,
    archived: false,
  };
  merged.properties.hs_object_id = id;
  merged.properties.createdate = new Date(merged.createdAt).toISOString();
  merged.properties[store.lastModifiedProperty(type)] = new Date(now).toISOString();
  for (const old of [primary, other]) {
    store.remove(type, old.id);
    store.addAlias(type, old.id, id);
    store.associations.reassign(type, old.id, id);
  }
  store.insert(merged);
  return merged;
}
