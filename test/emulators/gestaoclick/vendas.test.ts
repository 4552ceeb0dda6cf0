import { afterEach, describe, expect, it } from 'vitest';
import { startGestaoClick, type GcHarness } from './test-kit';

let h: GcHarness;
afterEach(() => h?.emu.close());

const seed = {
  clientes: [
    { tipo_pessoa: 'PF', nome: 'Ada Lovelace' },
    { tipo_pessoa: 'PF', nome: 'Grace Hopper' },
  ],
  produtos: [{ nome: 'Ingresso Pista', codigo_interno: 'ING-1', valor_custo: '10', valor_venda: '60.00' }],
};

const venda = (over: Record<string, unknown> = {}) => ({
  cliente_id: '1',
  situacao_id: 3150,
  data: '2026-03-01',
  produtos: [{ produto: { produto_id: 1, quantidade: '2', valor_venda: '60.00', tipo_desconto: '%', desconto_porcentagem: '10' } }],
  ...over,
});

describe('vendas', () => {
  it('creates with 200: numbered codigo, names resolved, totals computed, strings for money', async () => {
    h = await startGestaoClick({ seed });
    const res = await h.call('POST', '/api/vendas', venda({ valor_frete: '5' }));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      id: '1',
      codigo: '1',
      cliente_id: '1',
      nome_cliente: 'Ada Lovelace',
      situacao_id: '3150',
      nome_situacao: 'Confirmado',
      data: '2026-03-01',
      valor_frete: '5.00',
      valor_total: '113.00',
      valor_custo: '20.00',
      situacao_financeiro: '1',
      situacao_estoque: '1',
      nome_loja: 'Matriz',
      produtos: [{ produto: { produto_id: 1, variacao_id: 1000001, nome_produto: 'Ingresso Pista', quantidade: '2.00', valor_venda: '60.00', tipo_desconto: '%', valor_total: '108.00' } }],
    });
    expect(res.body.data.hash).toMatch(/^[\w-]{7}$/);
    expect((await h.call('POST', '/api/vendas', venda({ codigo: 900 }))).body.data.codigo).toBe('900');
    expect((await h.call('POST', '/api/vendas', venda())).body.data.codigo).toBe('901');
  });

  it('requires cliente_id, situacao_id and data, and checks links and enumerations', async () => {
    h = await startGestaoClick({ seed });
    const missing = await h.call('POST', '/api/vendas', {});
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.data.erros).sort()).toEqual(['cliente_id', 'data', 'situacao_id']);
    const bad = await h.call('POST', '/api/vendas', venda({ cliente_id: 99, situacao_id: 1, data: '2026-02-30', tipo: 'x', condicao_pagamento: 'fiado' }));
    expect(Object.keys(bad.body.data.erros).sort()).toEqual(['cliente_id', 'condicao_pagamento', 'data', 'situacao_id', 'tipo']);
    const item = await h.call('POST', '/api/vendas', venda({ produtos: [{ produto: { produto_id: 5, quantidade: 0 } }, { produto_id: 1 }] }));
    expect(Object.keys(item.body.data.erros).sort()).toEqual(['produtos.0.produto_id', 'produtos.0.quantidade', 'produtos.1']);
    expect(await h.records('vendas')).toEqual([]);
  });

  it('keeps nested pagamentos, or generates equal installments from forma_pagamento_id + numero_parcelas', async () => {
    h = await startGestaoClick({ seed });
    const given = await h.call('POST', '/api/vendas', venda({ condicao_pagamento: 'parcelado', pagamentos: [{ pagamento: { data_vencimento: '2026-03-10', valor: '108', forma_pagamento_id: '640517' } }] }));
    expect(given.body.data.pagamentos).toEqual([
      { pagamento: { data_vencimento: '2026-03-10', valor: '108.00', forma_pagamento_id: '640517', nome_forma_pagamento: 'Dinheiro à Vista', plano_contas_id: null, nome_plano_conta: null, observacao: null } },
    ]);
    const items = [{ produto: { produto_id: 1, quantidade: 1, valor_venda: 100 } }];
    const generated = await h.call('POST', '/api/vendas', venda({ produtos: items, forma_pagamento_id: 579722, numero_parcelas: 3, data_primeira_parcela: '2026-01-31' }));
    expect(generated.body.data.pagamentos.map((p: { pagamento: { valor: string; data_vencimento: string } }) => [p.pagamento.data_vencimento, p.pagamento.valor])).toEqual([
      ['2026-01-31', '33.33'],
      ['2026-03-02', '33.33'],
      ['2026-04-01', '33.34'],
    ]);
    expect(generated.body.data).toMatchObject({ numero_parcelas: '3', intervalo_dias: '30', forma_pagamento_id: '579722' });
    const unknown = await h.call('POST', '/api/vendas', venda({ forma_pagamento_id: 1, numero_parcelas: 2 }));
    expect(unknown.body.data.erros).toHaveProperty('forma_pagamento_id');
  });

  it('edits with PUT (lists sent replace, others stay) and deletes', async () => {
    h = await startGestaoClick({ seed: { ...seed, vendas: [venda({ observacoes: 'VIP' })] } });
    expect((await h.call('PUT', '/api/vendas/1', { observacoes: 'x' })).status).toBe(400);
    const res = await h.call('PUT', '/api/vendas/1', { cliente_id: 2, situacao_id: 3152, data: '2026-03-05', produtos: [] });
    expect(res.body.data).toMatchObject({ nome_cliente: 'Grace Hopper', nome_situacao: 'Cancelado', valor_total: '0.00', observacoes: 'VIP', codigo: '1', produtos: [] });
    expect((await h.call('DELETE', '/api/vendas/1')).body).toEqual({ code: 200, status: 'success', data: 'Venda excluida com sucesso' });
    expect((await h.call('GET', '/api/vendas/1')).status).toBe(404);
  });

  it('filters by sale date window, cliente_id, situacao_id, codigo and customer name', async () => {
    const vendas = [
      venda({ data: '2026-01-15' }),
      venda({ data: '2026-02-01', cliente_id: 2 }),
      venda({ data: '2026-02-28', situacao_id: 3149 }),
      venda({ data: '2026-03-01' }),
    ];
    h = await startGestaoClick({ seed: { ...seed, vendas } });
    const ids = async (q: string) => (await h.call('GET', `/api/vendas?${q}`)).body.data.map((v: { id: string }) => v.id);
    expect(await ids('data_inicio=2026-02-01&data_fim=2026-02-28')).toEqual(['2', '3']);
    expect(await ids('data_inicio=2026-02-28')).toEqual(['3', '4']);
    expect(await ids('cliente_id=2')).toEqual(['2']);
    expect(await ids('situacao_id=3149')).toEqual(['3']);
    expect(await ids('codigo=4')).toEqual(['4']);
    expect(await ids('nome=grace')).toEqual(['2']);
    expect(await ids('tipo=servico')).toEqual([]);
    expect((await h.call('GET', '/api/vendas?data_inicio=01/02/2026')).status).toBe(400);
  });

  it('lists the account sale statuses and payment methods', async () => {
    h = await startGestaoClick();
    const res = await h.call('GET', '/api/situacoes_vendas');
    expect(res.body.data).toContainEqual({ id: '3150', nome: 'Confirmado', padrao: '0', tipo_lancamento: '1' });
    expect(res.body.meta).toMatchObject({ total_registros: 4, total_paginas: 1 });
    expect((await h.call('GET', '/formas_pagamentos')).body.data).toContainEqual({ id: '640517', nome: 'Dinheiro à Vista' });
  });
});

describe('produtos', () => {
  it('requires nome, codigo_interno and valor_custo; answers 4-decimal money and a numeric estoque', async () => {
    h = await startGestaoClick();
    const missing = await h.call('POST', '/api/produtos', { nome: 'X' });
    expect(Object.keys(missing.body.data.erros).sort()).toEqual(['codigo_interno', 'valor_custo']);
    const res = await h.call('POST', '/api/produtos', { nome: 'Camiseta', codigo_interno: 'CAM', valor_custo: '12,5', valor_venda: 30, estoque: '10' });
    expect(res.body.data).toMatchObject({ id: '1', valor_custo: '12.5000', valor_venda: '30.0000', estoque: 10, ativo: '1', cadastrado_em: '2026-03-02 12:00:00' });
    expect((await h.call('GET', '/api/produtos?codigo=CAM')).body.data).toHaveLength(1);
    const del = await h.call('DELETE', '/api/produtos/1');
    expect(del.status).toBe(200);
    expect(del.body).toBeUndefined();
  });
});
