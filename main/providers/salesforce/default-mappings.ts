import type { ProviderDefaults } from '../../sync/mapping/defaults/types';

const trim = [{ kind: 'trim' as const }];
// Salesforce requires a last name; "[not provided]" is its own convention for a missing one
// (web-to-lead), and pulled back it reads as blank again.
const lastName = [{ kind: 'trim' as const }, { kind: 'default' as const, value: '[not provided]' }];

/** Salesforce defaults, keyed by sObject name. */
export const salesforceDefaults: ProviderDefaults = {
  Contact: {
    object: 'Contact',
    localKind: 'person',
    matchKeys: [
      // Upsert by the app's external id; records others created are found by Email first.
      { kind: 'externalId', crm: 'Ticket_Buyer_Id__c', local: 'email', findBy: 'Email' },
      { kind: 'email', crm: 'Email', local: 'email' },
    ],
    fields: [
      { crm: 'FirstName', local: 'firstName', direction: 'both', transforms: trim },
      { crm: 'LastName', local: 'lastName', direction: 'both', transforms: lastName },
      { crm: 'Phone', local: 'phone', direction: 'both', transforms: trim },
      { crm: 'Email', local: 'email', direction: 'push', transforms: [{ kind: 'trim' }, { kind: 'lower' }] },
      { crm: 'Title', local: 'jobTitle', direction: 'push', transforms: trim, optional: true },
      { crm: 'MailingStreet', template: '{addressLine1} {addressLine2}', direction: 'push', optional: true },
      { crm: 'MailingCity', local: 'city', direction: 'push', optional: true },
      { crm: 'MailingState', local: 'region', direction: 'push', optional: true },
      { crm: 'MailingPostalCode', local: 'postalCode', direction: 'push', optional: true },
      { crm: 'MailingCountry', local: 'country', direction: 'push', optional: true },
      { crm: 'AccountId', lookup: { object: 'Account', localKind: 'company', localField: 'company' }, direction: 'push', optional: true },
      { crm: 'Total_Spent__c', local: 'totalSpent', direction: 'push', optional: true },
      { crm: 'Total_Tickets__c', local: 'orderCount', direction: 'push', optional: true },
      { crm: 'Last_Purchase_Date__c', local: 'lastOrderedAt', direction: 'push', optional: true },
    ],
  },
  Account: {
    object: 'Account',
    localKind: 'company',
    matchKeys: [
      { kind: 'externalId', crm: 'Ticket_Org_Id__c', local: 'name' },
      { kind: 'crmId', findBy: 'Name' },
    ],
    fields: [{ crm: 'Name', local: 'name', direction: 'push', transforms: trim }],
  },
  Opportunity: {
    object: 'Opportunity',
    localKind: 'order',
    matchKeys: [
      { kind: 'externalId', crm: 'Ticket_Order_Id__c', local: 'orderKey' },
      { kind: 'crmId', findBy: 'Name' },
    ],
    fields: [
      { crm: 'Name', template: '{eventName} · order {externalOrderId}', direction: 'push' },
      // A ticket order is a sale already made.
      { crm: 'StageName', constant: 'Closed Won', direction: 'push' },
      { crm: 'CloseDate', local: 'orderedAt', direction: 'push' },
      { crm: 'Amount', local: 'total', direction: 'push', optional: true },
      { crm: 'Description', template: '{quantity} × {ticketType} for {eventName}', direction: 'push', optional: true },
      { crm: 'AccountId', lookup: { object: 'Account', localKind: 'company', localField: 'company' }, direction: 'push', optional: true },
    ],
    associations: [{ object: 'Contact', localKind: 'person', localField: 'personId', role: 'Economic Buyer' }],
  },
  Lead: {
    object: 'Lead',
    localKind: 'person',
    enabled: false,
    matchKeys: [
      { kind: 'externalId', crm: 'Ticket_Buyer_Id__c', local: 'email', findBy: 'Email' },
      { kind: 'email', crm: 'Email', local: 'email' },
    ],
    fields: [
      { crm: 'FirstName', local: 'firstName', direction: 'both', transforms: trim },
      { crm: 'LastName', local: 'lastName', direction: 'both', transforms: lastName },
      { crm: 'Phone', local: 'phone', direction: 'both', transforms: trim },
      { crm: 'Email', local: 'email', direction: 'push', transforms: [{ kind: 'trim' }, { kind: 'lower' }] },
      { crm: 'Company', local: 'company', direction: 'push', transforms: [{ kind: 'trim' }, { kind: 'default', value: '[not provided]' }] },
      { crm: 'Title', local: 'jobTitle', direction: 'push', optional: true },
    ],
  },
};
