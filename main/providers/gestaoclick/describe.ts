import type { FieldMeta, FieldType, ListFilter, ObjectMeta, ObjectSummary, PicklistOption } from '../provider';

/**
 * GestãoClick has no metadata API: the fields are the documented ones, labelled as GestãoClick
 * names them with an English hint. `endereco.*` and `servico.*` are the first address / service
 * line flattened, so a mapping can fill them like plain fields.
 */

export const OBJECTS: ObjectSummary[] = [
  { name: 'clientes', label: 'Clientes (customers)', labelPlural: 'Clientes', custom: false, queryable: true, createable: true, updateable: true },
  { name: 'vendas', label: 'Vendas (sales)', labelPlural: 'Vendas', custom: false, queryable: true, createable: true, updateable: true },
];

export const isObject = (name: string): boolean => OBJECTS.some((o) => o.name === name);

interface FieldOpts {
  required?: boolean;
  readOnly?: boolean;
  externalId?: boolean;
  picklist?: PicklistOption[];
  reference?: string;
  length?: number;
  vendorType?: string;
}

function field(name: string, label: string, type: FieldType, o: FieldOpts = {}): FieldMeta {
  const readOnly = o.readOnly ?? type === 'id';
  return {
    name,
    label,
    type,
    vendorType: o.vendorType ?? (type === 'other' ? 'array' : 'string'),
    length: o.length,
    required: o.required ?? false,
    createable: !readOnly,
    updateable: !readOnly,
    calculated: false,
    readOnly,
    unique: type === 'id',
    externalId: o.externalId ?? false,
    custom: false,
    picklist: o.picklist,
    reference: o.reference ? { targets: [o.reference] } : undefined,
  };
}

const opt = (value: string, label: string): PicklistOption => ({ value, label, active: true });

export const TIPO_PESSOA: PicklistOption[] = [opt('PF', 'Pessoa física (individual)'), opt('PJ', 'Pessoa jurídica (company)'), opt('ES', 'Estrangeiro (foreigner)')];
const ATIVO: PicklistOption[] = [opt('1', 'Ativo (active)'), opt('0', 'Inativo (inactive)')];
const TIPO_VENDA: PicklistOption[] = [opt('produto', 'Produto (products)'), opt('servico', 'Serviço (services)'), opt('vendas_balcao', 'Venda balcão (counter sale)')];
const CONDICAO: PicklistOption[] = [opt('a_vista', 'À vista (paid at once)'), opt('parcelado', 'Parcelado (in installments)')];

const ENDERECO: Array<[string, string]> = [
  ['cep', 'CEP (postal code)'],
  ['logradouro', 'logradouro (street)'],
  ['numero', 'número (number)'],
  ['complemento', 'complemento (address line 2)'],
  ['bairro', 'bairro (district)'],
  ['nome_cidade', 'cidade (city)'],
  ['estado', 'estado (state, UF)'],
];

export const CLIENTE_FIELDS: FieldMeta[] = [
  field('id', 'ID (id)', 'id'),
  // Required by GestãoClick, but filled by the client when left out (CNPJ → PJ, else PF).
  field('tipo_pessoa', 'Tipo de pessoa (person type)', 'picklist', { picklist: TIPO_PESSOA }),
  field('nome', 'Nome (name)', 'string', { required: true }),
  field('razao_social', 'Razão social (legal name)', 'string'),
  field('cpf', 'CPF (individual tax id)', 'string', { externalId: true, length: 14 }),
  field('cnpj', 'CNPJ (company tax id)', 'string', { externalId: true, length: 18 }),
  field('rg', 'RG (identity card)', 'string'),
  field('inscricao_estadual', 'Inscrição estadual (state registration)', 'string'),
  field('inscricao_municipal', 'Inscrição municipal (municipal registration)', 'string'),
  field('data_nascimento', 'Data de nascimento (birth date)', 'date'),
  field('telefone', 'Telefone (phone)', 'phone'),
  field('celular', 'Celular (mobile phone)', 'phone'),
  field('fax', 'Fax (fax)', 'phone'),
  field('email', 'E-mail (email)', 'email', { externalId: true }),
  field('ativo', 'Ativo (active)', 'picklist', { picklist: ATIVO }),
  field('contatos', 'Contatos (contact people)', 'other'),
  field('enderecos', 'Endereços (addresses)', 'other'),
  ...ENDERECO.map(([k, l]) => field(`endereco.${k}`, `Endereço: ${l}`, 'string')),
];

/** Sale statuses and payment methods are the account's own lists (ids differ per account). */
export interface VendaLists {
  situacoes: PicklistOption[];
  formasPagamento: PicklistOption[];
}

export function vendaFields(lists: VendaLists): FieldMeta[] {
  const statusNames = lists.situacoes.map((s) => opt(s.label, s.label));
  return [
    field('id', 'ID (id)', 'id'),
    field('codigo', 'Código (order number)', 'integer'),
    field('tipo', 'Tipo (sale type)', 'picklist', { picklist: TIPO_VENDA }),
    field('cliente_id', 'Cliente (customer)', 'reference', { required: true, reference: 'clientes' }),
    field('nome_cliente', 'Nome do cliente (customer name)', 'string', { readOnly: true }),
    field('vendedor_id', 'Vendedor (salesperson id)', 'string'),
    field('data', 'Data (sale date)', 'date', { required: true }),
    field('previsao_entrega', 'Previsão de entrega (expected delivery)', 'date'),
    // Required by GestãoClick; the account's default status when left out.
    field('situacao_id', 'Situação (status)', 'picklist', { picklist: lists.situacoes }),
    // Written by name (the ids differ per account): the client looks the id up.
    field('nome_situacao', 'Nome da situação (status name)', 'picklist', { picklist: statusNames }),
    field('valor_total', 'Valor total (total)', 'currency', { readOnly: true }),
    field('valor_frete', 'Valor do frete (shipping)', 'currency'),
    field('condicao_pagamento', 'Condição de pagamento (payment terms)', 'picklist', { picklist: CONDICAO }),
    field('forma_pagamento_id', 'Forma de pagamento (payment method)', 'picklist', { picklist: lists.formasPagamento }),
    field('numero_parcelas', 'Número de parcelas (installments)', 'integer'),
    field('observacoes', 'Observações (notes)', 'textarea'),
    field('observacoes_interna', 'Observações internas (internal notes)', 'textarea'),
    field('nome_loja', 'Loja (store)', 'string', { readOnly: true }),
    field('situacao_financeiro', 'Lançado no financeiro (posted to finance)', 'string', { readOnly: true }),
    field('situacao_estoque', 'Lançado no estoque (posted to stock)', 'string', { readOnly: true }),
    field('hash', 'Hash (public link key)', 'string', { readOnly: true }),
    field('produtos', 'Produtos (product lines)', 'other'),
    field('servicos', 'Serviços (service lines)', 'other'),
    field('pagamentos', 'Pagamentos (installments)', 'other'),
    field('servico.nome_servico', 'Serviço: nome (line description)', 'string'),
    field('servico.quantidade', 'Serviço: quantidade (quantity)', 'number'),
    field('servico.valor_venda', 'Serviço: valor unitário (unit price)', 'currency'),
    // Written as the line total; the unit price is derived from it.
    field('servico.valor_total', 'Serviço: valor total (line total)', 'currency'),
  ];
}

export const CLIENTE_FILTERS: ListFilter[] = [
  { name: 'tipo_pessoa', label: 'Tipo de pessoa (person type)', type: 'picklist', options: TIPO_PESSOA },
  { name: 'nome', label: 'Nome (name contains)', type: 'string' },
  { name: 'cpf_cnpj', label: 'CPF/CNPJ (tax id)', type: 'string' },
  { name: 'email', label: 'E-mail (email contains)', type: 'string' },
  { name: 'telefone', label: 'Telefone (phone)', type: 'string' },
  { name: 'situacao', label: 'Situação (active or not)', type: 'picklist', options: ATIVO },
  { name: 'cidade_id', label: 'Cidade (city id)', type: 'integer' },
  { name: 'estado', label: 'Estado (state, UF)', type: 'string' },
];

export function vendaFilters(lists: VendaLists): ListFilter[] {
  return [
    { name: 'codigo', label: 'Código (order number)', type: 'integer' },
    { name: 'nome', label: 'Nome (customer name)', type: 'string' },
    { name: 'cliente_id', label: 'Cliente (customer id)', type: 'integer' },
    { name: 'situacao_id', label: 'Situação (status)', type: 'picklist', options: lists.situacoes },
    { name: 'tipo', label: 'Tipo (sale type)', type: 'picklist', options: TIPO_VENDA },
    { name: 'data_inicio', label: 'Data inicial (sale date from)', type: 'date' },
    { name: 'data_fim', label: 'Data final (sale date to)', type: 'date' },
    { name: 'loja_id', label: 'Loja (store id)', type: 'integer' },
    { name: 'centro_custo_id', label: 'Centro de custo (cost centre id)', type: 'integer' },
  ];
}

export function objectMeta(name: 'clientes' | 'vendas', lists?: VendaLists): ObjectMeta {
  const summary = OBJECTS.find((o) => o.name === name)!;
  const fields = name === 'clientes' ? CLIENTE_FIELDS : vendaFields(lists!);
  return {
    ...summary,
    fields,
    idField: 'id',
    // No modification time anywhere in GestãoClick's answers: changes() compares every record.
    modifiedField: '',
    matchFields: name === 'clientes' ? ['id', 'email', 'cpf', 'cnpj'] : ['id', 'codigo'],
    listFilters: name === 'clientes' ? CLIENTE_FILTERS : vendaFilters(lists!),
  };
}
