/** Records as stored: the API's detail shape plus the emulator's own timestamps. */

export type TipoPessoa = 'F' | 'J' | 'E';
export const tiposPessoa: readonly TipoPessoa[] = ['F', 'J', 'E'];
/** A active, E deleted (excluído), I inactive, S no movement. */
export type SituacaoContato = 'A' | 'E' | 'I' | 'S';
export const situacoesContato: readonly SituacaoContato[] = ['A', 'E', 'I', 'S'];

export interface EnderecoBling {
  endereco: string;
  cep: string;
  bairro: string;
  municipio: string;
  uf: string;
  numero: string;
  complemento: string;
}

export interface ContatoFields {
  nome: string;
  codigo: string;
  situacao: SituacaoContato;
  numeroDocumento: string;
  telefone: string;
  celular: string;
  fantasia: string;
  tipo: TipoPessoa;
  indicadorIe: number;
  ie: string;
  rg: string;
  inscricaoMunicipal: string;
  orgaoEmissor: string;
  email: string;
  emailNotaFiscal: string;
  endereco: { geral: EnderecoBling; cobranca: EnderecoBling };
  vendedor: { id: number };
  dadosAdicionais: { dataNascimento: string; sexo: string; naturalidade: string };
  financeiro: { limiteCredito: number; condicaoPagamento: string; categoria: { id: number } };
  pais: { nome: string };
  tiposContato: { id: number; descricao: string }[];
  pessoasContato: { id: number; descricao: string }[];
}

export interface ContatoRecord extends ContatoFields {
  id: number;
  /** Inclusion and last change, for the dataInclusao…/dataAlteracao… filters. */
  incluidoEm: number;
  alteradoEm: number;
}

export interface ItemPedido {
  id: number;
  codigo: string;
  unidade: string;
  quantidade: number;
  /** Percent. */
  desconto: number;
  /** Unit price. */
  valor: number;
  aliquotaIPI: number;
  descricao: string;
  descricaoDetalhada: string;
  produto: { id: number };
}

export interface ParcelaPedido {
  id: number;
  dataVencimento: string;
  valor: number;
  observacoes: string;
  formaPagamento: { id: number };
}

export interface TransportePedido {
  fretePorConta: number;
  frete: number;
  quantidadeVolumes: number;
  pesoBruto: number;
  prazoEntrega: number;
}

export interface PedidoFields {
  numero: number;
  numeroLoja: string;
  data: string;
  dataSaida: string;
  dataPrevista: string;
  contato: { id: number };
  situacao: { id: number };
  loja: { id: number };
  numeroPedidoCompra: string;
  outrasDespesas: number;
  observacoes: string;
  observacoesInternas: string;
  desconto: { valor: number; unidade: 'REAL' | 'PERCENTUAL' };
  categoria: { id: number };
  itens: ItemPedido[];
  parcelas: ParcelaPedido[];
  transporte: TransportePedido;
  vendedor: { id: number };
}

export interface PedidoRecord extends PedidoFields {
  id: number;
  incluidoEm: number;
  alteradoEm: number;
}
