import type { Ctx, Version } from './context';
import { ApiError, invalidV2 } from './errors';
import type { AnyRecord, DealRecord, EntityKind, OrganizationRecord, PersonRecord } from './model';

/** Searchable fields per entity, as the `fields` parameter names them. */
export const searchFields: Record<EntityKind, string[]> = {
  person: ['custom_fields', 'email', 'notes', 'phone', 'name'],
  organization: ['address', 'custom_fields', 'notes', 'name'],
  deal: ['custom_fields', 'notes', 'title'],
};

export interface SearchQuery {
  term: string;
  fields: string[];
  exactMatch: boolean;
}

export interface SearchHit {
  rec: AnyRecord;
  score: number;
  customMatches: string[];
}

export function readSearchQuery(version: Version, query: URLSearchParams, allowed: string[]): SearchQuery {
  const err = (m: string) => (version === 'v2' ? invalidV2(m) : new ApiError(400, m));
  const term = (query.get('term') ?? '').trim();
  const exactMatch = query.get('exact_match') === 'true' || query.get('exact_match') === '1';
  if (term.length < (exactMatch ? 1 : 2)) throw err('Search term must be at least 2 characters long (1 with exact_match)');
  const fields = query.get('fields') ? query.get('fields')!.split(',').map((f) => f.trim()) : allowed;
  const unknown = fields.filter((f) => !allowed.includes(f));
  if (unknown.length) throw err(`Unsupported search fields: ${unknown.join(', ')}`);
  return { term, fields, exactMatch };
}

const digits = (s: string) => s.replace(/\D/g, '');

function valuesOf(ctx: Ctx, kind: EntityKind, rec: AnyRecord, field: string): string[] {
  switch (field) {
    case 'name':
      return [(rec as PersonRecord | OrganizationRecord).name];
    case 'title':
      return [(rec as DealRecord).title];
    case 'email':
      return (rec as PersonRecord).emails.map((e) => e.value);
    case 'phone':
      return (rec as PersonRecord).phones.flatMap((e) => [e.value, digits(e.value)]);
    case 'address':
      return [(rec as OrganizationRecord).address?.value ?? ''];
    case 'custom_fields':
      return customStrings(ctx, kind, rec);
    default:
      return [];
  }
}

function customStrings(ctx: Ctx, kind: EntityKind, rec: AnyRecord): string[] {
  return ctx.fields
    .custom(kind)
    .filter((f) => !['enum', 'set', 'monetary', 'user', 'org', 'people'].includes(f.field_type))
    .map((f) => rec.custom[f.key])
    .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
    .map(String);
}

function score(value: string, q: SearchQuery): number {
  const v = value.toLowerCase();
  const t = q.term.toLowerCase();
  if (!v) return 0;
  if (v === t) return 1;
  if (q.exactMatch) return 0;
  if (v.startsWith(t)) return 0.6;
  return v.includes(t) ? 0.3 : 0;
}

/** Active records matching the query, best first. */
export function search(ctx: Ctx, kind: EntityKind, q: SearchQuery, filter: (rec: AnyRecord) => boolean = () => true): SearchHit[] {
  const hits: SearchHit[] = [];
  for (const rec of ctx.store.active(kind)) {
    if (!filter(rec)) continue;
    let best = 0;
    for (const field of q.fields) for (const v of valuesOf(ctx, kind, rec, field)) best = Math.max(best, score(v, q));
    if (best === 0) continue;
    const customMatches = q.fields.includes('custom_fields') ? customStrings(ctx, kind, rec).filter((v) => score(v, q) > 0) : [];
    hits.push({ rec, score: best, customMatches });
  }
  return hits.sort((a, b) => b.score - a.score || a.rec.id - b.rec.id);
}

function orgBrief(ctx: Ctx, id: number | null) {
  const org = id ? ctx.store.get('organization', id) : undefined;
  return org ? { id: org.id, name: org.name, address: org.address?.value ?? null } : null;
}

/** The `item` of one search result, shaped per entity type. */
export function searchItem(ctx: Ctx, kind: EntityKind, hit: SearchHit): Record<string, unknown> {
  const rec = hit.rec;
  const common = { visible_to: rec.visible_to, owner: { id: rec.owner_id }, custom_fields: hit.customMatches, notes: [] };
  if (kind === 'person') {
    const p = rec as PersonRecord;
    return { id: p.id, type: 'person', name: p.name, phones: p.phones.map((e) => e.value), emails: p.emails.map((e) => e.value), ...common, organization: orgBrief(ctx, p.org_id) };
  }
  if (kind === 'organization') {
    const o = rec as OrganizationRecord;
    return { id: o.id, type: 'organization', name: o.name, address: o.address?.value ?? null, ...common };
  }
  const d = rec as DealRecord;
  const stage = ctx.stages.find((s) => s.id === d.stage_id);
  const person = d.person_id ? ctx.store.get('person', d.person_id) : undefined;
  return {
    id: d.id,
    type: 'deal',
    title: d.title,
    value: d.value,
    currency: d.currency,
    status: d.status,
    ...common,
    stage: stage ? { id: stage.id, name: stage.name } : null,
    person: person ? { id: person.id, name: person.name } : null,
    organization: orgBrief(ctx, d.org_id),
  };
}
