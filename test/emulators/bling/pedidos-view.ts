import type { Ctx } from './context';
import type { PedidoRecord } from './model';
import { inPeriod, readArray, readIds, readPeriod, type Period } from './query';
import { parseBound } from './time';

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Items: quantity × unit price less the item's percent discount; the order discount is an amount or a percent of that. */
export function totals(p: PedidoRecord): { totalProdutos: number; total: number } {
  const totalProdutos = round2(p.itens.reduce((sum, i) => sum + round2(i.quantidade * i.valor * (1 - i.desconto / 100)), 0));
  const off = p.desconto.unidade === 'PERCENTUAL' ? (totalProdutos * p.desconto.valor) / 100 : p.desconto.valor;
  return { totalProdutos, total: round2(totalProdutos - off + p.transporte.frete + p.outrasDespesas) };
}

function contatoRef(ctx: Ctx, id: number) {
  const c = ctx.contatos.get(id);
  return { id, nome: c?.nome ?? '', tipoPessoa: c?.tipo ?? 'F', numeroDocumento: c?.numeroDocumento ?? '' };
}

function situacaoRef(ctx: Ctx, id: number) {
  return { id, valor: ctx.settings.situacoesVendas.find((s) => s.id === id)?.valor ?? 0 };
}

/** List items: the header fields only. */
export function pedidoListItem(ctx: Ctx, p: PedidoRecord) {
  return {
    id: p.id,
    numero: p.numero,
    numeroLoja: p.numeroLoja,
    data: p.data,
    dataSaida: p.dataSaida,
    dataPrevista: p.dataPrevista,
    ...totals(p),
    contato: contatoRef(ctx, p.contato.id),
    situacao: situacaoRef(ctx, p.situacao.id),
    loja: p.loja,
  };
}

/** GET by id: the header plus items, installments, discount, transport and the rest. */
export function pedidoDetail(ctx: Ctx, p: PedidoRecord): Record<string, unknown> {
  return {
    ...pedidoListItem(ctx, p),
    numeroPedidoCompra: p.numeroPedidoCompra,
    outrasDespesas: p.outrasDespesas,
    observacoes: p.observacoes,
    observacoesInternas: p.observacoesInternas,
    desconto: p.desconto,
    categoria: p.categoria,
    notaFiscal: { id: 0 },
    tributacao: { totalICMS: 0, totalIPI: 0 },
    itens: p.itens.map((i) => ({ ...i, comissao: { base: 0, aliquota: 0, valor: 0 } })),
    parcelas: p.parcelas,
    transporte: { ...p.transporte, contato: { id: 0, nome: '' }, volumes: [] },
    vendedor: p.vendedor,
    intermediador: { cnpj: '', nomeUsuario: '' },
    taxas: { taxaComissao: 0, custoFrete: 0, valorBase: 0 },
  };
}

const dateIn = (date: string, period: Period): boolean => {
  if (period.from === undefined && period.to === undefined) return true;
  const ms = date ? parseBound(date, false) : undefined;
  return ms !== undefined && inPeriod(ms, period);
};

/** The documented list filters, combined with AND. */
export function pedidoFilter(query: URLSearchParams): (p: PedidoRecord) => boolean {
  const data = readPeriod(query, 'data');
  const alteracao = readPeriod(query, 'dataAlteracao');
  const prevista = readPeriod(query, 'dataPrevista');
  const situacoes = readIds(query, 'idsSituacoes');
  const lojas = readArray(query, 'numerosLojas');
  const [contato, numero, loja, vendedor] = ['idContato', 'numero', 'idLoja', 'idVendedor'].map((n) => query.get(n) || undefined);
  return (p) =>
    dateIn(p.data, data) &&
    inPeriod(p.alteradoEm, alteracao) &&
    dateIn(p.dataPrevista, prevista) &&
    (!situacoes.length || situacoes.includes(p.situacao.id)) &&
    (!lojas.length || lojas.includes(p.numeroLoja)) &&
    (!contato || String(p.contato.id) === contato) &&
    (!numero || String(p.numero) === numero) &&
    (!loja || String(p.loja.id) === loja) &&
    (!vendedor || String(p.vendedor.id) === vendedor);
}
