import type { SampleData } from '../sample/index';
import { crmCompanies, crmPeople, PARTNER_COMPANIES } from './crm-people';

type SeedRecord = Record<string, unknown>;

/** The Salesforce emulator's seed (test/emulators/salesforce/README.md, "Seed file"). */
export interface SalesforceSeed {
  org: { username: string; email: string; firstName: string; lastName: string };
  records: Record<string, SeedRecord[]>;
}

const ref = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** Sponsorship and group-booking deals around the sample events, on the CRM's own accounts. */
function opportunities(sample: SampleData): SeedRecord[] {
  const [festival, summit, comedy] = sample.events;
  const deal = (name: string, account: string, stage: string, amount: number, closeDate: string) => ({
    '@ref': ref(name),
    Name: name,
    AccountId: `@${ref(account)}`,
    StageName: stage,
    Amount: amount,
    CloseDate: closeDate,
    LeadSource: 'Partner Referral',
  });
  return [
    deal(`${summit.name} · Gold sponsorship`, PARTNER_COMPANIES[0].name, 'Closed Won', 15000, summit.date),
    deal(`${festival.name} · Stage sponsorship`, PARTNER_COMPANIES[0].name, 'Closed Won', 22000, festival.date),
    deal(`${comedy.name} · Community tickets grant`, PARTNER_COMPANIES[1].name, 'Negotiation/Review', 4000, comedy.date),
    deal(`${comedy.name} · Hotel package`, PARTNER_COMPANIES[2].name, 'Proposal/Price Quote', 6500, comedy.date),
    deal(`${summit.name} · Team passes`, 'Northwind Analytics', 'Closed Won', 2125, summit.date),
    deal(`${summit.name} · Expo booth`, 'Lumen Payments', 'Closed Lost', 8000, summit.date),
  ];
}

/**
 * A small org an organizer might already have: accounts for most buyer companies and the
 * partners, contacts for some buyers (another phone number) and the partners' people, and
 * sponsorship opportunities with their contact roles. No campaign or ticket order: those come
 * from the app.
 */
export function salesforceSeed(sample: SampleData): SalesforceSeed {
  const companies = crmCompanies(1);
  const known = new Set(companies.map((c) => c.name));
  const people = crmPeople(sample, { every: 8, offset: 0 });
  const contacts = people.map((p, i) => ({
    '@ref': `contact-${i}`,
    FirstName: p.firstName,
    LastName: p.lastName,
    Email: p.email,
    Phone: p.phone,
    ...(p.title ? { Title: p.title } : {}),
    ...(p.company && known.has(p.company.name) ? { AccountId: `@${ref(p.company.name)}` } : {}),
    LeadSource: p.buyer ? 'Ticketing' : 'Partner Referral',
  }));
  const opps = opportunities(sample);
  const partnerContact = (account: string) => people.findIndex((p) => p.company?.name === account);
  const roles = opps.flatMap((o) => {
    const account = String(o.AccountId).slice(1);
    const i = partnerContact(companies.find((c) => ref(c.name) === account)?.name ?? '');
    return i < 0 ? [] : [{ OpportunityId: `@${o['@ref']}`, ContactId: `@contact-${i}`, Role: 'Decision Maker', IsPrimary: true }];
  });
  return {
    org: { username: 'organizer@demo-events.example', email: 'organizer@demo-events.example', firstName: 'Demo', lastName: 'Organizer' },
    records: {
      Account: companies.map((c) => ({ '@ref': ref(c.name), Name: c.name, Industry: c.industry, Website: `https://www.${c.domain}`, BillingCity: c.city, Type: PARTNER_COMPANIES.includes(c) ? 'Partner' : 'Customer - Direct' })),
      Contact: contacts,
      Opportunity: opps,
      OpportunityContactRole: roles,
    },
  };
}
