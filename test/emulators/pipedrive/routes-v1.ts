import type { EmuRequest, Router } from '../common/http';
import type { Ctx } from './context';
import { newRecord } from './defaults';
import { ApiError } from './errors';
import type { Guard } from './guard';
import { parseBody } from './input-entities';
import { entityInfo, entityKinds, type AnyRecord, type DealRecord, type EntityKind, type PersonRecord } from './model';
import { offsetPage } from './paging';
import { ok, recordParam } from './reply';
import { readSearchQuery, search, searchFields, searchItem, type SearchHit } from './search';
import { relatedObjects, toV1 } from './view-v1';

/** API v1 persons, organizations and deals: list, get, create, update, delete, search; plus itemSearch. */
export function registerV1Entities(router: Router, ctx: Ctx, guard: Guard, prefix: string): void {
  router.on('GET', `${prefix}/itemSearch`, guard((req) => itemSearchV1(ctx, req), { search: true }));
  for (const kind of entityKinds) {
    const base = `${prefix}/${entityInfo[kind].plural}`;
    router
      .on('GET', `${base}/search`, guard((req) => searchV1(ctx, kind, req), { search: true }))
      .on('GET', base, guard((req) => listV1(ctx, kind, req)))
      .on('POST', base, guard((req) => createV1(ctx, kind, req)))
      .on('GET', `${base}/:id`, guard((req) => getV1(ctx, kind, req)))
      .on('PUT', `${base}/:id`, guard((req) => updateV1(ctx, kind, req)))
      .on('DELETE', `${base}/:id`, guard((req) => deleteV1(ctx, kind, req)));
  }
}

/** `sort=update_time DESC, id ASC` over first-level fields. */
function sortV1(recs: AnyRecord[], sort: string | null): AnyRecord[] {
  if (!sort) return recs;
  const keys = sort.split(',').map((part) => {
    const [field, dir = 'ASC'] = part.trim().split(/\s+/);
    if (!field || !(field in recs[0]! || ['id', 'name', 'title', 'add_time', 'update_time', 'value'].includes(field))) {
      throw new ApiError(400, `Invalid sort field: ${field}`);
    }
    return { field, sign: dir.toUpperCase() === 'DESC' ? -1 : 1 };
  });
  const get = (r: AnyRecord, f: string) => (r as unknown as Record<string, unknown>)[f] as string | number | null;
  return [...recs].sort((a, b) => {
    for (const { field, sign } of keys) {
      const x = get(a, field) ?? '';
      const y = get(b, field) ?? '';
      if (x !== y) return (x > y ? 1 : -1) * sign;
    }
    return a.id - b.id;
  });
}

function dealFilter(req: EmuRequest): (d: DealRecord) => boolean {
  const status = req.query.get('status') ?? 'all_not_deleted';
  const stage = req.query.get('stage_id');
  const user = req.query.get('user_id');
  return (d) => {
    if (d.is_archived) return false;
    const deleted = d.delete_time !== null;
    if (status === 'deleted' ? !deleted : deleted) return false;
    if (!['deleted', 'all_not_deleted'].includes(status) && d.status !== status) return false;
    if (stage && d.stage_id !== Number(stage)) return false;
    return !user || d.owner_id === Number(user);
  };
}

function listV1(ctx: Ctx, kind: EntityKind, req: EmuRequest) {
  let recs: AnyRecord[] = kind === 'deal' ? ctx.store.all('deal').filter(dealFilter(req)) : ctx.store.active(kind);
  const firstChar = req.query.get('first_char');
  if (firstChar && kind !== 'deal') recs = recs.filter((r) => (r as PersonRecord).name.charAt(0).toLowerCase() === firstChar.toLowerCase());
  if (recs.length) recs = sortV1(recs, req.query.get('sort'));
  const page = offsetPage(recs, req.query);
  // v1 answers an empty collection with data: null.
  const data = page.items.length ? page.items.map((r) => toV1(ctx, kind, r)) : null;
  return ok(data, { additional_data: { pagination: page.pagination }, related_objects: relatedObjects(ctx, kind, page.items) });
}

function getV1(ctx: Ctx, kind: EntityKind, req: EmuRequest) {
  const rec = recordParam(ctx, kind, req.params.id);
  return ok(toV1(ctx, kind, rec), { additional_data: {}, related_objects: relatedObjects(ctx, kind, [rec]) });
}

function createV1(ctx: Ctx, kind: EntityKind, req: EmuRequest) {
  const patch = parseBody(ctx, kind, 'v1', req.body);
  const rec = ctx.store.insert(kind, newRecord(ctx, kind, patch));
  return ok(toV1(ctx, kind, rec), { related_objects: relatedObjects(ctx, kind, [rec]) }, 201);
}

function updateV1(ctx: Ctx, kind: EntityKind, req: EmuRequest) {
  const existing = recordParam(ctx, kind, req.params.id, true);
  const rec = ctx.store.update(kind, existing.id, parseBody(ctx, kind, 'v1', req.body, existing));
  return ok(toV1(ctx, kind, rec), { related_objects: relatedObjects(ctx, kind, [rec]) });
}

function deleteV1(ctx: Ctx, kind: EntityKind, req: EmuRequest) {
  const rec = recordParam(ctx, kind, req.params.id, true);
  ctx.store.softDelete(kind, rec.id);
  return ok({ id: rec.id });
}

/** Optional narrowing parameters of the per-entity search endpoints. */
export function searchFilter(kind: EntityKind, query: URLSearchParams): (rec: AnyRecord) => boolean {
  const org = query.get('organization_id');
  const person = query.get('person_id');
  const status = query.get('status');
  return (rec) => {
    if (org && (rec as PersonRecord | DealRecord).org_id !== Number(org)) return false;
    if (kind === 'deal' && person && (rec as DealRecord).person_id !== Number(person)) return false;
    return !(kind === 'deal' && status && (rec as DealRecord).status !== status);
  };
}

function searchV1(ctx: Ctx, kind: EntityKind, req: EmuRequest) {
  const q = readSearchQuery('v1', req.query, searchFields[kind]);
  const page = offsetPage(search(ctx, kind, q, searchFilter(kind, req.query)), req.query);
  const items = page.items.map((h) => ({ result_score: h.score, item: searchItem(ctx, kind, h) }));
  return ok({ items }, { additional_data: { pagination: page.pagination } });
}

/** Hits across entity types, each type searched on the requested fields it has. */
export function itemSearchHits(ctx: Ctx, version: 'v1' | 'v2', query: URLSearchParams): { kind: EntityKind; hit: SearchHit }[] {
  const types = (query.get('item_types') ?? 'deal,person,organization').split(',').map((t) => t.trim());
  const allFields = [...new Set(Object.values(searchFields).flat())];
  const q = readSearchQuery(version, query, allFields);
  const all: { kind: EntityKind; hit: SearchHit }[] = [];
  for (const kind of entityKinds.filter((k) => types.includes(k))) {
    const fields = q.fields.filter((f) => searchFields[kind].includes(f));
    if (fields.length) all.push(...search(ctx, kind, { ...q, fields }).map((hit) => ({ kind, hit })));
  }
  return all.sort((a, b) => b.hit.score - a.hit.score);
}

function itemSearchV1(ctx: Ctx, req: EmuRequest) {
  const page = offsetPage(itemSearchHits(ctx, 'v1', req.query), req.query);
  const items = page.items.map(({ kind, hit }) => ({ result_score: hit.score, item: searchItem(ctx, kind, hit) }));
  return ok({ items, related_items: [] }, { additional_data: { pagination: page.pagination } });
}
