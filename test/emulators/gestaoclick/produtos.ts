import { fold } from './clientes-view';
import { invalid } from './errors';
import type { ProdutoRecord } from './model';
import { formatLocal } from '../common/brasilia-time';
import { money4, objectBody, parseDecimal, parseFlag, parseText } from './values';

export type ProdutoFields = Omit<ProdutoRecord, 'id' | 'variacao_id' | 'cadastrado_em' | 'modificado_em'>;

const OPTIONAL_TEXT = ['codigo_barra', 'grupo_id', 'nome_grupo', 'descricao'] as const;

/** POST and PUT both require `nome`, `codigo_interno` and `valor_custo`; PUT keeps fields left out. */
export function parseProduto(body: unknown, existing?: ProdutoRecord): ProdutoFields {
  const b = objectBody(body);
  const erros: Record<string, string> = {};
  const nome = parseText('nome', b.nome)?.trim();
  const codigo = parseText('codigo_interno', b.codigo_interno)?.trim();
  const custo = parseDecimal(b.valor_custo);
  if (!nome) erros.nome = 'O campo nome é obrigatório.';
  if (!codigo) erros.codigo_interno = 'O campo codigo_interno é obrigatório.';
  if (custo === undefined) erros.valor_custo = 'O campo valor_custo é obrigatório.';
  if (Object.keys(erros).length) throw invalid(erros);
  const out: ProdutoFields = {
    codigo_barra: existing?.codigo_barra ?? null,
    grupo_id: existing?.grupo_id ?? null,
    nome_grupo: existing?.nome_grupo ?? null,
    descricao: existing?.descricao ?? null,
    estoque: existing?.estoque ?? 0,
    valor_venda: existing?.valor_venda ?? custo!,
    ativo: parseFlag('ativo', b.ativo) ?? existing?.ativo ?? '1',
    nome: nome!,
    codigo_interno: codigo!,
    valor_custo: custo!,
  };
  for (const f of OPTIONAL_TEXT) {
    const v = parseText(f, b[f]);
    if (v !== undefined) out[f] = v;
  }
  if (b.estoque !== undefined) out.estoque = parseDecimal(b.estoque) ?? out.estoque;
  if (b.valor_venda !== undefined) {
    const venda = parseDecimal(b.valor_venda);
    if (venda === undefined) throw invalid({ valor_venda: 'O campo valor_venda deve ser numérico.' });
    out.valor_venda = venda;
  }
  return out;
}

/** A produto as answered: money with 4 decimals, `estoque` a number, one unnamed variation. */
export function produtoView(r: ProdutoRecord): Record<string, unknown> {
  return {
    id: String(r.id),
    nome: r.nome,
    codigo_interno: r.codigo_interno,
    codigo_barra: r.codigo_barra,
    possui_variacao: '0',
    possui_composicao: '0',
    movimenta_estoque: '1',
    peso: null,
    largura: null,
    altura: null,
    comprimento: null,
    ativo: r.ativo,
    grupo_id: r.grupo_id,
    nome_grupo: r.nome_grupo,
    descricao: r.descricao,
    estoque: r.estoque,
    valor_custo: money4(r.valor_custo),
    valor_venda: money4(r.valor_venda),
    cadastrado_em: formatLocal(r.cadastrado_em),
    modificado_em: formatLocal(r.modificado_em),
    valores: [],
    variacoes: [{ variacao: { id: String(r.variacao_id), nome: '', estoque: r.estoque.toFixed(2) } }],
    fiscal: { ncm: '', cest: '', peso_liquido: null, peso_bruto: null, valor_aproximado_tributos: null },
  };
}

/** `nome` contains, `codigo` equals the internal code or the barcode, `grupo_id`, `ativo`; `loja_id` and `fornecedor_id` are accepted and ignored. */
export function produtoFilter(q: URLSearchParams): (r: ProdutoRecord) => boolean {
  const nome = q.get('nome');
  const codigo = q.get('codigo');
  const grupo = q.get('grupo_id');
  const ativo = q.get('ativo');
  return (r) => {
    if (nome && !fold(r.nome).includes(fold(nome))) return false;
    if (codigo && r.codigo_interno !== codigo && r.codigo_barra !== codigo) return false;
    if (grupo && r.grupo_id !== grupo) return false;
    return ativo === null || ativo === '' || r.ativo === ativo;
  };
}
