import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { admin, call, create, errorCode, soql, startSalesforce, type Json, type SfTestEmulator } from './testkit';

let emu: SfTestEmulator;
beforeAll(async () => {
  emu = await startSalesforce();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await admin(emu, 'reset', {});
  expect((await admin(emu, 'permissions', {})).status).toBe(200);
});

const profile = {
  objects: { Campaign: { create: false, edit: false, delete: false }, Lead: { read: false } },
  fields: { Contact: { Phone: 'readOnly', Birthdate: 'hidden', Ticket_Buyer_Id__c: 'hidden' } },
};
const describeField = async (object: string, name: string) =>
  ((await call(emu, 'GET', `/sobjects/${object}/describe`)).body.fields as Json[]).find((f) => f.name === name);

describe('permission profile of the connected user', () => {
  it('is set and read through /__admin/permissions; unknown names and required fields are refused', async () => {
    const set = await admin(emu, 'permissions', profile);
    expect(set.status).toBe(200);
    expect((await call(emu, 'GET', '/__admin/permissions')).body).toEqual(profile);
    expect((await admin(emu, 'permissions', { fields: { Contact: { Nope__c: 'hidden' } } })).status).toBe(400);
    expect((await admin(emu, 'permissions', { objects: { Nope: { read: false } } })).status).toBe(400);
    const required = await admin(emu, 'permissions', { fields: { Contact: { LastName: 'hidden' } } });
    expect(required.status).toBe(400);
    expect(required.body.message).toContain('Contact.LastName');
    expect((await admin(emu, 'permissions', { fields: { Contact: { Phone: 'invisible' } } })).status).toBe(400);
    expect((await call(emu, 'GET', '/__admin/permissions')).body).toEqual(profile);
  });

  it('shows object permissions and field-level security in describe', async () => {
    await admin(emu, 'permissions', profile);
    const campaign = (await call(emu, 'GET', '/sobjects/Campaign/describe')).body;
    expect(campaign).toMatchObject({ queryable: true, createable: false, updateable: false, deletable: false });
    expect((await call(emu, 'GET', '/sobjects/Contact/describe')).body).toMatchObject({ createable: true, updateable: true, deletable: true });
    expect(await describeField('Contact', 'Phone')).toMatchObject({ createable: false, updateable: false, permissionable: true });
    expect(await describeField('Contact', 'Birthdate')).toBeUndefined();
    expect(await describeField('Contact', 'Email')).toMatchObject({ createable: true, updateable: true });
    const global = (await call(emu, 'GET', '/sobjects')).body.sobjects as Json[];
    expect(global.map((o) => o.name)).not.toContain('Lead');
    expect(global.find((o) => o.name === 'Campaign')).toMatchObject({ createable: false, updateable: false });
    expect((await call(emu, 'GET', '/sobjects/Lead/describe')).status).toBe(404);
    const account = (await call(emu, 'GET', '/sobjects/Account/describe')).body;
    expect(account.childRelationships.map((r: Json) => r.childSObject)).toContain('Contact');
  });

  it('hides fields from SOQL and record reads as if they did not exist', async () => {
    await admin(emu, 'permissions', profile);
    const id = await create(emu, 'Contact', { LastName: 'Fls', Email: 'fls@x.test' });
    const select = await soql(emu, 'SELECT Id, Birthdate FROM Contact');
    expect(select.status).toBe(400);
    expect(select.body[0].errorCode).toBe('INVALID_FIELD');
    expect(select.body[0].message).toContain("No such column 'Birthdate' on entity 'Contact'");
    expect(errorCode(await soql(emu, "SELECT Id FROM Contact WHERE Ticket_Buyer_Id__c = 'X'"))).toBe('INVALID_FIELD');
    expect(errorCode(await soql(emu, 'SELECT Id FROM Contact ORDER BY Birthdate'))).toBe('INVALID_FIELD');
    const all = await soql(emu, 'SELECT FIELDS(ALL) FROM Contact LIMIT 10');
    expect(Object.keys(all.body.records[0])).not.toContain('Birthdate');
    expect(Object.keys(all.body.records[0])).toContain('Phone');
    const rec = (await call(emu, 'GET', `/sobjects/Contact/${id}`)).body;
    expect(rec).not.toHaveProperty('Birthdate');
    expect(rec.Email).toBe('fls@x.test');
    expect(errorCode(await call(emu, 'GET', `/sobjects/Contact/${id}?fields=Birthdate`))).toBe('INVALID_FIELD');
    expect(errorCode(await soql(emu, 'SELECT Id FROM Lead'))).toBe('INVALID_TYPE');
    expect(errorCode(await soql(emu, 'SELECT Id, (SELECT Id FROM CampaignMembers) FROM Lead'))).toBe('INVALID_TYPE');
    const admins = (await call(emu, 'GET', '/__admin/records/Contact')).body as Json[];
    expect(admins[0]).toHaveProperty('Birthdate');
  });

  it('refuses writes: hidden fields as unknown columns, read-only fields, objects without Create/Edit/Delete', async () => {
    const contact = await create(emu, 'Contact', { LastName: 'Before', Phone: '555' });
    const campaign = await create(emu, 'Campaign', { Name: 'Before' });
    await admin(emu, 'permissions', profile);
    const hidden = await call(emu, 'POST', '/sobjects/Contact', { LastName: 'H', Birthdate: '1990-01-01' });
    expect(hidden.body).toEqual([{ errorCode: 'INVALID_FIELD', message: "No such column 'Birthdate' on sobject of type Contact", fields: [] }]);
    const readOnly = await call(emu, 'PATCH', `/sobjects/Contact/${contact}`, { Phone: '556' });
    expect(readOnly.status).toBe(400);
    expect(readOnly.body[0]).toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['Phone'] });
    expect(readOnly.body[0].message).toContain('Unable to create/update fields: Phone');
    const insert = await call(emu, 'POST', '/sobjects/Campaign', { Name: 'New' });
    expect(insert.body).toEqual([{ errorCode: 'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', message: 'entity type cannot be inserted: Campaign', fields: [] }]);
    const update = await call(emu, 'PATCH', `/sobjects/Campaign/${campaign}`, { Name: 'After' });
    expect(update.body[0]).toMatchObject({ errorCode: 'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', message: 'entity type cannot be updated: Campaign' });
    expect(errorCode(await call(emu, 'DELETE', `/sobjects/Campaign/${campaign}`))).toBe('INSUFFICIENT_ACCESS_OR_READONLY');
    expect(errorCode(await call(emu, 'POST', '/sobjects/Lead', { LastName: 'L', Company: 'C' }))).toBe('NOT_FOUND');
    expect((await call(emu, 'PATCH', '/sobjects/Contact/Ticket_Buyer_Id__c/TB-1', { LastName: 'U' })).status).toBe(404);
    const stored = (await call(emu, 'GET', `/__admin/records/Contact`)).body as Json[];
    expect(stored.map((c) => [c.LastName, c.Phone])).toEqual([['Before', '555']]);
    expect((await call(emu, 'PATCH', `/sobjects/Contact/${contact}`, { Email: 'ok@x.test' })).status).toBe(204);
  });

  it('applies in collections and Bulk API 2.0 too', async () => {
    await admin(emu, 'permissions', profile);
    const res = await call(emu, 'POST', '/composite/sobjects', {
      records: [
        { attributes: { type: 'Contact' }, LastName: 'Ok' },
        { attributes: { type: 'Contact' }, LastName: 'No', Phone: '1' },
        { attributes: { type: 'Campaign' }, Name: 'No' },
      ],
    });
    expect(res.body.map((r: Json) => r.success)).toEqual([true, false, false]);
    expect(res.body[1].errors[0].statusCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    expect(res.body[2].errors[0].statusCode).toBe('CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY');
    const job = (await call(emu, 'POST', '/jobs/ingest', { object: 'Contact', operation: 'insert', contentType: 'CSV', lineEnding: 'LF' })).body.id;
    await call(emu, 'PUT', `/jobs/ingest/${job}/batches`, 'LastName,Birthdate\nBulk,2000-01-01\n');
    await call(emu, 'PATCH', `/jobs/ingest/${job}`, { state: 'UploadComplete' });
    let info: Json;
    do info = (await call(emu, 'GET', `/jobs/ingest/${job}`)).body;
    while (!['JobComplete', 'Failed'].includes(info.state));
    expect(info).toMatchObject({ state: 'Failed', errorMessage: 'InvalidBatch : Field name not found : Birthdate' });
    const leadJob = await call(emu, 'POST', '/jobs/ingest', { object: 'Lead', operation: 'insert', contentType: 'CSV' });
    expect(leadJob.status).toBe(400);
  });

  it('comes from the seed, after the seed records load', async () => {
    const seeded = await startSalesforce({
      seed: { records: { Contact: [{ LastName: 'Seeded', Phone: '1' }] }, permissions: { fields: { Contact: { Phone: 'hidden' } } } },
    });
    try {
      expect(await describeFieldOf(seeded, 'Phone')).toBeUndefined();
      const rows = (await call(seeded, 'GET', '/__admin/records/Contact')).body as Json[];
      expect(rows[0]).toMatchObject({ LastName: 'Seeded', Phone: '1' });
      await admin(seeded, 'reset', {});
      expect((await call(seeded, 'GET', '/__admin/permissions')).body.fields).toEqual({ Contact: { Phone: 'hidden' } });
    } finally {
      await seeded.close();
    }
  });
});

async function describeFieldOf(e: SfTestEmulator, name: string) {
  return ((await call(e, 'GET', '/sobjects/Contact/describe')).body.fields as Json[]).find((f) => f.name === name);
}
