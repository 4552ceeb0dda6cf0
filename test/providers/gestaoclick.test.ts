import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../main/auth/secret-store';
import { ValidationError } from '../../main/providers/errors';
import type { Provider, RateInfo, WriteResult } from '../../main/providers/provider';
import { startEmulator, type Emulator } from '../emulators/index';
import { makeApp, stats, type TestApp } from '../connections/helpers';

const TOKEN = '3c4a1e9f0b2d4c6e8a0f1b3d5c7e9a1b3d5f7a9c';
const SECRET = 'b7d9f1a3c5e7092b4d6f8a0c2e4f6a8b0d2f4a6c';

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
const idOf = (r: WriteResult) => (r.ok ? r.id : `failed: ${r.error.message}`);

describe('GestãoClick provider specifics against its emulator (documented limits: 3 requests per second)', () => {
  let emu: Emulator;
  let app: TestApp;
  let secrets: MemorySecretStore;
  let gc: Provider;

  beforeAll(async () => {
    emu = await startEmulator('gestaoclick', { token: TOKEN, secret: SECRET });
    secrets = new MemorySecretStore();
    app = makeApp({ secrets });
    await app.services.connections.connectWithToken({ provider: 'gestaoclick', loginUrl: emu.url, token: TOKEN, secret: SECRET });
    gc = await app.services.connections.provider('gestaoclick');
  });
  afterAll(async () => {
    await app.cleanup();
    await emu.close();
  });

  it('keeps both tokens in the secret store only, and needs both to connect', async () => {
    expect(JSON.parse((await secrets.get('gestaoclick'))!)).toEqual({ accessToken: TOKEN, secretToken: SECRET });
    const listed = JSON.stringify(app.services.connections.list());
    expect(listed).not.toContain(TOKEN);
    expect(listed).not.toContain(SECRET);
    await expect(app.services.connections.connectWithToken({ provider: 'gestaoclick', asNew: true, loginUrl: emu.url, token: TOKEN })).rejects.toThrow(/both tokens/);
    expect(app.services.connections.providers().find((p) => p.id === 'gestaoclick')).toMatchObject({ changeTracking: 'reconcile', queryLanguage: 'list-filter' });
  });

  it('labels fields as GestãoClick names them, with an English hint', async () => {
    const meta = await gc.describe('clientes');
    expect(meta.fields.find((f) => f.name === 'tipo_pessoa')).toMatchObject({ label: 'Tipo de pessoa (person type)', type: 'picklist' });
    expect(meta.fields.find((f) => f.name === 'tipo_pessoa')!.picklist!.map((o) => o.value)).toEqual(['PF', 'PJ', 'ES']);
    const vendas = await gc.describe('vendas');
    expect(vendas.fields.find((f) => f.name === 'nome_situacao')!.picklist!.map((o) => o.label)).toEqual(expect.arrayContaining(['Em aberto', 'Confirmado', 'Cancelado']));
  });

  it('matches a customer by e-mail, then by the CPF it carries; the person type follows the document', async () => {
    const [first] = await gc.write('clientes', 'upsert', [{ fields: { nome: 'Ana Souza', email: 'ana@example.com', cpf: '79272748054' } }], { matchField: 'email' });
    expect(first).toMatchObject({ ok: true, created: true });
    const [byCpf] = await gc.write('clientes', 'upsert', [{ fields: { nome: 'Ana Souza Lima', email: 'ana.lima@example.com', cpf: '792.727.480-54' } }], { matchField: 'email' });
    expect(byCpf).toMatchObject({ ok: true, created: false, id: idOf(first) });
    const [ana] = await gc.getByIds('clientes', [idOf(first)], []);
    expect(ana.fields).toMatchObject({ nome: 'Ana Souza Lima', email: 'ana.lima@example.com', tipo_pessoa: 'PF', cpf: '792.727.480-54' });

    const [company] = await gc.write('clientes', 'create', [{ fields: { nome: 'Eventos Ltda', cnpj: '36.058.120/0001-97', email: 'contato@eventos.example' } }]);
    expect((await gc.getByIds('clientes', [idOf(company)], []))[0].fields).toMatchObject({ tipo_pessoa: 'PJ', cnpj: '36.058.120/0001-97' });
  });

  it('an update keeps what the mapping leaves out, including other addresses', async () => {
    const [c] = await gc.write('clientes', 'create', [
      {
        fields: {
          nome: 'Carlos',
          email: 'carlos@example.com',
          enderecos: [{ cep: '01001-000', logradouro: 'Praça da Sé', nome_cidade: 'São Paulo', estado: 'SP' }, { cep: '20040-002', logradouro: 'Av. Rio Branco', nome_cidade: 'Rio de Janeiro', estado: 'RJ' }],
        },
      },
    ]);
    await gc.write('clientes', 'update', [{ id: idOf(c), fields: { 'endereco.cep': '01002-000', telefone: '11 3333-4444' } }]);
    const [after] = await gc.getByIds('clientes', [idOf(c)], []);
    expect(after.fields).toMatchObject({ nome: 'Carlos', email: 'carlos@example.com', telefone: '11 3333-4444', 'endereco.cep': '01002-000', 'endereco.logradouro': 'Praça da Sé' });
    expect((after.fields.enderecos as Array<{ estado: string }>).map((e) => e.estado)).toEqual(['SP', 'RJ']);
  });

  it('writes a sale with its status by name and a line from the ticket total', async () => {
    const [ana] = await gc.findBy('clientes', 'email', ['ana.lima@example.com'], []);
    const [sale] = await gc.write('vendas', 'create', [{ fields: { cliente_id: ana.id, data: '2026-03-01', nome_situacao: 'cancelado', 'servico.nome_servico': 'Pista · Show', 'servico.quantidade': 2, 'servico.valor_total': 240 } }]);
    const [odd] = await gc.write('vendas', 'create', [{ fields: { cliente_id: ana.id, data: '2026-03-02', 'servico.nome_servico': 'Camarote', 'servico.quantidade': 3, 'servico.valor_total': 100 } }]);
    const [s1, s2] = await gc.getByIds('vendas', [idOf(sale), idOf(odd)], []);
    expect(s1.fields).toMatchObject({ nome_situacao: 'Cancelado', valor_total: '240.00', 'servico.quantidade': '2.00', 'servico.valor_venda': '120.0000' });
    // 100 does not split into three equal amounts in cents: one line of the whole amount.
    expect(s2.fields).toMatchObject({ nome_situacao: 'Em aberto', valor_total: '100.00', 'servico.nome_servico': '3 × Camarote', 'servico.quantidade': '1.00' });

    const [bad] = await gc.write('vendas', 'create', [{ fields: { cliente_id: ana.id, data: '2026-03-03', nome_situacao: 'Pago' } }]);
    expect(bad).toMatchObject({ ok: false, error: { kind: 'validation', fields: ['nome_situacao'] } });
    expect(bad.ok === false && bad.error.message).toMatch(/Em aberto/);
  });

  it('reconcile pulls: every record each time, resumable mid-scan, starting over once complete', async () => {
    const all = (await collect(gc.read('clientes', { fields: [] }))).flatMap((p) => p.records.map((r) => r.id));
    const pages = await collect(gc.changes('clientes', { fields: [], pageSize: 1 }));
    expect(pages.flatMap((p) => p.records.map((r) => r.id))).toEqual(all);
    expect(pages.map((p) => p.done)).toEqual([...all.slice(1).map(() => false), true]);
    const resumed = await collect(gc.changes('clientes', { fields: [], pageSize: 1, cursor: pages[0].cursor }));
    expect(resumed.flatMap((p) => p.records.map((r) => r.id))).toEqual(all.slice(1));
    const again = await collect(gc.changes('clientes', { fields: [], cursor: pages.at(-1)!.cursor }));
    expect(again.flatMap((p) => p.records.map((r) => r.id))).toEqual(all);
  });

  it('queries the list endpoints with their own filters, and names the ones it has when asked for another', async () => {
    const rows = (await collect(gc.query({ language: 'list-filter', object: 'clientes', filters: [{ name: 'tipo_pessoa', value: 'PJ' }], fields: ['id', 'nome', 'tipo_pessoa'] }))).flatMap((p) => p.rows);
    expect(rows).toEqual([expect.objectContaining({ nome: 'Eventos Ltda', tipo_pessoa: 'PJ' })]);
    expect(Object.keys(rows[0]).sort()).toEqual(['id', 'nome', 'tipo_pessoa']);
    const err = await collect(gc.query({ language: 'list-filter', object: 'clientes', filters: [{ name: 'cidade', value: 'x' }] })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).message).toMatch(/cpf_cnpj/);
  });

  it('stays within 3 requests per second however many calls run at once, and tells the limiter so', async () => {
    const seen: RateInfo[] = [];
    const stop = gc.onRateInfo((i) => seen.push(i));
    const before = (await stats(emu)).byStatus['429'] ?? 0;
    const ids = (await collect(gc.read('clientes', { fields: [] }))).flatMap((p) => p.records.map((r) => r.id));
    const started = Date.now();
    await Promise.all(Array.from({ length: 9 }, (_, i) => gc.getByIds('clientes', [ids[i % ids.length]], [])));
    stop();
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect((await stats(emu)).byStatus['429'] ?? 0).toBe(before);
    expect(seen.at(-1)).toMatchObject({ max: 3, windowMs: 1100 });
    expect(seen.every((i) => i.remaining! >= 0 && i.remaining! <= 3)).toBe(true);
  });
}, 120_000);
