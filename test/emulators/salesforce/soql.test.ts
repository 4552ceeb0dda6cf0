import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, create, soql, startSalesforce, type Json, type SfTestEmulator } from './testkit';

let emu: SfTestEmulator;
let acme: string;
let globex: string;

/** Runs a query and returns its records (fails on an error answer). */
async function rows(q: string): Promise<Json[]> {
  const res = await soql(emu, q);
  if (res.status !== 200) throw new Error(`${q}: ${res.text}`);
  return res.body.records;
}
const names = async (q: string) => (await rows(q)).map((r) => r.LastName ?? r.Name);

beforeAll(async () => {
  emu = await startSalesforce();
  await fetch(`${emu.url}/__admin/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: '2025-03-15T12:00:00Z' }) });
  acme = await create(emu, 'Account', { Name: 'Acme', Industry: 'Media' });
  globex = await create(emu, 'Account', { Name: 'Globex', Industry: 'Technology' });
  const people = [
    { LastName: 'Adams', FirstName: 'Amy', AccountId: acme, Email: 'amy@acme.test', Total_Tickets__c: 3, Total_Spent__c: 90, Interests__c: 'Music;Sports', Last_Purchase_Date__c: '2025-03-15', Birthdate: '1990-05-01' },
    { LastName: 'Baker', FirstName: 'Bob', AccountId: acme, Email: 'bob@acme.test', Total_Tickets__c: 1, Total_Spent__c: 30, Interests__c: 'Music', Last_Purchase_Date__c: '2025-03-14' },
    { LastName: 'Clark', AccountId: globex, Total_Tickets__c: 5, Total_Spent__c: 150.5, Interests__c: 'Comedy', Last_Purchase_Date__c: '2025-03-01' },
    { LastName: 'Davis', FirstName: 'Dee', Total_Tickets__c: 2, Last_Purchase_Date__c: '2025-02-10' },
    { LastName: "O'Neil", FirstName: 'Oz', Email: 'oz@x.test', Last_Purchase_Date__c: '2024-12-31' },
  ];
  for (const p of people) await create(emu, 'Contact', p);
  const opp = await create(emu, 'Opportunity', { Name: 'Big deal', StageName: 'Closed Won', CloseDate: '2025-03-20', Amount: 1000, AccountId: acme });
  await create(emu, 'Opportunity', { Name: 'Small deal', StageName: 'Prospecting', CloseDate: '2025-04-01', Amount: 10, AccountId: acme });
  const amy = (await rows("SELECT Id FROM Contact WHERE LastName = 'Adams'"))[0].Id;
  await create(emu, 'OpportunityContactRole', { OpportunityId: opp, ContactId: amy, Role: 'Decision Maker', IsPrimary: true });
});
afterAll(() => emu.close());

describe('SOQL WHERE', () => {
  it('compares with =, != (case-insensitive text), <, >, <=, >= and null', async () => {
    expect(await names("SELECT LastName FROM Contact WHERE LastName = 'ADAMS'")).toEqual(['Adams']);
    expect(await names('SELECT LastName FROM Contact WHERE Total_Tickets__c > 2 ORDER BY LastName')).toEqual(['Adams', 'Clark']);
    expect(await names('SELECT LastName FROM Contact WHERE Total_Tickets__c <= 2 ORDER BY LastName')).toEqual(['Baker', 'Davis']);
    expect(await names('SELECT LastName FROM Contact WHERE FirstName = null ORDER BY LastName')).toEqual(['Clark']);
    expect(await names("SELECT LastName FROM Contact WHERE FirstName != 'amy' ORDER BY LastName")).toEqual(['Baker', 'Clark', 'Davis', "O'Neil"]);
    expect(await names("SELECT LastName FROM Contact WHERE LastName = 'O\\'Neil'")).toEqual(["O'Neil"]);
  });

  it('supports AND / OR / NOT with parentheses', async () => {
    expect(await names("SELECT LastName FROM Contact WHERE (FirstName = 'Amy' OR FirstName = 'Bob') AND NOT Total_Tickets__c = 1")).toEqual(['Adams']);
    expect(await names('SELECT LastName FROM Contact WHERE NOT (Total_Tickets__c > 1) ORDER BY LastName')).toEqual(['Baker', "O'Neil"]);
  });

  it('supports LIKE, IN, NOT IN, INCLUDES and EXCLUDES', async () => {
    expect(await names("SELECT LastName FROM Contact WHERE Email LIKE '%@acme.%' ORDER BY LastName")).toEqual(['Adams', 'Baker']);
    expect(await names("SELECT LastName FROM Contact WHERE LastName LIKE '_a%' ORDER BY LastName")).toEqual(['Baker', 'Davis']);
    expect(await names("SELECT LastName FROM Contact WHERE LastName IN ('adams', 'Clark') ORDER BY LastName")).toEqual(['Adams', 'Clark']);
    expect(await names("SELECT LastName FROM Contact WHERE LastName NOT IN ('Adams', 'Clark') ORDER BY LastName")).toEqual(['Baker', 'Davis', "O'Neil"]);
    expect(await names("SELECT LastName FROM Contact WHERE Interests__c INCLUDES ('Music') ORDER BY LastName")).toEqual(['Adams', 'Baker']);
    expect(await names("SELECT LastName FROM Contact WHERE Interests__c INCLUDES ('Music;Sports', 'Comedy') ORDER BY LastName")).toEqual(['Adams', 'Clark']);
    expect(await names("SELECT LastName FROM Contact WHERE Interests__c EXCLUDES ('Music') ORDER BY LastName")).toEqual(['Clark', 'Davis', "O'Neil"]);
  });

  it('filters through parent relationship fields and semi-joins', async () => {
    expect(await names("SELECT LastName FROM Contact WHERE Account.Name = 'Acme' ORDER BY LastName")).toEqual(['Adams', 'Baker']);
    expect(await names("SELECT LastName FROM Contact WHERE Account.Industry = 'Technology'")).toEqual(['Clark']);
    expect(await names('SELECT LastName FROM Contact WHERE Id IN (SELECT ContactId FROM OpportunityContactRole)')).toEqual(['Adams']);
    expect(await names('SELECT Name FROM Account WHERE Id NOT IN (SELECT AccountId FROM Contact WHERE AccountId != null)')).toEqual([]);
  });

  it('understands date literals and date/datetime literals (org clock 2025-03-15T12:00Z)', async () => {
    const q = (cond: string) => names(`SELECT LastName FROM Contact WHERE ${cond} ORDER BY LastName`);
    expect(await q('Last_Purchase_Date__c = TODAY')).toEqual(['Adams']);
    expect(await q('Last_Purchase_Date__c = YESTERDAY')).toEqual(['Baker']);
    expect(await q('Last_Purchase_Date__c = LAST_N_DAYS:1')).toEqual(['Adams', 'Baker']);
    expect(await q('Last_Purchase_Date__c = LAST_N_DAYS:14')).toEqual(['Adams', 'Baker', 'Clark']);
    expect(await q('Last_Purchase_Date__c = THIS_MONTH')).toEqual(['Adams', 'Baker', 'Clark']);
    expect(await q('Last_Purchase_Date__c = LAST_MONTH')).toEqual(['Davis']);
    expect(await q('Last_Purchase_Date__c < THIS_YEAR')).toEqual(["O'Neil"]);
    expect(await q('Last_Purchase_Date__c = N_DAYS_AGO:14')).toEqual(['Clark']);
    expect(await q('Last_Purchase_Date__c >= 2025-03-01 AND Last_Purchase_Date__c < 2025-03-15')).toEqual(['Baker', 'Clark']);
    expect((await q('CreatedDate = TODAY')).length).toBe(5);
    expect((await q('CreatedDate > 2025-03-15T11:59:59Z')).length).toBe(5);
    expect(await q('CreatedDate > 2025-03-15T12:00:01+00:00')).toEqual([]);
  });
});

describe('SOQL SELECT', () => {
  it('nests parent relationship fields as objects with attributes, null when there is no parent', async () => {
    const r = await rows('SELECT LastName, Account.Name, Account.Owner.Name FROM Contact ORDER BY LastName LIMIT 4');
    expect(r[0].Account).toEqual({
      attributes: { type: 'Account', url: `/services/data/v60.0/sobjects/Account/${acme}` },
      Name: 'Acme',
      Owner: { attributes: { type: 'User', url: expect.stringMatching(/\/sobjects\/User\/005/) }, Name: 'Emma Ulator' },
    });
    expect(r[3].Account).toBeNull();
    expect(Object.keys(r[0])).toEqual(['attributes', 'LastName', 'Account']);
  });

  it('returns child subqueries (Contacts, Opportunities, OpportunityContactRoles) with their own WHERE/ORDER/LIMIT', async () => {
    const accounts = await rows('SELECT Name, (SELECT LastName FROM Contacts ORDER BY LastName DESC), (SELECT Name FROM Opportunities WHERE IsWon = true) FROM Account ORDER BY Name');
    expect(accounts[0].Contacts.records.map((c: Json) => c.LastName)).toEqual(['Baker', 'Adams']);
    expect(accounts[0].Contacts).toMatchObject({ totalSize: 2, done: true });
    expect(accounts[0].Opportunities.records.map((o: Json) => o.Name)).toEqual(['Big deal']);
    expect(accounts[1].Opportunities).toBeNull();
    const opps = await rows("SELECT Name, (SELECT Role, Contact.LastName FROM OpportunityContactRoles) FROM Opportunity WHERE Name = 'Big deal'");
    expect(opps[0].OpportunityContactRoles.records[0]).toMatchObject({ Role: 'Decision Maker', Contact: { LastName: 'Adams' } });
  });

  it('orders with NULLS FIRST / NULLS LAST and pages with LIMIT / OFFSET', async () => {
    expect((await rows('SELECT FirstName FROM Contact ORDER BY FirstName')).map((r) => r.FirstName)).toEqual([null, 'Amy', 'Bob', 'Dee', 'Oz']);
    expect((await rows('SELECT FirstName FROM Contact ORDER BY FirstName NULLS LAST')).map((r) => r.FirstName)).toEqual(['Amy', 'Bob', 'Dee', 'Oz', null]);
    expect((await rows('SELECT FirstName FROM Contact ORDER BY FirstName DESC')).map((r) => r.FirstName)).toEqual(['Oz', 'Dee', 'Bob', 'Amy', null]);
    expect((await rows('SELECT FirstName FROM Contact ORDER BY FirstName DESC NULLS FIRST LIMIT 2 OFFSET 1')).map((r) => r.FirstName)).toEqual(['Oz', 'Dee']);
    const over = await soql(emu, 'SELECT Id FROM Contact OFFSET 2001');
    expect(over.body[0].errorCode).toBe('NUMBER_OUTSIDE_VALID_RANGE');
  });

  it('computes formula fields on read', async () => {
    const r = await rows("SELECT Full_Name__c, Days_Since_Last_Purchase__c FROM Contact WHERE LastName IN ('Adams', 'Clark') ORDER BY LastName");
    expect(r.map((x) => [x.Full_Name__c, x.Days_Since_Last_Purchase__c])).toEqual([['Amy Adams', 0], [' Clark', 14]]);
  });

  it('expands FIELDS(STANDARD) and requires LIMIT 200 for FIELDS(ALL)', async () => {
    const r = await rows("SELECT FIELDS(STANDARD) FROM Contact WHERE LastName = 'Adams'");
    expect(r[0]).toHaveProperty('Email', 'amy@acme.test');
    expect(r[0]).not.toHaveProperty('Ticket_Buyer_Id__c');
    expect((await rows('SELECT FIELDS(ALL) FROM Contact LIMIT 1'))[0]).toHaveProperty('Ticket_Buyer_Id__c');
    expect((await soql(emu, 'SELECT FIELDS(ALL) FROM Contact')).body[0].errorCode).toBe('MALFORMED_QUERY');
  });
});

describe('SOQL aggregates', () => {
  it('COUNT() answers only totalSize', async () => {
    const res = await soql(emu, "SELECT COUNT() FROM Contact WHERE Account.Name = 'Acme'");
    expect(res.body).toEqual({ totalSize: 2, done: true, records: [] });
  });

  it('GROUP BY with COUNT/SUM/AVG/MIN/MAX gives AggregateResult records named expr0, expr1... unless aliased', async () => {
    const r = await rows('SELECT AccountId, COUNT(Id), SUM(Total_Spent__c) spent, AVG(Total_Tickets__c), MIN(LastName), MAX(Last_Purchase_Date__c) FROM Contact WHERE AccountId != null GROUP BY AccountId ORDER BY AccountId');
    expect(r).toEqual([
      { attributes: { type: 'AggregateResult' }, AccountId: acme, expr0: 2, spent: 120, expr1: 2, expr2: 'Adams', expr3: '2025-03-15' },
      { attributes: { type: 'AggregateResult' }, AccountId: globex, expr0: 1, spent: 150.5, expr1: 5, expr2: 'Clark', expr3: '2025-03-01' },
    ]);
  });

  it('groups by parent fields, filters with HAVING and orders by an aggregate', async () => {
    const r = await rows('SELECT Account.Name, COUNT(Id) n FROM Contact GROUP BY Account.Name ORDER BY COUNT(Id) DESC, Account.Name NULLS LAST');
    expect(r.map((x) => [x.Name, x.n])).toEqual([['Acme', 2], [null, 2], ['Globex', 1]]);
    const having = await rows('SELECT Account.Name, COUNT(Id) n FROM Contact GROUP BY Account.Name HAVING COUNT(Id) > 1 ORDER BY Account.Name');
    expect(having.map((x) => x.Name)).toEqual([null, 'Acme']);
    const total = await rows('SELECT COUNT(Id) FROM Contact');
    expect(total).toEqual([{ attributes: { type: 'AggregateResult' }, expr0: 5 }]);
    const bad = await soql(emu, 'SELECT LastName, COUNT(Id) FROM Contact GROUP BY AccountId');
    expect(bad.body[0].errorCode).toBe('MALFORMED_QUERY');
  });
});

describe('queryAll and soft deletes', () => {
  it('hides deleted records from query and shows them with IsDeleted in queryAll', async () => {
    const id = await create(emu, 'Lead', { LastName: 'Temp', Company: 'T' });
    await call(emu, 'DELETE', `/sobjects/Lead/${id}`);
    expect((await rows("SELECT Id FROM Lead WHERE LastName = 'Temp'")).length).toBe(0);
    const all = await call(emu, 'GET', `/queryAll?q=${encodeURIComponent("SELECT Id, IsDeleted FROM Lead WHERE LastName = 'Temp'")}`);
    expect(all.body.records).toEqual([{ attributes: expect.any(Object), Id: id, IsDeleted: true }]);
    expect(emu.backend.records('Lead')).toContainEqual(expect.objectContaining({ Id: id, IsDeleted: true }));
  });
});
