import { afterEach, describe, expect, it } from 'vitest';
import { startPipedrive, type PdHarness } from './test-kit';

let h: PdHarness;
afterEach(() => h?.emu.close());

const DAY = 24 * 3600 * 1000;

describe('soft delete', () => {
  it('hides a deleted person from lists but keeps it readable by id, marked deleted', async () => {
    h = await startPipedrive({ seed: { persons: [{ id: 1, name: 'Ada' }, { id: 2, name: 'Grace' }] } });
    h.clock.advance(5000);
    const del = await h.call('DELETE', '/api/v1/persons/1');
    expect(del.body).toEqual({ success: true, data: { id: 1 } });
    expect((await h.call('GET', '/api/v1/persons')).body.data.map((p: { id: number }) => p.id)).toEqual([2]);
    expect((await h.call('GET', '/api/v2/persons')).body.data.map((p: { id: number }) => p.id)).toEqual([2]);
    const v1 = await h.call('GET', '/api/v1/persons/1');
    expect(v1.body.data).toMatchObject({ id: 1, active_flag: false });
    expect(v1.body.data.delete_time).toBe(v1.body.data.update_time);
    expect((await h.call('GET', '/api/v2/persons/1')).body.data).toMatchObject({ id: 1, is_deleted: true });
    const again = await h.call('DELETE', '/api/v1/persons/1');
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ success: false, error: 'Person not found' });
    expect((await h.call('PUT', '/api/v1/persons/1', { name: 'Back' })).status).toBe(404);
    const admin = (await fetch(`${h.emu.url}/__admin/records/persons`).then((r) => r.json())) as { id: number; is_deleted: boolean }[];
    expect(admin.map((p: { id: number; is_deleted: boolean }) => [p.id, p.is_deleted])).toEqual([[1, true], [2, false]]);
  });

  it('lists deleted deals only with status=deleted, in v1 and v2', async () => {
    h = await startPipedrive({ seed: { deals: [{ id: 1, title: 'Kept' }, { id: 2, title: 'Gone' }, { id: 3, title: 'Won', status: 'won' }] } });
    await h.call('DELETE', '/api/v2/deals/2');
    expect((await h.call('GET', '/api/v1/deals')).body.data.map((d: { id: number }) => d.id)).toEqual([1, 3]);
    const v1Deleted = await h.call('GET', '/api/v1/deals?status=deleted');
    expect(v1Deleted.body.data).toHaveLength(1);
    expect(v1Deleted.body.data[0]).toMatchObject({ id: 2, status: 'deleted', deleted: true, active: false });
    expect((await h.call('GET', '/api/v2/deals')).body.data.map((d: { id: number }) => d.id)).toEqual([1, 3]);
    expect((await h.call('GET', '/api/v2/deals?status=deleted')).body.data.map((d: { id: number; is_deleted: boolean }) => [d.id, d.is_deleted])).toEqual([[2, true]]);
    expect((await h.call('GET', '/api/v2/deals?status=won,deleted')).body.data.map((d: { id: number }) => d.id)).toEqual([2, 3]);
  });

  it('shows deletions in /recents after since_timestamp', async () => {
    h = await startPipedrive({ seed: { persons: [{ id: 1, name: 'Ada' }], organizations: [{ id: 1, name: 'Org' }] } });
    h.clock.advance(60_000);
    const since = new Date(h.clock.now()).toISOString().slice(0, 19).replace('T', ' ');
    await h.call('DELETE', '/api/v1/persons/1');
    const res = await h.call('GET', `/api/v1/recents?since_timestamp=${encodeURIComponent(since)}&items=person`);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0]).toMatchObject({ item: 'person', id: 1, data: { active_flag: false } });
    expect(res.body.additional_data).toMatchObject({ since_timestamp: since, last_timestamp_on_page: since, pagination: { more_items_in_collection: false } });
    expect((await h.call('GET', '/api/v1/recents')).status).toBe(400);
  });

  it('forgets deleted records after 30 days', async () => {
    h = await startPipedrive({ seed: { persons: [{ id: 1, name: 'Ada' }] } });
    await h.call('DELETE', '/api/v1/persons/1');
    h.clock.advance(29 * DAY);
    expect((await h.call('GET', '/api/v1/persons/1')).status).toBe(200);
    h.clock.advance(2 * DAY);
    expect((await h.call('GET', '/api/v1/persons/1')).status).toBe(404);
    expect(await fetch(`${h.emu.url}/__admin/records/persons`).then((r) => r.json())).toEqual([]);
  });
});
