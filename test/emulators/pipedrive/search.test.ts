import { afterEach, describe, expect, it } from 'vitest';
import { startPipedrive, type PdHarness } from './test-kit';

let h: PdHarness;
afterEach(() => h?.emu.close());

const seed = {
  organizations: [{ id: 1, name: 'Harbour Lights Ltd', address: '1 Quay Street, Bristol' }],
  persons: [
    { id: 1, name: 'Ada Lovelace', org_id: 1, emails: ['ada@example.com', 'ada.l@work.example'], phones: ['+44 117 496 0000'], custom: { 'Ticket Buyer ID': 'TB-1001' } },
    { id: 2, name: 'Adam Smith', emails: ['adam@example.com'] },
    { id: 3, name: 'Grace Hopper', emails: ['grace@example.com'] },
  ],
  deals: [{ id: 1, title: 'Ada – Weekend Pass', person_id: 1, org_id: 1 }],
};

describe('search', () => {
  it('finds a person by exact email, with emails, phones and organization in the item', async () => {
    h = await startPipedrive({ seed });
    const res = await h.call('GET', '/api/v1/persons/search?term=ada%40example.com&fields=email&exact_match=true');
    expect(res.status).toBe(200);
    expect(res.body.data.items).toHaveLength(1);
    expect(res.body.data.items[0]).toMatchObject({
      result_score: expect.any(Number),
      item: { id: 1, type: 'person', name: 'Ada Lovelace', emails: ['ada@example.com', 'ada.l@work.example'], organization: { id: 1, name: 'Harbour Lights Ltd' } },
    });
    expect(res.body.additional_data.pagination).toMatchObject({ start: 0, more_items_in_collection: false });
  });

  it('matches emails case-insensitively and does not match partial terms when exact', async () => {
    h = await startPipedrive({ seed });
    expect((await h.call('GET', '/api/v1/persons/search?term=ADA%40EXAMPLE.COM&fields=email&exact_match=true')).body.data.items).toHaveLength(1);
    expect((await h.call('GET', '/api/v1/persons/search?term=example.com&fields=email&exact_match=true')).body.data.items).toHaveLength(0);
    const partial = await h.call('GET', '/api/v1/persons/search?term=example.com&fields=email');
    expect(partial.body.data.items.map((i: { item: { id: number } }) => i.item.id)).toEqual([1, 2, 3]);
  });

  it('ranks better matches first and searches names, phones and custom fields', async () => {
    h = await startPipedrive({ seed });
    const names = await h.call('GET', '/api/v1/persons/search?term=ada&fields=name');
    expect(names.body.data.items.map((i: { item: { id: number } }) => i.item.id)).toEqual([1, 2]);
    const custom = await h.call('GET', '/api/v1/persons/search?term=TB-1001&fields=custom_fields&exact_match=true');
    expect(custom.body.data.items[0].item).toMatchObject({ id: 1, custom_fields: ['TB-1001'] });
    expect((await h.call('GET', '/api/v1/persons/search?term=4949&fields=phone')).body.data.items).toHaveLength(0);
    expect((await h.call('GET', '/api/v1/persons/search?term=1174960000&fields=phone')).body.data.items).toHaveLength(1);
  });

  it('leaves deleted persons out', async () => {
    h = await startPipedrive({ seed });
    await h.call('DELETE', '/api/v1/persons/1');
    const res = await h.call('GET', '/api/v1/persons/search?term=ada%40example.com&fields=email&exact_match=true');
    expect(res.body.data.items).toEqual([]);
  });

  it('rejects a term that is too short and an unknown field', async () => {
    h = await startPipedrive({ seed });
    expect((await h.call('GET', '/api/v1/persons/search?term=a')).status).toBe(400);
    expect((await h.call('GET', '/api/v1/persons/search?term=a&exact_match=true')).status).toBe(200);
    expect((await h.call('GET', '/api/v1/persons/search?term=ada&fields=title')).status).toBe(400);
  });

  it('searches deals and organizations, and across types with itemSearch', async () => {
    h = await startPipedrive({ seed });
    const deals = await h.call('GET', '/api/v2/deals/search?term=weekend');
    expect(deals.body.data.items[0].item).toMatchObject({ id: 1, type: 'deal', person: { id: 1, name: 'Ada Lovelace' } });
    expect(deals.body.additional_data.next_cursor).toBeNull();
    const orgs = await h.call('GET', '/api/v1/organizations/search?term=quay&fields=address');
    expect(orgs.body.data.items[0].item).toMatchObject({ id: 1, type: 'organization' });
    const items = await h.call('GET', '/api/v1/itemSearch?term=ada&item_types=person,deal');
    const types = items.body.data.items.map((i: { item: { type: string } }) => i.item.type);
    expect(types).toContain('person');
    expect(types).toContain('deal');
    expect(types).not.toContain('organization');
    expect(items.body.data.related_items).toEqual([]);
  });

  it('pages v2 search results with a cursor', async () => {
    h = await startPipedrive({ seed });
    const first = await h.call('GET', '/api/v2/persons/search?term=example.com&fields=email&limit=2');
    expect(first.body.data.items).toHaveLength(2);
    const second = await h.call('GET', `/api/v2/persons/search?term=example.com&fields=email&limit=2&cursor=${first.body.additional_data.next_cursor}`);
    expect(second.body.data.items.map((i: { item: { id: number } }) => i.item.id)).toEqual([3]);
    expect(second.body.additional_data.next_cursor).toBeNull();
  });
});
