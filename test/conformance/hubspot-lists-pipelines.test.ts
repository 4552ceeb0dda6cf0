// Conformance: @hubspot/api-client, unchanged, on CRM lists, pipelines, deal stages and lifecycle stages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@hubspot/api-client';
import { ApiException as ContactsApiException } from '@hubspot/api-client/lib/codegen/crm/contacts';
import { ApiException as DealsApiException } from '@hubspot/api-client/lib/codegen/crm/deals';
import { ApiException as ListsApiException } from '@hubspot/api-client/lib/codegen/crm/lists';
import { ApiException as PipelinesApiException } from '@hubspot/api-client/lib/codegen/crm/pipelines';
import { startEmulator, type Emulator } from '../emulators/index';

const TOKEN = 'pat-conformance-lists';
const PEOPLE = ['101', '102', '103'].map((id) => ({ id, properties: { email: `p${id}@example.com` } }));

let emu: Emulator;
let client: Client;

beforeAll(async () => {
  emu = await startEmulator('hubspot', { token: TOKEN, seed: { records: { contacts: PEOPLE } } });
  client = new Client({ accessToken: TOKEN, basePath: emu.url });
});
afterAll(async () => emu?.close());

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('lists through client.crm.lists', () => {
  it('creates a static contact list, finds it by id, name and search, and manages memberships', async () => {
    const { listsApi, membershipsApi } = client.crm.lists;
    const { list } = await listsApi.create({ name: 'Autumn Gala buyers', objectTypeId: '0-1', processingType: 'MANUAL' });
    expect(list).toMatchObject({ name: 'Autumn Gala buyers', objectTypeId: '0-1', processingType: 'MANUAL', processingStatus: 'COMPLETE', listVersion: 1 });
    expect(list.createdAt).toBeInstanceOf(Date);

    expect((await listsApi.getById(list.listId)).list.name).toBe('Autumn Gala buyers');
    expect((await listsApi.getByName('Autumn Gala buyers', '0-1')).list.listId).toBe(list.listId);
    const found = await listsApi.doSearch({ query: 'gala', processingTypes: ['MANUAL'] });
    expect(found.total).toBe(1);
    expect(found.lists[0].listId).toBe(list.listId);

    const added = await membershipsApi.add(list.listId, ['101', '102', '999']);
    expect(added).toEqual({ recordIdsRemoved: [], recordsIdsAdded: ['101', '102'], recordIdsMissing: ['999'] });
    const removed = await membershipsApi.remove(list.listId, ['102']);
    expect(removed.recordIdsRemoved).toEqual(['102']);
    await membershipsApi.add(list.listId, ['103']);

    const first = await membershipsApi.getPage(list.listId, undefined, undefined, 1);
    expect(first.results.map((r) => r.recordId)).toEqual(['101']);
    expect(first.results[0].membershipTimestamp).toBeInstanceOf(Date);
    const second = await membershipsApi.getPage(list.listId, first.paging!.next!.after, undefined, 1);
    expect(second.results.map((r) => r.recordId)).toEqual(['103']);
    expect(second.paging?.next).toBeUndefined();
    expect((await listsApi.getById(list.listId)).list.size).toBe(2);

    const ofRecord = await membershipsApi.getLists('0-1', '101');
    expect(ofRecord.results.map((r) => r.listId)).toEqual([list.listId]);
  });

  it('surfaces an unknown list and a duplicate name as the lists module typed errors', async () => {
    const { listsApi } = client.crm.lists;
    const missing = await rejection(listsApi.getByName('No such list', '0-1'));
    expect(missing).toBeInstanceOf(ListsApiException);
    expect((missing as ListsApiException<unknown>).code).toBe(404);
    await listsApi.create({ name: 'Twice', objectTypeId: '0-1', processingType: 'MANUAL' });
    const twice = await rejection(listsApi.create({ name: 'Twice', objectTypeId: '0-1', processingType: 'MANUAL' }));
    expect(twice).toBeInstanceOf(ListsApiException);
    expect((twice as ListsApiException<unknown>).code).toBe(409);
  });
});

describe('pipelines through client.crm.pipelines', () => {
  it('lists deal pipelines with their stages and metadata, and reads one pipeline and one stage', async () => {
    const { pipelinesApi, pipelineStagesApi } = client.crm.pipelines;
    const all = await pipelinesApi.getAll('deals');
    expect(all.results.map((p) => p.label)).toEqual(['Sales Pipeline', 'Events']);
    const sales = all.results[0];
    expect(sales.createdAt).toBeInstanceOf(Date);
    expect(sales.stages.find((s) => s.id === 'closedlost')?.metadata).toEqual({ isClosed: 'true', probability: '0.0' });

    const events = await pipelinesApi.getById('deals', all.results[1].id);
    const lost = events.stages.find((s) => s.metadata?.isClosed === 'true' && s.metadata?.probability === '0.0')!;
    expect(lost.label).toBe('Closed lost');
    const stages = await pipelineStagesApi.getAll('deals', events.id);
    expect(stages.results).toHaveLength(events.stages.length);
    expect((await pipelineStagesApi.getById('deals', 'default', 'contractsent')).metadata).toEqual({ isClosed: 'false', probability: '0.9' });

    const missing = await rejection(pipelinesApi.getById('deals', 'nosuch'));
    expect(missing).toBeInstanceOf(PipelinesApiException);
    expect((missing as PipelinesApiException<unknown>).code).toBe(404);
  });

  it('creates a deal in a stage of the chosen pipeline and refuses a stage of another pipeline', async () => {
    const events = (await client.crm.pipelines.pipelinesApi.getAll('deals')).results[1];
    const open = events.stages[0].id;
    const deal = await client.crm.deals.basicApi.create({ properties: { dealname: 'Order 42', pipeline: events.id, dealstage: open }, associations: [] });
    expect(deal.properties).toMatchObject({ pipeline: events.id, dealstage: open });
    const wrong = await rejection(client.crm.deals.basicApi.update(deal.id, { properties: { dealstage: 'closedlost' } }));
    expect(wrong).toBeInstanceOf(DealsApiException);
    expect((wrong as DealsApiException<{ category: string }>).code).toBe(400);
    expect((wrong as DealsApiException<{ category: string }>).body.category).toBe('VALIDATION_ERROR');
  });
});

describe('lifecycle stage through client.crm.contacts', () => {
  it('moves forward, keeps a later stage against a backward update, and moves back only after clearing', async () => {
    const contacts = client.crm.contacts.basicApi;
    const c = await contacts.create({ properties: { email: 'stage@example.com', lifecyclestage: 'lead' }, associations: [] });
    expect((await contacts.update(c.id, { properties: { lifecyclestage: 'customer' } })).properties.lifecyclestage).toBe('customer');
    expect((await contacts.update(c.id, { properties: { lifecyclestage: 'lead' } })).properties.lifecyclestage).toBe('customer');
    await contacts.update(c.id, { properties: { lifecyclestage: '' } });
    expect((await contacts.update(c.id, { properties: { lifecyclestage: 'lead' } })).properties.lifecyclestage).toBe('lead');
    const bad = await rejection(contacts.update(c.id, { properties: { lifecyclestage: 'vip' } }));
    expect(bad).toBeInstanceOf(ContactsApiException);
  });
});
