import type { FieldMeta, FieldType, ListFilter, ObjectMeta, ObjectSummary, PicklistOption } from '../provider';

/**
 * Bling's objects as this app uses them, described from Bling's documentation (there is no
 * metadata API), labelled as Bling names them with an English hint. Nested values are flattened
 * to dotted paths (`endereco.geral.municipio`, `contato.id`); `item.*` is the first order line.
 */

export interface BlingObject extends ObjectSummary {
  /** The API path. */
  path: string;
  /** Fields the list endpoint answers; anything else needs the record by id. */
  listFields: string[];
}

export const OBJECTS: BlingObject[] = [
  {
    name: 'contatos',
    label: 'Contatos (contacts)',
    labelPlural: 'Contatos',
    custom: false,
    queryable: true,
    createable: true,
    updateable: true,
    path: 'contatos',
    listFields: ['id', 'nome', 'codigo', 'situacao', 'numeroDocumento', 'telefone', 'celular'],
  },
  {
    name: 'pedidos',
    label: 'Pedidos de venda (sales orders)',
    labelPlural: 'Pedidos de venda',
    custom: false,
    queryable: true,
    createable: true,
    updateable: true,
    path: 'pedidos/vendas',
    listFields: ['id', 'numero', 'numeroLoja', 'data', 'dataSaida', 'dataPrevista', 'totalProdutos', 'total', 'contato.id', 'contato.nome', 'contato.tipoPessoa', 'contato.numeroDocumento', 'situacao.id', 'situacao.valor', 'loja.id'],
  },
];

export const objectInfo = (name: string): BlingObject | undefined => OBJECTS.find((o) => o.name === name);

export const summaryOf = ({ path: _p, listFields: _l, ...summary }: BlingObject): ObjectSummary => summary;

interface FieldOpts {
  required?: boolean;
  readOnly?: boolean;
  externalId?: boolean;
  picklist?: PicklistOption[];
  reference?: string;
}

function field(name: string, label: string, type: FieldType, o: FieldOpts = {}): FieldMeta {
  const readOnly = o.readOnly ?? type === 'id';
  return {
    name,
    label,
    type,
    vendorType: type === 'other' ? 'array' : type,
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

export const TIPO_PESSOA: PicklistOption[] = [opt('F', 'Pessoa física (individual)'), opt('J', 'Pessoa jurídica (company)'), opt('E', 'Estrangeiro (foreigner)')];
const SITUACAO_CONTATO: PicklistOption[] = [opt('A', 'Ativo (active)'), opt('I', 'Inativo (inactive)'), opt('S', 'Sem movimento (no movement)'), opt('E', 'Excluído (deleted)')];
const INDICADOR_IE: PicklistOption[] = [opt('1', 'Contribuinte ICMS (ICMS taxpayer)'), opt('2', 'Contribuinte isento (exempt)'), opt('9', 'Não contribuinte (not a taxpayer)')];
const SEXO: PicklistOption[] = [opt('M', 'Masculino (male)'), opt('F', 'Feminino (female)')];
/** The standard meaning of a sale status (`situacao.valor`), the same in every account. */
const VALOR_SITUACAO: PicklistOption[] = [opt('0', 'Em aberto (open)'), opt('1', 'Atendido (fulfilled)'), opt('2', 'Cancelado (cancelled)'), opt('3', 'Em andamento (in progress)')];
const DESCONTO_UNIDADE: PicklistOption[] = [opt('REAL', 'Valor (amount)'), opt('PERCENTUAL', 'Percentual (percent)')];

const ENDERECO: Array<[string, string]> = [
  ['endereco', 'logradouro (street)'],
  ['numero', 'número (number)'],
  ['complemento', 'complemento (address line 2)'],
  ['bairro', 'bairro (district)'],
  ['cep', 'CEP (postal code)'],
  ['municipio', 'município (city)'],
  ['uf', 'UF (state)'],
];

export const CONTATO_FIELDS: FieldMeta[] = [
  field('id', 'ID (id)', 'id'),
  field('nome', 'Nome (name)', 'string', { required: true }),
  field('codigo', 'Código (code)', 'string'),
  field('situacao', 'Situação (status)', 'picklist', { picklist: SITUACAO_CONTATO }),
  // F or J is taken from the document when left out (11 digits: CPF, 14: CNPJ).
  field('tipo', 'Tipo de pessoa (person type)', 'picklist', { picklist: TIPO_PESSOA }),
  field('numeroDocumento', 'CPF/CNPJ (tax id)', 'string', { externalId: true }),
  field('fantasia', 'Nome fantasia (trade name)', 'string'),
  field('email', 'E-mail (email)', 'email', { externalId: true }),
  field('emailNotaFiscal', 'E-mail para nota fiscal (invoice email)', 'email'),
  field('telefone', 'Telefone (phone)', 'phone'),
  field('celular', 'Celular (mobile phone)', 'phone'),
  field('indicadorIe', 'Indicador de IE (state tax status)', 'picklist', { picklist: INDICADOR_IE }),
  field('ie', 'Inscrição estadual (state registration)', 'string'),
  field('rg', 'RG (identity card)', 'string'),
  field('orgaoEmissor', 'Órgão emissor (RG issuer)', 'string'),
  field('inscricaoMunicipal', 'Inscrição municipal (municipal registration)', 'string'),
  ...ENDERECO.map(([k, l]) => field(`endereco.geral.${k}`, `Endereço: ${l}`, 'string')),
  field('vendedor.id', 'Vendedor (salesperson id)', 'string'),
  field('dadosAdicionais.dataNascimento', 'Data de nascimento (birth date)', 'date'),
  field('dadosAdicionais.sexo', 'Sexo (sex)', 'picklist', { picklist: SEXO }),
  field('dadosAdicionais.naturalidade', 'Naturalidade (place of birth)', 'string'),
  field('pais.nome', 'País (country)', 'string'),
  field('tiposContato', 'Tipos de contato (contact types)', 'other'),
  field('pessoasContato', 'Pessoas de contato (contact people)', 'other'),
];

/** The account's sale statuses (ids differ per account), as options `id → nome`. */
export function pedidoFields(statuses: PicklistOption[]): FieldMeta[] {
  return [
    field('id', 'ID (id)', 'id'),
    field('numero', 'Número (order number)', 'integer'),
    field('numeroLoja', 'Número na loja (store order number)', 'string', { externalId: true }),
    field('data', 'Data (order date)', 'date', { required: true }),
    field('dataSaida', 'Data de saída (ship date)', 'date'),
    field('dataPrevista', 'Data prevista (expected date)', 'date'),
    field('contato.id', 'Contato (customer)', 'reference', { required: true, reference: 'contatos' }),
    field('contato.nome', 'Nome do contato (customer name)', 'string', { readOnly: true }),
    field('contato.tipoPessoa', 'Tipo de pessoa do contato (customer type)', 'picklist', { readOnly: true, picklist: TIPO_PESSOA }),
    field('contato.numeroDocumento', 'CPF/CNPJ do contato (customer tax id)', 'string', { readOnly: true }),
    field('situacao.id', 'Situação (status)', 'picklist', { picklist: statuses }),
    // Written by name (the ids differ per account): the client looks the id up.
    field('situacao.nome', 'Nome da situação (status name)', 'picklist', { picklist: statuses.map((s) => opt(s.label, s.label)) }),
    field('situacao.valor', 'Valor da situação (standard status)', 'picklist', { readOnly: true, picklist: VALOR_SITUACAO }),
    field('totalProdutos', 'Total dos produtos (items total)', 'currency', { readOnly: true }),
    field('total', 'Total (order total)', 'currency', { readOnly: true }),
    field('loja.id', 'Loja (store id)', 'string'),
    field('numeroPedidoCompra', 'Número do pedido de compra (purchase order number)', 'string'),
    field('outrasDespesas', 'Outras despesas (other charges)', 'currency'),
    field('observacoes', 'Observações (notes)', 'textarea'),
    field('observacoesInternas', 'Observações internas (internal notes)', 'textarea'),
    field('desconto.valor', 'Desconto (discount)', 'number'),
    field('desconto.unidade', 'Unidade do desconto (discount unit)', 'picklist', { picklist: DESCONTO_UNIDADE }),
    field('transporte.frete', 'Frete (shipping)', 'currency'),
    field('vendedor.id', 'Vendedor (salesperson id)', 'string'),
    field('itens', 'Itens (order lines)', 'other'),
    field('parcelas', 'Parcelas (installments)', 'other'),
    field('item.descricao', 'Item: descrição (line description)', 'string'),
    field('item.codigo', 'Item: código (product code)', 'string'),
    field('item.quantidade', 'Item: quantidade (quantity)', 'number'),
    field('item.valor', 'Item: valor unitário (unit price)', 'currency'),
    // Written as the line total; the unit price is derived from it.
    field('item.valorTotal', 'Item: valor total (line total)', 'currency'),
  ];
}

export const CONTATO_FILTERS: ListFilter[] = [
  { name: 'pesquisa', label: 'Pesquisa (name, trade name, e-mail, code or tax id contains)', type: 'string' },
  { name: 'numeroDocumento', label: 'CPF/CNPJ (tax id)', type: 'string' },
  { name: 'tipoPessoa', label: 'Tipo de pessoa (person type)', type: 'picklist', options: [opt('1', 'Física (individual)'), opt('2', 'Jurídica (company)'), opt('3', 'Estrangeiro (foreigner)')] },
  { name: 'criterio', label: 'Critério (which contacts)', type: 'picklist', options: [opt('1', 'Todos (all but deleted)'), opt('2', 'Excluídos (deleted)'), opt('3', 'Últimos incluídos (last added)'), opt('4', 'Sem movimento (no movement)')] },
  { name: 'telefone', label: 'Telefone (phone)', type: 'string' },
  { name: 'uf', label: 'UF (state)', type: 'string' },
  { name: 'dataInclusaoInicial', label: 'Incluído desde (added from)', type: 'datetime' },
  { name: 'dataInclusaoFinal', label: 'Incluído até (added until)', type: 'datetime' },
  { name: 'dataAlteracaoInicial', label: 'Alterado desde (changed from)', type: 'datetime' },
  { name: 'dataAlteracaoFinal', label: 'Alterado até (changed until)', type: 'datetime' },
  { name: 'idTipoContato', label: 'Tipo de contato (contact type id)', type: 'integer' },
  { name: 'idVendedor', label: 'Vendedor (salesperson id)', type: 'integer' },
  { name: 'idsContatos[]', label: 'IDs (contact ids)', type: 'integer', multiple: true },
];

export function pedidoFilters(statuses: PicklistOption[]): ListFilter[] {
  return [
    { name: 'idContato', label: 'Contato (customer id)', type: 'integer' },
    { name: 'idsSituacoes[]', label: 'Situações (statuses)', type: 'picklist', options: statuses, multiple: true },
    { name: 'numero', label: 'Número (order number)', type: 'integer' },
    { name: 'numerosLojas[]', label: 'Números na loja (store order numbers)', type: 'string', multiple: true },
    { name: 'dataInicial', label: 'Data desde (order date from)', type: 'date' },
    { name: 'dataFinal', label: 'Data até (order date until)', type: 'date' },
    { name: 'dataAlteracaoInicial', label: 'Alterado desde (changed from)', type: 'datetime' },
    { name: 'dataAlteracaoFinal', label: 'Alterado até (changed until)', type: 'datetime' },
    { name: 'dataPrevistaInicial', label: 'Prevista desde (expected from)', type: 'date' },
    { name: 'dataPrevistaFinal', label: 'Prevista até (expected until)', type: 'date' },
    { name: 'idLoja', label: 'Loja (store id)', type: 'integer' },
    { name: 'idVendedor', label: 'Vendedor (salesperson id)', type: 'integer' },
  ];
}

export function objectMeta(name: 'contatos' | 'pedidos', statuses: PicklistOption[] = []): ObjectMeta {
  const info = objectInfo(name)!;
  const contatos = name === 'contatos';
  return {
    ...summaryOf(info),
    fields: contatos ? CONTATO_FIELDS : pedidoFields(statuses),
    idField: 'id',
    // Records carry no modification time; changes() asks by dataAlteracao windows.
    modifiedField: 'dataAlteracao',
    matchFields: contatos ? ['id', 'email', 'numeroDocumento'] : ['id', 'numeroLoja', 'numero'],
    listFilters: contatos ? CONTATO_FILTERS : pedidoFilters(statuses),
  };
}
