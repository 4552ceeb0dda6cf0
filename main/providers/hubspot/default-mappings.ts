import type { ProviderDefaults } from '../../sync/mapping/defaults/types';

const trim = [{ kind: 'trim' as const }];

/** HubSpot defaults, keyed by object type name. */
export const hubspotDefaults: ProviderDefaults = {
  contacts: {
    object: 'contacts',
    localKind: 'person',
    matchKeys: [{ kind: 'email', crm: 'email', local: 'email' }],
    fields: [
      { crm: 'firstname', local: 'firstName', direction: 'both', transforms: trim },
      { crm: 'lastname', local: 'lastName', direction: 'both', transforms: trim },
      { crm: 'phone', local: 'phone', direction: 'both', transforms: trim },
      { crm: 'company', local: 'company', direction: 'push', transforms: trim, optional: true },
      { crm: 'jobtitle', local: 'jobTitle', direction: 'push', transforms: trim, optional: true },
      { crm: 'address', template: '{addressLine1} {addressLine2}', direction: 'push', optional: true },
      { crm: 'city', local: 'city', direction: 'push', optional: true },
      { crm: 'state', local: 'region', direction: 'push', optional: true },
      { crm: 'zip', local: 'postalCode', direction: 'push', optional: true },
      { crm: 'country', local: 'country', direction: 'push', optional: true },
    ],
    associations: [{ object: 'companies', localKind: 'company', localField: 'company' }],
  },
  companies: {
    object: 'companies',
    localKind: 'company',
    matchKeys: [{ kind: 'crmId', findBy: 'name' }],
    fields: [
      { crm: 'name', local: 'name', direction: 'push', transforms: trim },
      { crm: 'domain', local: 'domain', direction: 'push', optional: true },
    ],
  },
  deals: {
    object: 'deals',
    localKind: 'order',
    // Deals have no unique property: found by their name (it carries the order number), then by the stored id.
    matchKeys: [{ kind: 'crmId', findBy: 'dealname' }],
    fields: [
      { crm: 'dealname', template: '{eventName} · order {externalOrderId}', direction: 'push' },
      { crm: 'pipeline', constant: 'default', direction: 'push' },
      { crm: 'dealstage', constant: 'closedwon', direction: 'push' },
      { crm: 'amount', local: 'total', direction: 'push' },
      { crm: 'closedate', local: 'orderedAt', direction: 'push' },
      { crm: 'description', template: '{quantity} × {ticketType} for {eventName}', direction: 'push', optional: true },
    ],
    associations: [
      { object: 'contacts', localKind: 'person', localField: 'personId' },
      { object: 'companies', localKind: 'company', localField: 'company' },
    ],
  },
};
