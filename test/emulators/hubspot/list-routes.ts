import { json, type EmuRequest, type Router } from '../common/http';
import { guard, jsonObject, listParam, type ApiContext } from './api';
import { HubApiError, objectNotFound, validationError } from './errors';
import { LIST_SCOPES, listSummary, registerListMembershipRoutes, requireList } from './list-memberships';
import type { ProcessingType, StoredList } from './list-store';
import { objectTypeInfo, resolveObjectType, type ObjectType } from './object-types';
import type { HubStore } from './store';

const iso = (ms: number) => new Date(ms).toISOString();

const PROCESSING_TYPES: ProcessingType[] = ['MANUAL', 'SNAPSHOT', 'DYNAMIC'];
const SEARCH_DEFAULT_COUNT = 20;
const SEARCH_MAX_COUNT = 500;

/** The list definition as the lists API returns it (`size` counts live members). */
export function toApiList(list: StoredList, size: number): Record<string, unknown> {
  return {
    listId: list.listId,
    listVersion: list.listVersion,
    name: list.name,
    objectTypeId: objectTypeInfo(list.objectType).typeId,
    processingStatus: 'COMPLETE',
    processingType: list.processingType,
    createdAt: iso(list.createdAt),
    updatedAt: iso(list.updatedAt),
    filtersUpdatedAt: iso(list.createdAt),
    createdById: list.createdById,
    updatedById: list.createdById,
    size,
    ...(list.deletedAt !== undefined ? { deletedAt: iso(list.deletedAt) } : {}),
  };
}

function objectTypeIdParam(raw: unknown): ObjectType {
  const type = typeof raw === 'string' ? resolveObjectType(raw) : undefined;
  if (!type) throw validationError(`Unknown objectTypeId ${String(raw)}`);
  return type;
}

function createList(ctx: ApiContext, body: Record<string, unknown>) {
  const { store } = ctx;
  const name = typeof body.name === 'string' ? body.name.trim() : '';
  if (!name) throw validationError('name is required and may not be blank');
  const objectType = objectTypeIdParam(body.objectTypeId);
  const processingType = String(body.processingType ?? '').toUpperCase() as ProcessingType;
  if (!PROCESSING_TYPES.includes(processingType)) throw validationError(`processingType must be one of ${PROCESSING_TYPES.join(', ')}`);
  // Filter-driven lists would need HubSpot's list filter engine, which the emulator does not have.
  if (processingType !== 'MANUAL') throw validationError(`The emulator only supports MANUAL lists, not ${processingType}`);
  if (store.lists.byName(objectType, name)) {
    throw new HubApiError(409, 'CONFLICT', `A list named ${name} already exists for object type ${objectTypeInfo(objectType).typeId}`);
  }
  const list = store.lists.create({ name, objectType, processingType, createdAt: ctx.now(), createdById: String(ctx.tokens.account.userId) });
  return { list: toApiList(list, 0) };
}

function searchLists(ctx: ApiContext, body: Record<string, unknown>) {
  const query = typeof body.query === 'string' ? body.query.toLowerCase() : '';
  const types = Array.isArray(body.processingTypes) ? (body.processingTypes as unknown[]).map((t) => String(t).toUpperCase()) : undefined;
  const ids = Array.isArray(body.listIds) ? (body.listIds as unknown[]).map(String) : undefined;
  const offset = Number(body.offset ?? 0);
  const count = Number(body.count ?? SEARCH_DEFAULT_COUNT);
  if (!Number.isInteger(offset) || offset < 0) throw validationError('offset must be a non-negative integer');
  if (!Number.isInteger(count) || count < 1 || count > SEARCH_MAX_COUNT) throw validationError(`count must be between 1 and ${SEARCH_MAX_COUNT}`);
  const matches = ctx.store.lists
    .live()
    .filter((l) => l.name.toLowerCase().includes(query) && (!types || types.includes(l.processingType)) && (!ids || ids.includes(l.listId)))
    .sort((a, b) => Number(a.listId) - Number(b.listId));
  const page = matches.slice(offset, offset + count).map((l) => {
    const { size, lastAddedAt } = listSummary(ctx.store, l);
    const { size: _size, ...rest } = toApiList(l, size);
    const extra: Record<string, string> = { hs_list_size: String(size) };
    if (lastAddedAt !== undefined) extra.hs_last_record_added_at = String(lastAddedAt);
    return { ...rest, additionalProperties: extra };
  });
  return { lists: page, offset: offset + page.length, hasMore: offset + page.length < matches.length, total: matches.length };
}

const listReply = (store: HubStore, list: StoredList) => ({ list: toApiList(list, listSummary(store, list).size) });

/** CRM lists v3: MANUAL lists, lookups by id and name, search, rename, delete and restore. */
export function registerListRoutes(router: Router, ctx: ApiContext): void {
  const { store } = ctx;
  const base = '/crm/v3/lists';
  router
    .on('POST', base, guard(ctx, LIST_SCOPES.write, (req) => json(200, createList(ctx, jsonObject(req)))))
    .on(
      'GET',
      base,
      guard(ctx, LIST_SCOPES.read, (req: EmuRequest) => {
        const ids = listParam(req, 'listIds') ?? [];
        const lists = ids.map((id) => store.lists.get(id)).filter((l): l is StoredList => l !== undefined);
        return json(200, { lists: lists.map((l) => toApiList(l, listSummary(store, l).size)) });
      }),
    )
    .on('POST', `${base}/search`, guard(ctx, LIST_SCOPES.read, (req) => json(200, searchLists(ctx, jsonObject(req)))))
    .on(
      'GET',
      `${base}/object-type-id/:objectTypeId/name/:listName`,
      guard(ctx, LIST_SCOPES.read, (req) => {
        const list = store.lists.byName(objectTypeIdParam(req.params.objectTypeId), req.params.listName);
        if (!list) throw objectNotFound(`List with name ${req.params.listName} does not exist.`);
        return json(200, listReply(store, list));
      }),
    )
    .on('GET', `${base}/:listId`, guard(ctx, LIST_SCOPES.read, (req) => json(200, listReply(store, requireList(store, req.params.listId)))))
    .on(
      'DELETE',
      `${base}/:listId`,
      guard(ctx, LIST_SCOPES.write, (req) => {
        requireList(store, req.params.listId).deletedAt = ctx.now();
        return { status: 204 };
      }),
    )
    .on(
      'PUT',
      `${base}/:listId/restore`,
      guard(ctx, LIST_SCOPES.write, (req) => {
        const list = store.lists.get(req.params.listId, true);
        if (!list) throw objectNotFound(`List ${req.params.listId} does not exist.`);
        list.deletedAt = undefined;
        return { status: 204 };
      }),
    )
    .on(
      'PUT',
      `${base}/:listId/update-list-name`,
      guard(ctx, LIST_SCOPES.write, (req) => {
        const list = requireList(store, req.params.listId);
        const name = req.query.get('listName')?.trim();
        if (!name) throw validationError('listName is required');
        const holder = store.lists.byName(list.objectType, name);
        if (holder && holder !== list) throw new HubApiError(409, 'CONFLICT', `A list named ${name} already exists`);
        list.name = name;
        list.listVersion++;
        list.updatedAt = ctx.now();
        return json(200, { updatedList: toApiList(list, listSummary(store, list).size) });
      }),
    );
  registerListMembershipRoutes(router, ctx);
}
