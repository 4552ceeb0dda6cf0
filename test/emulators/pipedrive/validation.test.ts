import { afterEach, describe, expect, it } from 'vitest';
import { startPipedrive, type PdHarness } from './test-kit';

let h: PdHarness;
afterEach(() => h?.emu.close());

const v1Error = (error: string) => ({
  success: false,
  error,
  error_info: 'Please check developers.pipedrive.com for more information about Pipedrive API.',
  data: null,
  additional_data: null,
});

describe('validation', () => {
  it('rejects a person or organization without name and a deal without title, as v1 does', async () => {
    h = await startPipedrive();
    const person = await h.call('POST', '/api/v1/persons', { email: 'a@b.c' });
    expect(person.status).toBe(400);
    expect(person.body).toEqual(v1Error('Name must be given.'));
    expect((await h.call('POST', '/api/v1/persons', { name: '   ' })).body).toEqual(v1Error('Name must be given.'));
    expect((await h.call('POST', '/api/v1/organizations', {})).body).toEqual(v1Error('Name must be given.'));
    expect((await h.call('POST', '/api/v1/deals', { value: 5 })).body).toEqual(v1Error('Title must be given.'));
    expect(await fetch(`${h.emu.url}/__admin/records/persons`).then((r) => r.json())).toEqual([]);
  });

  it('answers v2 validation errors with ERR_SCHEMA_VALIDATION_FAILED and strict types', async () => {
    h = await startPipedrive();
    const noName = await h.call('POST', '/api/v2/persons', { emails: [{ value: 'a@b.c' }] });
    expect(noName.status).toBe(400);
    expect(noName.body).toMatchObject({ success: false, error: 'Name must be given.', code: 'ERR_SCHEMA_VALIDATION_FAILED' });
    expect((await h.call('POST', '/api/v2/persons', { name: 'X', emails: 'a@b.c' })).status).toBe(400);
    expect((await h.call('POST', '/api/v2/persons', { name: 'X', owner_id: '1' })).status).toBe(400);
    expect((await h.call('POST', '/api/v2/deals', { title: 'X', value: '10' })).status).toBe(400);
    expect((await h.call('POST', '/api/v2/deals', { title: 'X', status: 'open', lost_reason: 'why' })).status).toBe(400);
  });

  it('accepts v1 coercions: email as a string, numbers as strings, form-encoded bodies', async () => {
    h = await startPipedrive();
    const json = await h.call('POST', '/api/v1/persons', { name: 'Ada Lovelace', email: 'ada@example.com', phone: ['+1 555', '+1 556'], visible_to: '1' });
    expect(json.body.data).toMatchObject({
      first_name: 'Ada',
      last_name: 'Lovelace',
      visible_to: '1',
      email: [{ value: 'ada@example.com', primary: true, label: 'work' }],
      phone: [
        { value: '+1 555', primary: true },
        { value: '+1 556', primary: false },
      ],
    });
    const res = await fetch(`${h.emu.url}/v1/deals?api_token=${h.token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'title=Form%20deal&value=42&person_id=1',
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { data: unknown }).data).toMatchObject({ title: 'Form deal', value: 42, person_id: { value: 1, name: 'Ada Lovelace' } });
  });

  it('requires links to point at existing, undeleted records', async () => {
    h = await startPipedrive({ seed: { organizations: [{ id: 1, name: 'Gone Co', deleted: true }] } });
    expect((await h.call('POST', '/api/v1/persons', { name: 'X', org_id: 99 })).status).toBe(400);
    expect((await h.call('POST', '/api/v1/persons', { name: 'X', org_id: 1 })).status).toBe(400);
    expect((await h.call('POST', '/api/v2/deals', { title: 'X', person_id: 5 })).status).toBe(400);
    expect((await h.call('POST', '/api/v2/deals', { title: 'X', stage_id: 99 })).status).toBe(400);
    expect((await h.call('POST', '/api/v1/persons', { name: 'X', owner_id: 42 })).status).toBe(400);
    expect((await h.call('GET', '/api/v1/persons/abc')).status).toBe(404);
    expect((await h.call('GET', '/api/v2/deals/12345')).body).toMatchObject({ success: false, error: 'Deal not found' });
  });

  it('maintains add_time and update_time in each version format', async () => {
    h = await startPipedrive();
    const created = await h.call('POST', '/api/v1/persons', { name: 'Ada' });
    expect(created.body.data.add_time).toBe('2026-03-01 12:00:00');
    expect(created.body.data.update_time).toBe('2026-03-01 12:00:00');
    h.clock.advance(90_500);
    const updated = await h.call('PUT', '/api/v1/persons/1', { phone: '+44 1' });
    expect(updated.body.data).toMatchObject({ add_time: '2026-03-01 12:00:00', update_time: '2026-03-01 12:01:30', name: 'Ada' });
    expect((await h.call('GET', '/api/v2/persons/1')).body.data).toMatchObject({ add_time: '2026-03-01T12:00:00Z', update_time: '2026-03-01T12:01:30Z' });
  });

  it('stamps deal status changes and keeps value and currency', async () => {
    h = await startPipedrive({ seed: { company: { currency: 'EUR' } } });
    const deal = await h.call('POST', '/api/v2/deals', { title: 'Pass', value: 120 });
    expect(deal.body.data).toMatchObject({ status: 'open', value: 120, currency: 'EUR', won_time: null, pipeline_id: 1, stage_id: 1 });
    h.clock.advance(1000);
    const won = await h.call('PATCH', '/api/v2/deals/1', { status: 'won' });
    expect(won.body.data).toMatchObject({ status: 'won', won_time: '2026-03-01T12:00:01Z', close_time: '2026-03-01T12:00:01Z' });
    const lost = await h.call('PUT', '/api/v1/deals/1', { status: 'lost', lost_reason: 'Refunded' });
    expect(lost.body.data).toMatchObject({ status: 'lost', lost_reason: 'Refunded', won_time: null, active: false });
    expect((await h.call('PUT', '/api/v1/deals/1', { status: 'maybe' })).status).toBe(400);
    const reopened = await h.call('PATCH', '/api/v2/deals/1', { status: 'open' });
    expect(reopened.body.data).toMatchObject({ status: 'open', lost_reason: null, close_time: null });
  });
});
