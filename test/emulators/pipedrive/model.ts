/** The three Pipedrive entities the emulator stores, and their in-memory record shapes. */
export type EntityKind = 'person' | 'organization' | 'deal';

export const entityKinds: EntityKind[] = ['person', 'organization', 'deal'];

/** Path segment, fields path and label of each entity, as Pipedrive names them. */
export const entityInfo: Record<EntityKind, { plural: string; fieldsPath: string; label: string; titleKey: 'name' | 'title' }> = {
  person: { plural: 'persons', fieldsPath: 'personFields', label: 'Person', titleKey: 'name' },
  organization: { plural: 'organizations', fieldsPath: 'organizationFields', label: 'Organization', titleKey: 'name' },
  deal: { plural: 'deals', fieldsPath: 'dealFields', label: 'Deal', titleKey: 'title' },
};

/** One email or phone entry, as both API versions carry them. */
export interface ContactPoint {
  value: string;
  primary: boolean;
  label: string;
}

export interface Address {
  value: string;
  [part: string]: string | null;
}

/** Custom field values in one canonical form (v2's), converted per API version on the way in and out. */
export type CustomValue = string | number | number[] | { value: number; currency: string } | null;

interface BaseRecord {
  id: number;
  owner_id: number;
  visible_to: number;
  label_ids: number[];
  /** Epoch milliseconds. */
  add_time: number;
  update_time: number;
  /** Set on soft delete; the record disappears for good 30 days later. */
  delete_time: number | null;
  custom: Record<string, CustomValue>;
}

export interface PersonRecord extends BaseRecord {
  name: string;
  first_name: string | null;
  last_name: string | null;
  org_id: number | null;
  emails: ContactPoint[];
  phones: ContactPoint[];
  marketing_status: string | null;
}

export interface OrganizationRecord extends BaseRecord {
  name: string;
  address: Address | null;
}

export type DealStatus = 'open' | 'won' | 'lost';

export interface DealRecord extends BaseRecord {
  title: string;
  person_id: number | null;
  org_id: number | null;
  pipeline_id: number;
  stage_id: number;
  value: number;
  currency: string;
  status: DealStatus;
  probability: number | null;
  lost_reason: string | null;
  expected_close_date: string | null;
  stage_change_time: number | null;
  won_time: number | null;
  lost_time: number | null;
  close_time: number | null;
  is_archived: boolean;
  archive_time: number | null;
}

export interface RecordOf {
  person: PersonRecord;
  organization: OrganizationRecord;
  deal: DealRecord;
}

export type AnyRecord = RecordOf[EntityKind];

/** Fields a create or update may set (never id or timestamps kept by the store). */
export type Patch<K extends EntityKind> = Partial<Omit<RecordOf[K], 'id' | 'update_time' | 'delete_time'>>;

export interface User {
  id: number;
  name: string;
  email: string;
}

export interface Company {
  id: number;
  name: string;
  domain: string;
  country: string;
  currency: string;
}

export interface Stage {
  id: number;
  pipeline_id: number;
  name: string;
  order_nr: number;
  deal_probability: number;
}

export interface Pipeline {
  id: number;
  name: string;
  order_nr: number;
}
