import { afterEach, describe, expect, it } from 'vitest';
import { CPF, createContato, startBling, type BlingHarness } from './test-kit';

let h: BlingHarness;
afterEach(() => h?.emu.close());

let contato: number;
async function setup() {
  h = await startBling();
  contato = await createContato(h, { nome: 'Ada Lovelace', tipo: 'F', numeroDocumento: CPF.ada });
}

const pedido = (over: Record<string, unknown> = {}) => ({
  data: '2026-03-01',
  numeroLoja: 'TCS-1001',
  contato: { id: contato },
  itens: [
    { codigo: 'ING-PISTA', descricao: 'Ingresso Pista', quantidade: 2, valor: 120, desconto: 10 },
    { descricao: 'Taxa de conveniência', quantidade: 1, valor: 12.5 },
  ],
  parcelas: [{ dataVencimento: '2026-03-01', valor: 228.5, formaPagamento: { id: 2941546 } }],
  ...over,
});

describe('pedidos de venda', () => {
  it('creates with 201 ({id, alertas}) and reads the order with contact, status, items and totals', async () => {
    await setup();
    const res = await h.call('POST', '/pedidos/vendas', pedido({ transporte: { frete: 10 }, desconto: { valor: 5, unidade: 'REAL' } }));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ data: { id: 18_000_000_001, alertas: [] } });
    const full = (await h.call('GET', `/pedidos/vendas/${res.body.data.id}`)).body.data;
    expect(full).toMatchObject({
      id: 18_000_000_001,
      numero: 1,
      numeroLoja: 'TCS-1001',
      data: '2026-03-01',
      totalProdutos: 228.5,
      total: 233.5,
      contato: { id: contato, nome: 'Ada Lovelace', tipoPessoa: 'F', numeroDocumento: CPF.ada },
      situacao: { id: 6, valor: 0 },
      desconto: { valor: 5, unidade: 'REAL' },
      transporte: { frete: 10, fretePorConta: 0 },
      parcelas: [{ dataVencimento: '2026-03-01', valor: 228.5, formaPagamento: { id: 2941546 } }],
    });
    expect(full.itens).toHaveLength(2);
    expect(full.itens[0]).toMatchObject({ codigo: 'ING-PISTA', unidade: 'UN', quantidade: 2, valor: 120, desconto: 10, descricao: 'Ingresso Pista', produto: { id: 0 } });
    expect(full.itens[0].id).toBeGreaterThan(2 ** 32);
    const list = (await h.call('GET', '/pedidos/vendas')).body.data;
    expect(list).toEqual([
      { id: 18_000_000_001, numero: 1, numeroLoja: 'TCS-1001', data: '2026-03-01', dataSaida: '', dataPrevista: '', totalProdutos: 228.5, total: 233.5, contato: full.contato, situacao: { id: 6, valor: 0 }, loja: { id: 0 } },
    ]);
  });

  it('requires an existing, undeleted contato and a date; validates items; numero is unique', async () => {
    await setup();
    const missing = await h.call('POST', '/pedidos/vendas', { itens: [] });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.map((f: { element: string }) => f.element).sort()).toEqual(['contato.id', 'data']);
    expect(missing.body.error.fields[0].namespace).toBe('VENDAS');
    const badItems = await h.call('POST', '/pedidos/vendas', pedido({ itens: [{ quantidade: 0, valor: -1 }] }));
    expect(badItems.body.error.fields.map((f: { element: string }) => f.element).sort()).toEqual(['itens[0].descricao', 'itens[0].quantidade', 'itens[0].valor']);
    expect((await h.call('POST', '/pedidos/vendas', pedido({ contato: { id: 999 } }))).body.error.fields[0]).toMatchObject({ element: 'contato.id' });
    expect((await h.call('POST', '/pedidos/vendas', pedido({ situacao: { id: 77 } }))).status).toBe(400);
    expect((await h.call('POST', '/pedidos/vendas', pedido({ numero: 50 }))).status).toBe(201);
    const dup = await h.call('POST', '/pedidos/vendas', pedido({ numero: 50 }));
    expect(dup.body.error.fields[0]).toMatchObject({ element: 'numero' });
    await h.call('DELETE', `/contatos/${contato}`);
    expect((await h.call('POST', '/pedidos/vendas', pedido())).status).toBe(400);
    expect(await h.records('pedidos')).toHaveLength(1);
  });

  it('saves an order with an unknown payment method and answers an alert', async () => {
    await setup();
    const res = await h.call('POST', '/pedidos/vendas', pedido({ parcelas: [{ dataVencimento: '2026-03-01', valor: 10, formaPagamento: { id: 1 } }] }));
    expect(res.status).toBe(201);
    expect(res.body.data.alertas).toEqual([
      { code: 49, msg: 'Uma ou mais parcelas da venda possuem erros de validação', element: 'parcelas', namespace: 'VENDAS', collection: [{ index: 0, code: 12, msg: 'Id da forma de pagamento inválido.', element: 'formaPagamento', namespace: 'VENDAS' }] },
    ]);
  });

  it('replaces the order on PUT (200), keeping numero and situação unless sent and item ids sent back', async () => {
    await setup();
    const id = (await h.call('POST', '/pedidos/vendas', pedido({ observacoes: 'VIP' }))).body.data.id;
    await h.call('PATCH', `/pedidos/vendas/${id}/situacoes/9`);
    const before = (await h.call('GET', `/pedidos/vendas/${id}`)).body.data;
    const keep = before.itens[0];
    const res = await h.call('PUT', `/pedidos/vendas/${id}`, { data: '2026-03-02', contato: { id: contato }, itens: [{ id: keep.id, descricao: keep.descricao, quantidade: 1, valor: 120 }] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { id, alertas: [] } });
    const after = (await h.call('GET', `/pedidos/vendas/${id}`)).body.data;
    expect(after).toMatchObject({ numero: 1, data: '2026-03-02', situacao: { id: 9, valor: 1 }, observacoes: '', numeroLoja: '', totalProdutos: 120, parcelas: [] });
    expect(after.itens.map((i: { id: number }) => i.id)).toEqual([keep.id]);
  });

  it('changes situação by PATCH (204) and deletes one (204) or many by idsPedidosVendas[]', async () => {
    await setup();
    const a = (await h.call('POST', '/pedidos/vendas', pedido())).body.data.id;
    const b = (await h.call('POST', '/pedidos/vendas', pedido())).body.data.id;
    const c = (await h.call('POST', '/pedidos/vendas', pedido())).body.data.id;
    expect((await h.call('PATCH', `/pedidos/vendas/${a}/situacoes/12`)).status).toBe(204);
    expect((await h.call('GET', `/pedidos/vendas/${a}`)).body.data.situacao).toEqual({ id: 12, valor: 2 });
    expect((await h.call('PATCH', `/pedidos/vendas/${a}/situacoes/77`)).status).toBe(400);
    expect((await h.call('DELETE', `/pedidos/vendas/${a}`)).status).toBe(204);
    expect((await h.call('GET', `/pedidos/vendas/${a}`)).status).toBe(404);
    expect((await h.call('DELETE', `/pedidos/vendas?idsPedidosVendas[]=${b}&idsPedidosVendas[]=${c}`)).status).toBe(204);
    expect(await h.records('pedidos')).toEqual([]);
    expect((await h.call('DELETE', '/pedidos/vendas')).status).toBe(400);
  });

  it('filters by idContato, idsSituacoes[], data…, dataPrevista…, numero, numerosLojas[]', async () => {
    await setup();
    const other = await createContato(h, { nome: 'Grace' });
    const mk = async (over: Record<string, unknown>) => (await h.call('POST', '/pedidos/vendas', pedido(over))).body.data.id as number;
    const a = await mk({ data: '2026-01-10', numeroLoja: 'A' });
    const b = await mk({ data: '2026-02-10', numeroLoja: 'B', contato: { id: other }, dataPrevista: '2026-02-20' });
    const c = await mk({ data: '2026-03-10', numeroLoja: 'C', situacao: { id: 15 } });
    const ids = async (q: string) => (await h.call('GET', `/pedidos/vendas?${q}`)).body.data.map((p: { id: number }) => p.id);
    expect(await ids(`idContato=${other}`)).toEqual([b]);
    expect(await ids('idsSituacoes[]=15&idsSituacoes[]=9')).toEqual([c]);
    expect(await ids('dataInicial=2026-02-01&dataFinal=2026-03-10')).toEqual([b, c]);
    expect(await ids('dataPrevistaInicial=2026-02-20')).toEqual([b]);
    expect(await ids('numero=1')).toEqual([a]);
    expect(await ids('numerosLojas[]=A&numerosLojas[]=C')).toEqual([a, c]);
    expect((await h.call('GET', '/pedidos/vendas?dataInicial=2024-01-01&dataFinal=2026-01-01')).status).toBe(400);
  });

  it('lists the Vendas module statuses through /situacoes/modulos', async () => {
    await setup();
    const modulos = (await h.call('GET', '/situacoes/modulos')).body.data;
    expect(modulos).toEqual([{ id: 98310, nome: 'Vendas', descricao: 'Pedidos de Venda', criarSituacoes: true }]);
    const situacoes = (await h.call('GET', '/situacoes/modulos/98310')).body.data;
    expect(situacoes.map((s: { id: number; nome: string }) => [s.id, s.nome])).toEqual([
      [6, 'Em aberto'],
      [9, 'Atendido'],
      [12, 'Cancelado'],
      [15, 'Em andamento'],
    ]);
    expect((await h.call('GET', '/situacoes/modulos/1')).status).toBe(404);
  });
});
