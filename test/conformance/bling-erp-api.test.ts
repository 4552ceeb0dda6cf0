import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Bling from 'bling-erp-api';
import { startEmulator, type Emulator } from '../emulators/index';
import { BRASILIA_OFFSET_MINUTES, formatZoneTime } from '../../main/providers/zone-time';

/**
 * The `bling-erp-api` client (unchanged; its constructor takes the base URL) pointed at the
 * Bling emulator: the calls the product relies on must come back in the shapes the client's
 * types describe, and errors must reach the caller as the client surfaces them
 * (BlingApiException carrying Bling's `{ error: { type, ... } }` body).
 */
const TOKEN = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const CPF = '529.982.247-25';
let emu: Emulator;
let bling: Bling;

/** What BlingApiException carries. */
const apiError = (e: unknown) => (e as { response?: { error?: { type?: string; fields?: Array<{ element: string }> } } }).response?.error;

beforeAll(async () => {
  // The client does not pace itself: the per-second limit is lifted except where a test wants it.
  emu = await startEmulator('bling', { token: TOKEN, seed: { rateLimits: { perSecond: 1000, perDay: 120000 } } });
  bling = new Bling(TOKEN, `${emu.url}/Api/v3`);
});
afterAll(() => emu.close());

describe('bling-erp-api against the emulator', () => {
  it('creates, finds, lists, filters and soft-deletes a contact', async () => {
    const created = await bling.contatos.create({ nome: 'Maria Silva', tipo: 'F', numeroDocumento: CPF.replace(/\D/g, ''), email: 'maria@example.com', situacao: 'A', indicadorIe: 9 } as never);
    const id = created.data.id;
    expect(id).toBeGreaterThan(2 ** 32);

    const found = await bling.contatos.find({ idContato: id });
    expect(found.data).toMatchObject({ id, nome: 'Maria Silva', tipo: 'F', numeroDocumento: CPF, email: 'maria@example.com', situacao: 'A' });
    expect(found.data.endereco.geral).toMatchObject({ municipio: '', uf: '' });

    const listed = await bling.contatos.get({ pesquisa: 'maria@example.com' });
    expect(listed.data).toEqual([expect.objectContaining({ id, nome: 'Maria Silva', numeroDocumento: CPF })]);
    expect(Object.keys(listed.data[0]).sort()).toEqual(['celular', 'codigo', 'id', 'nome', 'numeroDocumento', 'situacao', 'telefone']);
    expect((await bling.contatos.get({ numeroDocumento: CPF.replace(/\D/g, '') })).data.map((c) => c.id)).toEqual([id]);
    // Arrays go out as idsContatos[]=…, the bracket form Bling documents.
    expect((await bling.contatos.get({ idsContatos: [id] })).data.map((c) => c.id)).toEqual([id]);
    // Bling reads these times as Brasília wall-clock time.
    const since = formatZoneTime(Date.now() - 3600_000, BRASILIA_OFFSET_MINUTES);
    expect((await bling.contatos.get({ dataAlteracaoInicial: since })).data.map((c) => c.id)).toContain(id);

    await bling.contatos.changeSituation({ idContato: id, situacao: 'I' });
    expect((await bling.contatos.find({ idContato: id })).data.situacao).toBe('I');

    await bling.contatos.delete({ idContato: id });
    expect((await bling.contatos.get({ criterio: 2 })).data.map((c) => c.id)).toEqual([id]);
    expect((await bling.contatos.get({})).data.map((c) => c.id)).not.toContain(id);
  });

  it('lists contact types and the sales module with its statuses', async () => {
    expect((await bling.contatosTipos.get()).data.length).toBeGreaterThan(0);
    const modules = await bling.situacoesModulos.getModules();
    const vendas = modules.data.find((m) => m.nome === 'Vendas')!;
    expect(vendas).toBeDefined();
    const statuses = await bling.situacoesModulos.getModuleSituations({ idModuloSistema: vendas.id });
    expect(statuses.data.map((s) => s.nome)).toEqual(expect.arrayContaining(['Em aberto', 'Atendido', 'Cancelado']));
  });

  it('creates a sales order with lines, finds and lists it, changes its status and deletes it', async () => {
    const contato = (await bling.contatos.create({ nome: 'Comprador', tipo: 'F', situacao: 'A' } as never)).data.id;
    const created = await bling.pedidosVendas.create({
      contato: { id: contato },
      data: '2026-03-01',
      numeroLoja: 'eb:9001',
      itens: [{ descricao: 'Pista · Show', quantidade: 2, valor: 120, desconto: 0, unidade: 'UN' }],
    } as never);
    const id = created.data.id;
    const found = await bling.pedidosVendas.find({ idPedidoVenda: id });
    expect(found.data).toMatchObject({ id, numeroLoja: 'eb:9001', totalProdutos: 240, total: 240, contato: { id: contato } });
    expect(found.data.itens[0]).toMatchObject({ descricao: 'Pista · Show', quantidade: 2, valor: 120 });

    expect((await bling.pedidosVendas.get({ idContato: contato })).data.map((p) => p.id)).toEqual([id]);
    expect((await bling.pedidosVendas.get({ numerosLojas: ['eb:9001'] })).data.map((p) => p.id)).toEqual([id]);

    const modules = await bling.situacoesModulos.getModules();
    const statuses = await bling.situacoesModulos.getModuleSituations({ idModuloSistema: modules.data[0].id });
    const cancelado = statuses.data.find((s) => s.nome === 'Cancelado')!;
    await bling.pedidosVendas.changeSituation({ idPedidoVenda: id, idSituacao: cancelado.id });
    expect((await bling.pedidosVendas.find({ idPedidoVenda: id })).data.situacao).toMatchObject({ id: cancelado.id, valor: 2 });

    await bling.pedidosVendas.delete({ idPedidoVenda: id });
    const gone = await bling.pedidosVendas.find({ idPedidoVenda: id }).catch((e: unknown) => e);
    expect(apiError(gone)?.type).toBe('RESOURCE_NOT_FOUND');
  });

  it("surfaces Bling's error bodies: validation with the field named, a refused token, a rate limit", async () => {
    const invalid = await bling.contatos.create({ tipo: 'F' } as never).catch((e: unknown) => e);
    expect(apiError(invalid)?.type).toBe('VALIDATION_ERROR');
    expect(apiError(invalid)?.fields?.map((f) => f.element)).toContain('nome');

    const refused = await new Bling('0'.repeat(40), `${emu.url}/Api/v3`).contatos.get({}).catch((e: unknown) => e);
    expect(apiError(refused)?.type).toBe('invalid_token');

    await fetch(`${emu.url}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ burst429: 1 }) });
    const limited = await bling.contatos.get({}).catch((e: unknown) => e);
    expect(apiError(limited)?.type).toBe('TOO_MANY_REQUESTS');
  });

  it("the client's update sends PATCH where Bling documents PUT: the emulator, as documented, has no such route", async () => {
    // bling-erp-api 5.8.1 implements `update` (and its `replace`) with PATCH /contatos/{id} and
    // PATCH /pedidos/vendas/{id}; Bling's API reference documents PUT for both. The product's
    // own client uses PUT; this pins the difference so a change on either side shows up here.
    const id = (await bling.contatos.create({ nome: 'Para alterar', tipo: 'F', situacao: 'A' } as never)).data.id;
    const patched = await bling.contatos.update({ idContato: id, nome: 'Alterado', tipo: 'F' } as never).catch((e: unknown) => e);
    expect(apiError(patched)?.type).toBe('RESOURCE_NOT_FOUND');
    expect((await bling.contatos.find({ idContato: id })).data.nome).toBe('Para alterar');
  });
});
