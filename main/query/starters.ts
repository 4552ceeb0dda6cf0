import type { QueryLanguage, StarterQuery } from '../../shared/ipc/channels/query';
import type { ObjectRoles } from '../providers/provider';

/**
 * Ready-made questions organizers ask, one per card, one click to run. Written against the
 * fields the app itself keeps in the CRM (Total_Spent__c, the event campaigns, closed-won
 * orders), so they answer something on a connected org from day one.
 */
const soql: StarterQuery[] = [
  {
    id: 'top-buyers',
    title: 'Top buyers (VIPs)',
    description: 'Contacts by total spent, highest first.',
    input: {
      language: 'soql',
      soql: 'SELECT FirstName, LastName, Email, Account.Name, Total_Spent__c, Total_Tickets__c, Last_Purchase_Date__c\nFROM Contact\nWHERE Total_Spent__c > 0\nORDER BY Total_Spent__c DESC\nLIMIT 100',
    },
  },
  {
    id: 'event-attendees',
    title: 'Attendees by event',
    description: 'Campaign members of every event campaign, with their status.',
    input: {
      language: 'soql',
      soql: 'SELECT Campaign.Name, Contact.FirstName, Contact.LastName, Contact.Email, Status\nFROM CampaignMember\nWHERE ContactId != NULL\nORDER BY Campaign.Name, Contact.LastName',
    },
  },
  {
    id: 'open-group-sales',
    title: 'Open group-sales opportunities',
    description: 'Deals still open, biggest first.',
    input: {
      language: 'soql',
      soql: 'SELECT Name, Account.Name, StageName, Amount, CloseDate\nFROM Opportunity\nWHERE IsClosed = FALSE\nORDER BY Amount DESC NULLS LAST',
    },
  },
  {
    id: 'not-synced-since',
    title: 'Contacts not updated in 90 days',
    description: 'Buyers whose record has not changed since a date: candidates for a resync.',
    input: {
      language: 'soql',
      soql: 'SELECT FirstName, LastName, Email, LastModifiedDate\nFROM Contact\nWHERE LastModifiedDate < LAST_N_DAYS:90\nORDER BY LastModifiedDate',
    },
  },
  {
    id: 'revenue-by-event',
    title: 'Revenue by event',
    description: 'Won ticket revenue per event campaign.',
    chart: 'bar',
    input: {
      language: 'soql',
      soql: 'SELECT Campaign.Name, SUM(Amount) revenue\nFROM Opportunity\nWHERE IsWon = TRUE\nGROUP BY Campaign.Name',
    },
  },
  {
    id: 'pipeline-by-stage',
    title: 'Opportunities by stage',
    description: 'How many opportunities sit in each stage.',
    chart: 'bar',
    input: { language: 'soql', soql: 'SELECT StageName, COUNT(Id) opportunities\nFROM Opportunity\nGROUP BY StageName' },
  },
];

const hubspot: StarterQuery[] = [
  {
    id: 'top-deals',
    title: 'Biggest orders',
    description: 'Deals by amount, highest first.',
    input: {
      language: 'hubspot-search',
      object: 'deals',
      body: { filterGroups: [{ filters: [{ propertyName: 'amount', operator: 'HAS_PROPERTY' }] }], sorts: [{ propertyName: 'amount', direction: 'DESCENDING' }], properties: ['dealname', 'amount', 'closedate', 'dealstage'] },
    },
  },
  {
    id: 'deals-over-5000',
    title: 'Deals over 5,000',
    description: 'Group sales and sponsorships worth chasing.',
    input: {
      language: 'hubspot-search',
      object: 'deals',
      body: { filterGroups: [{ filters: [{ propertyName: 'amount', operator: 'GT', value: '5000' }] }], sorts: [{ propertyName: 'amount', direction: 'DESCENDING' }], properties: ['dealname', 'amount', 'closedate', 'pipeline', 'dealstage'] },
    },
  },
  {
    id: 'open-deals',
    title: 'Open deals',
    description: 'Deals not yet won or lost.',
    input: {
      language: 'hubspot-search',
      object: 'deals',
      body: { filterGroups: [{ filters: [{ propertyName: 'dealstage', operator: 'NOT_IN', values: ['closedwon', 'closedlost'] }] }], properties: ['dealname', 'amount', 'dealstage', 'closedate'] },
    },
  },
  {
    id: 'contacts-stale',
    title: 'Contacts not updated in 90 days',
    description: 'Candidates for a resync.',
    input: {
      language: 'hubspot-search',
      object: 'contacts',
      body: {
        filterGroups: [{ filters: [{ propertyName: 'lastmodifieddate', operator: 'LT', value: '{{90 days ago}}' }] }],
        sorts: [{ propertyName: 'lastmodifieddate', direction: 'ASCENDING' }],
        properties: ['firstname', 'lastname', 'email', 'lastmodifieddate'],
      },
    },
  },
  {
    id: 'deals-by-stage',
    title: 'Deals by stage',
    description: 'Chart deals grouped by stage.',
    chart: 'bar',
    chartGroupBy: 'dealstage',
    input: { language: 'hubspot-search', object: 'deals', body: { properties: ['dealname', 'dealstage', 'amount'] } },
  },
];

const pipedrive: StarterQuery[] = [
  { id: 'all-people', title: 'Everyone', description: 'All people with their e-mail and phone.', input: { language: 'pipedrive-filter', object: 'persons' } },
  {
    id: 'big-deals',
    title: 'Deals over 5,000',
    description: 'Open and won deals worth more than 5,000.',
    input: { language: 'pipedrive-filter', object: 'deals', filters: [{ field: 'value', op: 'gt', value: '5000' }] },
  },
  { id: 'open-deals', title: 'Open deals', description: 'Deals still open.', input: { language: 'pipedrive-filter', object: 'deals', filters: [{ field: 'status', op: 'eq', value: 'open' }] } },
];

/** CRMs queried through list endpoints: every record of each role's object, filters to add. */
const listStarters = (roles: ObjectRoles): StarterQuery[] => [
  { id: 'all-people', title: 'Everyone', description: 'Every person, to filter further.', input: { language: 'list-filter', object: roles.person } },
  { id: 'all-companies', title: 'Companies', description: 'Every company or organisation.', input: { language: 'list-filter', object: roles.company } },
  { id: 'all-deals', title: 'Sales', description: 'Every deal, order or sale.', input: { language: 'list-filter', object: roles.deal } },
];

export function startersFor(language: QueryLanguage, roles: ObjectRoles, now = new Date()): StarterQuery[] {
  if (language === 'soql') return soql;
  if (language === 'pipedrive-filter') return pipedrive;
  if (language === 'list-filter') return listStarters(roles);
  // Relative dates are filled in when asked for, so "90 days ago" means now minus 90 days.
  const ninetyDaysAgo = String(now.getTime() - 90 * 24 * 3600 * 1000);
  return JSON.parse(JSON.stringify(hubspot).replaceAll('{{90 days ago}}', ninetyDaysAgo)) as StarterQuery[];
}
