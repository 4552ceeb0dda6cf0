import { onlyDigits } from '../common/br-documents';
import { badParameter } from './errors';
import type { ContatoRecord } from './model';
import { inPeriod, readIds, readPeriod } from './query';

/** List items hold only these fields. */
export const contatoListItem = (r: ContatoRecord) => ({
  id: r.id,
  nome: r.nome,
  codigo: r.codigo,
  situacao: r.situacao,
  numeroDocumento: r.numeroDocumento,
  telefone: r.telefone,
  celular: r.celular,
});

/** GET by id: the whole contact (the emulator's timestamps stay internal). */
export function contatoDetail(r: ContatoRecord): Record<string, unknown> {
  const { incluidoEm: _i, alteradoEm: _a, ...rest } = r;
  return rest;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** `pesquisa` looks in nome, fantasia, e-mail and código (contains) and in the document's digits. */
function matchesSearch(r: ContatoRecord, term: string): boolean {
  const t = fold(term);
  if ([r.nome, r.fantasia, r.email, r.codigo].some((v) => fold(v).includes(t))) return true;
  const digits = onlyDigits(term);
  return digits.length > 0 && onlyDigits(r.numeroDocumento).includes(digits);
}

/**
 * `criterio`: 1 all but deleted (default), 2 deleted, 3 last added (all but deleted, newest
 * first), 4 no movement (situação S).
 */
function criterioFilter(query: URLSearchParams): (r: ContatoRecord) => boolean {
  const criterio = query.get('criterio') ?? '1';
  if (!['1', '2', '3', '4'].includes(criterio)) throw badParameter('criterio', 'O parâmetro criterio deve ser 1, 2, 3 ou 4.');
  if (criterio === '2') return (r) => r.situacao === 'E';
  if (criterio === '4') return (r) => r.situacao === 'S';
  return (r) => r.situacao !== 'E';
}

const TIPO_PESSOA_FILTER: Record<string, string> = { '1': 'F', '2': 'J', '3': 'E' };

/** The documented list filters, combined with AND. */
export function contatoFilter(query: URLSearchParams): (r: ContatoRecord) => boolean {
  const criterio = criterioFilter(query);
  const inclusao = readPeriod(query, 'dataInclusao');
  const alteracao = readPeriod(query, 'dataAlteracao');
  const ids = readIds(query, 'idsContatos');
  const tipoRaw = query.get('tipoPessoa');
  if (tipoRaw && !TIPO_PESSOA_FILTER[tipoRaw]) throw badParameter('tipoPessoa', 'O parâmetro tipoPessoa deve ser 1, 2 ou 3.');
  const tipo = tipoRaw ? TIPO_PESSOA_FILTER[tipoRaw] : undefined;
  const [pesquisa, doc, phone, uf, idTipo, idVendedor] = ['pesquisa', 'numeroDocumento', 'telefone', 'uf', 'idTipoContato', 'idVendedor'].map((n) => query.get(n) || undefined);
  return (r) =>
    criterio(r) &&
    inPeriod(r.incluidoEm, inclusao) &&
    inPeriod(r.alteradoEm, alteracao) &&
    (!ids.length || ids.includes(r.id)) &&
    (!tipo || r.tipo === tipo) &&
    (!pesquisa || matchesSearch(r, pesquisa)) &&
    (!doc || onlyDigits(r.numeroDocumento) === onlyDigits(doc)) &&
    (!phone || [r.telefone, r.celular].some((p) => p && onlyDigits(p).includes(onlyDigits(phone)))) &&
    (!uf || r.endereco.geral.uf === uf.toUpperCase()) &&
    (!idTipo || r.tiposContato.some((t) => String(t.id) === idTipo)) &&
    (!idVendedor || String(r.vendedor.id) === idVendedor);
}

export const wantsNewestFirst = (query: URLSearchParams): boolean => query.get('criterio') === '3';
