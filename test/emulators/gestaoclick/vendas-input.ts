import type { Ctx } from './context';
import { invalid } from './errors';
import type { ItemProduto, ItemServico, Pagamento, TipoDesconto, TipoVenda, VendaRecord } from './model';
import { addDays, isDate } from '../common/brasilia-time';
import { objectBody, parseDecimal, parseId, parseText, round2 } from './values';
import { itemTotal, vendaTotal } from './vendas-totals';

export type VendaFields = Omit<VendaRecord, 'id' | 'hash' | 'cadastrado_em' | 'modificado_em'>;
type Erros = Record<string, string>;
type Source = Record<string, unknown>;

const tiposVenda: readonly TipoVenda[] = ['produto', 'servico', 'vendas_balcao'];

function unwrap(erros: Erros, field: string, key: string, raw: unknown): Source[] {
  if (!Array.isArray(raw)) {
    erros[field] = `O campo ${field} deve ser uma lista.`;
    return [];
  }
  return raw.flatMap((entry, i) => {
    const inner = entry && typeof entry === 'object' ? (entry as Source)[key] : undefined;
    if (inner && typeof inner === 'object') return [inner as Source];
    erros[`${field}.${i}`] = `Cada item de ${field} deve ter a chave ${key}.`;
    return [];
  });
}

function discount(erros: Erros, at: string, src: Source) {
  const tipo = (src.tipo_desconto ?? 'R$') as TipoDesconto;
  if (tipo !== 'R$' && tipo !== '%') erros[`${at}.tipo_desconto`] = "O campo tipo_desconto deve ser 'R$' ou '%'.";
  return { tipo_desconto: tipo, desconto_valor: parseDecimal(src.desconto_valor) ?? null, desconto_porcentagem: parseDecimal(src.desconto_porcentagem) ?? null };
}

function quantity(erros: Erros, at: string, raw: unknown): number {
  const q = parseDecimal(raw);
  if (q === undefined || q <= 0) erros[`${at}.quantidade`] = 'O campo quantidade deve ser maior que zero.';
  return q ?? 0;
}

/** Sold products must exist; the sale price defaults to the product's. */
function parseProdutos(ctx: Ctx, erros: Erros, raw: unknown): ItemProduto[] {
  return unwrap(erros, 'produtos', 'produto', raw).map((src, i) => {
    const at = `produtos.${i}`;
    const id = parseId(src.produto_id);
    const produto = id === undefined ? undefined : ctx.produtos.get(id);
    if (!produto) erros[`${at}.produto_id`] = 'Produto não encontrado.';
    return {
      produto_id: id ?? 0,
      variacao_id: parseId(src.variacao_id) ?? produto?.variacao_id ?? null,
      detalhes: parseText(`${at}.detalhes`, src.detalhes) ?? null,
      quantidade: quantity(erros, at, src.quantidade),
      valor_venda: parseDecimal(src.valor_venda) ?? produto?.valor_venda ?? 0,
      tipo_valor_id: parseText(`${at}.tipo_valor_id`, src.tipo_valor_id) ?? null,
      ...discount(erros, at, src),
    };
  });
}

function parseServicos(erros: Erros, raw: unknown): ItemServico[] {
  return unwrap(erros, 'servicos', 'servico', raw).map((src, i) => {
    const at = `servicos.${i}`;
    const valor = parseDecimal(src.valor_venda);
    if (valor === undefined) erros[`${at}.valor_venda`] = 'O campo valor_venda é obrigatório.';
    return {
      servico_id: parseText(`${at}.servico_id`, src.servico_id) ?? null,
      nome_servico: parseText(`${at}.nome_servico`, src.nome_servico) ?? null,
      detalhes: parseText(`${at}.detalhes`, src.detalhes) ?? null,
      quantidade: quantity(erros, at, src.quantidade),
      valor_venda: valor ?? 0,
      ...discount(erros, at, src),
    };
  });
}

function formaPagamento(ctx: Ctx, erros: Erros, at: string, raw: unknown): number {
  const id = parseId(raw);
  if (id === undefined || !ctx.settings.formasPagamento.some((f) => f.id === id)) erros[at] = 'Forma de pagamento não encontrada.';
  return id ?? 0;
}

function parsePagamentos(ctx: Ctx, erros: Erros, raw: unknown): Pagamento[] {
  return unwrap(erros, 'pagamentos', 'pagamento', raw).map((src, i) => {
    const at = `pagamentos.${i}`;
    const vencimento = typeof src.data_vencimento === 'string' ? src.data_vencimento : '';
    if (!isDate(vencimento)) erros[`${at}.data_vencimento`] = 'O campo data_vencimento deve estar no formato AAAA-MM-DD.';
    const valor = parseDecimal(src.valor);
    if (valor === undefined) erros[`${at}.valor`] = 'O campo valor é obrigatório.';
    return {
      data_vencimento: vencimento,
      valor: valor ?? 0,
      forma_pagamento_id: formaPagamento(ctx, erros, `${at}.forma_pagamento_id`, src.forma_pagamento_id),
      plano_contas_id: parseText(`${at}.plano_contas_id`, src.plano_contas_id) ?? null,
      observacao: parseText(`${at}.observacao`, src.observacao) ?? null,
    };
  });
}

/** `forma_pagamento_id` + `numero_parcelas` instead of `pagamentos`: equal installments, the last takes the cents left. */
function generateParcelas(ctx: Ctx, erros: Erros, b: Source, data: string, total: number) {
  const forma = formaPagamento(ctx, erros, 'forma_pagamento_id', b.forma_pagamento_id);
  const count = parseId(b.numero_parcelas);
  if (count === undefined) erros.numero_parcelas = 'O campo numero_parcelas é obrigatório.';
  const interval = parseId(b.intervalo_dias) ?? 30;
  const first = typeof b.data_primeira_parcela === 'string' && b.data_primeira_parcela ? b.data_primeira_parcela : data;
  if (!isDate(first)) erros.data_primeira_parcela = 'O campo data_primeira_parcela deve estar no formato AAAA-MM-DD.';
  const n = count ?? 1;
  const share = Math.floor((total * 100) / n) / 100;
  const pagamentos: Pagamento[] = Array.from({ length: n }, (_, i) => ({
    data_vencimento: isDate(first) ? addDays(first, i * interval) : first,
    valor: i === n - 1 ? round2(total - share * (n - 1)) : share,
    forma_pagamento_id: forma,
    plano_contas_id: parseText('plano_contas_id', b.plano_contas_id) ?? null,
    observacao: null,
  }));
  return { pagamentos, forma_pagamento_id: forma, numero_parcelas: n, intervalo_dias: interval, data_primeira_parcela: first };
}

function header(ctx: Ctx, erros: Erros, b: Source) {
  const tipo = (b.tipo ?? 'produto') as TipoVenda;
  if (!tiposVenda.includes(tipo)) erros.tipo = 'O campo tipo deve ser produto, servico ou vendas_balcao.';
  const clienteId = parseId(b.cliente_id);
  if (clienteId === undefined) erros.cliente_id = 'O campo cliente_id é obrigatório.';
  else if (!ctx.clientes.get(clienteId)) erros.cliente_id = 'Cliente não encontrado.';
  const situacaoId = parseId(b.situacao_id);
  if (situacaoId === undefined) erros.situacao_id = 'O campo situacao_id é obrigatório.';
  else if (!ctx.settings.situacoesVendas.some((s) => s.id === situacaoId)) erros.situacao_id = 'Situação de venda não encontrada.';
  const data = typeof b.data === 'string' ? b.data : '';
  if (!data) erros.data = 'O campo data é obrigatório.';
  else if (!isDate(data)) erros.data = 'O campo data deve estar no formato AAAA-MM-DD.';
  if (b.codigo !== undefined && b.codigo !== null && b.codigo !== '' && parseId(b.codigo) === undefined) erros.codigo = 'O campo codigo deve ser um número inteiro.';
  const condicao = b.condicao_pagamento;
  if (condicao !== undefined && condicao !== null && condicao !== 'a_vista' && condicao !== 'parcelado') {
    erros.condicao_pagamento = "O campo condicao_pagamento deve ser 'a_vista' ou 'parcelado'.";
  }
  return { tipo, cliente_id: clienteId ?? 0, situacao_id: situacaoId ?? 0, data, condicao_pagamento: (condicao ?? null) as VendaFields['condicao_pagamento'] };
}

const nextCodigo = (ctx: Ctx): number => Math.max(0, ...ctx.vendas.all().map((v) => v.codigo)) + 1;

function optionalText(b: Source, field: string, current: string | null): string | null {
  const v = parseText(field, b[field]);
  return v === undefined ? current : v || null;
}

/**
 * A POST or PUT body. Both require `cliente_id`, `situacao_id` and `data` (`tipo` defaults to
 * produto); `codigo` is numbered automatically when absent, as the documentation's own POST
 * example relies on. On PUT, fields left out keep their value; lists sent replace the stored ones.
 */
export function parseVenda(ctx: Ctx, body: unknown, existing?: VendaRecord): VendaFields {
  const b = objectBody(body);
  const erros: Erros = {};
  const head = header(ctx, erros, b);
  const produtos = b.produtos != null ? parseProdutos(ctx, erros, b.produtos) : (existing?.produtos ?? []);
  const servicos = b.servicos != null ? parseServicos(erros, b.servicos) : (existing?.servicos ?? []);
  const frete = b.valor_frete !== undefined ? (parseDecimal(b.valor_frete) ?? 0) : (existing?.valor_frete ?? 0);
  const previsao = optionalText(b, 'previsao_entrega', existing?.previsao_entrega ?? null);
  if (previsao && !isDate(previsao)) erros.previsao_entrega = 'O campo previsao_entrega deve estar no formato AAAA-MM-DD.';
  const total = vendaTotal(produtos.map(itemTotal), servicos.map(itemTotal), frete);
  const installments =
    b.pagamentos != null
      ? { pagamentos: parsePagamentos(ctx, erros, b.pagamentos), forma_pagamento_id: null, numero_parcelas: null, intervalo_dias: null, data_primeira_parcela: null }
      : b.forma_pagamento_id != null
        ? generateParcelas(ctx, erros, b, head.data, total)
        : {
            pagamentos: existing?.pagamentos ?? [],
            forma_pagamento_id: existing?.forma_pagamento_id ?? null,
            numero_parcelas: existing?.numero_parcelas ?? null,
            intervalo_dias: existing?.intervalo_dias ?? null,
            data_primeira_parcela: existing?.data_primeira_parcela ?? null,
          };
  if (Object.keys(erros).length) throw invalid(erros);
  return {
    ...head,
    codigo: parseId(b.codigo) ?? existing?.codigo ?? nextCodigo(ctx),
    vendedor_id: optionalText(b, 'vendedor_id', existing?.vendedor_id ?? null),
    centro_custo_id: optionalText(b, 'centro_custo_id', existing?.centro_custo_id ?? null),
    transportadora_id: optionalText(b, 'transportadora_id', existing?.transportadora_id ?? null),
    observacoes: optionalText(b, 'observacoes', existing?.observacoes ?? null),
    observacoes_interna: optionalText(b, 'observacoes_interna', existing?.observacoes_interna ?? null),
    previsao_entrega: previsao,
    valor_frete: frete,
    produtos,
    servicos,
    ...installments,
  };
}
