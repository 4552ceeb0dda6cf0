/** Records as the emulator stores them; answers are built from these by the views. */

export type TipoPessoa = 'PF' | 'PJ' | 'ES';
export const tiposPessoa: readonly TipoPessoa[] = ['PF', 'PJ', 'ES'];

export interface Contato {
  tipo_id: string | null;
  nome_tipo: string | null;
  nome: string | null;
  contato: string | null;
  cargo: string | null;
  observacao: string | null;
}

export interface Endereco {
  cep: string | null;
  logradouro: string | null;
  numero: string | null;
  complemento: string | null;
  bairro: string | null;
  cidade_id: string | null;
  nome_cidade: string | null;
  estado: string | null;
}

export interface ClienteRecord {
  id: number;
  tipo_pessoa: TipoPessoa;
  nome: string;
  razao_social: string | null;
  cnpj: string | null;
  inscricao_estadual: string | null;
  inscricao_municipal: string | null;
  cpf: string | null;
  rg: string | null;
  data_nascimento: string | null;
  telefone: string | null;
  celular: string | null;
  fax: string | null;
  email: string | null;
  ativo: '1' | '0';
  contatos: Contato[];
  enderecos: Endereco[];
  /** Kept for inspection only: GestãoClick's answers carry no timestamps for clientes. */
  cadastrado_em: number;
  modificado_em: number;
}

export interface ProdutoRecord {
  id: number;
  nome: string;
  codigo_interno: string;
  codigo_barra: string | null;
  ativo: '1' | '0';
  grupo_id: string | null;
  nome_grupo: string | null;
  descricao: string | null;
  estoque: number;
  valor_custo: number;
  valor_venda: number;
  /** Every product has one (unnamed) variation, as the examples show. */
  variacao_id: number;
  cadastrado_em: number;
  modificado_em: number;
}

export type TipoVenda = 'produto' | 'servico' | 'vendas_balcao';
export type TipoDesconto = 'R$' | '%';

export interface ItemProduto {
  produto_id: number;
  variacao_id: number | null;
  detalhes: string | null;
  quantidade: number;
  valor_venda: number;
  tipo_desconto: TipoDesconto;
  desconto_valor: number | null;
  desconto_porcentagem: number | null;
  tipo_valor_id: string | null;
}

export interface ItemServico {
  servico_id: string | null;
  nome_servico: string | null;
  detalhes: string | null;
  quantidade: number;
  valor_venda: number;
  tipo_desconto: TipoDesconto;
  desconto_valor: number | null;
  desconto_porcentagem: number | null;
}

export interface Pagamento {
  data_vencimento: string;
  valor: number;
  forma_pagamento_id: number;
  plano_contas_id: string | null;
  observacao: string | null;
}

export interface VendaRecord {
  id: number;
  codigo: number;
  tipo: TipoVenda;
  cliente_id: number;
  vendedor_id: string | null;
  data: string;
  previsao_entrega: string | null;
  situacao_id: number;
  valor_frete: number;
  condicao_pagamento: 'a_vista' | 'parcelado' | null;
  forma_pagamento_id: number | null;
  data_primeira_parcela: string | null;
  numero_parcelas: number | null;
  intervalo_dias: number | null;
  centro_custo_id: string | null;
  transportadora_id: string | null;
  observacoes: string | null;
  observacoes_interna: string | null;
  hash: string;
  pagamentos: Pagamento[];
  produtos: ItemProduto[];
  servicos: ItemServico[];
  cadastrado_em: number;
  modificado_em: number;
}
