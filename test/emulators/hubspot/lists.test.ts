import { afterEach, describe, expect, it } from 'vitest';
import { oauthTokens, startHub, type HubBody, type TestHub } from './test-helpers';

let hub: TestHub;
afterEach(async () => hub?.close());

const PEOPLE = ['101', '102', '103', '104', '105'].map((id) => ({ id, properties: { email: `p${id}@example.com` } }));
const start = () => startHub({ seed: { records: { contacts: PEOPLE, companies: [{ id: '201', properties: { name: 'Acme' } }] } } });

interface ListBody {
  list: { listId: string; name: string; objectTypeId: string; processingType: string; processingStatus: string; listVersion: number; size: number };
}
const createList = async (name: string, extra: Record<string, unknown> = {}) => {
  const res = await hub.call('POST', '/crm/v3/lists', { name, objectTypeId: '0-1', processingType: 'MANUAL', ...extra });
  return { ...res, list: (res.body as unknown as ListBody).list };
};
const listOf = (body: HubBody) => (body as unknown as ListBody).list;

describe('lists: definitions', () => {
  it('creates a MANUAL contact list and reads it by id and by name', async () => {
    hub = await start();
    const created = await createList('Autumn Gala 2026');
    expect(created.status).toBe(200);
    expect(created.list).toMatchObject({ name: 'Autumn Gala 2026', objectTypeId: '0-1', processingType: 'MANUAL', processingStatus: 'COMPLETE', listVersion: 1, size: 0 });
    expect(created.list.listId).toMatch(/^\d+$/);
    const byId = await hub.call('GET', `/crm/v3/lists/${created.list.listId}`);
    expect(listOf(byId.body).name).toBe('Autumn Gala 2026');
    const byName = await hub.call('GET', `/crm/v3/lists/object-type-id/0-1/name/${encodeURIComponent('Autumn Gala 2026')}`);
    expect(listOf(byName.body).listId).toBe(created.list.listId);
    const none = await hub.call('GET', '/crm/v3/lists/object-type-id/0-1/name/Nope');
    expect(none.status).toBe(404);
    expect(none.body.category).toBe('OBJECT_NOT_FOUND');
  });

  it('refuses a blank name, an unknown object type or processing type, and a second list of the same name', async () => {
    hub = await start();
    expect((await createList('  ')).status).toBe(400);
    expect((await createList('X', { objectTypeId: '9-99' })).status).toBe(400);
    expect((await createList('X', { processingType: 'WEEKLY' })).status).toBe(400);
    expect((await createList('Same')).status).toBe(200);
    const again = await createList('Same');
    expect(again.status).toBe(409);
    expect(again.body.category).toBe('CONFLICT');
    expect((await createList('Same', { objectTypeId: '0-2' })).status).toBe(200);
  });

  it('searches lists by name and processing type with offset paging, and fetches several by id', async () => {
    hub = await start();
    const ids: string[] = [];
    for (const name of ['Gala VIP', 'Gala general', 'Spring fair']) ids.push((await createList(name)).list.listId);
    await hub.call('PUT', `/crm/v3/lists/${ids[0]}/memberships/add`, ['101', '102']);
    const res = await hub.call('POST', '/crm/v3/lists/search', { query: 'gala', processingTypes: ['MANUAL'], count: 1 });
    expect(res.body).toMatchObject({ total: 2, offset: 1, hasMore: true });
    const lists = res.body.lists as unknown as Array<{ name: string; additionalProperties: Record<string, string> }>;
    expect(lists[0].name).toBe('Gala VIP');
    expect(lists[0].additionalProperties.hs_list_size).toBe('2');
    const next = await hub.call('POST', '/crm/v3/lists/search', { query: 'gala', offset: 1 });
    expect((next.body.lists as unknown as Array<{ name: string }>).map((l) => l.name)).toEqual(['Gala general']);
    expect(next.body.hasMore).toBe(false);
    const several = await hub.call('GET', `/crm/v3/lists?listIds=${ids[0]}&listIds=${ids[2]}`);
    expect((several.body.lists as unknown as Array<{ name: string }>).map((l) => l.name)).toEqual(['Gala VIP', 'Spring fair']);
  });

  it('renames, deletes and restores a list', async () => {
    hub = await start();
    const { list } = await createList('Old name');
    const renamed = await hub.call('PUT', `/crm/v3/lists/${list.listId}/update-list-name?listName=New%20name`);
    expect(renamed.status).toBe(200);
    expect((renamed.body.updatedList as unknown as { name: string; listVersion: number })).toMatchObject({ name: 'New name', listVersion: 2 });
    expect((await hub.call('DELETE', `/crm/v3/lists/${list.listId}`)).status).toBe(204);
    expect((await hub.call('GET', `/crm/v3/lists/${list.listId}`)).status).toBe(404);
    expect((await hub.call('PUT', `/crm/v3/lists/${list.listId}/restore`)).status).toBe(204);
    expect((await hub.call('GET', `/crm/v3/lists/${list.listId}`)).status).toBe(200);
  });

  it('needs crm.lists.read / crm.lists.write from OAuth tokens', async () => {
    hub = await start();
    const contactsOnly = await oauthTokens(hub);
    const auth = (t: string) => ({ authorization: `Bearer ${t}` });
    const refused = await hub.call('POST', '/crm/v3/lists', { name: 'L', objectTypeId: '0-1', processingType: 'MANUAL' }, auth(contactsOnly.access_token));
    expect(refused.status).toBe(403);
    expect(refused.body.category).toBe('MISSING_SCOPES');
    const readOnly = await oauthTokens(hub, 'crm.lists.read');
    expect((await hub.call('POST', '/crm/v3/lists/search', {}, auth(readOnly.access_token))).status).toBe(200);
    expect((await hub.call('POST', '/crm/v3/lists', { name: 'L', objectTypeId: '0-1', processingType: 'MANUAL' }, auth(readOnly.access_token))).status).toBe(403);
    const writer = await oauthTokens(hub, 'crm.lists.read crm.lists.write');
    expect((await hub.call('POST', '/crm/v3/lists', { name: 'L', objectTypeId: '0-1', processingType: 'MANUAL' }, auth(writer.access_token))).status).toBe(200);
  });
});

describe('lists: memberships', () => {
  it('adds records, ignoring members already in and reporting unknown ids as missing', async () => {
    hub = await start();
    const { list } = await createList('Buyers');
    const first = await hub.call('PUT', `/crm/v3/lists/${list.listId}/memberships/add`, ['101', '102', '999']);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ recordIdsRemoved: [], recordsIdsAdded: ['101', '102'], recordIdsMissing: ['999'] });
    const second = await hub.call('PUT', `/crm/v3/lists/${list.listId}/memberships/add`, [102, 103]);
    expect(second.body.recordsIdsAdded).toEqual(['103']);
    expect(listOf((await hub.call('GET', `/crm/v3/lists/${list.listId}`)).body).size).toBe(3);
    // A company id is not a contact: missing here.
    expect((await hub.call('PUT', `/crm/v3/lists/${list.listId}/memberships/add`, ['201'])).body.recordIdsMissing).toEqual(['201']);
  });

  it('removes records and reports ids that were not members', async () => {
    hub = await start();
    const { list } = await createList('Buyers');
    await hub.call('PUT', `/crm/v3/lists/${list.listId}/memberships/add`, ['101', '102']);
    const removed = await hub.call('PUT', `/crm/v3/lists/${list.listId}/memberships/remove`, ['102', '104']);
    expect(removed.body).toEqual({ recordIdsRemoved: ['102'], recordsIdsAdded: [], recordIdsMissing: ['104'] });
    const both = await hub.call('PUT', `/crm/v3/lists/${list.listId}/memberships/add-and-remove`, { recordIdsToAdd: ['105'], recordIdsToRemove: ['101'] });
    expect(both.body).toMatchObject({ recordsIdsAdded: ['105'], recordIdsRemoved: ['101'] });
    expect((await hub.call('DELETE', `/crm/v3/lists/${list.listId}/memberships`)).status).toBe(204);
    expect((await hub.call('GET', `/crm/v3/lists/${list.listId}/memberships`)).body.total).toBe(0);
  });

  it('pages memberships in record id order with after and before cursors', async () => {
    hub = await start();
    const { list } = await createList('Buyers');
    await hub.call('PUT', `/crm/v3/lists/${list.listId}/memberships/add`, ['105', '101', '103', '102']);
    const first = await hub.call('GET', `/crm/v3/lists/${list.listId}/memberships?limit=3`);
    expect(first.body.results.map((r) => r.recordId)).toEqual(['101', '102', '103']);
    expect(first.body.total).toBe(4);
    expect(first.body).not.toHaveProperty('paging.prev');
    const second = await hub.call('GET', `/crm/v3/lists/${list.listId}/memberships?limit=3&after=${first.body.paging.next.after}`);
    expect(second.body.results.map((r) => r.recordId)).toEqual(['105']);
    expect(second.body).not.toHaveProperty('paging.next');
    const back = await hub.call('GET', `/crm/v3/lists/${list.listId}/memberships?limit=3&before=${(second.body.paging as unknown as { prev: { before: string } }).prev.before}`);
    expect(back.body.results.map((r) => r.recordId)).toEqual(['101', '102', '103']);
    expect(Date.parse(String(first.body.results[0].membershipTimestamp))).not.toBeNaN();
    expect((await hub.call('GET', `/crm/v3/lists/${list.listId}/memberships?limit=251`)).status).toBe(400);
  });

  it('orders by join time on join-order and lists the lists of a record', async () => {
    hub = await startHub({ manualClock: true, seed: { records: { contacts: PEOPLE } } });
    const { list } = await createList('Buyers');
    const other = (await createList('Other')).list;
    await hub.call('PUT', `/crm/v3/lists/${list.listId}/memberships/add`, ['103']);
    hub.advance(1000);
    await hub.call('PUT', `/crm/v3/lists/${list.listId}/memberships/add`, ['101']);
    await hub.call('PUT', `/crm/v3/lists/${other.listId}/memberships/add`, ['101']);
    const joined = await hub.call('GET', `/crm/v3/lists/${list.listId}/memberships/join-order`);
    expect(joined.body.results.map((r) => r.recordId)).toEqual(['103', '101']);
    const ofRecord = await hub.call('GET', '/crm/v3/lists/records/0-1/101/memberships');
    expect(ofRecord.body.results.map((r) => (r as unknown as { listId: string }).listId).sort()).toEqual([list.listId, other.listId].sort());
  });

  it('drops archived records and follows merges', async () => {
    hub = await start();
    const { list } = await createList('Buyers');
    await hub.call('PUT', `/crm/v3/lists/${list.listId}/memberships/add`, ['101', '102', '103']);
    await hub.call('DELETE', '/crm/v3/objects/contacts/103');
    const merged = await hub.call('POST', '/crm/v3/objects/contacts/merge', { primaryObjectId: '101', objectIdToMerge: '102' });
    const members = await hub.call('GET', `/crm/v3/lists/${list.listId}/memberships`);
    expect(members.body.results.map((r) => r.recordId)).toEqual([merged.body.id]);
  });

  it('answers 404 for an unknown list', async () => {
    hub = await start();
    const res = await hub.call('PUT', '/crm/v3/lists/424242/memberships/add', ['101']);
    expect(res.status).toBe(404);
    expect(res.body.category).toBe('OBJECT_NOT_FOUND');
  });
});
