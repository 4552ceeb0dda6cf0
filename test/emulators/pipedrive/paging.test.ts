import { afterEach, describe, expect, it } from 'vitest';
import { startPipedrive, type PdHarness } from './test-kit';

let h: PdHarness;
afterEach(() => h?.emu.close());

async function seedPersons(n: number) {
  const persons = Array.from({ length: n }, (_, i) => ({ name: `Person ${String(i + 1).padStart(3, '0')}`, emails: [`p${i + 1}@example.com`] }));
  h = await startPipedrive({ seed: { persons } });
}

describe('v1 offset paging', () => {
  it('answers an empty collection with data null and no more items', async () => {
    h = await startPipedrive();
    const res = await h.call('GET', '/api/v1/persons');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, data: null, additional_data: { pagination: { start: 0, limit: 100, more_items_in_collection: false } } });
    expect(res.body.additional_data.pagination).not.toHaveProperty('next_start');
  });

  it('walks pages with start/limit and next_start, ending exactly on the last item', async () => {
    await seedPersons(5);
    const first = await h.call('GET', '/api/v1/persons?start=0&limit=2');
    expect(first.body.data.map((p: { id: number }) => p.id)).toEqual([1, 2]);
    expect(first.body.additional_data.pagination).toEqual({ start: 0, limit: 2, more_items_in_collection: true, next_start: 2 });
    const last = await h.call('GET', '/api/v1/persons?start=4&limit=2');
    expect(last.body.data.map((p: { id: number }) => p.id)).toEqual([5]);
    expect(last.body.additional_data.pagination.more_items_in_collection).toBe(false);
    const exact = await h.call('GET', '/api/v1/persons?start=3&limit=2');
    expect(exact.body.data).toHaveLength(2);
    expect(exact.body.additional_data.pagination.more_items_in_collection).toBe(false);
    const beyond = await h.call('GET', '/api/v1/persons?start=50');
    expect(beyond.body.data).toBeNull();
  });

  it('caps limit at 500', async () => {
    await seedPersons(501);
    const res = await h.call('GET', '/api/v1/persons?limit=1000');
    expect(res.body.data).toHaveLength(500);
    expect(res.body.additional_data.pagination).toMatchObject({ limit: 500, more_items_in_collection: true, next_start: 500 });
  });

  it('sorts by first-level fields', async () => {
    await seedPersons(3);
    const res = await h.call('GET', '/api/v1/persons?sort=name%20DESC');
    expect(res.body.data.map((p: { name: string }) => p.name)).toEqual(['Person 003', 'Person 002', 'Person 001']);
    expect((await h.call('GET', '/api/v1/persons?sort=nonsense%20ASC')).status).toBe(400);
  });
});

describe('v2 cursor paging', () => {
  it('follows next_cursor to the end, each record once, null on the last page', async () => {
    await seedPersons(7);
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await h.call('GET', `/api/v2/persons?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.body.data.map((p: { id: number }) => p.id));
      cursor = res.body.additional_data.next_cursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pages).toBe(3);
  });

  it('gives no cursor when the page ends exactly at the last record', async () => {
    await seedPersons(4);
    const res = await h.call('GET', '/api/v2/persons?limit=4');
    expect(res.body.data).toHaveLength(4);
    expect(res.body.additional_data.next_cursor).toBeNull();
  });

  it('rejects limits outside 1..500 and malformed cursors', async () => {
    h = await startPipedrive();
    for (const q of ['limit=0', 'limit=501', 'limit=abc', 'cursor=%%%garbage']) {
      const res = await h.call('GET', `/api/v2/persons?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body).toMatchObject({ success: false, code: 'ERR_SCHEMA_VALIDATION_FAILED' });
    }
  });

  it('keeps a cursor valid when records are created or changed between pages', async () => {
    await seedPersons(4);
    const first = await h.call('GET', '/api/v2/persons?limit=2');
    await h.call('POST', '/api/v2/persons', { name: 'Late Arrival' });
    await h.call('DELETE', '/api/v2/persons/1');
    const second = await h.call('GET', `/api/v2/persons?limit=10&cursor=${first.body.additional_data.next_cursor}`);
    expect(second.body.data.map((p: { id: number }) => p.id)).toEqual([3, 4, 5]);
  });

  it('filters incremental pulls by updated_since (inclusive) sorted by update_time', async () => {
    h = await startPipedrive();
    await h.call('POST', '/api/v2/persons', { name: 'Early' });
    h.clock.advance(60_000);
    const mid = new Date(h.clock.now()).toISOString().slice(0, 19) + 'Z';
    await h.call('POST', '/api/v2/persons', { name: 'Later' });
    h.clock.advance(60_000);
    await h.call('PATCH', '/api/v2/persons/1', { name: 'Early Edited' });
    const res = await h.call('GET', `/api/v2/persons?updated_since=${mid}&sort_by=update_time&sort_direction=asc`);
    expect(res.body.data.map((p: { name: string }) => p.name)).toEqual(['Later', 'Early Edited']);
    const until = await h.call('GET', `/api/v2/persons?updated_until=${mid}`);
    expect(until.body.data).toEqual([]);
    const fractional = await h.call('GET', '/api/v2/persons?updated_since=2026-01-01T00:00:00.000Z');
    expect(fractional.status).toBe(400);
  });

  it('pages by update_time descending without repeats', async () => {
    h = await startPipedrive();
    for (let i = 0; i < 5; i++) {
      await h.call('POST', '/api/v2/persons', { name: `P${i}` });
      if (i % 2) h.clock.advance(1000);
    }
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await h.call('GET', `/api/v2/persons?sort_by=update_time&sort_direction=desc&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      names.push(...res.body.data.map((p: { name: string }) => p.name));
      cursor = res.body.additional_data.next_cursor;
    } while (cursor);
    expect(names).toEqual(['P4', 'P3', 'P2', 'P1', 'P0']);
  });
});
