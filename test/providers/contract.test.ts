import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../main/auth/secret-store';
import { AuthError, RateLimitError } from '../../main/providers/errors';
import { providerDefinition, providerIds } from '../../main/providers/registry';
import { toCredentials } from '../../main/connections/token-session';
import { defaultMappingFor, validateMapping } from '../../main/sync/mapping';
import type { Provider, RemoteRecord, WriteResult } from '../../main/providers/provider';
import { startEmulator, type Emulator } from '../emulators/index';
import { makeApp, setFaults, type TestApp } from '../connections/helpers';
import { fixtures, type ContractFixture } from './fixtures';

/**
 * The provider contract: every registered provider passes the same suite against its emulator,
 * connected with a static token through the app's own connections service. Differences between
 * CRMs come from the providers themselves (objectRoles, capabilities, describe) and from the
 * small fixture each one has in ./fixtures.ts.
 */

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const idOf = (r: WriteResult): string => {
  if (!r.ok) throw new Error(`write failed: ${r.error.message}`);
  return r.id;
};

it('covers every registered provider', () => {
  expect(fixtures.map((f) => f.id).sort()).toEqual([...providerIds].sort());
});

describe.each(fixtures)('$id provider contract', (fx: ContractFixture) => {
  let emu: Emulator;
  let app: TestApp;
  let p: Provider;
  let roles: Provider['capabilities']['objectRoles'];
  const connectInput = () => ({ loginUrl: emu.url, ...fx.connect });

  beforeAll(async () => {
    emu = await startEmulator(fx.emulator, { token: fx.connect.token, ...fx.emulatorOptions });
    app = makeApp({ secrets: new MemorySecretStore() });
    const view = await app.services.connections.connectWithToken({ provider: fx.id, ...connectInput() });
    expect(view).toMatchObject({ provider: fx.id, status: 'connected', authKind: 'token' });
    p = await app.services.connections.provider(view.id);
    roles = p.capabilities.objectRoles;
  });
  afterAll(async () => {
    await app?.cleanup();
    await emu?.close();
  });

  it('describes its person, company and deal objects, and its default mappings fit them', async () => {
    for (const object of [roles.person, roles.company, roles.deal]) {
      const meta = await p.describe(object);
      expect(meta.name).toBe(object);
      expect(meta.fields.length).toBeGreaterThan(2);
      expect(meta.fields.map((f) => f.name)).toContain(meta.idField);
      expect(meta.fields.every((f) => f.label.trim() !== '')).toBe(true);
      if (p.capabilities.queryLanguage === 'list-filter') expect(meta.listFilters?.length).toBeGreaterThan(0);
    }
    expect((await p.describe(roles.person)).matchFields).toContain(fx.person.matchField);
    for (const object of [roles.person, roles.deal]) {
      const meta = await p.describe(object);
      const mapping = defaultMappingFor(p.id, meta);
      expect(mapping, `a default mapping for ${object}`).toBeDefined();
      expect(validateMapping(mapping!, meta).filter((i) => i.severity === 'error')).toEqual([]);
    }
    expect((await p.listObjects()).map((o) => o.name)).toEqual(expect.arrayContaining([roles.person, roles.deal]));
  });

  it('upserts a person by its match key twice: created, then updated, never duplicated', async () => {
    const email = 'upsert@example.com';
    const first = await p.write(roles.person, 'upsert', [{ fields: fx.person.make(1, email) }], { matchField: fx.person.matchField });
    expect(first[0]).toMatchObject({ ok: true, created: true });
    const second = await p.write(roles.person, 'upsert', [{ fields: { ...fx.person.make(1, email), [fx.person.editField]: 'Second Upsert' } }], { matchField: fx.person.matchField });
    expect(second[0]).toMatchObject({ ok: true, created: false, id: idOf(first[0]) });
    const key = fx.person.make(1, email)[fx.person.matchField] as string;
    const found = await p.findBy(roles.person, fx.person.matchField, [key], [fx.person.editField]);
    expect(found.map((r) => r.id)).toEqual([idOf(first[0])]);
    expect(found[0].fields[fx.person.editField]).toBe('Second Upsert');
  });

  it('a bad record in a batch fails alone with a validation error; the others are written', async () => {
    const res = await p.write(roles.person, 'create', [
      { fields: fx.person.make(2, 'batch-a@example.com') },
      { fields: fx.person.bad },
      { fields: fx.person.make(3, 'batch-b@example.com') },
    ]);
    expect(res).toHaveLength(3);
    expect(res[0]).toMatchObject({ ok: true });
    expect(res[1]).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(res[2]).toMatchObject({ ok: true });
  });

  it('reads every record page by page (three pages or more), each once', async () => {
    const size = fx.minPageSize ?? 2;
    const made: string[] = [];
    const records = Array.from({ length: size * 2 + 1 }, (_, i) => ({ fields: fx.person.make(100 + i, `page${i}@example.com`) }));
    const batch = p.capabilities.batchLimits.create;
    for (let i = 0; i < records.length; i += batch) made.push(...(await p.write(roles.person, 'create', records.slice(i, i + batch))).map(idOf));
    const pages = await collect(p.read(roles.person, { fields: [], pageSize: size }));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.slice(0, -1).every((pg) => !pg.done)).toBe(true);
    expect(pages.at(-1)!.done).toBe(true);
    const ids = pages.flatMap((pg) => pg.records.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(made));
  });

  it('pulls changes since a cursor: the edited record with its new value (incremental: only what changed)', async () => {
    const fields = [fx.person.editField];
    await sleep(fx.settleMs ?? 0);
    const first = await collect(p.changes(roles.person, { fields }));
    expect(first.at(-1)!.done).toBe(true);
    const everyone = first.flatMap((pg) => pg.records);
    const [edited] = await p.findBy(roles.person, 'email', ['batch-a@example.com'], fields);
    const [untouched] = await p.findBy(roles.person, 'email', ['batch-b@example.com'], fields);
    expect(everyone.map((r) => r.id)).toEqual(expect.arrayContaining([edited.id, untouched.id]));

    expect(await p.write(roles.person, 'update', [{ id: edited.id, fields: { [fx.person.editField]: 'Changed In CRM' } }])).toMatchObject([{ ok: true, id: edited.id }]);
    await sleep(fx.settleMs ?? 0);
    const pages = await collect(p.changes(roles.person, { fields, cursor: first.at(-1)!.cursor }));
    expect(pages.at(-1)!.done).toBe(true);
    const changed: RemoteRecord[] = pages.flatMap((pg) => pg.records);
    expect(changed.find((r) => r.id === edited.id)?.fields[fx.person.editField]).toBe('Changed In CRM');
    if (p.capabilities.changeTracking === 'incremental') expect(changed.map((r) => r.id)).not.toContain(untouched.id);
    else expect(changed.map((r) => r.id)).toEqual(expect.arrayContaining(everyone.map((r) => r.id)));
  });

  it('associates a deal with a person', async () => {
    const [a, b] = await p.findBy(roles.person, 'email', ['batch-a@example.com', 'batch-b@example.com'], []);
    const [deal] = await p.write(roles.deal, 'create', [{ fields: fx.makeDeal(a.id) }]);
    const dealId = idOf(deal);
    const [link] = await p.associate([{ from: { object: roles.deal, id: dealId }, to: { object: roles.person, id: b.id } }]);
    expect(link).toMatchObject({ ok: true });
    expect(await fx.linkedPeople(p, dealId, emu.url, fx.connect.token)).toContain(b.id);
  });

  it("finds the person with the provider's own query language", async () => {
    const rows = (await collect(p.query(fx.queryByEmail('upsert@example.com')))).flatMap((pg) => pg.rows);
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(rows).toLowerCase()).toContain('upsert@example.com');
  });

  it('turns a refused token into an AuthError and a rate limit into a RateLimitError with a wait', async () => {
    const def = providerDefinition(fx.id);
    const config = def.resolveConfig(connectInput(), { get: () => undefined });
    const wrong = toCredentials(def.staticCredentials(config, { ...connectInput(), token: 'wrong0wrong0wrong0wrong0wrong0wrong0wron', secret: fx.connect.secret ? 'wrong-secret' : undefined }));
    const client = def.createClient({
      connectionId: `${fx.id}-wrong`,
      config,
      auth: { current: async () => wrong, renew: async (_f, cause) => Promise.reject(cause) },
    });
    try {
      await expect(client.account()).rejects.toBeInstanceOf(AuthError);
    } finally {
      await client.close();
    }

    await setFaults(emu, { burst429: 5 });
    try {
      const limited = await p.write(roles.person, 'create', [{ fields: fx.person.make(9, 'limited@example.com') }]).catch((e: unknown) => e);
      expect(limited).toBeInstanceOf(RateLimitError);
      expect((limited as RateLimitError).retryAfterMs).toBeGreaterThan(0);
    } finally {
      await setFaults(emu, { burst429: 0 });
    }
  });
}, 120_000);
