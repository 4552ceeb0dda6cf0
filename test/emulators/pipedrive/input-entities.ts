import type { Ctx, Version } from './context';
import { ApiError } from './errors';
import { defined, readContacts, readCustom, readLink, readOwner, readTime, readVisibleTo } from './input-shared';
import type { Address, DealRecord, DealStatus, EntityKind, OrganizationRecord, Patch, PersonRecord, RecordOf } from './model';
import { BodyReader } from './reader';
import { isDate } from './time';

type Parser<K extends EntityKind> = (ctx: Ctx, r: BodyReader, existing: RecordOf[K] | undefined) => Patch<K>;

/** Turns a create (no `existing`) or update body into a patch, validated as Pipedrive validates it. */
export function parseBody<K extends EntityKind>(ctx: Ctx, kind: K, version: Version, body: unknown, existing?: RecordOf[K]): Patch<K> {
  const parser = parsers[kind] as unknown as Parser<K>;
  return parser(ctx, new BodyReader(version, body), existing);
}

const parsers: { [K in EntityKind]: Parser<K> } = { person: parsePerson, organization: parseOrganization, deal: parseDeal };

function required(r: BodyReader, key: string, message: string, creating: boolean): string | undefined {
  const v = r.string(key);
  if (v === undefined && !creating) return undefined;
  if (v === undefined || v === null || v.trim() === '') throw r.version === 'v2' ? r.error(message) : new ApiError(400, message);
  return v.trim();
}

function readLabels(r: BodyReader): number[] | undefined {
  if (r.has('label_ids')) return r.intArray('label_ids');
  if (r.version === 'v1' && r.has('label')) {
    const one = r.int('label');
    return one === null || one === undefined ? [] : [one];
  }
  return undefined;
}

function mergeCustom<K extends EntityKind>(ctx: Ctx, kind: K, r: BodyReader, existing: RecordOf[K] | undefined) {
  const incoming = readCustom(ctx, kind, r);
  if (!incoming) return undefined;
  const merged = { ...(existing?.custom ?? {}), ...incoming };
  return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== null));
}

function parsePerson(ctx: Ctx, r: BodyReader, existing: PersonRecord | undefined): Patch<'person'> {
  const v1 = r.version === 'v1';
  const first = r.string('first_name');
  const last = r.string('last_name');
  const hasParts = first !== undefined || last !== undefined;
  let name = hasParts && !r.has('name') ? undefined : required(r, 'name', 'Name must be given.', !existing && !hasParts);
  let names: Partial<PersonRecord> = {};
  if (name !== undefined) {
    const [head, ...rest] = name.split(/\s+/);
    names = { name, first_name: first ?? head, last_name: last ?? (rest.join(' ') || null) };
  } else if (hasParts) {
    const f = first !== undefined ? first : (existing?.first_name ?? null);
    const l = last !== undefined ? last : (existing?.last_name ?? null);
    name = [f, l].filter(Boolean).join(' ');
    if (!name) throw new ApiError(400, 'Name must be given.');
    names = { name, first_name: f, last_name: l };
  }
  const marketing = r.string('marketing_status');
  if (marketing && !['no_consent', 'unsubscribed', 'subscribed', 'archived'].includes(marketing)) {
    throw r.error(`marketing_status must be one of no_consent, unsubscribed, subscribed, archived`);
  }
  return defined({
    ...names,
    owner_id: readOwner(ctx, r, 'owner_id'),
    org_id: readLink(ctx, r, 'org_id', 'organization', 'Organization'),
    emails: readContacts(r, v1 ? 'email' : 'emails'),
    phones: readContacts(r, v1 ? 'phone' : 'phones'),
    visible_to: readVisibleTo(r),
    label_ids: readLabels(r),
    marketing_status: marketing,
    add_time: existing ? undefined : (readTime(r, 'add_time') ?? undefined),
    custom: mergeCustom(ctx, 'person', r, existing),
  });
}

function readAddress(r: BodyReader): Address | null | undefined {
  const raw = r.raw('address');
  if (raw === undefined) return undefined;
  if (raw === null || raw === '') return null;
  if (r.version === 'v1' && typeof raw === 'string') return { value: raw };
  const a = raw as Record<string, unknown>;
  if (typeof a !== 'object' || typeof a.value !== 'string') throw r.error('address must be an object with a string value');
  return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v === null ? null : String(v)])) as Address;
}

function parseOrganization(ctx: Ctx, r: BodyReader, existing: OrganizationRecord | undefined): Patch<'organization'> {
  return defined({
    name: required(r, 'name', 'Name must be given.', !existing),
    owner_id: readOwner(ctx, r, 'owner_id'),
    address: readAddress(r),
    visible_to: readVisibleTo(r),
    label_ids: readLabels(r),
    add_time: existing ? undefined : (readTime(r, 'add_time') ?? undefined),
    custom: mergeCustom(ctx, 'organization', r, existing),
  });
}

function readStage(ctx: Ctx, r: BodyReader, existing: DealRecord | undefined): Pick<DealRecord, 'stage_id' | 'pipeline_id'> | undefined {
  const stageId = r.int('stage_id');
  const pipelineId = r.int(r.version === 'v1' && r.has('pipeline') ? 'pipeline' : 'pipeline_id');
  if (stageId === undefined && pipelineId === undefined && existing) return undefined;
  if (stageId !== undefined && stageId !== null) {
    const stage = ctx.stages.find((s) => s.id === stageId);
    if (!stage) throw r.error(`Stage with id ${stageId} not found`);
    if (pipelineId && pipelineId !== stage.pipeline_id) throw r.error(`Stage ${stageId} does not belong to pipeline ${pipelineId}`);
    return { stage_id: stage.id, pipeline_id: stage.pipeline_id };
  }
  const pipeline = pipelineId ? ctx.pipelines.find((p) => p.id === pipelineId) : ctx.pipelines[0];
  if (!pipeline) throw r.error(`Pipeline with id ${pipelineId} not found`);
  const first = ctx.stages.filter((s) => s.pipeline_id === pipeline.id).sort((a, b) => a.order_nr - b.order_nr)[0];
  return { stage_id: first.id, pipeline_id: pipeline.id };
}

/** Status changes stamp won/lost/close times the way Pipedrive does. */
function statusFields(ctx: Ctx, r: BodyReader, existing: DealRecord | undefined): Partial<DealRecord> {
  const status = r.string('status');
  if (status !== undefined && status !== null && !['open', 'won', 'lost'].includes(status)) {
    throw r.error(`status must be one of open, won, lost`);
  }
  const final = (status ?? existing?.status ?? 'open') as DealStatus;
  const lostReason = r.string('lost_reason');
  if (lostReason && final !== 'lost' && r.version === 'v2') throw r.error('lost_reason can only be set if deal status is lost');
  const out: Partial<DealRecord> = {};
  if (lostReason !== undefined && final === 'lost') out.lost_reason = lostReason;
  if (status === undefined || status === null || status === existing?.status) return out;
  const stamp = ctx.store.stamp();
  out.status = final;
  out.won_time = final === 'won' ? stamp : null;
  out.lost_time = final === 'lost' ? stamp : null;
  out.close_time = final === 'open' ? null : stamp;
  if (final !== 'lost') out.lost_reason = null;
  return out;
}

function parseDeal(ctx: Ctx, r: BodyReader, existing: DealRecord | undefined): Patch<'deal'> {
  const stage = readStage(ctx, r, existing);
  const stageChanged = stage && stage.stage_id !== existing?.stage_id;
  const probability = r.number('probability');
  if (probability !== undefined && probability !== null && (probability < 0 || probability > 100)) throw r.error('probability must be between 0 and 100');
  const expected = r.string('expected_close_date');
  if (expected && !isDate(expected)) throw r.error('expected_close_date must be a YYYY-MM-DD date');
  const currency = r.string('currency');
  if (currency !== undefined && currency !== null && !/^[A-Z]{3}$/.test(currency)) throw r.error('currency must be a 3-letter code');
  const archived = r.version === 'v2' ? r.bool('is_archived') : undefined;
  return defined({
    title: required(r, 'title', 'Title must be given.', !existing),
    value: r.number('value') ?? undefined,
    currency: currency ?? undefined,
    owner_id: readOwner(ctx, r, r.version === 'v1' ? 'user_id' : 'owner_id'),
    person_id: readLink(ctx, r, 'person_id', 'person', 'Person'),
    org_id: readLink(ctx, r, 'org_id', 'organization', 'Organization'),
    ...stage,
    stage_change_time: stageChanged && existing ? ctx.store.stamp() : undefined,
    ...statusFields(ctx, r, existing),
    probability,
    expected_close_date: expected,
    visible_to: readVisibleTo(r),
    label_ids: readLabels(r),
    is_archived: archived,
    archive_time: archived === undefined ? undefined : archived ? ctx.store.stamp() : null,
    add_time: existing ? undefined : (readTime(r, 'add_time') ?? undefined),
    custom: mergeCustom(ctx, 'deal', r, existing),
  });
}
