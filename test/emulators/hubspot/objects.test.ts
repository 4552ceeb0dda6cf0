import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type TestHub } from './test-helpers';

let hub: TestHub;
afterEach(async () => hub?.close());

const create = (type: string, properties: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  hub.call('POST', `/crm/v3/objects/${type}`, { properties, ...extra });

describe('create and read', () => {
  it('creates with 201 and answers every value as a string', async () => {
    hub = await startHub();
    const res = await create('deals', { dealname: 'Gala', amount: 1500.5, closedate: '2026-12-01T18:00:00Z', dealstage: 'qualifiedtobuy' });
    expect(res.status).toBe(201);
    expect(res.body.id).toMatch(/^\d+$/);
    expect(res.body.properties).toMatchObject({
      dealname: 'Gala',
      amount: '1500.5',
      closedate: '2026-12-01T18:00:00.000Z',
      dealstage: 'qualifiedtobuy',
      pipeline: 'default',
      hs_object_id: res.body.id,
    });
    for (const v of Object.values(res.body.properties)) expect(typeof v).toBe('string');
    expect(res.body.properties.hs_lastmodifieddate).toBe(res.body.updatedAt);
    expect(res.body.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(res.body.archived).toBe(false);
  });

  it('returns default properties, or the asked ones with null for empty values', async () => {
    hub = await startHub();
    const { body } = await create('contacts', { email: 'Ann@Example.com', firstname: 'Ann' });
    const plain = await hub.call('GET', `/crm/v3/objects/contacts/${body.id}`);
    expect(Object.keys(plain.body.properties).sort()).toEqual(['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname']);
    expect(plain.body.properties.email).toBe('ann@example.com');
    expect(plain.body.properties.lastname).toBeNull();
    const asked = await hub.call('GET', `/crm/v3/objects/contacts/${body.id}?properties=phone&properties=hs_full_name_or_email,nonexistent`);
    expect(asked.body.properties).toMatchObject({ phone: null, hs_full_name_or_email: 'Ann', hs_object_id: body.id });
    expect(asked.body.properties).not.toHaveProperty('nonexistent');
    expect(asked.body.properties).not.toHaveProperty('email');
  });

  it('reads by a unique property with idProperty', async () => {
    hub = await startHub();
    const { body } = await create('contacts', { email: 'bob@example.com', ticket_buyer_id: 'TB-9' });
    expect((await hub.call('GET', '/crm/v3/objects/contacts/BOB%40example.com?idProperty=email')).body.id).toBe(body.id);
    expect((await hub.call('GET', '/crm/v3/objects/contacts/TB-9?idProperty=ticket_buyer_id')).body.id).toBe(body.id);
    const notUnique = await hub.call('GET', '/crm/v3/objects/contacts/Bob?idProperty=firstname');
    expect(notUnique.status).toBe(400);
    expect(notUnique.body.category).toBe('VALIDATION_ERROR');
  });

  it('answers 404 OBJECT_NOT_FOUND the two ways HubSpot does', async () => {
    hub = await startHub();
    const numeric = await hub.call('GET', '/crm/v3/objects/contacts/999999');
    expect(numeric.status).toBe(404);
    expect(numeric.body).toMatchObject({ status: 'error', category: 'OBJECT_NOT_FOUND', message: 'resource not found' });
    const text = await hub.call('GET', '/crm/v3/objects/contacts/someone@example.com');
    expect(text.status).toBe(404);
    expect(text.body.message).toBe('Object not found.  objectId are usually numeric.');
    expect(text.body.context.id).toEqual(['someone@example.com']);
  });

  it('answers 400 for an object type it cannot infer', async () => {
    hub = await startHub();
    const res = await hub.call('GET', '/crm/v3/objects/widgets');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ category: 'VALIDATION_ERROR', message: 'Unable to infer object type from: widgets' });
  });
});

describe('validation errors', () => {
  it('reports every bad property in one VALIDATION_ERROR', async () => {
    hub = await startHub();
    const res = await create('contacts', { nosuch: 'x', email: 'not-an-email', lifecyclestage: 'vip', hs_object_id: '5' });
    expect(res.status).toBe(400);
    expect(res.body.category).toBe('VALIDATION_ERROR');
    expect(res.body.message).toMatch(/^Property values were not valid: \[/);
    const codes = res.body.errors.map((e: { code: string }) => e.code).sort();
    expect(codes).toEqual(['INVALID_EMAIL', 'INVALID_OPTION', 'PROPERTY_DOESNT_EXIST', 'READ_ONLY_VALUE']);
    const embedded = JSON.parse(res.body.message.slice('Property values were not valid: '.length));
    expect(embedded.find((e: { name: string }) => e.name === 'lifecyclestage').message).toContain('was not one of the allowed options');
    expect((await hub.call('GET', '/__admin/records/contacts')).body).toHaveLength(0);
  });

  it('rejects bad numbers, dates and a calculated property', async () => {
    hub = await startHub();
    expect((await create('deals', { amount: 'lots' })).body.errors[0].code).toBe('INVALID_DOUBLE');
    expect((await create('deals', { closedate: 'next week' })).body.errors[0].code).toBe('INVALID_DATETIME');
    expect((await create('contacts', { hs_full_name_or_email: 'x' })).body.errors[0].code).toBe('READ_ONLY_VALUE');
  });

  it('answers 409 CONFLICT with the existing id on a duplicate contact email', async () => {
    hub = await startHub();
    const first = await create('contacts', { email: 'dup@example.com' });
    const second = await create('contacts', { email: 'DUP@example.com' });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ status: 'error', category: 'CONFLICT', message: `Contact already exists. Existing ID: ${first.body.id}` });
  });

  it('keeps hasUniqueValue properties unique', async () => {
    hub = await startHub();
    await create('contacts', { email: 'a@example.com', ticket_buyer_id: 'T1' });
    const res = await create('contacts', { email: 'b@example.com', ticket_buyer_id: 'T1' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].code).toBe('DUPLICATE_UNIQUE_PROPERTY_VALUE');
  });

  it('answers 400 for a body that is not JSON', async () => {
    hub = await startHub();
    const res = await hub.call('POST', '/crm/v3/objects/contacts', '{not json');
    expect(res.status).toBe(400);
    expect(res.body.category).toBe('VALIDATION_ERROR');
  });
});

describe('update', () => {
  it('patches by id, clears with an empty string and moves lastmodifieddate', async () => {
    hub = await startHub({ manualClock: true });
    const { body } = await create('contacts', { email: 'c@example.com', phone: '+1 555 0100', firstname: 'Cy' });
    hub.advance(1500);
    const res = await hub.call('PATCH', `/crm/v3/objects/contacts/${body.id}`, { properties: { phone: '', lastname: 'Young' } });
    expect(res.status).toBe(200);
    expect(res.body.properties).toMatchObject({ phone: '', lastname: 'Young' });
    expect(Date.parse(String(res.body.properties.lastmodifieddate)) - Date.parse(String(body.properties.lastmodifieddate))).toBeGreaterThanOrEqual(1500);
    expect(res.body.updatedAt).toBe(res.body.properties.lastmodifieddate);
    const read = await hub.call('GET', `/crm/v3/objects/contacts/${body.id}?properties=phone,lastname`);
    expect(read.body.properties.phone).toBeNull();
    expect(read.body.properties.lastname).toBe('Young');
  });

  it('patches by email with idProperty and refuses to take another contact’s email', async () => {
    hub = await startHub();
    const a = await create('contacts', { email: 'a@example.com' });
    const b = await create('contacts', { email: 'b@example.com' });
    const res = await hub.call('PATCH', '/crm/v3/objects/contacts/a@example.com?idProperty=email', { properties: { jobtitle: 'CTO' } });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(a.body.id);
    const clash = await hub.call('PATCH', `/crm/v3/objects/contacts/${b.body.id}`, { properties: { email: 'a@example.com' } });
    expect(clash.status).toBe(409);
    expect((await hub.call('PATCH', '/crm/v3/objects/contacts/nobody@example.com?idProperty=email', { properties: { jobtitle: 'x' } })).status).toBe(404);
  });

  it('frees an email once changed or archived, and finds the contact by its new one', async () => {
    hub = await startHub();
    const a = await create('contacts', { email: 'first@example.com' });
    await hub.call('PATCH', `/crm/v3/objects/contacts/${a.body.id}`, { properties: { email: 'second@example.com' } });
    expect((await hub.call('GET', '/crm/v3/objects/contacts/second@example.com?idProperty=email')).body.id).toBe(a.body.id);
    expect((await hub.call('GET', '/crm/v3/objects/contacts/first@example.com?idProperty=email')).status).toBe(404);
    expect((await create('contacts', { email: 'first@example.com' })).status).toBe(201);
    await hub.call('DELETE', `/crm/v3/objects/contacts/${a.body.id}`);
    expect((await create('contacts', { email: 'second@example.com' })).status).toBe(201);
  });

  it('leaves lastmodifieddate alone when nothing changes', async () => {
    hub = await startHub({ manualClock: true });
    const { body } = await create('companies', { name: 'Acme', domain: 'acme.io' });
    hub.advance(5000);
    const res = await hub.call('PATCH', `/crm/v3/objects/companies/${body.id}`, { properties: { name: 'Acme' } });
    expect(res.body.updatedAt).toBe(body.updatedAt);
    expect(res.body.properties.hs_lastmodifieddate).toBe(body.properties.hs_lastmodifieddate);
  });

  it('keeps property history for propertiesWithHistory', async () => {
    hub = await startHub({ manualClock: true });
    const { body } = await create('contacts', { email: 'h@example.com', firstname: 'One' });
    hub.advance(10);
    await hub.call('PATCH', `/crm/v3/objects/contacts/${body.id}`, { properties: { firstname: 'Two' } });
    const res = await hub.call('GET', `/crm/v3/objects/contacts/${body.id}?propertiesWithHistory=firstname`);
    expect(res.body.propertiesWithHistory.firstname.map((h: { value: string }) => h.value)).toEqual(['Two', 'One']);
    expect(res.body.propertiesWithHistory.firstname[0].sourceType).toBe('API');
  });
});

describe('archive', () => {
  it('archives with 204, hides the record and lists it with archived=true', async () => {
    hub = await startHub();
    const { body } = await create('contacts', { email: 'gone@example.com' });
    expect((await hub.call('DELETE', `/crm/v3/objects/contacts/${body.id}`)).status).toBe(204);
    expect((await hub.call('DELETE', '/crm/v3/objects/contacts/424242')).status).toBe(204);
    expect((await hub.call('GET', `/crm/v3/objects/contacts/${body.id}`)).status).toBe(404);
    const archived = await hub.call('GET', `/crm/v3/objects/contacts/${body.id}?archived=true`);
    expect(archived.body).toMatchObject({ id: body.id, archived: true });
    expect(archived.body.archivedAt).toMatch(/Z$/);
    const list = await hub.call('GET', '/crm/v3/objects/contacts?archived=true');
    expect(list.body.results.map((r: { id: string }) => r.id)).toEqual([body.id]);
    expect((await hub.call('GET', '/crm/v3/objects/contacts')).body.results).toEqual([]);
    expect((await create('contacts', { email: 'gone@example.com' })).status).toBe(201);
  });
});

describe('list paging', () => {
  async function seedContacts(n: number) {
    for (let i = 0; i < n; i++) await create('contacts', { email: `p${i}@example.com` });
  }

  async function pageAll(limit: number) {
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const q = new URLSearchParams({ limit: String(limit), ...(after ? { after } : {}) });
      const res = await hub.call('GET', `/crm/v3/objects/contacts?${q}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.results.map((r: { id: string }) => r.id));
      after = res.body.paging?.next?.after;
      if (after) expect(res.body.paging.next.link).toContain(`after=${after}`);
      pages++;
    } while (after);
    return { seen, pages };
  }

  it('pages with opaque after cursors, no gaps or repeats, and no paging on the last page', async () => {
    hub = await startHub();
    await seedContacts(7);
    const threes = await pageAll(3);
    expect(threes.pages).toBe(3);
    expect(new Set(threes.seen).size).toBe(7);
    expect(threes.seen).toEqual([...threes.seen].sort((a, b) => Number(a) - Number(b)));
    const exact = await pageAll(7);
    expect(exact.pages).toBe(1);
    const ones = await pageAll(1);
    expect(ones.pages).toBe(7);
  });

  it('defaults to 10, refuses limits over 100 and bad cursors', async () => {
    hub = await startHub();
    await seedContacts(11);
    const first = await hub.call('GET', '/crm/v3/objects/contacts');
    expect(first.body.results).toHaveLength(10);
    expect(first.body.paging.next.after).toBeTruthy();
    expect((await hub.call('GET', '/crm/v3/objects/contacts?limit=101')).status).toBe(400);
    expect((await hub.call('GET', '/crm/v3/objects/contacts?limit=0')).status).toBe(400);
    expect((await hub.call('GET', '/crm/v3/objects/contacts?after=%21%21')).status).toBe(400);
    expect((await hub.call('GET', '/crm/v3/objects/contacts?limit=100')).body.results).toHaveLength(11);
  });

  it('answers an empty page when nothing is stored', async () => {
    hub = await startHub();
    const res = await hub.call('GET', '/crm/v3/objects/companies');
    expect(res.body).toEqual({ results: [] });
  });
});

describe('merge', () => {
  it('makes a new record; both old ids resolve to it', async () => {
    hub = await startHub();
    const primary = await create('contacts', { email: 'keep@example.com', firstname: 'Keep' });
    const other = await create('contacts', { email: 'old@example.com', firstname: 'Old', phone: '123' });
    const res = await hub.call('POST', '/crm/v3/objects/contacts/merge', { primaryObjectId: primary.body.id, objectIdToMerge: other.body.id });
    expect(res.status).toBe(200);
    const merged = res.body.id;
    expect(merged).not.toBe(primary.body.id);
    expect(merged).not.toBe(other.body.id);
    const viaOld = await hub.call('GET', `/crm/v3/objects/contacts/${other.body.id}?properties=email,firstname,phone,hs_merged_object_ids,hs_additional_emails`);
    expect(viaOld.body.id).toBe(merged);
    expect(viaOld.body.properties).toMatchObject({ email: 'keep@example.com', firstname: 'Keep', phone: '123', hs_additional_emails: 'old@example.com' });
    expect(String(viaOld.body.properties.hs_merged_object_ids).split(';').sort()).toEqual([primary.body.id, other.body.id].sort());
    expect((await hub.call('GET', '/crm/v3/objects/contacts')).body.results.map((r: { id: string }) => r.id)).toEqual([merged]);
    const self = await hub.call('POST', '/crm/v3/objects/contacts/merge', { primaryObjectId: merged, objectIdToMerge: merged });
    expect(self.status).toBe(400);
  });
});
