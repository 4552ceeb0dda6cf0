import { describe, expect, it } from 'vitest';
import { buildSampleData } from '../../main/demo/sample/index';
import { EVENTBRITE_LEADING_HEADERS } from '../../main/demo/sample/eventbrite-csv';
import { salesforceSeed } from '../../main/demo/seeds/salesforce';
import { hubspotSeed } from '../../main/demo/seeds/hubspot';
import { isValidEmail, normaliseEmail } from '../../main/import/values/email';

const today = new Date('2026-11-25T12:00:00Z');
const sample = buildSampleData({ today });
const allRows = sample.exports.flatMap((e) => e.rows);

describe('demo sample ticket exports', () => {
  it('are the same for the same seed and day', () => {
    const again = buildSampleData({ today });
    expect(again.exports.map((e) => e.csv)).toEqual(sample.exports.map((e) => e.csv));
    expect(buildSampleData({ today, seed: 7 }).exports[0].csv).not.toEqual(sample.exports[0].csv);
  });

  it('cover three events around today: two past, one to come', () => {
    expect(sample.events).toHaveLength(3);
    const days = sample.events.map((e) => e.date);
    expect(days.filter((d) => d < '2026-11-25')).toHaveLength(2);
    expect(days.filter((d) => d > '2026-11-25')).toHaveLength(1);
    for (const row of allRows) expect(row.orderedAt).toBeLessThan(today.getTime());
  });

  it('start with the published Eventbrite header line and end it with a comma', () => {
    for (const e of sample.exports) {
      const header = e.csv.split('\r\n')[0];
      expect(header.startsWith(EVENTBRITE_LEADING_HEADERS.join(','))).toBe(true);
      expect(header.endsWith(',Job Title,Company,')).toBe(true);
      expect(header).toContain('Cell Phone');
      expect(e.csv.split('\r\n')[1]).toMatch(/^\d{10},\d{1,2}\/\d{1,2}\/\d{2} \d{2}:\d{2},/);
    }
  });

  it('hold about 150 buyers with repeat buyers, companies, group orders and refunds', () => {
    const people = new Set(allRows.filter((r) => isValidEmail(normaliseEmail(r.email))).map((r) => normaliseEmail(r.email)));
    expect(people.size).toBe(150);
    expect(sample.buyers).toHaveLength(150);
    const events = new Map<string, Set<string>>();
    for (const e of sample.exports) for (const r of e.rows) events.set(normaliseEmail(r.email), (events.get(normaliseEmail(r.email)) ?? new Set()).add(e.event.slug));
    expect([...events.values()].filter((s) => s.size > 1).length).toBeGreaterThanOrEqual(15);
    expect(new Set(allRows.filter((r) => r.buyer.company).map((r) => r.buyer.company!.name)).size).toBeGreaterThanOrEqual(5);
    const perOrder = new Map<string, number>();
    for (const r of allRows) perOrder.set(r.orderNo, (perOrder.get(r.orderNo) ?? 0) + 1);
    expect([...perOrder.values()].some((n) => n >= 2)).toBe(true);
    expect(allRows.some((r) => r.orderType === 'Refunded' && r.attendeeStatus === 'Not Attending')).toBe(true);
    expect(allRows.some((r) => r.email !== r.email.toLowerCase() && isValidEmail(normaliseEmail(r.email)))).toBe(true);
  });

  it('carry five rows whose email no import can use', () => {
    expect(sample.badEmailRows).toHaveLength(5);
    for (const r of sample.badEmailRows) expect(isValidEmail(normaliseEmail(r.email))).toBe(false);
    const inFiles = allRows.filter((r) => !isValidEmail(normaliseEmail(r.email)));
    expect(inFiles).toHaveLength(5);
  });
});

describe('demo CRM seeds', () => {
  const buyerPhone = new Map(sample.buyers.map((b) => [b.email, b.phone]));
  const digits = (s: string) => s.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');

  it('give Salesforce contacts for some buyers with another phone number, accounts and opportunities', () => {
    const seed = salesforceSeed(sample);
    const contacts = seed.records.Contact as Array<Record<string, string>>;
    const buyers = contacts.filter((c) => buyerPhone.has(c.Email));
    expect(buyers.length).toBeGreaterThanOrEqual(10);
    for (const c of buyers) expect(digits(c.Phone)).not.toBe(digits(buyerPhone.get(c.Email)!));
    expect(contacts.length).toBeGreaterThan(buyers.length);
    expect(seed.records.Account.length).toBeGreaterThanOrEqual(8);
    expect(seed.records.Opportunity.length).toBeGreaterThanOrEqual(4);
    const accounts = new Set(seed.records.Account.map((a) => `@${a['@ref']}`));
    for (const o of seed.records.Opportunity) expect(accounts.has(String(o.AccountId))).toBe(true);
  });

  it('give HubSpot contacts (partly other buyers than Salesforce), companies, deals and associations', () => {
    const seed = hubspotSeed(sample);
    const buyers = seed.records.contacts.filter((c) => buyerPhone.has(c.properties.email));
    expect(buyers.length).toBeGreaterThanOrEqual(10);
    for (const c of buyers) expect(digits(c.properties.phone)).not.toBe(digits(buyerPhone.get(c.properties.email)!));
    const sfEmails = new Set((salesforceSeed(sample).records.Contact as Array<Record<string, string>>).map((c) => c.Email));
    expect(buyers.some((c) => !sfEmails.has(c.properties.email))).toBe(true);
    expect(seed.records.companies.length).toBeGreaterThanOrEqual(8);
    expect(seed.records.deals.length).toBeGreaterThanOrEqual(4);
    const ids = new Set([...seed.records.contacts, ...seed.records.companies, ...seed.records.deals].map((r) => r.id));
    for (const a of seed.associations) expect(ids.has(a.from.id) && ids.has(a.to.id)).toBe(true);
    expect(seed.associations.filter((a) => a.from.type === 'deals').length).toBeGreaterThanOrEqual(seed.records.deals.length);
  });
});
