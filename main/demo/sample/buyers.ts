import type { Random } from './random';
import { COMPANIES, FIRST_NAMES, JOB_TITLES, LAST_NAMES, PERSONAL_DOMAINS, PLACES, STREETS, type SampleCompany, type SamplePlace } from './pools';

/** One made-up ticket buyer as the ticketing platform knows them. */
export interface SampleBuyer {
  firstName: string;
  lastName: string;
  email: string;
  /** As typed at checkout, e.g. "(415) 555-0134". */
  phone: string;
  company: SampleCompany | null;
  jobTitle: string;
  street: string;
  place: SamplePlace;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

function emailOf(rand: Random, first: string, last: string, company: SampleCompany | null): string {
  if (company && rand.chance(0.7)) return `${slug(first)}.${slug(last)}@${company.domain}`;
  const domain = rand.pick(PERSONAL_DOMAINS);
  const style = rand.int(0, 2);
  const local = style === 0 ? `${slug(first)}.${slug(last)}` : style === 1 ? `${slug(first)[0]}${slug(last)}` : `${slug(first)}${slug(last)}${rand.int(1, 99)}`;
  return `${local}@${domain}`;
}

/** A number in the fictional 555-0100…0199 range; `n` keeps buyers of one area code apart. */
export const samplePhone = (areaCode: string, n: number): string => `(${areaCode}) 555-01${String(n % 100).padStart(2, '0')}`;

/** `count` buyers with distinct names and emails, about 40% of them with a company. */
export function sampleBuyers(rand: Random, count: number): SampleBuyer[] {
  const buyers: SampleBuyer[] = [];
  const taken = new Set<string>();
  while (buyers.length < count) {
    const firstName = rand.pick(FIRST_NAMES);
    const lastName = rand.pick(LAST_NAMES);
    const company = rand.chance(0.4) ? rand.pick(COMPANIES) : null;
    const email = emailOf(rand, firstName, lastName, company);
    if (taken.has(`${firstName} ${lastName}`) || taken.has(email)) continue;
    taken.add(`${firstName} ${lastName}`).add(email);
    const place = company ? (PLACES.find((p) => p.city === company.city) ?? rand.pick(PLACES)) : rand.pick(PLACES);
    buyers.push({
      firstName,
      lastName,
      email,
      phone: samplePhone(place.areaCode, buyers.length),
      company,
      jobTitle: company ? rand.pick(JOB_TITLES) : '',
      street: `${rand.int(12, 2400)} ${rand.pick(STREETS)}`,
      place,
    });
  }
  return buyers;
}
