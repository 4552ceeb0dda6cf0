/** The CRM object types this emulator serves, with the names HubSpot accepts for each. */
export type ObjectType = 'contacts' | 'companies' | 'deals';

export const OBJECT_TYPES: readonly ObjectType[] = ['contacts', 'companies', 'deals'];

interface ObjectTypeInfo {
  /** HubSpot's object type id, used in v4 association answers. */
  typeId: string;
  /** Upper-case singular used in HubSpot's messages ("Could not get some CONTACT objects"). */
  singular: string;
  /** Name of the last-modified property (contacts differ from every other object). */
  lastModified: string;
  /** Properties returned when a request names none (HubSpot's documented defaults). */
  defaultProperties: string[];
  /** Properties the search `query` text looks through. */
  searchableByQuery: string[];
}

const INFO: Record<ObjectType, ObjectTypeInfo> = {
  contacts: {
    typeId: '0-1',
    singular: 'CONTACT',
    lastModified: 'lastmodifieddate',
    defaultProperties: ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'],
    searchableByQuery: ['firstname', 'lastname', 'email', 'phone', 'company', 'hs_additional_emails'],
  },
  companies: {
    typeId: '0-2',
    singular: 'COMPANY',
    lastModified: 'hs_lastmodifieddate',
    defaultProperties: ['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id', 'name'],
    searchableByQuery: ['name', 'domain', 'website', 'phone'],
  },
  deals: {
    typeId: '0-3',
    singular: 'DEAL',
    lastModified: 'hs_lastmodifieddate',
    defaultProperties: ['amount', 'closedate', 'createdate', 'dealname', 'dealstage', 'hs_lastmodifieddate', 'hs_object_id', 'pipeline'],
    searchableByQuery: ['dealname', 'pipeline', 'dealstage', 'description'],
  },
};

const ALIASES: Record<string, ObjectType> = {
  contacts: 'contacts',
  contact: 'contacts',
  '0-1': 'contacts',
  companies: 'companies',
  company: 'companies',
  '0-2': 'companies',
  deals: 'deals',
  deal: 'deals',
  '0-3': 'deals',
};

/** Resolves a path segment such as `contacts`, `contact` or `0-1`; undefined when HubSpot would not know it. */
export function resolveObjectType(name: string): ObjectType | undefined {
  return ALIASES[name.toLowerCase()];
}

export function objectTypeInfo(type: ObjectType): ObjectTypeInfo {
  return INFO[type];
}
