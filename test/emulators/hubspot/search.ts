import { json, type Router } from '../common/http';
import { guard, jsonObject, objectTypeParam, scopeByParam, type ApiContext } from './api';
import { validationError } from './errors';
import { objectTypeInfo, type ObjectType } from './object-types';
import { searchCache } from './search-cache';
import { compareSortKeys, compileFilter, sortKeyReader, type Predicate } from './search-filters';
import { toApiObject } from './serialize';
import type { HubStore, StoredRecord } from './store';

/** Limits from HubSpot's search guide. */
export const SEARCH_LIMITS = {
  maxFilterGroups: 5,
  maxFiltersPerGroup: 6,
  maxFilters: 18,
  maxLimit: 200,
  defaultLimit: 10,
  maxResults: 10_000,
  maxQueryLength: 3_000,
  maxSorts: 1,
};

const asArray = (v: unknown, what: string): unknown[] => {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw validationError(`${what} must be an array`);
  return v;
};

/** filterGroups are OR'ed, the filters inside one group AND'ed. */
function compileGroups(store: HubStore, type: ObjectType, raw: unknown): Predicate {
  const groups = asArray(raw, 'filterGroups');
  if (groups.length > SEARCH_LIMITS.maxFilterGroups) {
    throw validationError(`Too many filter groups: ${groups.length}. A search may use at most ${SEARCH_LIMITS.maxFilterGroups} filterGroups.`);
  }
  let total = 0;
  const compiled = groups.map((group) => {
    const filters = asArray((group as { filters?: unknown })?.filters, 'filters');
    if (filters.length > SEARCH_LIMITS.maxFiltersPerGroup) {
      throw validationError(`Too many filters in a filter group: ${filters.length}. A filterGroup may hold at most ${SEARCH_LIMITS.maxFiltersPerGroup} filters.`);
    }
    total += filters.length;
    const predicates = filters.map((f) => compileFilter(store, type, f));
    return (rec: StoredRecord) => predicates.every((p) => p(rec));
  });
  if (total > SEARCH_LIMITS.maxFilters) {
    throw validationError(`Too many filters: ${total}. A search may use at most ${SEARCH_LIMITS.maxFilters} filters in all.`);
  }
  return compiled.length === 0 ? () => true : (rec) => compiled.some((g) => g(rec));
}

/** Free-text `query`: every word must start a word of one of the object's searchable properties. */
function compileQuery(type: ObjectType, raw: unknown): Predicate {
  if (raw === undefined || raw === null || raw === '') return () => true;
  if (typeof raw !== 'string') throw validationError('query must be a string');
  if (raw.length > SEARCH_LIMITS.maxQueryLength) throw validationError(`query may be at most ${SEARCH_LIMITS.maxQueryLength} characters`);
  const words = raw.toLowerCase().split(/\s+/).filter(Boolean);
  const fields = objectTypeInfo(type).searchableByQuery;
  return (rec) => {
    const haystack = fields.map((f) => rec.properties[f]?.toLowerCase() ?? '').join(' ');
    return words.every((w) => haystack.includes(w));
  };
}

type Sorter = (recs: StoredRecord[]) => StoredRecord[];

/** Sorts by precomputed keys so each record's value is read once, not once per comparison. */
function sortByKey(read: (rec: StoredRecord) => number | string | undefined, descending: boolean): Sorter {
  return (recs) =>
    recs
      .map((rec) => ({ rec, key: read(rec), id: Number(rec.id) }))
      .sort((a, b) => compareSortKeys(a.key, b.key, descending) || a.id - b.id)
      .map((d) => d.rec);
}

/** One sort rule, as a "-name"/"name" string or `{ propertyName, direction }`; default is oldest first. */
function compileSort(store: HubStore, type: ObjectType, raw: unknown): Sorter {
  const sorts = asArray(raw, 'sorts');
  if (sorts.length > SEARCH_LIMITS.maxSorts) throw validationError(`Only ${SEARCH_LIMITS.maxSorts} sort is supported per search.`);
  if (sorts.length === 0) return sortByKey((rec) => rec.createdAt, false);
  const rule = sorts[0];
  let name: string;
  let descending: boolean;
  if (typeof rule === 'string') {
    descending = rule.startsWith('-');
    name = descending ? rule.slice(1) : rule;
  } else {
    const r = (rule ?? {}) as { propertyName?: unknown; direction?: unknown };
    name = typeof r.propertyName === 'string' ? r.propertyName : '';
    descending = String(r.direction ?? 'ASCENDING').toUpperCase() === 'DESCENDING';
  }
  return sortByKey(sortKeyReader(store, type, name), descending);
}

function parseLimit(raw: unknown): number {
  if (raw === undefined || raw === null) return SEARCH_LIMITS.defaultLimit;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > SEARCH_LIMITS.maxLimit) {
    throw validationError(`limit must be between 0 and ${SEARCH_LIMITS.maxLimit}, got ${String(raw)}`);
  }
  return n;
}

/** `after` is an offset sent as a string; the 10,000-result window cannot be paged past. */
function parseAfter(raw: unknown): number {
  if (raw === undefined || raw === null || raw === '') return 0;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw validationError(`after must be a non-negative integer offset, got ${String(raw)}`);
  if (n >= SEARCH_LIMITS.maxResults) {
    throw validationError(`Search results are limited to ${SEARCH_LIMITS.maxResults} in total; after=${n} pages past that limit.`, {
      context: { after: [String(n)] },
    });
  }
  return n;
}

function search(store: HubStore, type: ObjectType, body: Record<string, unknown>) {
  const matches = compileGroups(store, type, body.filterGroups);
  const query = compileQuery(type, body.query);
  const order = compileSort(store, type, body.sorts);
  const limit = parseLimit(body.limit);
  const after = parseAfter(body.after);
  const properties = Array.isArray(body.properties) ? (body.properties as unknown[]).filter((p): p is string => typeof p === 'string') : undefined;
  const key = JSON.stringify([type, body.filterGroups ?? null, body.query ?? null, body.sorts ?? null]);
  const hits = searchCache(store).hits(store, key, () => order(store.scan(type).filter((r) => matches(r) && query(r))));
  const end = Math.min(after + limit, SEARCH_LIMITS.maxResults);
  const page = hits.slice(after, end);
  const result: Record<string, unknown> = { total: hits.length, results: page.map((r) => toApiObject(store, r, { properties })) };
  // limit 0 only asks for the total; a next page pointing at the same offset would never end.
  if (limit > 0 && end < hits.length) result.paging = { next: { after: String(end) } };
  return result;
}

/** POST /crm/v3/objects/{objectType}/search under the separate per-account search limit. */
export function registerSearchRoutes(router: Router, ctx: ApiContext): void {
  router.on(
    'POST',
    '/crm/v3/objects/:objectType/search',
    guard(ctx, { scopes: scopeByParam('read'), limit: 'search' }, (req) => json(200, search(ctx.store, objectTypeParam(req.params), jsonObject(req)))),
  );
}
