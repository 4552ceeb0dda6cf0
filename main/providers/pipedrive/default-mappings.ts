import type { ProviderDefaults } from '../../sync/mapping/defaults/types';

const trim = [{ kind: 'trim' as const }];

/** Pipedrive defaults, keyed by API object name. */
export const pipedriveDefaults: ProviderDefaults = {
  persons: {
    object: 'persons',
    localKind: 'person',
    // Pipedrive has no upsert: the client finds the person by email first.
    matchKeys: [{ kind: 'email', crm: 'email', local: 'email' }],
    fields: [
      // Name is required; the full name falls back to the email when no name is known.
      { crm: 'name', local: 'fullName', direction: 'push', transforms: trim },
      { crm: 'first_name', local: 'firstName', direction: 'both', transforms: trim },
      { crm: 'last_name', local: 'lastName', direction: 'both', transforms: trim },
      { crm: 'phone', local: 'phone', direction: 'both', transforms: trim },
      { crm: 'org_id', lookup: { object: 'organizations', localKind: 'company', localField: 'company' }, direction: 'push', optional: true },
    ],
  },
  organizations: {
    object: 'organizations',
    localKind: 'company',
    matchKeys: [{ kind: 'crmId', findBy: 'name' }],
    fields: [{ crm: 'name', local: 'name', direction: 'push', transforms: trim }],
  },
  deals: {
    object: 'deals',
    localKind: 'order',
    matchKeys: [{ kind: 'crmId', findBy: 'title' }],
    fields: [
      { crm: 'title', template: '{eventName} · order {externalOrderId}', direction: 'push' },
      { crm: 'value', local: 'total', direction: 'push' },
      { crm: 'currency', local: 'currency', direction: 'push', transforms: [{ kind: 'trim' }, { kind: 'upper' }] },
      { crm: 'status', constant: 'won', direction: 'push' },
      { crm: 'person_id', lookup: { object: 'persons', localKind: 'person', localField: 'personId' }, direction: 'push' },
      { crm: 'org_id', lookup: { object: 'organizations', localKind: 'company', localField: 'company' }, direction: 'push', optional: true },
      { crm: 'expected_close_date', local: 'orderedAt', direction: 'push', optional: true },
    ],
  },
};
