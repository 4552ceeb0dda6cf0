import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp, setFaults, start, type TestApp } from './helpers';
import type { Emulator } from '../emulators/index';
import { MemorySecretStore } from '../../main/auth/secret-store';
import { RateLimitError, TransientError, ValidationError } from '../../main/providers/errors';
import type { Provider } from '../../main/providers/provider';

const TOKEN = 'pat-na1-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('HubSpot provider client against the emulator', () => {
  let emu: Emulator;
  let app: TestApp;
  let hs: Provider;

  beforeAll(async () => {
    emu = await start('hubspot', { token: TOKEN });
    app = makeApp({ secrets: new MemorySecretStore() });
    await app.services.connections.connectWithToken({ provider: 'hubspot', loginUrl: emu.url, token: TOKEN });
    hs = await app.services.connections.provider('hubspot');
  });
  afterAll(async () => {
    await app.cleanup();
    await emu.close();
  });

  it('exposes batch limits of 100 and the HubSpot search cap as data', () => {
    expect(hs.capabilities.batchLimits.upsert).toBe(100);
    expect(hs.capabilities.queryResultCap).toBe(10_000);
    expect(hs.capabilities.objectRoles).toEqual({ person: 'contacts', company: 'companies', deal: 'deals' });
  });

  it('describes contacts: email unique, custom unique property, calculated read-only, enumerations as picklists', async () => {
    const meta = await hs.describe('contacts');
    const f = (n: string) => meta.fields.find((x) => x.name === n)!;
    expect(meta).toMatchObject({ idField: 'hs_object_id', modifiedField: 'lastmodifieddate' });
    expect(f('email')).toMatchObject({ type: 'email', unique: true, externalId: true, createable: true });
    expect(f('ticket_buyer_id')).toMatchObject({ unique: true, custom: true });
    expect(f('hs_full_name_or_email')).toMatchObject({ calculated: true, readOnly: true, updateable: false });
    expect(f('lifecyclestage')).toMatchObject({ type: 'picklist' });
    expect(f('lifecyclestage').picklist!.length).toBeGreaterThan(2);
    expect(meta.matchFields).toEqual(expect.arrayContaining(['hs_object_id', 'email', 'ticket_buyer_id']));
  });

  it('creates 250 contacts in batches of 100 and reads them back page by page', async () => {
    const records = Array.from({ length: 250 }, (_, i) => ({ fields: { email: `c${i}@example.com`, firstname: `C${i}` } }));
    const results = await hs.write('contacts', 'create', records);
    expect(results.filter((r) => r.ok && r.created)).toHaveLength(250);
    const ids = new Set(results.map((r) => (r.ok ? r.id : '')));
    expect(ids.size).toBe(250);
    const pages = await collect(hs.read('contacts', { fields: ['email'], pageSize: 100 }));
    expect(pages.map((p) => p.records.length)).toEqual([100, 100, 50]);
    const byEmail = new Map(pages.flatMap((p) => p.records).map((r) => [r.fields.email, r.id]));
    // Results were matched to their inputs even though HubSpot does not promise their order.
    results.forEach((r, i) => expect(r.ok && r.id).toBe(byEmail.get(`c${i}@example.com`)));
  });

  it('upserts by email: one bad record fails alone, with the field named; the rest are created', async () => {
    const res = await hs.write(
      'contacts',
      'upsert',
      [
        { fields: { email: 'new1@example.com', firstname: 'N1' } },
        { fields: { email: 'c1@example.com', firstname: 'Updated' } },
        { fields: { email: 'new2@example.com', lifecyclestage: 'not-a-stage' } },
        { fields: { email: 'new3@example.com' } },
      ],
      { matchField: 'email' },
    );
    expect(res[0]).toMatchObject({ ok: true, created: true });
    expect(res[1]).toMatchObject({ ok: true, created: false });
    expect(res[2]).toMatchObject({ ok: false, error: { kind: 'validation', fields: ['lifecyclestage'] } });
    expect(res[3]).toMatchObject({ ok: true, created: true });
    const [c1] = await hs.findBy('contacts', 'email', ['c1@example.com'], ['firstname']);
    expect(c1.fields.firstname).toBe('Updated');
  });

  it('reports a duplicate create per record with the existing id', async () => {
    const [c2] = await hs.findBy('contacts', 'email', ['c2@example.com'], []);
    const res = await hs.write('contacts', 'create', [{ fields: { email: 'fresh@example.com' } }, { fields: { email: 'c2@example.com' } }]);
    expect(res[0]).toMatchObject({ ok: true, created: true });
    expect(res[1]).toMatchObject({ ok: false, error: { kind: 'duplicate' } });
    expect(res[1].ok === false && res[1].error.existingIds).toEqual([c2.id]);
  });

  it('pages a search query and associates a contact with a company', async () => {
    const pages = await collect(hs.query({ language: 'hubspot-search', object: 'contacts', body: { filterGroups: [{ filters: [{ propertyName: 'email', operator: 'CONTAINS_TOKEN', value: 'c1*' }] }], properties: ['email'], limit: 50 } }));
    const rows = pages.flatMap((p) => p.rows);
    expect(rows.length).toBe(pages[0].total);
    expect(rows.length).toBeGreaterThan(50);
    expect(pages.length).toBeGreaterThan(1);
    expect(rows.every((r) => String(r.email).startsWith('c1'))).toBe(true);

    const [company] = await hs.write('companies', 'create', [{ fields: { name: 'Acme Events', domain: 'acme.example' } }]);
    const [contact] = await hs.findBy('contacts', 'email', ['c3@example.com'], []);
    const links = await hs.associate([{ from: { object: 'contacts', id: contact.id }, to: { object: 'companies', id: (company as { id: string }).id } }, { from: { object: 'contacts', id: '999999999' }, to: { object: 'companies', id: (company as { id: string }).id } }]);
    expect(links[0]).toMatchObject({ ok: true });
    expect(links[1]).toMatchObject({ ok: false, error: { code: 'OBJECT_NOT_FOUND' } });
  });

  it('pulls changes since a cursor, then only what changed', async () => {
    const all = (await collect(hs.changes('contacts', { fields: ['email', 'firstname'] })));
    const cursor = all.at(-1)!.cursor;
    expect(all.flatMap((p) => p.records).length).toBeGreaterThanOrEqual(253);
    expect((await collect(hs.changes('contacts', { fields: ['email', 'firstname'], cursor }))).flatMap((p) => p.records)).toEqual([]);
    await hs.write('contacts', 'upsert', [{ fields: { email: 'c7@example.com', firstname: 'Seven' } }], { matchField: 'email' });
    const changed = (await collect(hs.changes('contacts', { fields: ['email', 'firstname'], cursor }))).flatMap((p) => p.records);
    expect(changed.map((r) => r.fields.firstname)).toEqual(['Seven']);
  });

  it('turns vendor errors into typed errors, rate limit with a retry-after', async () => {
    await setFaults(emu, { burst429: 1 });
    const limited = await hs.write('contacts', 'create', [{ fields: { email: 'rl@example.com' } }]).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimitError);
    expect((limited as RateLimitError).retryAfterMs).toBeGreaterThan(0);
    await setFaults(emu, { burst429: 1 });
    expect((await hs.describe('companies', { refresh: true })).name).toBe('companies');

    const bad = await collect(hs.query({ language: 'hubspot-search', object: 'contacts', body: { filterGroups: [{ filters: [{ propertyName: 'email', operator: 'NOPE', value: 'x' }] }] } })).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ValidationError);

    await setFaults(emu, { errorRate: 1 });
    const down = await hs.write('contacts', 'update', [{ id: '1', fields: { firstname: 'x' } }]).catch((e: unknown) => e);
    await setFaults(emu, { errorRate: 0 });
    expect(down).toBeInstanceOf(TransientError);
  });

  it('reports usage from the rate-limit headers (private app: the daily budget)', async () => {
    const usage = await hs.usage();
    expect(usage).toMatchObject({ period: 'day', max: 500_000 });
    expect(usage!.used).toBeGreaterThan(0);
  });
});
