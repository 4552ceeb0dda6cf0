import type { Ctx } from './context';
import { FIELD_CODES, type FieldError } from './errors';
import type { ItemPedido, ParcelaPedido, PedidoFields, PedidoRecord } from './model';
import { bodyObject, Reader, type Source } from './reader';

const NAMESPACE = 'VENDAS';

function parseItem(ctx: Ctx, r: Reader, src: Source, i: number, previous: ItemPedido[]): ItemPedido {
  const at = `itens[${i}]`;
  const descricao = r.text(src, 'descricao', `${at}.descricao`).trim();
  r.required(descricao, `${at}.descricao`);
  const quantidade = r.num(src, 'quantidade', 0, `${at}.quantidade`);
  if (quantidade <= 0) r.fail(`${at}.quantidade`, 'A quantidade deve ser maior que zero.');
  const valor = r.num(src, 'valor', 0, `${at}.valor`);
  if (valor < 0) r.fail(`${at}.valor`, 'O valor não pode ser negativo.');
  const desconto = r.num(src, 'desconto', 0, `${at}.desconto`);
  if (desconto < 0 || desconto > 100) r.fail(`${at}.desconto`, 'O desconto do item é um percentual entre 0 e 100.');
  const sentId = r.num(src, 'id', 0, `${at}.id`);
  return {
    id: previous.some((p) => p.id === sentId) ? sentId : ctx.nextItemId(),
    codigo: r.text(src, 'codigo', `${at}.codigo`),
    unidade: r.text(src, 'unidade', `${at}.unidade`) || 'UN',
    quantidade,
    desconto,
    valor,
    aliquotaIPI: r.num(src, 'aliquotaIPI', 0, `${at}.aliquotaIPI`),
    descricao,
    descricaoDetalhada: r.text(src, 'descricaoDetalhada', `${at}.descricaoDetalhada`),
    produto: { id: r.id(src, 'produto', `${at}.produto.id`) },
  };
}

function parseParcela(ctx: Ctx, r: Reader, src: Source, i: number, previous: ParcelaPedido[]): ParcelaPedido {
  const at = `parcelas[${i}]`;
  const vencimento = r.date(src, 'dataVencimento', `${at}.dataVencimento`);
  r.required(vencimento, `${at}.dataVencimento`);
  const sentId = r.num(src, 'id', 0, `${at}.id`);
  return {
    id: previous.some((p) => p.id === sentId) ? sentId : ctx.nextParcelaId(),
    dataVencimento: vencimento,
    valor: r.num(src, 'valor', 0, `${at}.valor`),
    observacoes: r.text(src, 'observacoes', `${at}.observacoes`),
    formaPagamento: { id: r.id(src, 'formaPagamento', `${at}.formaPagamento.id`) },
  };
}

/** An unknown payment method is not an error: the order is saved and the answer carries an alert. */
function parcelaAlerts(ctx: Ctx, parcelas: ParcelaPedido[]): FieldError[] {
  const bad = parcelas.flatMap((p, index) => (ctx.settings.formasPagamento.some((f) => f.id === p.formaPagamento.id) ? [] : [index]));
  if (!bad.length) return [];
  return [
    {
      code: 49,
      msg: 'Uma ou mais parcelas da venda possuem erros de validação',
      element: 'parcelas',
      namespace: NAMESPACE,
      collection: bad.map((index) => ({ index, code: 12, msg: 'Id da forma de pagamento inválido.', element: 'formaPagamento', namespace: NAMESPACE })),
    },
  ];
}

function contatoLink(ctx: Ctx, r: Reader, b: Source): number {
  const id = r.id(b, 'contato');
  if (!id) r.fail('contato.id', 'O contato do pedido é obrigatório.', FIELD_CODES.required);
  else {
    const contato = ctx.contatos.get(id);
    if (!contato || contato.situacao === 'E') r.fail('contato.id', 'Contato não encontrado.', FIELD_CODES.notFound);
  }
  return id;
}

function numero(ctx: Ctx, r: Reader, b: Source, existing?: PedidoRecord): number {
  const sent = r.num(b, 'numero', 0);
  if (!sent) return existing?.numero ?? Math.max(0, ...ctx.pedidos.all().map((p) => p.numero)) + 1;
  if (!Number.isInteger(sent) || sent < 0) r.fail('numero', 'O número do pedido deve ser um inteiro positivo.');
  else if (ctx.pedidos.all().some((p) => p.numero === sent && p.id !== existing?.id)) {
    r.fail('numero', 'Já existe um pedido de venda com este número.', FIELD_CODES.duplicate);
  }
  return sent;
}

function situacao(ctx: Ctx, r: Reader, b: Source, existing?: PedidoRecord): number {
  const id = r.id(b, 'situacao');
  if (!id) return existing?.situacao.id ?? ctx.settings.situacoesVendas[0].id;
  if (!ctx.settings.situacoesVendas.some((s) => s.id === id)) r.fail('situacao.id', 'Situação não encontrada.', FIELD_CODES.notFound);
  return id;
}

/**
 * A POST or PUT body; PUT replaces the order whole (there is no PATCH), keeping its `numero`
 * and `situacao` unless sent. Requires an existing, undeleted `contato.id` and `data`.
 */
export function parsePedido(ctx: Ctx, body: unknown, existing?: PedidoRecord): { fields: PedidoFields; alertas: FieldError[] } {
  const b = bodyObject(body);
  const r = new Reader(NAMESPACE);
  const data = r.date(b, 'data');
  r.required(data, 'data');
  const desconto = r.obj(b, 'desconto');
  const transporte = r.obj(b, 'transporte');
  const fields: PedidoFields = {
    numero: numero(ctx, r, b, existing),
    numeroLoja: r.text(b, 'numeroLoja'),
    data,
    dataSaida: r.date(b, 'dataSaida'),
    dataPrevista: r.date(b, 'dataPrevista'),
    contato: { id: contatoLink(ctx, r, b) },
    situacao: { id: situacao(ctx, r, b, existing) },
    loja: { id: r.id(b, 'loja') },
    numeroPedidoCompra: r.text(b, 'numeroPedidoCompra'),
    outrasDespesas: r.num(b, 'outrasDespesas', 0),
    observacoes: r.text(b, 'observacoes'),
    observacoesInternas: r.text(b, 'observacoesInternas'),
    desconto: { valor: r.num(desconto, 'valor', 0, 'desconto.valor'), unidade: r.oneOf(desconto, 'unidade', ['REAL', 'PERCENTUAL'] as const, 'REAL', 'desconto.unidade') },
    categoria: { id: r.id(b, 'categoria') },
    itens: r.list(b, 'itens').map((src, i) => parseItem(ctx, r, src, i, existing?.itens ?? [])),
    parcelas: r.list(b, 'parcelas').map((src, i) => parseParcela(ctx, r, src, i, existing?.parcelas ?? [])),
    transporte: {
      fretePorConta: r.oneOf(transporte, 'fretePorConta', [0, 1, 2, 3, 4, 9] as const, 0, 'transporte.fretePorConta'),
      frete: r.num(transporte, 'frete', 0, 'transporte.frete'),
      quantidadeVolumes: r.num(transporte, 'quantidadeVolumes', 0, 'transporte.quantidadeVolumes'),
      pesoBruto: r.num(transporte, 'pesoBruto', 0, 'transporte.pesoBruto'),
      prazoEntrega: r.num(transporte, 'prazoEntrega', 0, 'transporte.prazoEntrega'),
    },
    vendedor: { id: r.id(b, 'vendedor') },
  };
  r.throwIfAny('Não foi possível salvar a venda');
  return { fields, alertas: parcelaAlerts(ctx, fields.parcelas) };
}
