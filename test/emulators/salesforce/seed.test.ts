import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createSalesforceBackend } from './backend';
import { call, soql, startSalesforce, type Json, type SfTestEmulator } from './testkit';

const example = JSON.parse(readFileSync(fileURLToPath(new URL('./seed.example.json', import.meta.url)), 'utf8'));

let emu: SfTestEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

describe('default metadata (no seed)', () => {
  it('starts with no records but with the fields the product exercises', async () => {
    emu = await startSalesforce();
    for (const obj of ['Contact', 'Lead', 'Account', 'Opportunity', 'OpportunityContactRole', 'Campaign', 'CampaignMember', 'CampaignMemberStatus', 'Ticket_Order__c']) {
      expect(emu.backend.records(obj)).toEqual([]);
    }
    expect(emu.backend.records('User')).toHaveLength(1);
    const fields = (await call(emu, 'GET', '/sobjects/Contact/describe')).body.fields as Json[];
    const ext = fields.filter((f) => f.externalId && f.unique && f.type === 'string');
    expect(ext.map((f) => f.name)).toContain('Ticket_Buyer_Id__c');
    const formulas = fields.filter((f) => f.calculated && !f.createable && !f.updateable);
    expect(formulas.map((f) => f.name)).toEqual(['Full_Name__c', 'Days_Since_Last_Purchase__c']);
  });
});

describe('seed file', () => {
  it('loads the shipped example: metadata, connected apps, limits and linked records', async () => {
    emu = await startSalesforce({ seed: example });
    const amy = (await soql(emu, "SELECT Id, Name, Account.Name, Tier__c, Spend_Band__c, CreatedDate, SystemModstamp FROM Contact WHERE Ticket_Buyer_Id__c = 'TB-1001'")).body.records[0];
    expect(amy).toMatchObject({ Name: 'Amy Adams', Account: { Name: 'Acme Events' }, Tier__c: 'Gold', Spend_Band__c: 'High' });
    expect(amy.CreatedDate).toBe('2025-01-05T10:00:00.000+0000');
    expect(amy.SystemModstamp).toBe('2025-03-01T09:30:00.000+0000');
    const ben = (await soql(emu, "SELECT Tier__c FROM Contact WHERE LastName = 'Brown'")).body.records[0];
    expect(ben.Tier__c).toBe('Bronze');
    expect((await soql(emu, "SELECT COUNT() FROM Contact WHERE LastName = 'Record'")).body.totalSize).toBe(0);
    const all = await call(emu, 'GET', `/queryAll?q=${encodeURIComponent("SELECT IsDeleted FROM Contact WHERE LastName = 'Record'")}`);
    expect(all.body.records[0].IsDeleted).toBe(true);
    const order = (await soql(emu, 'SELECT Name, Venue__r.City__c, Contact__r.Email FROM Ticket_Order__c')).body.records[0];
    expect(order).toMatchObject({ Name: 'TO-000001', Venue__r: { City__c: 'Lisbon' }, Contact__r: { Email: 'amy@example.test' } });
    const member = (await soql(emu, 'SELECT Status, HasResponded, Campaign.Name FROM CampaignMember')).body.records[0];
    expect(member).toMatchObject({ Status: 'Responded', HasResponded: true, Campaign: { Name: 'Spring Gala 2025' } });
    const limits = await call(emu, 'GET', '/limits');
    // 120 used by the seed, then the 7 calls of this test.
    expect(limits.headers.get('sforce-limit-info')).toBe('api-usage=127/15000');
    expect(limits.body.DailyApiRequests).toEqual({ Max: 15000, Remaining: 15000 - 127 });
    expect(emu.sf.state.config.apps.map((a) => a.clientId)).toContain('ticket-crm-sync-desktop');
    expect(emu.sf.state.org.identity.username).toBe('organizer@example-events.test');
  });

  it('rejects seeds with unknown keys or records that fail validation', () => {
    expect(() => createSalesforceBackend({ seed: { recrods: {} } })).toThrow(/Invalid Salesforce seed/);
    expect(() => createSalesforceBackend({ seed: { records: { Contact: [{ FirstName: 'NoLast' }] } } })).toThrow(/Contact\[0\] rejected: REQUIRED_FIELD_MISSING/);
    expect(() => createSalesforceBackend({ seed: { records: { Nope__c: [{}] } } })).toThrow(/unknown object Nope__c/);
  });

  it('keeps metadata but drops records on /__admin/reset', async () => {
    emu = await startSalesforce({ seed: example });
    expect((await fetch(`${emu.url}/__admin/reset`, { method: 'POST' })).status).toBe(200);
    expect(emu.backend.records('Contact')).toEqual([]);
    const admin = (await (await fetch(`${emu.url}/__admin/records/Venue__c`)).json()) as unknown[];
    expect(admin).toEqual([]);
    expect((await call(emu, 'GET', '/sobjects/Venue__c/describe')).status).toBe(200);
    expect((await fetch(`${emu.url}/__admin/records/Nope__c`)).status).toBe(404);
  });
});
