import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type TestHub } from './test-helpers';

let hub: TestHub;
afterEach(async () => hub?.close());

type ApiProperty = { name: string; type: string; fieldType: string; options: Array<{ value: string }>; calculated: boolean; hasUniqueValue: boolean; modificationMetadata: { readOnlyValue: boolean } };

describe('default property metadata', () => {
  it('lists the standard contact properties, one custom unique one and a calculated read-only one', async () => {
    hub = await startHub();
    const res = await hub.call('GET', '/crm/v3/properties/contacts');
    expect(res.status).toBe(200);
    const byName = new Map<string, ApiProperty>(res.body.results.map((p) => [p.name, p as unknown as ApiProperty]));
    for (const name of ['firstname', 'lastname', 'email', 'phone', 'company', 'jobtitle', 'city', 'country', 'lifecyclestage', 'hs_object_id', 'createdate', 'lastmodifieddate']) {
      expect(byName.has(name), name).toBe(true);
    }
    expect(byName.get('lifecyclestage')).toMatchObject({ type: 'enumeration', fieldType: 'radio' });
    expect(byName.get('lifecyclestage')!.options.map((o) => o.value)).toContain('customer');
    expect(byName.get('ticket_buyer_id')).toMatchObject({ hasUniqueValue: true, hubspotDefined: false, modificationMetadata: { readOnlyValue: false } });
    expect(byName.get('hs_full_name_or_email')).toMatchObject({ calculated: true, modificationMetadata: { readOnlyValue: true } });
    expect(byName.get('hs_object_id')!.modificationMetadata.readOnlyValue).toBe(true);
    expect(byName.get('lastmodifieddate')).toMatchObject({ type: 'datetime', modificationMetadata: { readOnlyValue: true } });
  });

  it('gives companies and deals their own defaults, with hs_lastmodifieddate', async () => {
    hub = await startHub();
    const names = async (type: string) => (await hub.call('GET', `/crm/v3/properties/${type}`)).body.results.map((p) => p.name);
    expect(await names('companies')).toEqual(expect.arrayContaining(['name', 'domain', 'hs_lastmodifieddate', 'createdate', 'hs_object_id']));
    const deals = await names('deals');
    expect(deals).toEqual(expect.arrayContaining(['dealname', 'amount', 'dealstage', 'pipeline', 'closedate', 'hs_lastmodifieddate']));
    expect(deals).not.toContain('lastmodifieddate');
    const amount = await hub.call('GET', '/crm/v3/properties/deals/amount');
    expect(amount.body).toMatchObject({ name: 'amount', type: 'number', fieldType: 'number' });
  });

  it('answers 404 for an unknown property', async () => {
    hub = await startHub();
    const res = await hub.call('GET', '/crm/v3/properties/contacts/nope');
    expect(res.status).toBe(404);
    expect(res.body.category).toBe('OBJECT_NOT_FOUND');
  });
});

describe('custom properties', () => {
  const badge = {
    name: 'ticket_tier',
    label: 'Ticket tier',
    type: 'enumeration',
    fieldType: 'select',
    groupName: 'contactinformation',
    options: [
      { label: 'General', value: 'general' },
      { label: 'VIP', value: 'vip' },
    ],
  };

  it('creates one with 201 and then validates values against its options', async () => {
    hub = await startHub();
    const res = await hub.call('POST', '/crm/v3/properties/contacts', badge);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'ticket_tier', type: 'enumeration', hubspotDefined: false, calculated: false, modificationMetadata: { archivable: true } });
    expect(res.body.options.map((o: { value: string }) => o.value)).toEqual(['general', 'vip']);
    expect((await hub.call('POST', '/crm/v3/objects/contacts', { properties: { email: 'v@example.com', ticket_tier: 'vip' } })).status).toBe(201);
    const bad = await hub.call('POST', '/crm/v3/objects/contacts', { properties: { email: 'w@example.com', ticket_tier: 'gold' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].code).toBe('INVALID_OPTION');
  });

  it('refuses a duplicate name with 409 and bad type pairs with 400', async () => {
    hub = await startHub();
    await hub.call('POST', '/crm/v3/properties/contacts', badge);
    const dup = await hub.call('POST', '/crm/v3/properties/contacts', badge);
    expect(dup.status).toBe(409);
    expect(dup.body.category).toBe('OBJECT_ALREADY_EXISTS');
    const pair = await hub.call('POST', '/crm/v3/properties/contacts', { ...badge, name: 'x_pair', type: 'number', fieldType: 'select' });
    expect(pair.status).toBe(400);
    const noOptions = await hub.call('POST', '/crm/v3/properties/contacts', { ...badge, name: 'x_opts', options: [] });
    expect(noOptions.status).toBe(400);
    const badName = await hub.call('POST', '/crm/v3/properties/contacts', { ...badge, name: 'Has Spaces' });
    expect(badName.status).toBe(400);
  });

  it('updates options with PATCH and archives with DELETE, but not HubSpot-defined ones', async () => {
    hub = await startHub();
    await hub.call('POST', '/crm/v3/properties/contacts', badge);
    const patched = await hub.call('PATCH', '/crm/v3/properties/contacts/ticket_tier', { options: [{ label: 'Gold', value: 'gold' }] });
    expect(patched.body.options.map((o: { value: string }) => o.value)).toEqual(['gold']);
    expect((await hub.call('DELETE', '/crm/v3/properties/contacts/ticket_tier')).status).toBe(204);
    expect((await hub.call('GET', '/crm/v3/properties/contacts/ticket_tier')).status).toBe(404);
    expect((await hub.call('GET', '/crm/v3/properties/contacts/ticket_tier?archived=true')).body.archived).toBe(true);
    expect((await hub.call('DELETE', '/crm/v3/properties/contacts/email')).status).toBe(400);
  });
});
