import type { SampleData } from '../sample/index';
import { crmCompanies, crmPeople, PARTNER_COMPANIES } from './crm-people';

interface SeedObject {
  id: string;
  properties: Record<string, string>;
}

interface SeedAssociation {
  from: { type: string; id: string };
  to: { type: string; id: string };
}

/** The HubSpot emulator's seed (test/emulators/hubspot/README.md, "Seed file"). */
export interface HubSpotSeed {
  account: { hubId: number; hubDomain: string; user: string; userId: number };
  records: { contacts: SeedObject[]; companies: SeedObject[]; deals: SeedObject[] };
  associations: SeedAssociation[];
}

const closeDate = (day: string) => `${day}T00:00:00.000Z`;

/**
 * A portal with its own slice of the same world: most buyer companies and the partners, contacts
 * for other buyers than Salesforce has (some overlap), each with another phone number, the
 * partners' people, and deals in the default pipeline tied to their company and contact.
 */
export function hubspotSeed(sample: SampleData): HubSpotSeed {
  const companies = crmCompanies(2).map((c, i) => ({
    id: String(2001 + i),
    company: c,
    properties: { name: c.name, domain: c.domain, city: c.city, lifecyclestage: PARTNER_COMPANIES.includes(c) ? 'other' : 'customer' },
  }));
  const companyId = new Map(companies.map((c) => [c.company.name, c.id]));
  const people = crmPeople(sample, { every: 7, offset: 3 });
  const contacts = people.map((p, i) => ({
    id: String(1001 + i),
    companyName: p.company?.name,
    properties: {
      email: p.email,
      firstname: p.firstName,
      lastname: p.lastName,
      phone: p.phone,
      ...(p.title ? { jobtitle: p.title } : {}),
      ...(p.company ? { company: p.company.name } : {}),
      lifecyclestage: p.buyer ? 'customer' : 'salesqualifiedlead',
    },
  }));
  const [festival, summit, comedy] = sample.events;
  const deal = (id: string, name: string, stage: string, amount: number, day: string, company: string) => ({
    id,
    company,
    properties: { dealname: name, pipeline: 'default', dealstage: stage, amount: String(amount), closedate: closeDate(day) },
  });
  const deals = [
    deal('3001', `${festival.name} · Beverage partner`, 'closedwon', 18000, festival.date, PARTNER_COMPANIES[0].name),
    deal('3002', `${summit.name} · Venue catering`, 'closedwon', 9500, summit.date, PARTNER_COMPANIES[2].name),
    deal('3003', `${comedy.name} · Arts grant`, 'contractsent', 3000, comedy.date, PARTNER_COMPANIES[1].name),
    deal('3004', `${comedy.name} · Group booking`, 'presentationscheduled', 1400, comedy.date, 'Granite Peak Software'),
    deal('3005', `${summit.name} · Team passes`, 'closedwon', 1700, summit.date, 'Juniper Health'),
  ];
  const link = (fromType: string, fromId: string, toType: string, toId: string | undefined): SeedAssociation[] =>
    toId ? [{ from: { type: fromType, id: fromId }, to: { type: toType, id: toId } }] : [];
  const firstContactAt = (company: string) => contacts.find((c) => c.companyName === company)?.id;
  return {
    account: { hubId: 24681357, hubDomain: 'demo-events.example', user: 'organizer@demo-events.example', userId: 7001 },
    records: {
      contacts: contacts.map(({ id, properties }) => ({ id, properties })),
      companies: companies.map(({ id, properties }) => ({ id, properties })),
      deals: deals.map(({ id, properties }) => ({ id, properties })),
    },
    associations: [
      ...contacts.flatMap((c) => link('contacts', c.id, 'companies', c.companyName ? companyId.get(c.companyName) : undefined)),
      ...deals.flatMap((d) => [...link('deals', d.id, 'companies', companyId.get(d.company)), ...link('deals', d.id, 'contacts', firstContactAt(d.company))]),
    ],
  };
}
