import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createPipedriveBackend } from './backend';
import { fieldKey, startPipedrive, type PdHarness } from './test-kit';

let h: PdHarness | undefined;
afterEach(() => h?.emu.close());

const example = JSON.parse(readFileSync(new URL('./seed.example.json', import.meta.url), 'utf8'));

describe('seed file', () => {
  it('starts empty without a seed, with default metadata', async () => {
    h = await startPipedrive();
    for (const path of ['persons', 'organizations', 'deals']) expect((await h.call('GET', `/api/v1/${path}`)).body.data, path).toBeNull();
    expect((await h.call('GET', '/api/v1/pipelines')).body.data).toHaveLength(1);
    expect((await h.call('GET', '/api/v2/stages?pipeline_id=1')).body.data.map((s: { name: string }) => s.name)[0]).toBe('Qualified');
  });

  it('loads the example: company, users, extra fields, records with labels resolved to option ids', async () => {
    h = await startPipedrive({ seed: example });
    expect((await h.call('GET', '/api/v1/users/me')).body.data).toMatchObject({ id: 7, company_domain: 'harbour-lights', default_currency: 'GBP' });
    const segment = await fieldKey(h, 'personFields', 'Buyer Segment');
    const dietary = await fieldKey(h, 'personFields', 'Dietary Needs');
    const ada = (await h.call('GET', '/api/v2/persons/1?include_option_labels=true&include_fields=marketing_status')).body.data;
    expect(ada).toMatchObject({ name: 'Ada Lovelace', org_id: 1, owner_id: 7, add_time: '2026-01-02T10:00:00Z', marketing_status: 'subscribed' });
    expect(ada.custom_fields[segment]).toMatchObject({ label: 'VIP' });
    expect(ada.custom_fields).not.toHaveProperty(dietary);
    const grace = (await h.call('GET', '/api/v1/persons/2')).body.data;
    expect(grace.email.map((e: { value: string; primary: boolean }) => [e.value, e.primary])).toEqual([
      ['grace@example.com', true],
      ['g.hopper@work.example', false],
    ]);
    expect((await h.call('GET', '/api/v1/organizations')).body.data.map((o: { id: number }) => o.id)).toEqual([1]);
    const deal = (await h.call('GET', '/api/v1/deals/1')).body.data;
    expect(deal).toMatchObject({ status: 'won', currency: 'GBP', value: 240, stage_id: 2, person_id: { value: 1 } });
    expect(deal.won_time).not.toBeNull();
    expect((await h.call('GET', '/api/v2/deals/2')).body.data.currency).toBe('EUR');
  });

  it('keeps seeded fields and settings across /__admin/reset but drops the records', async () => {
    h = await startPipedrive({ seed: example });
    await fetch(`${h.emu.url}/__admin/reset`, { method: 'POST' });
    expect((await h.call('GET', '/api/v1/persons')).body.data).toBeNull();
    expect(await fieldKey(h, 'personFields', 'Dietary Needs')).toMatch(/^[0-9a-f]{40}$/);
    expect((await h.call('POST', '/api/v1/persons', { name: 'New' })).body.data.id).toBe(1);
  });

  it('rejects malformed seeds with a message naming the problem', () => {
    expect(() => createPipedriveBackend({ seed: { persons: [{ email: 'x' }] } })).toThrow(/invalid Pipedrive seed/);
    expect(() => createPipedriveBackend({ seed: { persons: [{ name: 'X', custom: { 'No Such Field': 1 } }] } })).toThrow(/No Such Field/);
    expect(() => createPipedriveBackend({ seed: { persons: [{ name: 'X', custom: { 'Buyer Segment': 'Platinum' } }] } })).toThrow(/Buyer Segment/);
    expect(() => createPipedriveBackend({ seed: { colour: 'blue' } })).toThrow(/invalid Pipedrive seed/);
    expect(() => createPipedriveBackend({ seed: { persons: [{ name: 'X', org_id: 3 }] } })).toThrow(/missing organization 3/);
    expect(() => createPipedriveBackend({ seed: { deals: [{ title: 'X', owner_id: 99 }] } })).toThrow(/unknown owner_id 99/);
  });
});
