import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices, type AppServices } from '../../main/services/app-services';
import { createLogger } from '../../main/log/logger';
import { MemorySecretStore } from '../../main/auth/secret-store';
import { createImportService } from '../../main/import/service';
import type { Provider } from '../../main/providers/provider';
import { startEmulator, type Emulator } from '../emulators/index';
import { setFaults, stats } from '../connections/helpers';

/**
 * The sync engine with the two Brazilian providers, none of it told which CRM it talks to:
 * import (one B2B buyer) → push (every buyer and order once, orders linked to their buyer) → push again (no
 * write) → a CRM edit pulled back, all inside the documented 3 requests per second.
 */
interface Case {
  id: 'gestaoclick' | 'bling';
  options: { token: string; secret?: string };
  person: string;
  deal: string;
  phone: string;
  /** Where a B2B buyer's company name goes (both keep companies as customers of type PJ/J). */
  companyField: string;
  /** The admin view's e-mail, person link of an order, and sale status name. */
  email: (r: Record<string, unknown>) => unknown;
  buyerOf: (order: Record<string, unknown>) => string;
  settleMs: number;
}

const cases: Case[] = [
  {
    id: 'gestaoclick',
    options: { token: '4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70', secret: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c' },
    person: 'clientes',
    deal: 'vendas',
    phone: 'telefone',
    companyField: 'razao_social',
    email: (r) => r.email,
    buyerOf: (o) => String(o.cliente_id),
    settleMs: 0,
  },
  {
    id: 'bling',
    options: { token: 'b1b2b3b4b5b6b7b8b9b0c1c2c3c4c5c6c7c8c9c0' },
    person: 'contatos',
    deal: 'pedidos',
    phone: 'celular',
    companyField: 'fantasia',
    email: (r) => r.email,
    buyerOf: (o) => String((o.contato as { id: number }).id),
    settleMs: 3000,
  },
];

const N = 5;
const HEADERS = 'Order ID,Order Date,Email,First Name,Last Name,Phone,Company,Event,Event Date,Ticket Type,Quantity,Order Total,Currency';
const csv = (from = 0, count = N) =>
  `${[HEADERS, ...Array.from({ length: count }, (_, k) => from + k).map((i) => `ORD-${500 + i},2026-02-0${i + 1} 10:00,buyer${i}@example.com,First${i},Last${i},+55 11 9000-000${i},${i === 0 ? 'Acme Eventos' : ''},Festival,2026-03-20,Pista,2,${100 + i * 10},BRL`)].join('\r\n')}\r\n`;

const records = async (emu: Emulator, object: string) => (await (await fetch(`${emu.url}/__admin/records/${object}`)).json()) as Array<Record<string, unknown>>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(cases)('$id through the sync engine', (c) => {
  let emu: Emulator;
  let dir: string;
  let app: AppServices;
  let connectionId: string;
  let provider: Provider;
  let imports: ReturnType<typeof createImportService>;

  beforeAll(async () => {
    emu = await startEmulator(c.id, c.options);
    dir = mkdtempSync(join(tmpdir(), `tcs-br-engine-${c.id}-`));
    app = createAppServices({ dataDir: dir, shell: 'test', secretStore: new MemorySecretStore(), logger: createLogger({ dir, console: false }) });
    connectionId = (await app.connections.connectWithToken({ provider: c.id, loginUrl: emu.url, ...c.options })).id;
    provider = await app.connections.provider(connectionId);
    const file = join(dir, 'buyers.csv');
    writeFileSync(file, csv());
    imports = createImportService({ db: app.db, dataDir: dir, logger: createLogger({ dir, console: false }) });
    expect((await imports.importFile(file, { presetName: 'generic' })).created).toBe(N);
  });
  afterAll(async () => {
    await app?.close();
    await emu?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('pushes every buyer and every order once, each order linked to its buyer', async () => {
    const run = await app.sync.push({ connectionId, trigger: 'test' });
    expect(run.status, run.message ?? '').toBe('ok');
    expect(run.failed).toBe(0);
    const people = await records(emu, c.person);
    expect(people.map(c.email).sort()).toEqual(Array.from({ length: N }, (_, i) => `buyer${i}@example.com`));
    const orders = await records(emu, c.deal);
    expect(orders).toHaveLength(N);
    const idByEmail = new Map(people.map((p) => [c.email(p), String(p.id)]));
    const byBuyer = orders.map(c.buyerOf).sort();
    expect(byBuyer).toEqual([...idByEmail.values()].sort());
    expect(people.find((p) => c.email(p) === 'buyer1@example.com')).toMatchObject({ [c.phone]: '+55 11 9000-0001' });
    expect(people.find((p) => c.email(p) === 'buyer0@example.com')).toMatchObject({ [c.companyField]: 'Acme Eventos' });
  });

  it('a second push writes nothing', async () => {
    const before = JSON.stringify([await records(emu, c.person), await records(emu, c.deal)]);
    const run = await app.sync.push({ connectionId, trigger: 'test' });
    expect(run.status).toBe('ok');
    expect(run.created + run.updated + run.failed).toBe(0);
    expect(JSON.stringify([await records(emu, c.person), await records(emu, c.deal)])).toBe(before);
  });

  it('pulls a CRM edit of the phone into the local person', async () => {
    await sleep(c.settleMs);
    await app.sync.pull({ connectionId, trigger: 'test' });
    const link = app.db.prepare("SELECT external_id FROM external_links WHERE connection_id = ? AND local_kind = 'person' AND object = ? AND local_id = (SELECT id FROM people WHERE email = ?)").pluck().get(connectionId, c.person, 'buyer2@example.com') as string;
    expect(await provider.write(c.person, 'update', [{ id: link, fields: { [c.phone]: '+55 21 98888-7777' } }])).toMatchObject([{ ok: true }]);
    await sleep(c.settleMs);
    const run = await app.sync.pull({ connectionId, trigger: 'test' });
    expect(run.status, run.message ?? '').toBe('ok');
    expect(run.updated).toBe(1);
    expect(app.db.prepare('SELECT phone FROM people WHERE email = ?').pluck().get('buyer2@example.com')).toBe('+55 21 98888-7777');
  });

  it('never went over the rate limit', async () => {
    expect((await stats(emu)).byStatus['429'] ?? 0).toBe(0);
  });

  it('survives a burst of 429s from the CRM: new buyers and orders still land once', async () => {
    const file = join(dir, 'more.csv');
    writeFileSync(file, csv(N, 2));
    expect((await imports.importFile(file, { presetName: 'generic' })).created).toBe(2);
    await setFaults(emu, { burst429: 3 });
    const limited = await app.sync.push({ connectionId, trigger: 'test' });
    await setFaults(emu, { burst429: 0 });
    expect(limited.status, limited.message ?? '').toBe('ok');
    expect((await stats(emu)).byStatus['429']).toBeGreaterThanOrEqual(3);
    const people = await records(emu, c.person);
    expect(people.map(c.email).filter((e) => e === `buyer${N}@example.com` || e === `buyer${N + 1}@example.com`)).toHaveLength(2);
    expect(await records(emu, c.deal)).toHaveLength(N + 2);
  });
}, 180_000);
