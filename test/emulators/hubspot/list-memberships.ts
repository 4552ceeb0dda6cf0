import { json, type EmuRequest, type Router } from '../common/http';
import { guard, jsonObject, type ApiContext } from './api';
import { objectNotFound, validationError } from './errors';
import type { MembershipChange, StoredList } from './list-store';
import { resolveObjectType } from './object-types';
import type { HubStore } from './store';

export const LIST_SCOPES = {
  read: { scopes: () => ['crm.lists.read'], limit: 'general' as const },
  write: { scopes: () => ['crm.lists.write', 'cms.membership.access_groups.write'], limit: 'general' as const },
};

const DEFAULT_PAGE = 100;
const MAX_PAGE = 250;
const iso = (ms: number) => new Date(ms).toISOString();

export function requireList(store: HubStore, listId: string): StoredList {
  const list = store.lists.get(listId);
  if (!list) throw objectNotFound(`List ${listId} does not exist.`, { context: { listId: [listId] } });
  return list;
}

interface Member {
  id: string;
  addedAt: number;
}

/** Members that still exist, under their current ids (a merge re-points absorbed ids), in record id order. */
export function liveMembers(store: HubStore, list: StoredList): Member[] {
  const byId = new Map<string, number>();
  for (const [id, addedAt] of list.members) {
    const rec = store.byId(list.objectType, id);
    if (!rec || rec.archived) continue;
    byId.set(rec.id, Math.min(addedAt, byId.get(rec.id) ?? Infinity));
  }
  return [...byId].map(([id, addedAt]) => ({ id, addedAt })).sort((a, b) => Number(a.id) - Number(b.id));
}

export function listSummary(store: HubStore, list: StoredList): { size: number; lastAddedAt?: number } {
  const members = liveMembers(store, list);
  return { size: members.length, lastAddedAt: members.length > 0 ? Math.max(...members.map((m) => m.addedAt)) : undefined };
}

/** Record ids sent as a JSON array of strings or numbers. */
function idArray(raw: unknown, what: string): string[] {
  if (!Array.isArray(raw)) throw validationError(`${what} must be a JSON array of record ids`);
  return raw.map((v) => {
    if ((typeof v !== 'string' && typeof v !== 'number') || !/^\d+$/.test(String(v))) throw validationError(`${JSON.stringify(v)} is not a record id`);
    return String(v);
  });
}

/** Memberships change by hand only on MANUAL and SNAPSHOT lists. */
function requireStatic(list: StoredList): StoredList {
  if (list.processingType === 'DYNAMIC') throw validationError(`List ${list.listId} is DYNAMIC; its memberships cannot be changed by hand.`);
  return list;
}

const updateReply = (change: MembershipChange) => ({
  recordIdsRemoved: change.removed,
  // HubSpot's field name, typo included.
  recordsIdsAdded: change.added,
  recordIdsMissing: change.missing,
});

function liveId(store: HubStore, list: StoredList) {
  return (raw: string) => {
    const rec = store.byId(list.objectType, raw);
    return rec && !rec.archived ? rec.id : undefined;
  };
}

function removeIds(store: HubStore, list: StoredList, ids: string[], at: number): MembershipChange {
  const current = ids.map((raw) => (list.members.has(raw) ? raw : (store.byId(list.objectType, raw)?.id ?? raw)));
  return store.lists.remove(list, current, at);
}

/** `after` and `before` are opaque cursors over the ordered members; here they wrap an index. */
const encodeCursor = (index: number) => Buffer.from(String(index), 'utf8').toString('base64url');
function decodeCursor(raw: string): number {
  const text = /^[A-Za-z0-9_-]+$/.test(raw) ? Buffer.from(raw, 'base64url').toString('utf8') : '';
  if (!/^\d+$/.test(text)) throw validationError(`Invalid paging cursor: ${raw}`);
  return Number(text);
}

function page(req: EmuRequest, members: Member[]) {
  const rawLimit = req.query.get('limit');
  const limit = rawLimit ? Number(rawLimit) : DEFAULT_PAGE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw validationError(`limit must be between 1 and ${MAX_PAGE}, got ${rawLimit}`);
  const after = req.query.get('after');
  const before = req.query.get('before');
  const end = before ? Math.min(decodeCursor(before), members.length) : undefined;
  const start = end !== undefined ? Math.max(0, end - limit) : after ? decodeCursor(after) : 0;
  const stop = Math.min(end ?? start + limit, members.length);
  const body: Record<string, unknown> = {
    results: members.slice(start, stop).map((m) => ({ recordId: m.id, membershipTimestamp: iso(m.addedAt) })),
    total: members.length,
  };
  const paging: Record<string, unknown> = {};
  if (stop < members.length) paging.next = { after: encodeCursor(stop) };
  if (start > 0) paging.prev = { before: encodeCursor(start) };
  if (Object.keys(paging).length > 0) body.paging = paging;
  return body;
}

/** List memberships v3: add, remove, page through, and the lists a record belongs to. */
export function registerListMembershipRoutes(router: Router, ctx: ApiContext): void {
  const { store } = ctx;
  const base = '/crm/v3/lists/:listId/memberships';
  router
    .on(
      'PUT',
      `${base}/add`,
      guard(ctx, LIST_SCOPES.write, (req) => {
        const list = requireStatic(requireList(store, req.params.listId));
        return json(200, updateReply(store.lists.add(list, idArray(req.body, 'The body'), liveId(store, list), ctx.now())));
      }),
    )
    .on(
      'PUT',
      `${base}/remove`,
      guard(ctx, LIST_SCOPES.write, (req) => {
        const list = requireStatic(requireList(store, req.params.listId));
        return json(200, updateReply(removeIds(store, list, idArray(req.body, 'The body'), ctx.now())));
      }),
    )
    .on(
      'PUT',
      `${base}/add-and-remove`,
      guard(ctx, LIST_SCOPES.write, (req) => {
        const list = requireStatic(requireList(store, req.params.listId));
        const body = jsonObject(req);
        const removed = removeIds(store, list, idArray(body.recordIdsToRemove ?? [], 'recordIdsToRemove'), ctx.now());
        const added = store.lists.add(list, idArray(body.recordIdsToAdd ?? [], 'recordIdsToAdd'), liveId(store, list), ctx.now());
        return json(200, updateReply({ added: added.added, removed: removed.removed, missing: [...added.missing, ...removed.missing] }));
      }),
    )
    .on(
      'DELETE',
      base,
      guard(ctx, LIST_SCOPES.write, (req) => {
        const list = requireStatic(requireList(store, req.params.listId));
        store.lists.remove(list, [...list.members.keys()], ctx.now());
        return { status: 204 };
      }),
    )
    .on('GET', base, guard(ctx, LIST_SCOPES.read, (req) => json(200, page(req, liveMembers(store, requireList(store, req.params.listId))))))
    .on(
      'GET',
      `${base}/join-order`,
      guard(ctx, LIST_SCOPES.read, (req) => {
        const members = liveMembers(store, requireList(store, req.params.listId)).sort((a, b) => a.addedAt - b.addedAt || Number(a.id) - Number(b.id));
        return json(200, page(req, members));
      }),
    )
    .on(
      'GET',
      '/crm/v3/lists/records/:objectTypeId/:recordId/memberships',
      guard(ctx, LIST_SCOPES.read, (req) => {
        const type = resolveObjectType(req.params.objectTypeId);
        if (!type) throw validationError(`Unknown objectTypeId ${req.params.objectTypeId}`);
        const rec = store.byId(type, req.params.recordId);
        const results = store.lists
          .live()
          .filter((l) => l.objectType === type && rec !== undefined)
          .flatMap((l) => liveMembers(store, l).filter((m) => m.id === rec!.id).map((m) => ({ list: l, member: m })))
          .map(({ list, member }) => ({
            listId: list.listId,
            listVersion: list.listVersion,
            firstAddedTimestamp: iso(member.addedAt),
            lastAddedTimestamp: iso(member.addedAt),
          }));
        return json(200, { results, total: results.length });
      }),
    );
}
