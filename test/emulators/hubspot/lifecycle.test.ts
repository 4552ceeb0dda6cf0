import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type TestHub } from './test-helpers';

let hub: TestHub;
afterEach(async () => hub?.close());

const stageOf = async (type: string, id: string) => (await hub.call('GET', `/crm/v3/objects/${type}/${id}?properties=lifecyclestage`)).body.properties.lifecyclestage;
const patch = (type: string, id: string, lifecyclestage: string) => hub.call('PATCH', `/crm/v3/objects/${type}/${id}`, { properties: { lifecyclestage } });

describe('lifecycle stage only moves forward through the API', () => {
  it('moves a contact forward', async () => {
    hub = await startHub();
    const { body } = await hub.call('POST', '/crm/v3/objects/contacts', { properties: { email: 'a@example.com', lifecyclestage: 'lead' } });
    expect((await patch('contacts', body.id, 'customer')).status).toBe(200);
    expect(await stageOf('contacts', body.id)).toBe('customer');
  });

  it('keeps the later stage when asked to go back, answering 200 with the stage it kept', async () => {
    hub = await startHub({ manualClock: true });
    const { body } = await hub.call('POST', '/crm/v3/objects/contacts', { properties: { email: 'b@example.com', lifecyclestage: 'customer' } });
    const before = (await hub.call('GET', `/crm/v3/objects/contacts/${body.id}`)).body.updatedAt;
    hub.advance(60_000);
    const back = await patch('contacts', body.id, 'lead');
    expect(back.status).toBe(200);
    expect(back.body.properties.lifecyclestage).toBe('customer');
    expect(await stageOf('contacts', body.id)).toBe('customer');
    expect((await hub.call('GET', `/crm/v3/objects/contacts/${body.id}`)).body.updatedAt).toBe(before);
  });

  it('lets a cleared stage be set to an earlier one', async () => {
    hub = await startHub();
    const { body } = await hub.call('POST', '/crm/v3/objects/contacts', { properties: { email: 'c@example.com', lifecyclestage: 'customer' } });
    await patch('contacts', body.id, '');
    expect(await stageOf('contacts', body.id)).toBeNull();
    await patch('contacts', body.id, 'subscriber');
    expect(await stageOf('contacts', body.id)).toBe('subscriber');
  });

  it('applies the same rule in batch updates and upserts, and to companies', async () => {
    hub = await startHub();
    const contact = await hub.call('POST', '/crm/v3/objects/contacts', { properties: { email: 'd@example.com', lifecyclestage: 'opportunity' } });
    const batch = await hub.call('POST', '/crm/v3/objects/contacts/batch/update', {
      inputs: [{ id: contact.body.id, properties: { lifecyclestage: 'lead', firstname: 'Dee' } }],
    });
    expect(batch.status).toBe(200);
    expect(batch.body.results[0].properties).toMatchObject({ lifecyclestage: 'opportunity', firstname: 'Dee' });
    await hub.call('POST', '/crm/v3/objects/contacts/batch/upsert', {
      inputs: [{ id: 'd@example.com', idProperty: 'email', properties: { lifecyclestage: 'subscriber' } }],
    });
    expect(await stageOf('contacts', contact.body.id)).toBe('opportunity');

    const company = await hub.call('POST', '/crm/v3/objects/companies', { properties: { name: 'Acme', lifecyclestage: 'customer' } });
    await patch('companies', company.body.id, 'lead');
    expect(await stageOf('companies', company.body.id)).toBe('customer');
    await patch('companies', company.body.id, 'evangelist');
    expect(await stageOf('companies', company.body.id)).toBe('evangelist');
  });
});
