import { onlyDigits } from '../common/br-documents';
import type { ClienteRecord, Contato } from './model';

/** A contact answers `tipo_id`/`nome_tipo` only when it has a contact type (as the examples do). */
function contatoView(c: Contato): Record<string, unknown> {
  const { tipo_id, nome_tipo, ...rest } = c;
  return tipo_id ? { tipo_id, nome_tipo, ...rest } : rest;
}

/** A cliente as GestãoClick answers it: string id, nested lists wrapped one key deep. */
export function clienteView(r: ClienteRecord): Record<string, unknown> {
  return {
    id: String(r.id),
    tipo_pessoa: r.tipo_pessoa,
    nome: r.nome,
    razao_social: r.razao_social,
    cnpj: r.cnpj,
    inscricao_estadual: r.inscricao_estadual,
    inscricao_municipal: r.inscricao_municipal,
    cpf: r.cpf,
    rg: r.rg,
    data_nascimento: r.data_nascimento,
    telefone: r.telefone,
    celular: r.celular,
    fax: r.fax,
    email: r.email,
    ativo: r.ativo,
    contatos: r.contatos.map((c) => ({ contato: contatoView(c) })),
    enderecos: r.enderecos.map((e) => ({ endereco: { ...e } })),
  };
}

/** Case- and accent-insensitive form for text filters. */
export const fold = (s: string | null | undefined): string =>
  (s ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * The documented list filters. Matching rules are not documented; the emulator uses: `nome` and
 * `email` contain (case- and accent-insensitive), `cpf_cnpj` equal digits, `telefone` digits
 * contained in telefone or celular, `estado`/`cidade_id` on any address.
 */
export function clienteFilter(q: URLSearchParams): (r: ClienteRecord) => boolean {
  const tipo = q.get('tipo_pessoa');
  const nome = q.get('nome');
  const doc = q.get('cpf_cnpj');
  const phone = q.get('telefone');
  const email = q.get('email');
  const situacao = q.get('situacao');
  const cidade = q.get('cidade_id');
  const estado = q.get('estado');
  return (r) => {
    if (tipo && r.tipo_pessoa !== tipo.toUpperCase()) return false;
    if (nome && !fold(r.nome).includes(fold(nome))) return false;
    if (doc && onlyDigits(r.cpf ?? r.cnpj ?? '') !== onlyDigits(doc)) return false;
    if (phone && ![r.telefone, r.celular].some((p) => p && onlyDigits(p).includes(onlyDigits(phone)))) return false;
    if (email && !fold(r.email).includes(fold(email))) return false;
    if (situacao !== null && situacao !== '' && r.ativo !== situacao) return false;
    if (cidade && !r.enderecos.some((e) => e.cidade_id === cidade)) return false;
    return !estado || r.enderecos.some((e) => (e.estado ?? '').toUpperCase() === estado.toUpperCase());
  };
}
