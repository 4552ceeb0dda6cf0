import type { ObjectType } from './object-types';
import { DEAL_PIPELINES } from './pipeline-data';

export type PropertyType = 'string' | 'number' | 'date' | 'datetime' | 'enumeration' | 'bool' | 'phone_number';

export interface PropertyOption {
  label: string;
  value: string;
  description?: string;
  displayOrder: number;
  hidden: boolean;
}

/** A property definition with everything `/crm/v3/properties` reports. */
export interface PropertyDef {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: string;
  groupName: string;
  description: string;
  options: PropertyOption[];
  displayOrder: number;
  calculated: boolean;
  calculationFormula?: string;
  hasUniqueValue: boolean;
  hidden: boolean;
  hubspotDefined: boolean;
  formField: boolean;
  externalOptions: boolean;
  readOnlyValue: boolean;
  readOnlyDefinition: boolean;
  archivable: boolean;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
}

/** Which fieldTypes HubSpot accepts for each type when a property is created. */
export const FIELD_TYPES: Record<PropertyType, string[]> = {
  string: ['text', 'textarea', 'html', 'phonenumber', 'file'],
  number: ['number', 'calculation_equation'],
  date: ['date'],
  datetime: ['date'],
  enumeration: ['select', 'radio', 'checkbox', 'booleancheckbox', 'calculation_equation'],
  bool: ['booleancheckbox', 'calculation_equation'],
  phone_number: ['phonenumber'],
};

const DEFINED_AT = '2019-08-06T02:41:09.148Z';

type PropInit = Partial<PropertyDef> & Pick<PropertyDef, 'name' | 'label' | 'type' | 'fieldType' | 'groupName'>;

function prop(init: PropInit): PropertyDef {
  return {
    description: '',
    options: [],
    displayOrder: -1,
    calculated: false,
    hasUniqueValue: false,
    hidden: false,
    hubspotDefined: true,
    formField: false,
    externalOptions: false,
    readOnlyValue: false,
    readOnlyDefinition: true,
    archivable: false,
    createdAt: DEFINED_AT,
    updatedAt: DEFINED_AT,
    archived: false,
    ...init,
  };
}

export function options(pairs: Array<[value: string, label: string]>): PropertyOption[] {
  return pairs.map(([value, label], i) => ({ value, label, displayOrder: i, hidden: false }));
}

const text = (name: string, label: string, groupName: string, extra: Partial<PropertyDef> = {}) =>
  prop({ name, label, type: 'string', fieldType: 'text', groupName, ...extra });

const readOnlyDatetime = (name: string, label: string, groupName: string) =>
  prop({ name, label, type: 'datetime', fieldType: 'date', groupName, readOnlyValue: true });

const objectId = (groupName: string) =>
  prop({ name: 'hs_object_id', label: 'Record ID', type: 'number', fieldType: 'number', groupName, readOnlyValue: true });

const mergedIds = (groupName: string) =>
  prop({ name: 'hs_merged_object_ids', label: 'Merged record IDs', type: 'enumeration', fieldType: 'checkbox', groupName, readOnlyValue: true });

const LIFECYCLE_STAGES = options([
  ['subscriber', 'Subscriber'],
  ['lead', 'Lead'],
  ['marketingqualifiedlead', 'Marketing Qualified Lead'],
  ['salesqualifiedlead', 'Sales Qualified Lead'],
  ['opportunity', 'Opportunity'],
  ['customer', 'Customer'],
  ['evangelist', 'Evangelist'],
  ['other', 'Other'],
]);

/** Every stage of every deal pipeline, as the dealstage property lists them. */
export const DEAL_STAGES = options(DEAL_PIPELINES.flatMap((p) => p.stages.map((st): [string, string] => [st.id, st.label])));

const PIPELINE_OPTIONS = options(DEAL_PIPELINES.map((p): [string, string] => [p.id, p.label]));

function contactProperties(): PropertyDef[] {
  const g = 'contactinformation';
  return [
    text('firstname', 'First Name', g, { formField: true }),
    text('lastname', 'Last Name', g, { formField: true }),
    text('email', 'Email', g, { formField: true }),
    prop({ name: 'phone', label: 'Phone Number', type: 'string', fieldType: 'phonenumber', groupName: g, formField: true }),
    prop({ name: 'mobilephone', label: 'Mobile Phone Number', type: 'string', fieldType: 'phonenumber', groupName: g }),
    text('company', 'Company Name', g, { formField: true }),
    text('jobtitle', 'Job Title', g, { formField: true }),
    text('website', 'Website URL', g),
    text('address', 'Street Address', g),
    text('city', 'City', g),
    text('state', 'State/Region', g),
    text('zip', 'Postal Code', g),
    text('country', 'Country/Region', g),
    prop({ name: 'lifecyclestage', label: 'Lifecycle Stage', type: 'enumeration', fieldType: 'radio', groupName: g, options: LIFECYCLE_STAGES }),
    prop({
      name: 'hs_lead_status',
      label: 'Lead Status',
      type: 'enumeration',
      fieldType: 'radio',
      groupName: 'sales_properties',
      options: options([
        ['NEW', 'New'],
        ['OPEN', 'Open'],
        ['IN_PROGRESS', 'In Progress'],
        ['OPEN_DEAL', 'Open Deal'],
        ['UNQUALIFIED', 'Unqualified'],
        ['ATTEMPTED_TO_CONTACT', 'Attempted to Contact'],
        ['CONNECTED', 'Connected'],
        ['BAD_TIMING', 'Bad Timing'],
      ]),
    }),
    prop({ name: 'createdate', label: 'Create Date', type: 'datetime', fieldType: 'date', groupName: g }),
    readOnlyDatetime('lastmodifieddate', 'Last Modified Date', g),
    objectId(g),
    text('hs_email_domain', 'Email Domain', 'emailinformation', { readOnlyValue: true }),
    text('hs_additional_emails', 'Additional email addresses', g, { readOnlyValue: true }),
    text('hs_full_name_or_email', 'Full name or email', g, {
      calculated: true,
      readOnlyValue: true,
      description: 'First and last name when either is set, else the email address.',
    }),
    mergedIds(g),
    text('hs_calculated_merged_vids', 'Merged Contact IDs with timestamps', g, { readOnlyValue: true }),
    text('ticket_buyer_id', 'Ticket Buyer ID', g, {
      hubspotDefined: false,
      hasUniqueValue: true,
      readOnlyDefinition: false,
      archivable: true,
      description: 'The ticketing platform id of the buyer (custom, unique).',
    }),
  ];
}

function companyProperties(): PropertyDef[] {
  const g = 'companyinformation';
  return [
    text('name', 'Company name', g, { formField: true }),
    text('domain', 'Company Domain Name', g),
    text('website', 'Website URL', g),
    prop({ name: 'phone', label: 'Phone Number', type: 'string', fieldType: 'phonenumber', groupName: g }),
    text('address', 'Street Address', g),
    text('city', 'City', g),
    text('state', 'State/Region', g),
    text('zip', 'Postal Code', g),
    text('country', 'Country/Region', g),
    prop({ name: 'numberofemployees', label: 'Number of Employees', type: 'number', fieldType: 'number', groupName: g }),
    prop({ name: 'annualrevenue', label: 'Annual Revenue', type: 'number', fieldType: 'number', groupName: g }),
    prop({ name: 'description', label: 'Description', type: 'string', fieldType: 'textarea', groupName: g }),
    prop({ name: 'lifecyclestage', label: 'Lifecycle Stage', type: 'enumeration', fieldType: 'radio', groupName: g, options: LIFECYCLE_STAGES }),
    prop({ name: 'createdate', label: 'Create Date', type: 'datetime', fieldType: 'date', groupName: g }),
    readOnlyDatetime('hs_lastmodifieddate', 'Last Modified Date', g),
    objectId(g),
    mergedIds(g),
  ];
}

function dealProperties(): PropertyDef[] {
  const g = 'dealinformation';
  return [
    text('dealname', 'Deal Name', g),
    prop({ name: 'amount', label: 'Amount', type: 'number', fieldType: 'number', groupName: g }),
    prop({ name: 'dealstage', label: 'Deal Stage', type: 'enumeration', fieldType: 'radio', groupName: g, options: DEAL_STAGES }),
    prop({ name: 'pipeline', label: 'Pipeline', type: 'enumeration', fieldType: 'select', groupName: g, options: PIPELINE_OPTIONS }),
    prop({ name: 'closedate', label: 'Close Date', type: 'datetime', fieldType: 'date', groupName: g }),
    prop({ name: 'description', label: 'Deal Description', type: 'string', fieldType: 'textarea', groupName: g }),
    prop({
      name: 'dealtype',
      label: 'Deal Type',
      type: 'enumeration',
      fieldType: 'radio',
      groupName: g,
      options: options([
        ['newbusiness', 'New Business'],
        ['existingbusiness', 'Existing Business'],
      ]),
    }),
    prop({ name: 'createdate', label: 'Create Date', type: 'datetime', fieldType: 'date', groupName: g }),
    readOnlyDatetime('hs_lastmodifieddate', 'Last Modified Date', g),
    objectId(g),
  ];
}

/** Fresh default property definitions for one object type (each call returns new objects). */
export function defaultProperties(type: ObjectType): PropertyDef[] {
  const defs = type === 'contacts' ? contactProperties() : type === 'companies' ? companyProperties() : dealProperties();
  return defs.map((def, i) => ({ ...def, displayOrder: i }));
}

/** The shape `/crm/v3/properties` answers with. */
export function toApiProperty(def: PropertyDef): Record<string, unknown> {
  const { readOnlyValue, readOnlyDefinition, archivable, ...rest } = def;
  return {
    ...rest,
    modificationMetadata: { archivable, readOnlyDefinition, readOnlyValue },
  };
}
