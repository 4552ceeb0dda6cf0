import type { SampleData, SampleBuyer } from '../sample/index';
import type { SampleCompany } from '../sample/pools';
import { COMPANIES } from '../sample/pools';

/** Someone the CRM already knows. */
export interface CrmPerson {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  title: string;
  company: SampleCompany | null;
  /** Also a ticket buyer in the sample exports (same email, another phone number). */
  buyer: boolean;
}

/** Organizations only the CRM knows: sponsors and partners, never ticket buyers. */
export const PARTNER_COMPANIES: readonly SampleCompany[] = [
  { name: 'Brightline Sponsorships', domain: 'brightline.example', industry: 'Media', city: 'New York' },
  { name: 'Civic Arts Council', domain: 'civicarts.example', industry: 'Other', city: 'Chicago' },
  { name: 'Harborview Hotels', domain: 'harborview-hotels.example', industry: 'Hospitality', city: 'San Francisco' },
];

const PARTNER_PEOPLE: ReadonlyArray<[first: string, last: string, title: string, company: number]> = [
  ['Dana', 'Whitfield', 'Partnerships Director', 0],
  ['Rohan', 'Mehta', 'Account Executive', 0],
  ['Clara', 'Jensen', 'Program Officer', 1],
  ['Tobias', 'Grant', 'Grants Manager', 1],
  ['Monique', 'Laurent', 'Events Sales Manager', 2],
  ['Bruno', 'Costa', 'General Manager', 2],
];

/**
 * What one CRM holds before the demo starts: every `every`-th buyer (from `offset`) as a contact
 * with a different phone number, so a pull has differences to show, plus the partners' people.
 */
export function crmPeople(sample: SampleData, opts: { every: number; offset: number }): CrmPerson[] {
  const buyers = sample.buyers.filter((_, i) => i % opts.every === opts.offset).map((b, i) => asContact(b, i));
  const partners = PARTNER_PEOPLE.map(([firstName, lastName, title, c], i): CrmPerson => {
    const company = PARTNER_COMPANIES[c];
    return { firstName, lastName, email: `${firstName}.${lastName}@${company.domain}`.toLowerCase(), phone: `(312) 555-01${70 + i}`, title, company, buyer: false };
  });
  return [...buyers, ...partners];
}

/** The same person as a salesperson typed them in: another phone number, sometimes another title. */
function asContact(b: SampleBuyer, i: number): CrmPerson {
  const otherLine = String((Number(b.phone.slice(-2)) + 37 + i) % 100).padStart(2, '0');
  return {
    firstName: b.firstName,
    lastName: b.lastName,
    email: b.email,
    phone: `+1 ${b.place.areaCode} 555 01${otherLine}`,
    title: b.jobTitle,
    company: b.company,
    buyer: true,
  };
}

/** Buyer companies the CRM already has (most of them), then the partners. */
export function crmCompanies(skip: number): SampleCompany[] {
  return [...COMPANIES.filter((_, i) => i % 4 !== skip), ...PARTNER_COMPANIES];
}
