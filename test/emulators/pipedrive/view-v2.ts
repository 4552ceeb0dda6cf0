import type { Ctx } from './context';
import { customToV2 } from './custom-values';
import type { AnyRecord, DealRecord, EntityKind, OrganizationRecord, PersonRecord, RecordOf } from './model';
import { formatV2 } from './time';

export interface V2ViewOptions {
  /** `custom_fields` query parameter: only these keys. */
  customKeys?: string[];
  /** `include_option_labels=true`: enum/set values as { id, label }. */
  optionLabels?: boolean;
  /** Admin view: every custom key, null when unset, and every opt-in field. */
  allCustom?: boolean;
  /** `include_fields`: opt-in fields such as marketing_status. */
  include?: string[];
}

/** Records as API v2 answers them: plain ids, RFC 3339 times, custom values under custom_fields. */
export function toV2<K extends EntityKind>(ctx: Ctx, kind: K, rec: RecordOf[K], opts: V2ViewOptions = {}): Record<string, unknown> {
  const custom = customFieldsV2(ctx, kind, rec, opts);
  if (kind === 'person') return personV2(rec as PersonRecord, custom, opts.allCustom || (opts.include ?? []).includes('marketing_status'));
  if (kind === 'organization') return organizationV2(rec as OrganizationRecord, custom);
  return dealV2(rec as DealRecord, custom);
}

function customFieldsV2(ctx: Ctx, kind: EntityKind, rec: AnyRecord, opts: V2ViewOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of ctx.fields.custom(kind)) {
    if (opts.customKeys && !opts.customKeys.includes(f.key)) continue;
    const value = rec.custom[f.key] ?? null;
    if (value === null && !opts.allCustom) continue;
    out[f.key] = customToV2(f, value, opts.optionLabels ?? false);
  }
  return out;
}

const common = (rec: AnyRecord) => ({
  owner_id: rec.owner_id,
  add_time: formatV2(rec.add_time),
  update_time: formatV2(rec.update_time),
  is_deleted: rec.delete_time !== null,
  visible_to: rec.visible_to,
  label_ids: rec.label_ids,
});

function personV2(p: PersonRecord, custom: Record<string, unknown>, withMarketing: boolean | undefined): Record<string, unknown> {
  return {
    id: p.id,
    name: p.name,
    first_name: p.first_name,
    last_name: p.last_name,
    org_id: p.org_id,
    ...common(p),
    emails: p.emails.map((e) => ({ ...e })),
    phones: p.phones.map((e) => ({ ...e })),
    picture_id: null,
    ...(withMarketing ? { marketing_status: p.marketing_status } : {}),
    custom_fields: custom,
  };
}

function organizationV2(o: OrganizationRecord, custom: Record<string, unknown>): Record<string, unknown> {
  return { id: o.id, name: o.name, ...common(o), address: o.address ? { ...o.address } : null, custom_fields: custom };
}

function dealV2(d: DealRecord, custom: Record<string, unknown>): Record<string, unknown> {
  return {
    id: d.id,
    title: d.title,
    creator_user_id: d.owner_id,
    ...common(d),
    value: d.value,
    person_id: d.person_id,
    org_id: d.org_id,
    stage_id: d.stage_id,
    pipeline_id: d.pipeline_id,
    currency: d.currency,
    stage_change_time: formatV2(d.stage_change_time),
    status: d.status,
    is_archived: d.is_archived,
    archive_time: formatV2(d.archive_time),
    probability: d.probability,
    lost_reason: d.lost_reason,
    close_time: formatV2(d.close_time),
    won_time: formatV2(d.won_time),
    lost_time: formatV2(d.lost_time),
    expected_close_date: d.expected_close_date,
    origin: 'API',
    origin_id: null,
    channel: null,
    channel_id: null,
    source_lead_id: null,
    custom_fields: custom,
  };
}
