import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type TestHub } from './test-helpers';

let hub: TestHub;
afterEach(async () => hub?.close());

const seed = {
  records: {
    contacts: [
      { id: '101', properties: { email: 'a@example.com' } },
      { id: '102', properties: { email: 'b@example.com' } },
    ],
    companies: [{ id: '201', properties: { name: 'Acme' } }],
    deals: [{ id: '301', properties: { dealname: 'Gala' } }],
  },
};

describe('associations v4', () => {
  it('PUT default associates both ways and GET lists them with their types', async () => {
    hub = await startHub({ seed });
    const put = await hub.call('PUT', '/crm/v4/objects/contacts/101/associations/default/companies/201');
    expect(put.status).toBe(200);
    expect(put.body.status).toBe('COMPLETE');
    expect(put.body.results).toEqual(
      expect.arrayContaining([
        { from: { id: '101' }, to: { id: '201' }, associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 279 } },
        { from: { id: '201' }, to: { id: '101' }, associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 280 } },
      ]),
    );
    const fromContact = await hub.call('GET', '/crm/v4/objects/contacts/101/associations/companies');
    expect(fromContact.body.results).toEqual([{ toObjectId: 201, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 279, label: null }] }]);
    const fromCompany = await hub.call('GET', '/crm/v4/objects/companies/201/associations/contacts');
    expect(fromCompany.body.results[0].toObjectId).toBe(101);
  });

  it('answers 404 when either object is missing', async () => {
    hub = await startHub({ seed });
    const res = await hub.call('PUT', '/crm/v4/objects/contacts/101/associations/default/companies/999');
    expect(res.status).toBe(404);
    expect(res.body.category).toBe('OBJECT_NOT_FOUND');
  });

  it('labelled PUT adds the Primary company and DELETE removes the pair', async () => {
    hub = await startHub({ seed });
    const res = await hub.call('PUT', '/crm/v4/objects/contacts/101/associations/companies/201', [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 1 }]);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ fromObjectTypeId: '0-1', fromObjectId: 101, toObjectTypeId: '0-2', toObjectId: 201, labels: ['Primary'] });
    const wrong = await hub.call('PUT', '/crm/v4/objects/contacts/101/associations/companies/201', [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 3 }]);
    expect(wrong.status).toBe(400);
    expect((await hub.call('DELETE', '/crm/v4/objects/contacts/101/associations/companies/201')).status).toBe(204);
    expect((await hub.call('GET', '/crm/v4/objects/companies/201/associations/contacts')).body.results).toEqual([]);
  });

  it('batch associate default, read (207 for objects with none) and archive', async () => {
    hub = await startHub({ seed });
    const create = await hub.call('POST', '/crm/v4/associations/deals/contacts/batch/associate/default', {
      inputs: [{ from: { id: '301' }, to: { id: '101' } }, { from: { id: '301' }, to: { id: '102' } }],
    });
    expect(create.status).toBe(200);
    expect(create.body.results).toHaveLength(4);
    const read = await hub.call('POST', '/crm/v4/associations/contacts/deals/batch/read', { inputs: [{ id: '101' }, { id: '102' }] });
    expect(read.status).toBe(200);
    expect(read.body.results.map((r: { from: { id: string } }) => r.from.id).sort()).toEqual(['101', '102']);
    expect(read.body.results[0].to[0]).toMatchObject({ toObjectId: 301, associationTypes: [{ typeId: 4, category: 'HUBSPOT_DEFINED' }] });
    const archive = await hub.call('POST', '/crm/v4/associations/deals/contacts/batch/archive', { inputs: [{ from: { id: '301' }, to: [{ id: '102' }] }] });
    expect(archive.status).toBe(204);
    const after = await hub.call('POST', '/crm/v4/associations/contacts/deals/batch/read', { inputs: [{ id: '101' }, { id: '102' }] });
    expect(after.status).toBe(207);
    expect(after.body.errors[0]).toMatchObject({ category: 'OBJECT_NOT_FOUND', subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND', context: { fromObjectId: ['102'] } });
  });

  it('batch create with explicit types answers 201 with labels', async () => {
    hub = await startHub({ seed });
    const res = await hub.call('POST', '/crm/v4/associations/deals/companies/batch/create', {
      inputs: [{ from: { id: '301' }, to: { id: '201' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 5 }] }],
    });
    expect(res.status).toBe(201);
    expect(res.body.results[0]).toMatchObject({ fromObjectId: 301, toObjectId: 201, labels: ['Primary'] });
    const partial = await hub.call('POST', '/crm/v4/associations/deals/companies/batch/create', {
      inputs: [{ from: { id: '301' }, to: { id: '999' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 341 }] }],
    });
    expect(partial.status).toBe(207);
  });

  it('refuses more than 100 batch inputs', async () => {
    hub = await startHub({ seed });
    const inputs = Array.from({ length: 101 }, () => ({ id: '101' }));
    expect((await hub.call('POST', '/crm/v4/associations/contacts/companies/batch/read', { inputs })).status).toBe(400);
  });
});

describe('associations through the v3 objects API', () => {
  it('creates with associations and reads them back with ?associations=', async () => {
    hub = await startHub({ seed });
    const created = await hub.call('POST', '/crm/v3/objects/contacts', {
      properties: { email: 'new@example.com' },
      associations: [{ to: { id: '201' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 279 }] }],
    });
    expect(created.status).toBe(201);
    const read = await hub.call('GET', `/crm/v3/objects/contacts/${created.body.id}?associations=companies,deals`);
    expect(read.body.associations).toEqual({ companies: { results: [{ id: '201', type: 'contact_to_company_unlabeled' }] } });
    const bad = await hub.call('POST', '/crm/v3/objects/contacts', {
      properties: { email: 'bad@example.com' },
      associations: [{ to: { id: '999' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 279 }] }],
    });
    expect(bad.status).toBe(400);
    expect((await hub.call('GET', '/crm/v3/objects/contacts/bad@example.com?idProperty=email')).status).toBe(404);
  });

  it('hides associations of archived records and moves them on merge', async () => {
    hub = await startHub({ seed });
    await hub.call('PUT', '/crm/v4/objects/contacts/101/associations/default/companies/201');
    await hub.call('DELETE', '/crm/v3/objects/companies/201');
    expect((await hub.call('GET', '/crm/v4/objects/contacts/101/associations/companies')).body.results).toEqual([]);
    await hub.call('PUT', '/crm/v4/objects/contacts/102/associations/default/deals/301');
    const merged = await hub.call('POST', '/crm/v3/objects/contacts/merge', { primaryObjectId: '101', objectIdToMerge: '102' });
    const deals = await hub.call('GET', `/crm/v4/objects/contacts/${merged.body.id}/associations/deals`);
    expect(deals.body.results.map((r: { toObjectId: number }) => r.toObjectId)).toEqual([301]);
  });
});
