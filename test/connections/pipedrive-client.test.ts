import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp, setFaults, start, type TestApp } from './helpers';
import type { Emulator } from '../emulators/index';
import { MemorySecretStore } from '../../main/auth/secret-store';
import { AuthError, RateLimitError } from '../../main/providers/errors';
import type { Provider } from '../../main/providers/provider';

const TOKEN = '1111222233334444555566667777888899990000';

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('Pipedrive provider client against the emulator', () => {
  let emu: Emulator;
  let app: TestApp;
  let pd: Provider;

  beforeAll(async () => {
    emu = await start('pipedrive', { token: TOKEN });
    app = makeApp({ secrets: new MemorySecretStore() });
    await app.services.connections.connectWithToken({ provider: 'pipedrive', domain: 'acme', loginUrl: emu.url, token: TOKEN });
    pd = await app.services.connections.provider('pipedrive');
  });
  afterAll(async () => {
    await app.cleanup();
    await emu.close();
  });

  it('writes one record per request and looks records up for upserts', () => {
    expect(pd.capabilities.batchLimits).toEqual({ create: 1, update: 1, upsert: 1 });
    expect(pd.capabilities.nativeUpsert).toBe(false);
  });

  it('describes persons with normalised field metadata', async () => {
    const meta = await pd.describe('persons');
    const f = (n: string) => meta.fields.find((x) => x.name === n)!;
    expect(meta).toMatchObject({ idField: 'id', modifiedField: 'update_time' });
    expect(f('name')).toMatchObject({ type: 'string', required: true, createable: true });
    expect(f('email')).toMatchObject({ type: 'email', externalId: true });
    expect(f('org_id')).toMatchObject({ type: 'reference', reference: { targets: ['organizations'] } });
    expect(f('marketing_status').picklist!.map((o) => o.value)).toContain('subscribed');
    expect(f('add_time')).toMatchObject({ readOnly: true, createable: false });
    expect(meta.matchFields).toEqual(expect.arrayContaining(['id', 'email']));
  });

  it('creates, pages and upserts by email (create, then update of the same person)', async () => {
    const created = await pd.write('persons', 'create', Array.from({ length: 5 }, (_, i) => ({ fields: { name: `Person ${i}`, email: `p${i}@example.com` } })));
    expect(created.every((r) => r.ok && r.created)).toBe(true);
    const pages = await collect(pd.read('persons', { fields: ['name', 'email'], pageSize: 2 }));
    expect(pages.map((p) => p.records.length)).toEqual([2, 2, 1]);
    expect(pages.at(-1)!.done).toBe(true);
    expect(pages[0].records[0].fields.email).toBe('p0@example.com');

    const first = await pd.write('persons', 'upsert', [{ fields: { name: 'Upserted', email: 'up@example.com' } }], { matchField: 'email' });
    expect(first[0]).toMatchObject({ ok: true, created: true });
    const second = await pd.write('persons', 'upsert', [{ fields: { name: 'Upserted Again', email: 'up@example.com' } }], { matchField: 'email' });
    expect(second[0]).toMatchObject({ ok: true, created: false, id: (first[0] as { id: string }).id });
    const [found] = await pd.findBy('persons', 'email', ['up@example.com'], []);
    expect(found.fields.name).toBe('Upserted Again');
  });

  it('a record Pipedrive refuses fails alone with a validation error', async () => {
    const res = await pd.write('persons', 'create', [{ fields: { name: 'Fine' } }, { fields: { email: 'noname@example.com' } }]);
    expect(res[0]).toMatchObject({ ok: true });
    expect(res[1]).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });

  it('links a person to an organization', async () => {
    const [org] = await pd.write('organizations', 'create', [{ fields: { name: 'Acme Events' } }]);
    const [person] = await pd.findBy('persons', 'email', ['p1@example.com'], []);
    const [link] = await pd.associate([{ from: { object: 'persons', id: person.id }, to: { object: 'organizations', id: (org as { id: string }).id } }]);
    expect(link.ok).toBe(true);
    const [again] = await pd.getByIds('persons', [person.id], []);
    expect(String(again.fields.org_id)).toBe((org as { id: string }).id);
  });

  it('pulls changes since a cursor through recents', async () => {
    const all = await collect(pd.changes('persons', { fields: [] }));
    const cursor = all.at(-1)!.cursor;
    expect(all.flatMap((p) => p.records).length).toBeGreaterThanOrEqual(7);
    expect((await collect(pd.changes('persons', { fields: [], cursor }))).flatMap((p) => p.records)).toEqual([]);
    const [p3] = await pd.findBy('persons', 'email', ['p3@example.com'], []);
    await pd.write('persons', 'update', [{ id: p3.id, fields: { name: 'Three Changed' } }]);
    const changed = (await collect(pd.changes('persons', { fields: [], cursor }))).flatMap((p) => p.records);
    expect(changed.map((r) => r.fields.name)).toEqual(['Three Changed']);
  });

  it('rate limits and refused tokens become typed errors', async () => {
    await setFaults(emu, { burst429: 1 });
    const limited = await pd.write('persons', 'create', [{ fields: { name: 'Limited' } }]).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimitError);
    expect((limited as RateLimitError).retryAfterMs).toBeGreaterThanOrEqual(1000);
    await app.services.connections.connectWithToken({ provider: 'pipedrive', asNew: true, domain: 'acme', loginUrl: emu.url, token: TOKEN });
    await app.services.db.prepare("UPDATE connections SET status = 'connected' WHERE id = 'pipedrive-2'").run();
    await app.secrets.set('pipedrive-2', JSON.stringify({ accessToken: 'revoked-token-0000', scheme: 'api_token' }));
    const stale = await app.services.connections.provider('pipedrive-2');
    const err = await stale.account().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect(app.services.connections.get('pipedrive-2').status).toBe('needs_reconnect');
  });
});
