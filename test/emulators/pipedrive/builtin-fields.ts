import type { EntityKind } from './model';

/** A standard field: its v1 key, v2 field_code, type and display name. */
export interface BuiltinField {
  key: string;
  v2Code: string;
  field_type: string;
  name: string;
  mandatory?: boolean;
  options?: { id: number | string; label: string }[];
}

const common = {
  id: { key: 'id', v2Code: 'id', field_type: 'int', name: 'ID' },
  owner: { key: 'owner_id', v2Code: 'owner_id', field_type: 'user', name: 'Owner' },
  labels: { key: 'label', v2Code: 'label_ids', field_type: 'set', name: 'Labels', options: [] },
  visibleTo: { key: 'visible_to', v2Code: 'visible_to', field_type: 'visible_to', name: 'Visible to' },
  updateTime: { key: 'update_time', v2Code: 'update_time', field_type: 'date', name: 'Update time' },
} satisfies Record<string, BuiltinField>;

/** Standard fields Pipedrive lists first in /personFields, /organizationFields and /dealFields. */
export const builtinFields: Record<EntityKind, BuiltinField[]> = {
  person: [
    common.id,
    { key: 'name', v2Code: 'name', field_type: 'varchar', name: 'Name', mandatory: true },
    { key: 'first_name', v2Code: 'first_name', field_type: 'varchar', name: 'First name' },
    { key: 'last_name', v2Code: 'last_name', field_type: 'varchar', name: 'Last name' },
    { key: 'org_id', v2Code: 'org_id', field_type: 'org', name: 'Organization' },
    common.owner,
    { key: 'email', v2Code: 'emails', field_type: 'varchar', name: 'Email' },
    { key: 'phone', v2Code: 'phones', field_type: 'phone', name: 'Phone' },
    common.labels,
    common.visibleTo,
    {
      key: 'marketing_status',
      v2Code: 'marketing_status',
      field_type: 'enum',
      name: 'Marketing status',
      options: [
        { id: 'no_consent', label: 'No consent' },
        { id: 'unsubscribed', label: 'Unsubscribed' },
        { id: 'subscribed', label: 'Subscribed' },
        { id: 'archived', label: 'Archived' },
      ],
    },
    { key: 'add_time', v2Code: 'add_time', field_type: 'date', name: 'Person created' },
    common.updateTime,
  ],
  organization: [
    common.id,
    { key: 'name', v2Code: 'name', field_type: 'varchar', name: 'Name', mandatory: true },
    common.owner,
    { key: 'address', v2Code: 'address', field_type: 'address', name: 'Address' },
    common.labels,
    common.visibleTo,
    { key: 'add_time', v2Code: 'add_time', field_type: 'date', name: 'Organization created' },
    common.updateTime,
  ],
  deal: [
    common.id,
    { key: 'title', v2Code: 'title', field_type: 'varchar', name: 'Title', mandatory: true },
    { key: 'value', v2Code: 'value', field_type: 'monetary', name: 'Value' },
    { key: 'currency', v2Code: 'currency', field_type: 'varchar', name: 'Currency' },
    { key: 'person_id', v2Code: 'person_id', field_type: 'people', name: 'Contact person' },
    { key: 'org_id', v2Code: 'org_id', field_type: 'org', name: 'Organization' },
    { key: 'user_id', v2Code: 'owner_id', field_type: 'user', name: 'Owner' },
    { key: 'pipeline', v2Code: 'pipeline_id', field_type: 'double', name: 'Pipeline' },
    { key: 'stage_id', v2Code: 'stage_id', field_type: 'stage', name: 'Stage' },
    {
      key: 'status',
      v2Code: 'status',
      field_type: 'status',
      name: 'Status',
      options: [
        { id: 'open', label: 'Open' },
        { id: 'lost', label: 'Lost' },
        { id: 'won', label: 'Won' },
        { id: 'deleted', label: 'Deleted' },
      ],
    },
    { key: 'probability', v2Code: 'probability', field_type: 'double', name: 'Probability' },
    { key: 'lost_reason', v2Code: 'lost_reason', field_type: 'varchar_options', name: 'Lost reason' },
    { key: 'expected_close_date', v2Code: 'expected_close_date', field_type: 'date', name: 'Expected close date' },
    { key: 'won_time', v2Code: 'won_time', field_type: 'date', name: 'Won time' },
    { key: 'lost_time', v2Code: 'lost_time', field_type: 'date', name: 'Lost time' },
    { key: 'close_time', v2Code: 'close_time', field_type: 'date', name: 'Deal closed on' },
    common.labels,
    common.visibleTo,
    { key: 'add_time', v2Code: 'add_time', field_type: 'date', name: 'Deal created' },
    common.updateTime,
  ],
};

/** Custom fields every emulator starts with (issue 14, point 1): an id field and an enum on each entity. */
export const defaultCustomFields: Record<EntityKind, { name: string; field_type: string; options?: string[] }[]> = {
  person: [
    { name: 'Ticket Buyer ID', field_type: 'varchar' },
    { name: 'Buyer Segment', field_type: 'enum', options: ['VIP', 'Regular', 'First-time'] },
    { name: 'Tickets Bought', field_type: 'double' },
    { name: 'Last Event Date', field_type: 'date' },
    { name: 'Interests', field_type: 'set', options: ['Music', 'Theatre', 'Sports', 'Conferences'] },
  ],
  organization: [
    { name: 'Organizer Account ID', field_type: 'varchar' },
    { name: 'Organizer Tier', field_type: 'enum', options: ['Community', 'Professional', 'Enterprise'] },
  ],
  deal: [
    { name: 'Order ID', field_type: 'varchar' },
    { name: 'Ticket Type', field_type: 'enum', options: ['General Admission', 'VIP', 'Early Bird'] },
    { name: 'Event Date', field_type: 'date' },
    { name: 'Order Total', field_type: 'monetary' },
  ],
};

/** Field types a custom field may be created with. */
export const creatableFieldTypes = [
  'varchar',
  'varchar_auto',
  'text',
  'double',
  'monetary',
  'enum',
  'set',
  'user',
  'org',
  'people',
  'phone',
  'date',
  'daterange',
  'time',
  'timerange',
  'address',
] as const;
