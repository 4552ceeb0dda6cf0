import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, create, startSalesforce, type Json, type SfTestEmulator } from './testkit';

let emu: SfTestEmulator;
beforeAll(async () => {
  emu = await startSalesforce({ seed: { fields: { Contact: [{ name: 'Legacy_Id__c', type: 'string', length: 40, externalId: true }] } } });
});
afterAll(() => emu.close());

const SF_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000\+0000$/;

describe('sObject rows', () => {
  it('creates (201), reads (all fields or ?fields=), updates (204) and deletes (204) by id', async () => {
    const created = await call(emu, 'POST', '/sobjects/Contact', { FirstName: 'Grace', LastName: 'Hopper', Email: 'grace@navy.test' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.stringMatching(/^003[A-Za-z0-9]{15}$/), success: true, errors: [] });
    const id = created.body.id;
    const full = await call(emu, 'GET', `/sobjects/Contact/${id}`);
    expect(full.body).toMatchObject({ attributes: { type: 'Contact', url: `/services/data/v60.0/sobjects/Contact/${id}` }, Id: id, Name: 'Grace Hopper', IsDeleted: false, HasOptedOutOfEmail: false });
    const some = await call(emu, 'GET', `/sobjects/Contact/${id}?fields=LastName,Email`);
    expect(Object.keys(some.body)).toEqual(['attributes', 'LastName', 'Email']);
    const short = await call(emu, 'GET', `/sobjects/Contact/${id.slice(0, 15)}`);
    expect(short.body.Id).toBe(id);
    expect((await call(emu, 'PATCH', `/sobjects/Contact/${id}`, { Title: 'Rear Admiral' })).status).toBe(204);
    expect((await call(emu, 'GET', `/sobjects/Contact/${id}`)).body.Title).toBe('Rear Admiral');
    expect((await call(emu, 'DELETE', `/sobjects/Contact/${id}`)).status).toBe(204);
    expect((await call(emu, 'GET', `/sobjects/Contact/${id}`)).body[0].errorCode).toBe('ENTITY_IS_DELETED');
  });

  it('keeps CreatedDate and moves LastModifiedDate / SystemModstamp on update, in Salesforce datetime format', async () => {
    const id = await create(emu, 'Contact', { LastName: 'Stamp' });
    const before = (await call(emu, 'GET', `/sobjects/Contact/${id}`)).body;
    expect(before.CreatedDate).toMatch(SF_DATETIME);
    expect(before.SystemModstamp).toBe(before.CreatedDate);
    expect(before.CreatedById).toBe(emu.sf.state.org.identity.userId);
    emu.sf.advanceClock(5000);
    await call(emu, 'PATCH', `/sobjects/Contact/${id}`, { Phone: '555' });
    const after = (await call(emu, 'GET', `/sobjects/Contact/${id}`)).body;
    expect(after.CreatedDate).toBe(before.CreatedDate);
    expect(Date.parse(after.SystemModstamp) - Date.parse(before.SystemModstamp)).toBeGreaterThanOrEqual(4000);
    expect(after.LastModifiedDate).toBe(after.SystemModstamp);
  });

  it('upserts by external id: 201 created, 200 updated, 300 with the matches, 404 for a non-external-id field', async () => {
    const created = await call(emu, 'PATCH', '/sobjects/Contact/Ticket_Buyer_Id__c/EXT-1', { LastName: 'Upsert' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), success: true, errors: [], created: true });
    const updated = await call(emu, 'PATCH', '/sobjects/Contact/Ticket_Buyer_Id__c/ext-1', { LastName: 'Upserted' });
    expect(updated.status).toBe(200);
    expect(updated.body).toEqual({ id: created.body.id, success: true, errors: [], created: false });
    const a = await create(emu, 'Contact', { LastName: 'M1', Legacy_Id__c: 'SAME' });
    const b = await create(emu, 'Contact', { LastName: 'M2', Legacy_Id__c: 'SAME' });
    const multiple = await call(emu, 'PATCH', '/sobjects/Contact/Legacy_Id__c/SAME', { LastName: 'M3' });
    expect(multiple.status).toBe(300);
    expect(multiple.body).toEqual([`/services/data/v60.0/sobjects/Contact/${a}`, `/services/data/v60.0/sobjects/Contact/${b}`]);
    const notExternal = await call(emu, 'PATCH', '/sobjects/Contact/Email/x@y.test', { LastName: 'N' });
    expect(notExternal.status).toBe(404);
    expect(notExternal.body[0]).toEqual({ errorCode: 'NOT_FOUND', message: 'Provided external ID field does not exist or is not accessible: Email' });
    const updateOnly = await call(emu, 'PATCH', '/sobjects/Contact/Ticket_Buyer_Id__c/EXT-NEW?updateOnly=true', { LastName: 'N' });
    expect(updateOnly.status).toBe(404);
    const byExt = await call(emu, 'GET', '/sobjects/Contact/Ticket_Buyer_Id__c/EXT-1');
    expect(byExt.body).toMatchObject({ Id: created.body.id, LastName: 'Upserted' });
  });

  it('sets a parent through its external id in the body', async () => {
    await create(emu, 'Account', { Name: 'Parent Co', Ticket_Org_Id__c: 'ORG-9' });
    const id = await create(emu, 'Contact', { LastName: 'Child', Account: { Ticket_Org_Id__c: 'ORG-9' } });
    const rec = (await call(emu, 'GET', `/sobjects/Contact/${id}`)).body;
    expect((await call(emu, 'GET', `/sobjects/Account/${rec.AccountId}`)).body.Name).toBe('Parent Co');
  });
});

describe('describe', () => {
  it('lists objects in describeGlobal and answers basic info', async () => {
    const global = await call(emu, 'GET', '/sobjects');
    expect(global.body.maxBatchSize).toBe(200);
    const names = global.body.sobjects.map((s: Json) => s.name);
    for (const n of ['Account', 'Campaign', 'CampaignMember', 'CampaignMemberStatus', 'Contact', 'Lead', 'Opportunity', 'OpportunityContactRole', 'Ticket_Order__c']) expect(names).toContain(n);
    const contact = global.body.sobjects.find((s: Json) => s.name === 'Contact');
    expect(contact).toMatchObject({ keyPrefix: '003', custom: false, queryable: true, urls: { describe: '/services/data/v60.0/sobjects/Contact/describe' } });
    const info = await call(emu, 'GET', '/sobjects/Ticket_Order__c');
    expect(info.body.objectDescribe).toMatchObject({ name: 'Ticket_Order__c', custom: true, label: 'Ticket Order' });
  });

  it('describes fields with type, length, nillable, createable, updateable, calculated, externalId, unique, picklists, references', async () => {
    const d = (await call(emu, 'GET', '/sobjects/Contact/describe')).body;
    const f = (name: string) => d.fields.find((x: Json) => x.name === name);
    expect(f('LastName')).toMatchObject({ type: 'string', length: 80, nillable: false, createable: true, updateable: true, calculated: false });
    expect(f('Ticket_Buyer_Id__c')).toMatchObject({ type: 'string', externalId: true, unique: true, custom: true, idLookup: true });
    expect(f('Full_Name__c')).toMatchObject({ calculated: true, createable: false, updateable: false, calculatedFormula: expect.any(String) });
    expect(f('Days_Since_Last_Purchase__c')).toMatchObject({ type: 'double', calculated: true });
    expect(f('AccountId')).toMatchObject({ type: 'reference', referenceTo: ['Account'], relationshipName: 'Account', length: 18 });
    expect(f('LeadSource')).toMatchObject({ type: 'picklist', restrictedPicklist: false });
    expect(f('LeadSource').picklistValues[0]).toEqual({ active: true, defaultValue: false, label: 'Web', validFor: null, value: 'Web' });
    expect(f('Interests__c').type).toBe('multipicklist');
    expect(f('Id')).toMatchObject({ type: 'id', nillable: false, createable: false });
    expect(f('SystemModstamp')).toMatchObject({ type: 'datetime', createable: false, updateable: false });
    expect(d.childRelationships).toContainEqual(expect.objectContaining({ childSObject: 'OpportunityContactRole', field: 'ContactId', relationshipName: 'OpportunityContactRoles' }));
    const lead = (await call(emu, 'GET', '/sobjects/Lead/describe')).body;
    expect(lead.fields.find((x: Json) => x.name === 'Status')).toMatchObject({ restrictedPicklist: true, nillable: false, defaultedOnCreate: true });
    const opp = (await call(emu, 'GET', '/sobjects/Opportunity/describe')).body;
    expect(opp.fields.find((x: Json) => x.name === 'StageName')).toMatchObject({ restrictedPicklist: true, nillable: false });
  });
});

describe('API versions', () => {
  it('lists versions at /services/data and serves any listed version', async () => {
    const list = (await (await fetch(`${emu.url}/services/data`)).json()) as { version: string; url: string }[];
    expect(list).toContainEqual(expect.objectContaining({ version: '60.0', url: '/services/data/v60.0', label: "Spring '24" }));
    const latest = list[list.length - 1].version;
    const res = await call(emu, 'GET', `/services/data/v${latest}/sobjects/Contact/describe`);
    expect(res.status).toBe(200);
    const root = await call(emu, 'GET', '/services/data/v62.0');
    expect(root.body.query).toBe('/services/data/v62.0/query');
    expect(root.body.identity).toMatch(/\/id\/00D/);
  });
});
