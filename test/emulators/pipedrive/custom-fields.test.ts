import { afterEach, describe, expect, it } from 'vitest';
import { fieldKey, startPipedrive, type PdHarness } from './test-kit';

let h: PdHarness;
afterEach(() => h?.emu.close());

describe('custom fields', () => {
  it('start with a Ticket Buyer ID text field and an enum with options on persons, and likewise on orgs and deals', async () => {
    h = await startPipedrive();
    const persons = (await h.call('GET', '/api/v1/personFields')).body.data as { key: string; name: string; field_type: string; edit_flag: boolean; options?: { id: number; label: string }[] }[];
    const buyerId = persons.find((f) => f.name === 'Ticket Buyer ID');
    expect(buyerId).toMatchObject({ field_type: 'varchar', edit_flag: true });
    expect(buyerId!.key).toMatch(/^[0-9a-f]{40}$/);
    const segment = persons.find((f) => f.name === 'Buyer Segment');
    expect(segment?.field_type).toBe('enum');
    expect(segment?.options?.map((o) => o.label)).toEqual(['VIP', 'Regular', 'First-time']);
    expect(persons.find((f) => f.key === 'email')).toMatchObject({ edit_flag: false });
    for (const path of ['organizationFields', 'dealFields']) {
      const custom = ((await h.call('GET', `/api/v1/${path}`)).body.data as { edit_flag: boolean; field_type: string }[]).filter((f) => f.edit_flag);
      expect(custom.some((f) => f.field_type === 'varchar'), path).toBe(true);
      expect(custom.some((f) => f.field_type === 'enum'), path).toBe(true);
    }
  });

  it('describes the same fields in v2 with field_code and is_custom_field', async () => {
    h = await startPipedrive();
    const key = await fieldKey(h, 'personFields', 'Ticket Buyer ID');
    const res = await h.call('GET', '/api/v2/personFields?limit=500');
    expect(res.body.data.find((f: { field_code: string }) => f.field_code === key)).toMatchObject({ field_name: 'Ticket Buyer ID', is_custom_field: true });
    expect(res.body.data.find((f: { field_code: string }) => f.field_code === 'emails')).toMatchObject({ is_custom_field: false });
    expect((await h.call('GET', `/api/v2/personFields/${key}`)).body.data.field_name).toBe('Ticket Buyer ID');
  });

  it('writes and reads v1 values at the top level: text, enum as option id, set as ids, monetary with currency', async () => {
    h = await startPipedrive();
    const [buyer, segment, interests] = await Promise.all(['Ticket Buyer ID', 'Buyer Segment', 'Interests'].map((n) => fieldKey(h, 'personFields', n)));
    const fields = (await h.call('GET', '/api/v1/personFields')).body.data as { key: string; options?: { id: number; label: string }[] }[];
    const vip = fields.find((f) => f.key === segment)!.options!.find((o) => o.label === 'VIP')!.id;
    const [music, sports] = ['Music', 'Sports'].map((l) => fields.find((f) => f.key === interests)!.options!.find((o) => o.label === l)!.id);
    const created = await h.call('POST', '/api/v1/persons', { name: 'Ada', [buyer]: 'TB-9', [segment]: vip, [interests]: `${music},${sports}`, ['f'.repeat(40)]: 'ignored' });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ [buyer]: 'TB-9', [segment]: String(vip), [interests]: `${music},${sports}` });
    expect(created.body.data).not.toHaveProperty('f'.repeat(40));
    const v2 = await h.call('GET', `/api/v2/persons/${created.body.data.id}`);
    expect(v2.body.data.custom_fields).toEqual({ [buyer]: 'TB-9', [segment]: vip, [interests]: [music, sports] });

    const total = await fieldKey(h, 'dealFields', 'Order Total');
    const deal = await h.call('POST', '/api/v1/deals', { title: 'Order', [total]: '120.5', [`${total}_currency`]: 'EUR' });
    expect(deal.body.data).toMatchObject({ [total]: 120.5, [`${total}_currency`]: 'EUR' });
    expect((await h.call('GET', `/api/v2/deals/${deal.body.data.id}`)).body.data.custom_fields[total]).toEqual({ value: 120.5, currency: 'EUR' });
  });

  it('writes v2 values under custom_fields, strictly typed, with option labels on request', async () => {
    h = await startPipedrive();
    const [buyer, segment] = await Promise.all(['Ticket Buyer ID', 'Buyer Segment'].map((n) => fieldKey(h, 'personFields', n)));
    const options = (await h.call('GET', `/api/v2/personFields/${segment}`)).body.data.options as { id: number; label: string }[];
    const regular = options.find((o) => o.label === 'Regular')!.id;
    const created = await h.call('POST', '/api/v2/persons', { name: 'Grace', custom_fields: { [buyer]: 'TB-7', [segment]: regular } });
    expect(created.body.data.custom_fields).toEqual({ [buyer]: 'TB-7', [segment]: regular });
    const labelled = await h.call('GET', `/api/v2/persons/${created.body.data.id}?include_option_labels=true`);
    expect(labelled.body.data.custom_fields[segment]).toEqual({ id: regular, label: 'Regular' });
    const only = await h.call('GET', `/api/v2/persons/${created.body.data.id}?custom_fields=${buyer}`);
    expect(only.body.data.custom_fields).toEqual({ [buyer]: 'TB-7' });

    const cleared = await h.call('PATCH', `/api/v2/persons/${created.body.data.id}`, { custom_fields: { [segment]: null } });
    expect(cleared.body.data.custom_fields).toEqual({ [buyer]: 'TB-7' });
    for (const bad of [{ [segment]: String(regular) }, { [segment]: 999999 }, { ['a'.repeat(40)]: 'x' }, { [buyer]: 12 }]) {
      const res = await h.call('PATCH', `/api/v2/persons/${created.body.data.id}`, { custom_fields: bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.code).toBe('ERR_SCHEMA_VALIDATION_FAILED');
    }
  });

  it('creates new custom fields through v1 and v2 with 40-character keys', async () => {
    h = await startPipedrive();
    const v1 = await h.call('POST', '/api/v1/personFields', { name: 'Shirt Size', field_type: 'enum', options: [{ label: 'S' }, { label: 'M' }] });
    expect(v1.body.data).toMatchObject({ name: 'Shirt Size', field_type: 'enum', edit_flag: true });
    expect(v1.body.data.key).toMatch(/^[0-9a-f]{40}$/);
    const v2 = await h.call('POST', '/api/v2/dealFields', { field_name: 'Venue', field_type: 'varchar' });
    expect(v2.body.data).toMatchObject({ field_name: 'Venue', is_custom_field: true });
    const person = await h.call('POST', '/api/v1/persons', { name: 'Sam', [v1.body.data.key]: v1.body.data.options[1].id });
    expect(person.body.data[v1.body.data.key]).toBe(String(v1.body.data.options[1].id));
    expect((await h.call('POST', '/api/v1/personFields', { name: 'Broken', field_type: 'enum' })).status).toBe(400);
  });
});
