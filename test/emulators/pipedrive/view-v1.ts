import type { Ctx } from './context';
import { customToV1 } from './custom-values';
import type { AnyRecord, ContactPoint, DealRecord, EntityKind, OrganizationRecord, PersonRecord, RecordOf } from './model';
import { formatV1 } from './time';

/** Records as API v1 answers them: linked ids expanded into objects, custom values at the top level. */
export function toV1<K extends EntityKind>(ctx: Ctx, kind: K, rec: RecordOf[K]): Record<string, unknown> {
  if (kind === 'person') return personV1(ctx, rec as PersonRecord);
  if (kind === 'organization') return organizationV1(ctx, rec as OrganizationRecord);
  return dealV1(ctx, rec as DealRecord);
}

const ccEmail = (ctx: Ctx) => `${ctx.company.domain}@pipedrivemail.com`;

function customV1(ctx: Ctx, kind: EntityKind, rec: AnyRecord): Record<string, unknown> {
  return Object.assign({}, ...ctx.fields.custom(kind).map((f) => customToV1(f, rec.custom[f.key])));
}

/** v1 answers a person without emails or phones with one empty primary entry. */
const points = (list: ContactPoint[]) => (list.length ? list.map((p) => ({ label: p.label, value: p.value, primary: p.primary })) : [{ value: '', primary: true }]);

export function userRef(ctx: Ctx, id: number) {
  const u = ctx.users.find((x) => x.id === id);
  return { id, name: u?.name ?? '', email: u?.email ?? '', has_pic: 0, pic_hash: null, active_flag: true, value: id };
}

function orgRef(ctx: Ctx, id: number | null) {
  const org = id === null ? undefined : ctx.store.get('organization', id);
  if (!org) return null;
  const people = ctx.store.active('person').filter((p) => p.org_id === org.id).length;
  return { name: org.name, people_count: people, owner_id: org.owner_id, address: org.address?.value ?? null, active_flag: org.delete_time === null, cc_email: ccEmail(ctx), value: org.id };
}

function personRef(ctx: Ctx, id: number | null) {
  const p = id === null ? undefined : ctx.store.get('person', id);
  if (!p) return null;
  return { active_flag: p.delete_time === null, name: p.name, email: points(p.emails), phone: points(p.phones), owner_id: p.owner_id, value: p.id };
}

/** Deal counters persons and organizations carry in v1. */
function dealCounts(ctx: Ctx, match: (d: DealRecord) => boolean) {
  const deals = ctx.store.active('deal').filter(match);
  const count = (s: string) => deals.filter((d) => d.status === s).length;
  return {
    open_deals_count: count('open'),
    related_open_deals_count: 0,
    closed_deals_count: count('won') + count('lost'),
    related_closed_deals_count: 0,
    won_deals_count: count('won'),
    related_won_deals_count: 0,
    lost_deals_count: count('lost'),
    related_lost_deals_count: 0,
  };
}

const activityBlanks = {
  email_messages_count: 0,
  activities_count: 0,
  done_activities_count: 0,
  undone_activities_count: 0,
  files_count: 0,
  notes_count: 0,
  followers_count: 1,
  next_activity_date: null,
  next_activity_time: null,
  next_activity_id: null,
  last_activity_id: null,
  last_activity_date: null,
  last_incoming_mail_time: null,
  last_outgoing_mail_time: null,
};

function times(rec: AnyRecord) {
  return { add_time: formatV1(rec.add_time), update_time: formatV1(rec.update_time), delete_time: formatV1(rec.delete_time) };
}

function personV1(ctx: Ctx, p: PersonRecord): Record<string, unknown> {
  const org = ctx.store.get('organization', p.org_id ?? 0);
  return {
    id: p.id,
    company_id: ctx.company.id,
    owner_id: userRef(ctx, p.owner_id),
    org_id: orgRef(ctx, p.org_id),
    name: p.name,
    first_name: p.first_name,
    last_name: p.last_name,
    ...dealCounts(ctx, (d) => d.person_id === p.id),
    participant_open_deals_count: 0,
    participant_closed_deals_count: 0,
    ...activityBlanks,
    active_flag: p.delete_time === null,
    phone: points(p.phones),
    email: points(p.emails),
    first_char: p.name.charAt(0).toLowerCase(),
    ...times(p),
    visible_to: String(p.visible_to),
    picture_id: null,
    label: p.label_ids[0] ?? null,
    label_ids: p.label_ids,
    ...(p.marketing_status ? { marketing_status: p.marketing_status } : {}),
    org_name: org?.name ?? null,
    owner_name: userRef(ctx, p.owner_id).name,
    cc_email: ccEmail(ctx),
    ...customV1(ctx, 'person', p),
  };
}

const addressParts = ['subpremise', 'street_number', 'route', 'sublocality', 'locality', 'admin_area_level_1', 'admin_area_level_2', 'country', 'postal_code', 'formatted_address'];

function organizationV1(ctx: Ctx, o: OrganizationRecord): Record<string, unknown> {
  return {
    id: o.id,
    company_id: ctx.company.id,
    owner_id: userRef(ctx, o.owner_id),
    name: o.name,
    ...dealCounts(ctx, (d) => d.org_id === o.id),
    people_count: ctx.store.active('person').filter((p) => p.org_id === o.id).length,
    ...activityBlanks,
    active_flag: o.delete_time === null,
    first_char: o.name.charAt(0).toLowerCase(),
    ...times(o),
    visible_to: String(o.visible_to),
    label: o.label_ids[0] ?? null,
    label_ids: o.label_ids,
    address: o.address?.value ?? null,
    ...Object.fromEntries(addressParts.map((k) => [`address_${k}`, o.address?.[k] ?? null])),
    owner_name: userRef(ctx, o.owner_id).name,
    cc_email: ccEmail(ctx),
    ...customV1(ctx, 'organization', o),
  };
}

function money(value: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: Number.isInteger(value) ? 0 : 2 }).format(value);
  } catch {
    return `${value} ${currency}`;
  }
}

function dealV1(ctx: Ctx, d: DealRecord): Record<string, unknown> {
  const stage = ctx.stages.find((s) => s.id === d.stage_id);
  const probability = d.probability ?? stage?.deal_probability ?? 100;
  const weighted = (d.value * probability) / 100;
  const deleted = d.delete_time !== null;
  return {
    id: d.id,
    creator_user_id: userRef(ctx, d.owner_id),
    user_id: userRef(ctx, d.owner_id),
    person_id: personRef(ctx, d.person_id),
    org_id: orgRef(ctx, d.org_id),
    stage_id: d.stage_id,
    title: d.title,
    value: d.value,
    currency: d.currency,
    ...times(d),
    stage_change_time: formatV1(d.stage_change_time),
    active: !deleted && d.status === 'open',
    deleted,
    status: deleted ? 'deleted' : d.status,
    probability: d.probability,
    ...activityBlanks,
    lost_reason: d.lost_reason,
    visible_to: String(d.visible_to),
    close_time: formatV1(d.close_time),
    pipeline_id: d.pipeline_id,
    won_time: formatV1(d.won_time),
    first_won_time: formatV1(d.won_time),
    lost_time: formatV1(d.lost_time),
    products_count: 0,
    participants_count: d.person_id ? 1 : 0,
    expected_close_date: d.expected_close_date,
    label: d.label_ids[0] ?? null,
    label_ids: d.label_ids,
    stage_order_nr: stage?.order_nr ?? null,
    person_name: d.person_id ? (ctx.store.get('person', d.person_id)?.name ?? null) : null,
    org_name: d.org_id ? (ctx.store.get('organization', d.org_id)?.name ?? null) : null,
    formatted_value: money(d.value, d.currency),
    weighted_value: weighted,
    formatted_weighted_value: money(weighted, d.currency),
    weighted_value_currency: d.currency,
    rotten_time: null,
    owner_name: userRef(ctx, d.owner_id).name,
    cc_email: ccEmail(ctx),
    org_hidden: false,
    person_hidden: false,
    is_archived: d.is_archived,
    archive_time: formatV1(d.archive_time),
    ...customV1(ctx, 'deal', d),
  };
}

/** `related_objects` of v1 answers: the users, persons and organizations the records point to. */
export function relatedObjects(ctx: Ctx, kind: EntityKind, recs: AnyRecord[]): Record<string, unknown> {
  const user: Record<string, unknown> = {};
  const organization: Record<string, unknown> = {};
  const person: Record<string, unknown> = {};
  for (const rec of recs) {
    const { value, ...u } = userRef(ctx, rec.owner_id);
    user[String(value)] = u;
    const orgId = kind === 'organization' ? null : (rec as PersonRecord | DealRecord).org_id;
    const org = orgId ? ctx.store.get('organization', orgId) : undefined;
    if (org) organization[String(org.id)] = { id: org.id, name: org.name, people_count: 0, owner_id: org.owner_id, address: org.address?.value ?? null, active_flag: org.delete_time === null, cc_email: ccEmail(ctx) };
    const personId = kind === 'deal' ? (rec as DealRecord).person_id : null;
    const p = personId ? ctx.store.get('person', personId) : undefined;
    if (p) person[String(p.id)] = { active_flag: p.delete_time === null, id: p.id, name: p.name, email: points(p.emails), phone: points(p.phones), owner_id: p.owner_id };
  }
  return { user, ...(Object.keys(organization).length ? { organization } : {}), ...(Object.keys(person).length ? { person } : {}) };
}
