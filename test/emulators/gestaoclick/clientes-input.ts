import { formatCnpj, formatCpf, isValidCnpj, isValidCpf, onlyDigits } from '../common/br-documents';
import { invalid } from './errors';
import { tiposPessoa, type ClienteRecord, type Contato, type Endereco, type TipoPessoa } from './model';
import { isDate } from '../common/brasilia-time';
import { objectBody, parseFlag, parseText } from './values';

export type ClienteFields = Omit<ClienteRecord, 'id' | 'cadastrado_em' | 'modificado_em'>;

const TEXT_FIELDS = ['razao_social', 'inscricao_estadual', 'inscricao_municipal', 'rg', 'telefone', 'celular', 'fax', 'email'] as const;
const CONTATO_FIELDS = ['tipo_id', 'nome_tipo', 'nome', 'contato', 'cargo', 'observacao'] as const;
const ENDERECO_FIELDS = ['cep', 'logradouro', 'numero', 'complemento', 'bairro', 'cidade_id', 'nome_cidade', 'estado'] as const;

const blank: ClienteFields = {
  tipo_pessoa: 'PF',
  nome: '',
  razao_social: null,
  cnpj: null,
  inscricao_estadual: null,
  inscricao_municipal: null,
  cpf: null,
  rg: null,
  data_nascimento: null,
  telefone: null,
  celular: null,
  fax: null,
  email: null,
  ativo: '1',
  contatos: [],
  enderecos: [],
};

/** CPF for PF, CNPJ for PJ, checked and stored punctuated; the other document (and both for ES) is null. */
function parseDocument(field: 'cpf' | 'cnpj', raw: unknown, current: string | null): string | null {
  const text = parseText(field, raw);
  if (text === undefined) return current;
  if (text === null || text.trim() === '') return null;
  const digits = onlyDigits(text);
  const valid = field === 'cpf' ? isValidCpf(digits) : isValidCnpj(digits);
  if (!valid) throw invalid({ [field]: `O ${field.toUpperCase()} informado é inválido.` });
  return field === 'cpf' ? formatCpf(digits) : formatCnpj(digits);
}

/** Nested arrays wrap each item in a one-key object: `[{ contato: {...} }]`. */
function parseWrapped<T>(field: string, key: string, keys: readonly string[], raw: unknown): T[] {
  if (!Array.isArray(raw)) throw invalid({ [field]: `O campo ${field} deve ser uma lista.` });
  return raw.map((entry, i) => {
    const inner = entry && typeof entry === 'object' ? (entry as Record<string, unknown>)[key] : undefined;
    if (!inner || typeof inner !== 'object') throw invalid({ [`${field}.${i}`]: `Cada item de ${field} deve ter a chave ${key}.` });
    const src = inner as Record<string, unknown>;
    return Object.fromEntries(keys.map((k) => [k, parseText(`${field}.${i}.${k}`, src[k]) ?? null])) as T;
  });
}

function requireHeader(b: Record<string, unknown>): { tipo: TipoPessoa; nome: string } {
  const erros: Record<string, string> = {};
  const tipo = b.tipo_pessoa;
  if (tipo === undefined || tipo === null || tipo === '') erros.tipo_pessoa = 'O campo tipo_pessoa é obrigatório.';
  else if (!tiposPessoa.includes(tipo as TipoPessoa)) erros.tipo_pessoa = 'O campo tipo_pessoa deve ser PF, PJ ou ES.';
  const nome = typeof b.nome === 'string' ? b.nome.trim() : typeof b.nome === 'number' ? String(b.nome) : '';
  if (!nome) erros.nome = 'O campo nome é obrigatório.';
  if (Object.keys(erros).length) throw invalid(erros);
  return { tipo: tipo as TipoPessoa, nome };
}

/**
 * A POST or PUT body. Both require `tipo_pessoa` and `nome`; on PUT, fields left out keep their
 * value and nested lists sent replace the stored ones.
 */
export function parseCliente(body: unknown, existing?: ClienteRecord): ClienteFields {
  const b = objectBody(body);
  const { tipo, nome } = requireHeader(b);
  const base: ClienteFields = existing ? { ...existing } : { ...blank };
  const out: ClienteFields = { ...base, tipo_pessoa: tipo, nome };
  for (const f of TEXT_FIELDS) {
    const v = parseText(f, b[f]);
    if (v !== undefined) out[f] = v;
  }
  const birth = parseText('data_nascimento', b.data_nascimento);
  if (birth !== undefined) {
    if (birth && !isDate(birth)) throw invalid({ data_nascimento: 'O campo data_nascimento deve estar no formato AAAA-MM-DD.' });
    out.data_nascimento = birth || null;
  }
  const sameTipo = existing?.tipo_pessoa === tipo;
  out.cpf = tipo === 'PF' ? parseDocument('cpf', b.cpf, sameTipo ? base.cpf : null) : null;
  out.cnpj = tipo === 'PJ' ? parseDocument('cnpj', b.cnpj, sameTipo ? base.cnpj : null) : null;
  out.ativo = parseFlag('ativo', b.ativo) ?? base.ativo;
  if (b.contatos !== undefined && b.contatos !== null) out.contatos = parseWrapped<Contato>('contatos', 'contato', CONTATO_FIELDS, b.contatos);
  if (b.enderecos !== undefined && b.enderecos !== null) out.enderecos = parseWrapped<Endereco>('enderecos', 'endereco', ENDERECO_FIELDS, b.enderecos);
  return out;
}
