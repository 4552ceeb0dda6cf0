import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type TestHub } from './test-helpers';

let hub: TestHub;
afterEach(async () => hub?.close());

const batch = (type: string, op: string, body: unknown) => hub.call('POST', `/crm/v3/objects/${type}/batch/${op}`, body);
const contacts = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ properties: { email: `b${from + i}@example.com`, firstname: `B${from + i}` } }));

describe('batch limits', () => {
  it('takes 100 inputs and refuses 101 with VALIDATION_ERROR for every batch operation', async () => {
    hub = await startHub();
    const ok = await batch('contacts', 'create', { inputs: contacts(100) });
    expect(ok.status).toBe(201);
    expect(ok.body.results).toHaveLength(100);
    for (const op of ['create', 'read', 'update', 'upsert', 'archive']) {
      const inputs = Array.from({ length: 101 }, (_, i) => ({ id: String(1001 + i), properties: { email: `x${i}@example.com` } }));
      const res = await batch('contacts', op, { inputs });
      expect(res.status, op).toBe(400);
      expect(res.body.category).toBe('VALIDATION_ERROR');
      expect(res.body.message).toContain('maximum number of inputs supported in a batch request is 100');
    }
    expect((await hub.call('GET', '/__admin/records/contacts')).body).toHaveLength(100);
  });
});

describe('batch/create', () => {
  it('answers 201 with status, results and timestamps', async () => {
    hub = await startHub();
    const res = await batch('contacts', 'create', { inputs: contacts(2) });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('COMPLETE');
    expect(Date.parse(res.body.startedAt)).not.toBeNaN();
    expect(Date.parse(res.body.completedAt)).not.toBeNaN();
    expect(res.body.results.map((r) => r.properties.email)).toEqual(['b0@example.com', 'b1@example.com']);
  });

  it('is all or nothing: one duplicate email fails the request and creates nothing', async () => {
    hub = await startHub();
    const existing = await hub.call('POST', '/crm/v3/objects/contacts', { properties: { email: 'b1@example.com' } });
    const res = await batch('contacts', 'create', { inputs: contacts(3) });
    expect(res.status).toBe(409);
    expect(res.body.message).toBe(`Contact already exists. Existing ID: ${existing.body.id}`);
    expect((await hub.call('GET', '/__admin/records/contacts')).body).toHaveLength(1);
    const inBatch = await batch('contacts', 'create', { inputs: [...contacts(1, 5), ...contacts(1, 5)] });
    expect(inBatch.status).toBe(400);
    const bad = await batch('contacts', 'create', { inputs: [...contacts(1, 7), { properties: { email: 'nope' } }] });
    expect(bad.status).toBe(400);
    expect((await hub.call('GET', '/__admin/records/contacts')).body).toHaveLength(1);
  });
});

describe('batch/read', () => {
  it('answers 200 when every id exists and 207 with OBJECT_NOT_FOUND errors otherwise', async () => {
    hub = await startHub();
    const created = await batch('contacts', 'create', { inputs: contacts(2) });
    const ids = created.body.results.map((r: { id: string }) => r.id);
    const all = await batch('contacts', 'read', { inputs: ids.map((id: string) => ({ id })), properties: ['email'] });
    expect(all.status).toBe(200);
    expect(all.body.results).toHaveLength(2);
    expect(all.body.results[0].properties).toHaveProperty('email');
    const some = await batch('contacts', 'read', { inputs: [{ id: ids[0] }, { id: '999999' }], properties: ['email'] });
    expect(some.status).toBe(207);
    expect(some.body.numErrors).toBe(1);
    expect(some.body.errors[0]).toMatchObject({ status: 'error', category: 'OBJECT_NOT_FOUND', context: { ids: ['999999'] } });
    expect(some.body.errors[0].message).toContain('Could not get some CONTACT objects');
    expect(some.body.results).toHaveLength(1);
  });

  it('reads by idProperty', async () => {
    hub = await startHub();
    await batch('contacts', 'create', { inputs: contacts(2) });
    const res = await batch('contacts', 'read', { idProperty: 'email', inputs: [{ id: 'b1@example.com' }], properties: ['firstname'] });
    expect(res.status).toBe(200);
    expect(res.body.results[0].properties.firstname).toBe('B1');
  });
});

describe('batch/update', () => {
  it('updates by id and by idProperty; missing ids come back as 207 errors', async () => {
    hub = await startHub();
    const ids = (await batch('contacts', 'create', { inputs: contacts(2) })).body.results.map((r: { id: string }) => r.id);
    const res = await batch('contacts', 'update', {
      inputs: [
        { id: ids[0], properties: { jobtitle: 'Chair' } },
        { id: 'b1@example.com', idProperty: 'email', properties: { jobtitle: 'Host' } },
        { id: '999999', properties: { jobtitle: 'Ghost' } },
      ],
    });
    expect(res.status).toBe(207);
    expect(res.body.results.map((r) => r.properties.jobtitle).sort()).toEqual(['Chair', 'Host']);
    expect(res.body.errors[0].context.ids).toEqual(['999999']);
    const clean = await batch('contacts', 'update', { inputs: [{ id: ids[0], properties: { jobtitle: 'Chair 2' } }] });
    expect(clean.status).toBe(200);
  });

  it('refuses duplicate ids', async () => {
    hub = await startHub();
    const res = await batch('contacts', 'update', { inputs: [{ id: '5', properties: {} }, { id: '5', properties: {} }] });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('Duplicate IDs found in batch input: [5]');
  });
});

describe('batch/upsert', () => {
  it('creates unknown emails with new: true and updates known ones with new: false', async () => {
    hub = await startHub();
    const existing = await hub.call('POST', '/crm/v3/objects/contacts', { properties: { email: 'known@example.com', firstname: 'Old' } });
    const res = await batch('contacts', 'upsert', {
      inputs: [
        { id: 'KNOWN@example.com', idProperty: 'email', properties: { firstname: 'New' } },
        { id: 'fresh@example.com', idProperty: 'email', properties: { firstname: 'Fresh' } },
      ],
    });
    expect(res.status).toBe(200);
    const known = res.body.results.find((r: { id: string }) => r.id === existing.body.id);
    expect(known).toMatchObject({ new: false, properties: { firstname: 'New' } });
    const fresh = res.body.results.find((r: { id: string }) => r.id !== existing.body.id);
    expect(fresh).toMatchObject({ new: true, properties: { firstname: 'Fresh', email: 'fresh@example.com' } });
    expect((await hub.call('GET', '/__admin/records/contacts')).body).toHaveLength(2);
  });

  it('upserts by a custom unique property and refuses non-unique idProperty', async () => {
    hub = await startHub();
    const first = await batch('contacts', 'upsert', { inputs: [{ id: 'TB-1', idProperty: 'ticket_buyer_id', properties: { email: 'tb@example.com' } }] });
    expect(first.body.results[0].new).toBe(true);
    const second = await batch('contacts', 'upsert', { inputs: [{ id: 'TB-1', idProperty: 'ticket_buyer_id', properties: { lastname: 'Buyer' } }] });
    expect(second.body.results[0]).toMatchObject({ new: false, id: first.body.results[0].id });
    const bad = await batch('contacts', 'upsert', { inputs: [{ id: 'Ann', idProperty: 'firstname', properties: {} }] });
    expect(bad.status).toBe(400);
  });
});

describe('batch/archive', () => {
  it('answers 204 and archives', async () => {
    hub = await startHub();
    const ids = (await batch('contacts', 'create', { inputs: contacts(2) })).body.results.map((r: { id: string }) => r.id);
    const res = await batch('contacts', 'archive', { inputs: [{ id: ids[0] }, { id: '999999' }] });
    expect(res.status).toBe(204);
    expect((await hub.call('GET', '/crm/v3/objects/contacts')).body.results.map((r: { id: string }) => r.id)).toEqual([ids[1]]);
  });
});
