import { json, type EmuRequest, type Router } from '../common/http';
import { boolParam, guard, jsonObject, listParam, objectTypeParam, scopeByParam, type ApiContext } from './api';
import { planCreateAssociations } from './associations';
import { validationError } from './errors';
import { requireRecord } from './lookup';
import { mergeRecords } from './merge';
import { resolveObjectType, type ObjectType } from './object-types';
import { archiveRecord, checkConstraints, createRecord, updateRecord, validateProperties } from './records';
import { toApiObject, toWriteResult, type ReadShape } from './serialize';
import type { HubStore } from './store';

const MAX_LIST_LIMIT = 100;

/** List cursors are opaque strings, as HubSpot's are; here they wrap the next record id. */
const encodeCursor = (id: string) => Buffer.from(id, 'utf8').toString('base64url');
function decodeCursor(after: string): number {
  const decoded = /^[A-Za-z0-9_-]+$/.test(after) ? Buffer.from(after, 'base64url').toString('utf8') : '';
  if (!/^\d+$/.test(decoded)) throw validationError(`Invalid after cursor: ${after}`);
  return Number(decoded);
}

function readShape(req: EmuRequest): ReadShape {
  const associations = listParam(req, 'associations')?.map((name) => {
    const type = resolveObjectType(name);
    if (!type) throw validationError(`Unable to infer object type from: ${name}`);
    return type;
  });
  return { properties: listParam(req, 'properties'), propertiesWithHistory: listParam(req, 'propertiesWithHistory'), associations };
}

function parseLimit(raw: string | null, fallback: number, max: number): number {
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw validationError(`limit must be an integer between 1 and ${max}, got ${raw}`);
  return n;
}

function listObjects(store: HubStore, type: ObjectType, req: EmuRequest) {
  const limit = parseLimit(req.query.get('limit'), 10, MAX_LIST_LIMIT);
  const after = req.query.get('after');
  const from = after ? decodeCursor(after) : -Infinity;
  const candidates = store.list(type, boolParam(req, 'archived')).filter((r) => Number(r.id) >= from);
  const page = candidates.slice(0, limit);
  const shape = readShape(req);
  const body: Record<string, unknown> = { results: page.map((r) => toApiObject(store, r, shape)) };
  const next = candidates[limit];
  if (next) {
    const cursor = encodeCursor(next.id);
    const host = req.headers.host ?? '127.0.0.1';
    body.paging = { next: { after: cursor, link: `http://${host}/crm/v3/objects/${type}?after=${cursor}` } };
  }
  return body;
}

function createObject(store: HubStore, type: ObjectType, body: Record<string, unknown>) {
  const changes = validateProperties(store, type, body.properties ?? {});
  checkConstraints(store, type, changes);
  const links = planCreateAssociations(store, type, body.associations);
  const rec = createRecord(store, type, changes);
  for (const link of links) store.associations.add(type, rec.id, link.to, link.toId, link.typeId);
  return toWriteResult(store, rec, changes.keys());
}

/** Single-object CRUD, listing and merge under /crm/v3/objects/{objectType}. */
export function registerObjectRoutes(router: Router, ctx: ApiContext): void {
  const { store } = ctx;
  const read = { scopes: scopeByParam('read'), limit: 'general' as const };
  const write = { scopes: scopeByParam('write'), limit: 'general' as const };

  router.on(
    'GET',
    '/crm/v3/objects/:objectType',
    guard(ctx, read, (req) => json(200, listObjects(store, objectTypeParam(req.params), req))),
  );

  router.on(
    'POST',
    '/crm/v3/objects/:objectType',
    guard(ctx, write, (req) => json(201, createObject(store, objectTypeParam(req.params), jsonObject(req)))),
  );

  router.on(
    'GET',
    '/crm/v3/objects/:objectType/:objectId',
    guard(ctx, read, (req) => {
      const type = objectTypeParam(req.params);
      const rec = requireRecord(store, type, req.params.objectId, req.query.get('idProperty') ?? undefined, boolParam(req, 'archived'));
      return json(200, toApiObject(store, rec, readShape(req)));
    }),
  );

  router.on(
    'PATCH',
    '/crm/v3/objects/:objectType/:objectId',
    guard(ctx, write, (req) => {
      const type = objectTypeParam(req.params);
      const body = jsonObject(req);
      const rec = requireRecord(store, type, req.params.objectId, req.query.get('idProperty') ?? undefined);
      const changes = validateProperties(store, type, body.properties ?? {});
      checkConstraints(store, type, changes, rec);
      updateRecord(store, rec, changes);
      return json(200, toWriteResult(store, rec, changes.keys()));
    }),
  );

  router.on(
    'DELETE',
    '/crm/v3/objects/:objectType/:objectId',
    guard(ctx, write, (req) => {
      const type = objectTypeParam(req.params);
      // Archiving an id that does not exist (or is already archived) still answers 204.
      const rec = store.byId(type, req.params.objectId);
      if (rec) archiveRecord(store, rec);
      return { status: 204 };
    }),
  );

  router.on(
    'POST',
    '/crm/v3/objects/:objectType/merge',
    guard(ctx, write, (req) => {
      const type = objectTypeParam(req.params);
      const merged = mergeRecords(store, type, jsonObject(req));
      return json(200, toApiObject(store, merged));
    }),
  );
}
