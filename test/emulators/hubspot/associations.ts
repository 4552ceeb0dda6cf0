import { json, type EmuReply, type Router } from '../common/http';
import { guard, jsonObject, objectTypeParam, scopeByParam, type ApiContext } from './api';
import { associationType, defaultAssociationType, typeSpec, type AssociationTypeDef } from './association-types';
import { errorBody, HubApiError, validationError } from './errors';
import { objectTypeInfo, type ObjectType } from './object-types';
import type { HubStore } from './store';
import { checkBatchSize, batchReply } from './batch-shape';

const live = (store: HubStore, type: ObjectType, id: string) => {
  const rec = store.byId(type, id);
  return rec && !rec.archived ? rec : undefined;
};

function requireLive(store: HubStore, type: ObjectType, id: string): string {
  const rec = live(store, type, id);
  if (!rec) {
    throw new HubApiError(404, 'OBJECT_NOT_FOUND', `No ${type.slice(0, -1)} with ID ${id} exists`, { context: { id: [id] } });
  }
  return rec.id;
}

function requireDefaultType(from: ObjectType, to: ObjectType): AssociationTypeDef {
  const def = defaultAssociationType(from, to);
  if (!def) throw validationError(`No default association type exists between ${from} and ${to}`);
  return def;
}

/** Checks a requested type id exists between the two object types. */
function requireTypeBetween(from: ObjectType, to: ObjectType, typeId: unknown): number {
  const def = typeof typeId === 'number' ? associationType(typeId) : undefined;
  if (!def || def.from !== from || def.to !== to) {
    throw validationError(`${String(typeId)} is not a valid association type id between ${from} and ${to}`);
  }
  return def.typeId;
}

/** Live associations of one object toward a type, as v4 `MultiAssociatedObjectWithLabel` entries. */
function associatedObjects(store: HubStore, from: ObjectType, id: string, to: ObjectType) {
  return store.associations
    .list(from, id, to)
    .filter(({ toId }) => live(store, to, toId))
    .map(({ toId, typeIds }) => ({ toObjectId: Number(toId), associationTypes: typeIds.map(typeSpec) }));
}

function labelsBetween(from: ObjectType, fromId: string, to: ObjectType, toId: string, typeIds: number[]) {
  return {
    fromObjectTypeId: objectTypeInfo(from).typeId,
    fromObjectId: Number(fromId),
    toObjectTypeId: objectTypeInfo(to).typeId,
    toObjectId: Number(toId),
    labels: typeIds.map((t) => associationType(t)?.label).filter((l): l is string => typeof l === 'string'),
  };
}

function defaultPairResults(def: AssociationTypeDef, fromId: string, toId: string) {
  const spec = (typeId: number) => ({ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId });
  return [
    { from: { id: fromId }, to: { id: toId }, associationSpec: spec(def.typeId) },
    { from: { id: toId }, to: { id: fromId }, associationSpec: spec(def.inverse) },
  ];
}

const idOf = (v: unknown): string | undefined => {
  const id = (v as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
};

interface V3AssociationInput {
  to?: { id?: unknown };
  types?: Array<{ associationCategory?: unknown; associationTypeId?: unknown }>;
}

/**
 * The `associations` array of a v3 create: the target type follows from each association type id.
 * Checked before the record exists so a bad association fails the whole create.
 */
export function planCreateAssociations(store: HubStore, type: ObjectType, raw: unknown): Array<{ to: ObjectType; toId: string; typeId: number }> {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw validationError('associations must be an array');
  return (raw as V3AssociationInput[]).flatMap((input) => {
    const toId = idOf(input.to);
    if (!toId) throw validationError('Each association needs to.id');
    return (input.types ?? []).map((spec) => {
      const def = typeof spec.associationTypeId === 'number' ? associationType(spec.associationTypeId) : undefined;
      if (!def || def.from !== type) throw validationError(`${String(spec.associationTypeId)} is not a valid association type id for ${type}`);
      if (!live(store, def.to, toId)) throw validationError(`Object ${toId} of type ${objectTypeInfo(def.to).typeId} does not exist`);
      return { to: def.to, toId, typeId: def.typeId };
    });
  });
}

function pathTypes(params: Record<string, string>) {
  return { from: objectTypeParam(params, 'fromObjectType'), to: objectTypeParam(params, 'toObjectType') };
}

function batchInputs(body: Record<string, unknown>): unknown[] {
  const inputs = body.inputs;
  if (!Array.isArray(inputs)) throw validationError('inputs must be an array');
  checkBatchSize(inputs.length);
  return inputs;
}

/** Associations v4: single and batch endpoints for contact, company and deal pairs. */
export function registerAssociationRoutes(router: Router, ctx: ApiContext): void {
  const { store } = ctx;
  const read = { scopes: scopeByParam('read'), limit: 'general' as const };
  const write = { scopes: scopeByParam('write'), limit: 'general' as const };
  const batchRead = { scopes: scopeByParam('read', 'fromObjectType'), limit: 'general' as const };
  const batchWrite = { scopes: scopeByParam('write', 'fromObjectType'), limit: 'general' as const };

  router.on(
    'PUT',
    '/crm/v4/objects/:fromObjectType/:fromObjectId/associations/default/:toObjectType/:toObjectId',
    guard(ctx, batchWrite, (req) => {
      const { from, to } = pathTypes(req.params);
      const fromId = requireLive(store, from, req.params.fromObjectId);
      const toId = requireLive(store, to, req.params.toObjectId);
      const def = requireDefaultType(from, to);
      store.associations.add(from, fromId, to, toId, def.typeId);
      return batchReply(200, defaultPairResults(def, fromId, toId), []);
    }),
  );

  router.on(
    'PUT',
    '/crm/v4/objects/:objectType/:objectId/associations/:toObjectType/:toObjectId',
    guard(ctx, write, (req) => {
      const from = objectTypeParam(req.params);
      const to = objectTypeParam(req.params, 'toObjectType');
      const fromId = requireLive(store, from, req.params.objectId);
      const toId = requireLive(store, to, req.params.toObjectId);
      if (!Array.isArray(req.body)) throw validationError('The body must be an array of association specs');
      const typeIds = (req.body as Array<{ associationTypeId?: unknown }>).map((s) => requireTypeBetween(from, to, s.associationTypeId));
      for (const typeId of typeIds) store.associations.add(from, fromId, to, toId, typeId);
      const all = store.associations.list(from, fromId, to).find((a) => a.toId === toId)?.typeIds ?? [];
      return json(201, labelsBetween(from, fromId, to, toId, all));
    }),
  );

  router.on(
    'DELETE',
    '/crm/v4/objects/:objectType/:objectId/associations/:toObjectType/:toObjectId',
    guard(ctx, write, (req) => {
      const from = objectTypeParam(req.params);
      const to = objectTypeParam(req.params, 'toObjectType');
      store.associations.removeAll(from, req.params.objectId, to, req.params.toObjectId);
      return { status: 204 };
    }),
  );

  router.on(
    'GET',
    '/crm/v4/objects/:objectType/:objectId/associations/:toObjectType',
    guard(ctx, read, (req) => {
      const from = objectTypeParam(req.params);
      const to = objectTypeParam(req.params, 'toObjectType');
      const fromId = requireLive(store, from, req.params.objectId);
      const limit = Math.min(Number(req.query.get('limit') ?? 500) || 500, 500);
      const offset = Number(req.query.get('after') ?? 0) || 0;
      const all = associatedObjects(store, from, fromId, to);
      const page = all.slice(offset, offset + limit);
      const next = offset + limit < all.length ? { paging: { next: { after: String(offset + limit) } } } : {};
      return json(200, { results: page, ...next });
    }),
  );

  router.on(
    'POST',
    '/crm/v4/associations/:fromObjectType/:toObjectType/batch/associate/default',
    guard(ctx, batchWrite, (req) => {
      const { from, to } = pathTypes(req.params);
      const def = requireDefaultType(from, to);
      const results: unknown[] = [];
      const errors: unknown[] = [];
      for (const input of batchInputs(jsonObject(req)) as Array<{ from?: unknown; to?: unknown }>) {
        const fromId = idOf(input.from);
        const toId = idOf(input.to);
        const missing = [fromId && live(store, from, fromId) ? undefined : fromId, toId && live(store, to, toId) ? undefined : toId];
        if (!fromId || !toId || missing.some(Boolean)) {
          errors.push(errorBody('OBJECT_NOT_FOUND', `Object not found: ${missing.filter(Boolean).join(', ') || 'missing id'}`, { context: { id: missing.filter((m): m is string => !!m) } }));
          continue;
        }
        store.associations.add(from, fromId, to, toId, def.typeId);
        results.push(...defaultPairResults(def, fromId, toId));
      }
      return batchReply(200, results, errors);
    }),
  );

  router.on(
    'POST',
    '/crm/v4/associations/:fromObjectType/:toObjectType/batch/create',
    guard(ctx, batchWrite, (req) => {
      const { from, to } = pathTypes(req.params);
      const results: unknown[] = [];
      const errors: unknown[] = [];
      for (const input of batchInputs(jsonObject(req)) as Array<{ from?: unknown; to?: unknown; types?: Array<{ associationTypeId?: unknown }> }>) {
        const fromId = idOf(input.from);
        const toId = idOf(input.to);
        if (!fromId || !toId || !live(store, from, fromId) || !live(store, to, toId)) {
          errors.push(errorBody('OBJECT_NOT_FOUND', `Object not found: ${[fromId, toId].join(' -> ')}`, { context: { fromId: [fromId ?? ''], toId: [toId ?? ''] } }));
          continue;
        }
        const typeIds = (input.types ?? []).map((s) => requireTypeBetween(from, to, s.associationTypeId));
        for (const typeId of typeIds) store.associations.add(from, fromId, to, toId, typeId);
        const all = store.associations.list(from, fromId, to).find((a) => a.toId === toId)?.typeIds ?? [];
        results.push(labelsBetween(from, fromId, to, toId, all));
      }
      return batchReply(201, results, errors);
    }),
  );

  router.on(
    'POST',
    '/crm/v4/associations/:fromObjectType/:toObjectType/batch/read',
    guard(ctx, batchRead, (req) => {
      const { from, to } = pathTypes(req.params);
      const results: unknown[] = [];
      const errors: unknown[] = [];
      for (const input of batchInputs(jsonObject(req))) {
        const fromId = idOf(input);
        const rec = fromId ? live(store, from, fromId) : undefined;
        const assoc = rec ? associatedObjects(store, from, rec.id, to) : [];
        if (!rec || assoc.length === 0) {
          errors.push(
            errorBody('OBJECT_NOT_FOUND', `No ${to.slice(0, -1)} is associated with ${from.slice(0, -1)} ${fromId ?? ''}.`, {
              subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
              context: { fromObjectId: [fromId ?? ''] },
            }),
          );
          continue;
        }
        results.push({ from: { id: rec.id }, to: assoc });
      }
      return batchReply(200, results, errors);
    }),
  );

  router.on(
    'POST',
    '/crm/v4/associations/:fromObjectType/:toObjectType/batch/archive',
    guard(ctx, batchWrite, (req) => {
      const { from, to } = pathTypes(req.params);
      for (const input of batchInputs(jsonObject(req)) as Array<{ from?: unknown; to?: unknown }>) {
        const fromId = idOf(input.from);
        if (!fromId) continue;
        for (const target of Array.isArray(input.to) ? input.to : []) {
          const toId = idOf(target);
          if (toId) store.associations.removeAll(from, fromId, to, toId);
        }
      }
      return { status: 204 } satisfies EmuReply;
    }),
  );
}
