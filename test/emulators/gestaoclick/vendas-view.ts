import { fold } from './clientes-view';
import type { Ctx } from './context';
import { GcError } from './errors';
import type { ItemProduto, ItemServico, Pagamento, VendaRecord } from './model';
import { isDate } from '../common/brasilia-time';
import { money2, money4 } from './values';
import { itemTotal, vendaTotal } from './vendas-totals';

const nullableMoney = (n: number | null, digits: (n: number) => string) => (n === null ? null : digits(n));

function produtoItemView(ctx: Ctx, p: ItemProduto) {
  const produto = ctx.produtos.get(p.produto_id);
  return {
    produto: {
      produto_id: p.produto_id,
      variacao_id: p.variacao_id,
      nome_produto: produto?.nome ?? null,
      detalhes: p.detalhes,
      movimenta_estoque: '1',
      possui_variacao: '0',
      sigla_unidade: 'UND',
      quantidade: money2(p.quantidade),
      tipo_valor_id: p.tipo_valor_id,
      nome_tipo_valor: null,
      valor_custo: money2(produto?.valor_custo ?? 0),
      valor_venda: money2(p.valor_venda),
      tipo_desconto: p.tipo_desconto,
      desconto_valor: nullableMoney(p.desconto_valor, money2),
      desconto_porcentagem: nullableMoney(p.desconto_porcentagem, money2),
      valor_total: money2(itemTotal(p)),
    },
  };
}

function servicoItemView(s: ItemServico, index: number) {
  return {
    servico: {
      id: String(index + 1),
      servico_id: s.servico_id,
      nome_servico: s.nome_servico,
      detalhes: s.detalhes,
      sigla_unidade: null,
      quantidade: money2(s.quantidade),
      tipo_valor_id: null,
      nome_tipo_valor: null,
      valor_custo: money4(0),
      valor_venda: money4(s.valor_venda),
      tipo_desconto: s.tipo_desconto,
      desconto_valor: nullableMoney(s.desconto_valor, money4),
      desconto_porcentagem: nullableMoney(s.desconto_porcentagem, money4),
      valor_total: money2(itemTotal(s)),
    },
  };
}

function pagamentoView(ctx: Ctx, p: Pagamento) {
  return {
    pagamento: {
      data_vencimento: p.data_vencimento,
      valor: money2(p.valor),
      forma_pagamento_id: String(p.forma_pagamento_id),
      nome_forma_pagamento: ctx.settings.formasPagamento.find((f) => f.id === p.forma_pagamento_id)?.nome ?? null,
      plano_contas_id: p.plano_contas_id,
      nome_plano_conta: null,
      observacao: p.observacao,
    },
  };
}

const str = (n: number | null): string | null => (n === null ? null : String(n));

/** A venda as answered: string ids and money, names resolved, totals computed, nested lists wrapped. */
export function vendaView(ctx: Ctx, r: VendaRecord): Record<string, unknown> {
  const situacao = ctx.settings.situacoesVendas.find((s) => s.id === r.situacao_id);
  const launch = situacao?.tipo_lancamento ?? 0;
  const total = vendaTotal(r.produtos.map(itemTotal), r.servicos.map(itemTotal), r.valor_frete);
  const cost = r.produtos.reduce((sum, p) => sum + (ctx.produtos.get(p.produto_id)?.valor_custo ?? 0) * p.quantidade, 0);
  return {
    id: String(r.id),
    codigo: String(r.codigo),
    cliente_id: String(r.cliente_id),
    nome_cliente: ctx.clientes.get(r.cliente_id)?.nome ?? null,
    vendedor_id: r.vendedor_id,
    nome_vendedor: null,
    tecnico_id: null,
    nome_tecnico: null,
    data: r.data,
    previsao_entrega: r.previsao_entrega,
    situacao_id: String(r.situacao_id),
    nome_situacao: situacao?.nome ?? null,
    valor_total: money2(total),
    transportadora_id: r.transportadora_id,
    nome_transportadora: null,
    centro_custo_id: r.centro_custo_id,
    nome_centro_custo: null,
    aos_cuidados_de: null,
    validade: null,
    introducao: null,
    observacoes: r.observacoes,
    observacoes_interna: r.observacoes_interna,
    valor_frete: money2(r.valor_frete),
    nome_canal_venda: null,
    nome_loja: ctx.settings.loja.nome,
    valor_custo: money2(cost),
    condicao_pagamento: r.condicao_pagamento,
    situacao_financeiro: launch === 1 || launch === 3 ? '1' : '0',
    situacao_estoque: launch === 1 || launch === 2 ? '1' : '0',
    forma_pagamento_id: str(r.forma_pagamento_id),
    data_primeira_parcela: r.data_primeira_parcela,
    numero_parcelas: str(r.numero_parcelas),
    intervalo_dias: str(r.intervalo_dias),
    hash: r.hash,
    equipamentos: [],
    pagamentos: r.pagamentos.map((p) => pagamentoView(ctx, p)),
    produtos: r.produtos.map((p) => produtoItemView(ctx, p)),
    servicos: r.servicos.map(servicoItemView),
  };
}

function dateParam(q: URLSearchParams, name: string): string | null {
  const v = q.get(name);
  if (v && !isDate(v)) throw new GcError(400, `O parâmetro ${name} deve estar no formato AAAA-MM-DD.`);
  return v || null;
}

/**
 * The documented filters. `data_inicio`/`data_fim` bound the sale date (inclusive); `nome` is
 * matched against the customer's name (the documentation does not say which name).
 */
export function vendaFilter(ctx: Ctx, q: URLSearchParams): (r: VendaRecord) => boolean {
  const from = dateParam(q, 'data_inicio');
  const to = dateParam(q, 'data_fim');
  const eq = (name: string) => q.get(name) || null;
  const [loja, tipo, codigo, nome, situacao, cliente, centro] = ['loja_id', 'tipo', 'codigo', 'nome', 'situacao_id', 'cliente_id', 'centro_custo_id'].map(eq);
  return (r) => {
    if (loja && Number(loja) !== ctx.settings.loja.id) return false;
    if (tipo && r.tipo !== tipo) return false;
    if (codigo && String(r.codigo) !== codigo) return false;
    if (nome && !fold(ctx.clientes.get(r.cliente_id)?.nome).includes(fold(nome))) return false;
    if (situacao && String(r.situacao_id) !== situacao) return false;
    if (cliente && String(r.cliente_id) !== cliente) return false;
    if (centro && r.centro_custo_id !== centro) return false;
    if (from && r.data < from) return false;
    return !to || r.data <= to;
  };
}
