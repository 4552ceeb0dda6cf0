import type { EmuRequest, Router } from '../common/http';
import type { Ctx } from './context';
import { newRecord } from './defaults';
import { invalidV2 } from './errors';
import type { Guard } from './guard';
import { parseBody } from './input-entities';
import { entityInfo, entityKinds, type AnyRecord, type DealRecord, type EntityKind, type PersonRecord } from './model';
import { cursorPage } from './paging';
import { ok, recordParam } from './reply';
import { itemSearchHits, searchFilter } from './routes-v1';
import { readSearchQuery, search, searchFields, searchItem } from './search';
import { parseRfc3339 } from './time';
import { toV2, type V2ViewOptions } from './view-v2';

/** API v2 persons, organizations and deals: cursor lists, get, create, PATCH, delete, search; plus itemSearch. */
export function registerV2Entities(router: Router, ctx: Ctx, guard: Guard, prefix: string): void {
  router.on('GET', `${prefix}/itemSearch`, guard((req) => itemSearchV2(ctx, req), { search: true }));
  router.on('GET', `${prefix}/deals/archived`, guard((req) => listV2(ctx, 'deal', req, true)));
  for (const kind of entityKinds) {
    const base = `${prefix}/${entityInfo[kind].plural}`;
    router
      .on('GET', `${base}/search`, guard((req) => searchV2(ctx, kind, req), { search: true }))
      .on('GET', base, guard((req) => listV2(ctx, kind, req, false)))
      .on('POST', base, guard((req) => createV2(ctx, kind, req)))
      .on('GET', `${base}/:id`, guard((req) => getV2(ctx, kind, req)))
      .on('PATCH', `${base}/:id`, guard((req) => updateV2(ctx, kind, req)))
      .on('DELETE', `${base}/:id`, guard((req) => deleteV2(ctx, kind, req)));
  }
}

function viewOptions(query: URLSearchParams): V2ViewOptions {
  const keys = query.get('custom_fields')?.split(',').filter(Boolean);
  if (keys && keys.length > 15) throw invalidV2('custom_fields accepts at most 15 keys');
  return { customKeys: keys, optionLabels: query.get('include_option_labels') === 'true', include: query.get('include_fields')?.split(',') };
}

function timeParam(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const ms = parseRfc3339(raw);
  if (ms === undefined) throw invalidV2(`${name} is not a valid datetime (RFC 3339, whole seconds, e.g. 2025-01-01T10:20:00Z)`);
  return ms;
}

function idList(query: URLSearchParams): number[] | undefined {
  const raw = query.get('ids');
  if (!raw) return undefined;
  const ids = raw.split(',').map(Number);
  if (ids.length > 100 || !ids.every(Number.isInteger)) throw invalidV2('ids must be at most 100 comma-separated integers');
  return ids;
}

/** Filters every v2 list shares, plus the deal-only ones. */
function listFilter(kind: EntityKind, query: URLSearchParams, archived: boolean): (rec: AnyRecord) => boolean {
  const ids = idList(query);
  const since = timeParam(query, 'updated_since');
  const until = timeParam(query, 'updated_until');
  const num = (name: string) => (query.get(name) === null ? undefined : Number(query.get(name)));
  const [owner, org, person, stage, pipeline] = ['owner_id', 'org_id', 'person_id', 'stage_id', 'pipeline_id'].map(num);
  const statuses = query.get('status')?.split(',');
  return (rec) => {
    if (ids && !ids.includes(rec.id)) return false;
    if (since !== undefined && rec.update_time < since) return false;
    if (until !== undefined && rec.update_time >= until) return false;
    if (owner !== undefined && rec.owner_id !== owner) return false;
    if (org !== undefined && (rec as PersonRecord | DealRecord).org_id !== org) return false;
    if (kind !== 'deal') return rec.delete_time === null;
    const d = rec as DealRecord;
    if (d.is_archived !== archived) return false;
    if (person !== undefined && d.person_id !== person) return false;
    if (stage !== undefined && d.stage_id !== stage) return false;
    if (pipeline !== undefined && d.pipeline_id !== pipeline) return false;
    const status = d.delete_time === null ? d.status : 'deleted';
    return statuses ? statuses.includes(status) : status !== 'deleted';
  };
}

function listV2(ctx: Ctx, kind: EntityKind, req: EmuRequest, archived: boolean) {
  const sortBy = req.query.get('sort_by') ?? 'id';
  const direction = req.query.get('sort_direction') ?? 'asc';
  if (!['id', 'update_time', 'add_time'].includes(sortBy)) throw invalidV2('sort_by must be one of id, update_time, add_time');
  if (direction !== 'asc' && direction !== 'desc') throw invalidV2('sort_direction must be asc or desc');
  const key = (r: AnyRecord) => r[sortBy as 'id' | 'update_time' | 'add_time'];
  const sign = direction === 'asc' ? 1 : -1;
  const recs = ctx.store
    .all(kind)
    .filter(listFilter(kind, req.query, archived))
    .sort((a, b) => (key(a) - key(b) || a.id - b.id) * sign);
  const opts = viewOptions(req.query);
  const page = cursorPage(recs, req.query, key, direction);
  return ok(
    page.items.map((r) => toV2(ctx, kind, r, opts)),
    { additional_data: { next_cursor: page.next_cursor } },
  );
}

function getV2(ctx: Ctx, kind: EntityKind, req: EmuRequest) {
  return ok(toV2(ctx, kind, recordParam(ctx, kind, req.params.id), viewOptions(req.query)));
}

function createV2(ctx: Ctx, kind: EntityKind, req: EmuRequest) {
  const rec = ctx.store.insert(kind, newRecord(ctx, kind, parseBody(ctx, kind, 'v2', req.body)));
  return ok(toV2(ctx, kind, rec));
}

function updateV2(ctx: Ctx, kind: EntityKind, req: EmuRequest) {
  const existing = recordParam(ctx, kind, req.params.id, true);
  const rec = ctx.store.update(kind, existing.id, parseBody(ctx, kind, 'v2', req.body, existing));
  return ok(toV2(ctx, kind, rec));
}

function deleteV2(ctx: Ctx, kind: EntityKind, req: EmuRequest) {
  const rec = recordParam(ctx, kind, req.params.id, true);
  ctx.store.softDelete(kind, rec.id);
  return ok({ id: rec.id });
}

/** Search results ranked, then cut into cursor pages by rank. */
function rankedPage<T>(ranked: T[], query: URLSearchParams) {
  const rows = ranked.map((value, rank) => ({ id: rank, value }));
  const page = cursorPage(rows, query, (r) => r.id, 'asc');
  return { items: page.items.map((r) => r.value), next_cursor: page.next_cursor };
}

function searchV2(ctx: Ctx, kind: EntityKind, req: EmuRequest) {
  const q = readSearchQuery('v2', req.query, searchFields[kind]);
  const page = rankedPage(search(ctx, kind, q, searchFilter(kind, req.query)), req.query);
  const items = page.items.map((h) => ({ result_score: h.score, item: searchItem(ctx, kind, h) }));
  return ok({ items }, { additional_data: { next_cursor: page.next_cursor } });
}

function itemSearchV2(ctx: Ctx, req: EmuRequest) {
  const page = rankedPage(itemSearchHits(ctx, 'v2', req.query), req.query);
  const items = page.items.map(({ kind, hit }) => ({ result_score: hit.score, item: searchItem(ctx, kind, hit) }));
  return ok({ items, related_items: [] }, { additional_data: { next_cursor: page.next_cursor } });
}
