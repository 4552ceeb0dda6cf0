import type { Router } from '../common/http';
import { boolParam, guard, jsonObject, objectTypeParam, scopeByParam, type ApiContext } from './api';
import { planCreateAssociations } from './associations';
import { batchReply, checkBatchSize } from './batch-shape';
import { errorBody, invalidProperties, validationError } from './errors';
import { checkIdProperty, findRecord } from './lookup';
import { objectTypeInfo, type ObjectType } from './object-types';
import { archiveRecord, checkConstraints, createRecord, updateRecord, validateProperties, type Changes } from './records';
import { toApiObject, toWriteResult } from './serialize';
import type { HubStore, StoredRecord } from './store';

type Input = Record<string, unknown>;

function inputsOf(body: Record<string, unknown>): Input[] {
  const inputs = body.inputs;
  if (!Array.isArray(inputs)) throw validationError('Invalid input JSON: inputs must be an array.');
  checkBatchSize(inputs.length);
  return inputs.map((i) => (typeof i === 'object' && i !== null ? (i as Input) : {}));
}

const idText = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

function rejectDuplicateIds(ids: string[]): void {
  const seen = new Set<string>();
  const dupes = new Set(ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false))));
  if (dupes.size > 0) throw validationError(`Duplicate IDs found in batch input: [${[...dupes].join(', ')}]. IDs must be unique`);
}

function notFoundError(type: ObjectType, ids: string[]) {
  return errorBody(
    'OBJECT_NOT_FOUND',
    `Could not get some ${objectTypeInfo(type).singular} objects, they may be deleted or not exist. Check that ids are valid.`,
    { context: { ids } },
  );
}

/** Unique values must also differ between the inputs of one batch. */
function rejectDuplicateUniqueValues(store: HubStore, type: ObjectType, all: Changes[]): void {
  const seen = new Map<string, string>();
  for (const changes of all) {
    for (const [name, value] of changes) {
      if (value === null || !store.isUniqueProperty(type, name)) continue;
      const key = `${name}|${value.toLowerCase()}`;
      if (seen.has(key)) {
        throw invalidProperties([{ name, error: 'DUPLICATE_UNIQUE_PROPERTY_VALUE', message: `The value "${value}" for ${name} appears more than once in this batch.` }]);
      }
      seen.set(key, value);
    }
  }
}

function batchRead(store: HubStore, type: ObjectType, body: Record<string, unknown>, archived: boolean) {
  const idProperty = typeof body.idProperty === 'string' ? body.idProperty : undefined;
  checkIdProperty(store, type, idProperty);
  const shape = {
    properties: Array.isArray(body.properties) ? (body.properties as string[]) : undefined,
    propertiesWithHistory: Array.isArray(body.propertiesWithHistory) ? (body.propertiesWithHistory as string[]) : undefined,
  };
  const found = new Map<string, StoredRecord>();
  const missing: string[] = [];
  for (const input of inputsOf(body)) {
    const id = idText(input.id);
    const rec = id ? findRecord(store, type, id, idProperty, archived) : undefined;
    if (rec) found.set(rec.id, rec);
    else missing.push(id);
  }
  const results = [...found.values()].map((r) => toApiObject(store, r, shape));
  return batchReply(200, results, missing.length > 0 ? [notFoundError(type, missing)] : []);
}

/** Atomic like HubSpot's: one bad input fails the whole request and nothing is created. */
function batchCreate(store: HubStore, type: ObjectType, body: Record<string, unknown>) {
  const inputs = inputsOf(body);
  const planned = inputs.map((input) => {
    const changes = validateProperties(store, type, input.properties ?? {});
    checkConstraints(store, type, changes);
    return { changes, links: planCreateAssociations(store, type, input.associations) };
  });
  rejectDuplicateUniqueValues(store, type, planned.map((p) => p.changes));
  const results = planned.map(({ changes, links }) => {
    const rec = createRecord(store, type, changes);
    for (const link of links) store.associations.add(type, rec.id, link.to, link.toId, link.typeId);
    return toWriteResult(store, rec, changes.keys());
  });
  return batchReply(201, results, []);
}

function batchUpdate(store: HubStore, type: ObjectType, body: Record<string, unknown>) {
  const inputs = inputsOf(body);
  rejectDuplicateIds(inputs.map((i) => idText(i.id)));
  const planned = inputs.map((input) => {
    const idProperty = typeof input.idProperty === 'string' ? input.idProperty : undefined;
    checkIdProperty(store, type, idProperty);
    const id = idText(input.id);
    return { id, rec: id ? findRecord(store, type, id, idProperty) : undefined, changes: validateProperties(store, type, input.properties ?? {}) };
  });
  for (const p of planned) if (p.rec) checkConstraints(store, type, p.changes, p.rec);
  rejectDuplicateUniqueValues(store, type, planned.map((p) => p.changes));
  const missing = planned.filter((p) => !p.rec).map((p) => p.id);
  const results = planned
    .filter((p): p is typeof p & { rec: StoredRecord } => p.rec !== undefined)
    .map(({ rec, changes }) => toWriteResult(store, updateRecord(store, rec, changes), changes.keys()));
  return batchReply(200, results, missing.length > 0 ? [notFoundError(type, missing)] : []);
}

/** Creates or updates by a unique property; created results carry `new: true`. */
function batchUpsert(store: HubStore, type: ObjectType, body: Record<string, unknown>) {
  const inputs = inputsOf(body);
  const planned = inputs.map((input) => {
    const idProperty = typeof input.idProperty === 'string' && input.idProperty !== '' ? input.idProperty : 'hs_object_id';
    checkIdProperty(store, type, idProperty);
    const id = idText(input.id);
    if (!id) throw validationError('Each upsert input needs an id');
    const changes = validateProperties(store, type, input.properties ?? {});
    const rec = store.byUnique(type, idProperty, id);
    if (!rec) {
      if (idProperty === 'hs_object_id') throw validationError(`No ${type.slice(0, -1)} with hs_object_id ${id} exists to update`);
      const own = validateProperties(store, type, { [idProperty]: id });
      for (const [k, v] of own) changes.set(k, v);
    }
    checkConstraints(store, type, changes, rec);
    return { key: `${idProperty}|${id.toLowerCase()}`, rec, changes, idProperty };
  });
  rejectDuplicateIds(planned.map((p) => p.key));
  rejectDuplicateUniqueValues(store, type, planned.map((p) => p.changes));
  const results = planned.map(({ rec, changes, idProperty }) => {
    const written = rec ? updateRecord(store, rec, changes) : createRecord(store, type, changes);
    return { ...toWriteResult(store, written, [...changes.keys(), idProperty]), new: rec === undefined };
  });
  return batchReply(200, results, []);
}

function batchArchive(store: HubStore, type: ObjectType, body: Record<string, unknown>) {
  for (const input of inputsOf(body)) {
    const rec = store.byId(type, idText(input.id));
    if (rec) archiveRecord(store, rec);
  }
  return { status: 204 };
}

/** /crm/v3/objects/{objectType}/batch/{read,create,update,upsert,archive}. */
export function registerBatchRoutes(router: Router, ctx: ApiContext): void {
  const { store } = ctx;
  const read = { scopes: scopeByParam('read'), limit: 'general' as const };
  const write = { scopes: scopeByParam('write'), limit: 'general' as const };
  const base = '/crm/v3/objects/:objectType/batch';
  router
    .on('POST', `${base}/read`, guard(ctx, read, (req) => batchRead(store, objectTypeParam(req.params), jsonObject(req), boolParam(req, 'archived'))))
    .on('POST', `${base}/create`, guard(ctx, write, (req) => batchCreate(store, objectTypeParam(req.params), jsonObject(req))))
    .on('POST', `${base}/update`, guard(ctx, write, (req) => batchUpdate(store, objectTypeParam(req.params), jsonObject(req))))
    .on('POST', `${base}/upsert`, guard(ctx, write, (req) => batchUpsert(store, objectTypeParam(req.params), jsonObject(req))))
    .on('POST', `${base}/archive`, guard(ctx, write, (req) => batchArchive(store, objectTypeParam(req.params), jsonObject(req))));
}
