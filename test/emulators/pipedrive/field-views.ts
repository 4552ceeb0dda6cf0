import type { FieldDef } from './fields';
import { formatV1, formatV2 } from './time';

const textTypes = ['varchar', 'varchar_auto', 'text', 'phone', 'address'];

function monetarySubfields(f: FieldDef) {
  return f.field_type === 'monetary' ? [{ key: `${f.key}_currency`, name: `Currency of ${f.name}`, field_type: 'varchar' }] : undefined;
}

/** A field as /v1/personFields (and the others) lists it. */
export function fieldV1(f: FieldDef): Record<string, unknown> {
  const subfields = monetarySubfields(f);
  return {
    id: f.id,
    key: f.key,
    name: f.name,
    order_nr: f.order_nr,
    field_type: f.field_type,
    add_time: formatV1(f.add_time),
    update_time: formatV1(f.update_time),
    last_updated_by_user_id: null,
    created_by_user_id: null,
    active_flag: true,
    edit_flag: f.custom,
    index_visible_flag: true,
    details_visible_flag: true,
    add_visible_flag: true,
    important_flag: false,
    bulk_edit_allowed: f.key !== 'id',
    searchable_flag: f.custom && textTypes.includes(f.field_type),
    filtering_allowed: true,
    sortable_flag: true,
    mandatory_flag: f.mandatory,
    ...(f.options ? { options: f.options.map((o) => ({ id: o.id, label: o.label })) } : {}),
    ...(subfields ? { subfields } : {}),
    is_subfield: false,
  };
}

/** A field as /api/v2/personFields (and the others) lists it; `include` names the opt-in namespaces. */
export function fieldV2(f: FieldDef, include: string[] = []): Record<string, unknown> {
  const sub = monetarySubfields(f);
  return {
    field_name: f.name,
    field_code: f.v2Code,
    field_type: f.field_type,
    is_custom_field: f.custom,
    is_optional_response_field: false,
    options: f.options?.map((o) => ({ id: o.id, label: o.label, color: null, add_time: formatV2(f.add_time), update_time: formatV2(f.update_time) })) ?? null,
    subfields: sub?.map((s) => ({ field_code: s.key, field_name: s.name, field_type: s.field_type })) ?? null,
    ...(include.includes('ui_visibility') ? { ui_visibility: { add_visible_flag: true, details_visible_flag: true } } : {}),
    ...(include.includes('important_fields') ? { important_fields: { enabled: false, stage_ids: [] } } : {}),
    ...(include.includes('required_fields') ? { required_fields: { enabled: f.mandatory, stage_ids: [] } } : {}),
  };
}
