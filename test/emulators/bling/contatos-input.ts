import type { Ctx } from './context';
import { formatCnpj, formatCpf, isValidCnpj, isValidCpf, onlyDigits } from '../common/br-documents';
import { FIELD_CODES } from './errors';
import { situacoesContato, tiposPessoa, type ContatoFields, type ContatoRecord, type EnderecoBling } from './model';
import { bodyObject, Reader, type Source } from './reader';

const NAMESPACE = 'CONTATOS';
const TEXT_FIELDS = ['codigo', 'telefone', 'celular', 'fantasia', 'ie', 'rg', 'inscricaoMunicipal', 'orgaoEmissor', 'email', 'emailNotaFiscal'] as const;
const ENDERECO_FIELDS = ['endereco', 'cep', 'bairro', 'municipio', 'uf', 'numero', 'complemento'] as const;

function endereco(r: Reader, src: Source, at: string): EnderecoBling {
  const out = Object.fromEntries(ENDERECO_FIELDS.map((k) => [k, r.text(src, k, `${at}.${k}`)])) as unknown as EnderecoBling;
  if (out.uf && !/^[A-Z]{2}$/.test(out.uf)) r.fail(`${at}.uf`, 'A UF deve ter duas letras maiúsculas.');
  return out;
}

/** CPF for F, CNPJ for J (check digits verified, stored punctuated); foreigners' documents as sent. */
function documento(r: Reader, raw: string, tipo: ContatoFields['tipo']): string {
  if (!raw || tipo === 'E') return raw;
  const digits = onlyDigits(raw);
  if (tipo === 'F') {
    if (isValidCpf(digits)) return formatCpf(digits);
    r.fail('numeroDocumento', 'O CPF informado é inválido.');
  } else {
    if (isValidCnpj(digits)) return formatCnpj(digits);
    r.fail('numeroDocumento', 'O CNPJ informado é inválido.');
  }
  return raw;
}

function tiposContato(ctx: Ctx, r: Reader, src: Source): ContatoFields['tiposContato'] {
  return r.list(src, 'tiposContato').map((t, i) => {
    const id = r.num(t, 'id', 0, `tiposContato[${i}].id`);
    const known = ctx.settings.tiposContato.find((k) => k.id === id);
    if (!known) r.fail(`tiposContato[${i}].id`, 'Tipo de contato não encontrado.', FIELD_CODES.notFound);
    return { id, descricao: known?.descricao ?? '' };
  });
}

/**
 * A POST or PUT body. PUT replaces the contact whole (fields left out go back to blank), except
 * `situacao`, which keeps its value unless sent. `nome` is required.
 */
export function parseContato(ctx: Ctx, body: unknown, existing?: ContatoRecord): ContatoFields {
  const b = bodyObject(body);
  const r = new Reader(NAMESPACE);
  const nome = r.text(b, 'nome').trim();
  r.required(nome, 'nome');
  const tipo = r.oneOf(b, 'tipo', tiposPessoa, 'F');
  const texts = Object.fromEntries(TEXT_FIELDS.map((k) => [k, r.text(b, k)])) as Record<(typeof TEXT_FIELDS)[number], string>;
  const end = r.obj(b, 'endereco');
  const extra = r.obj(b, 'dadosAdicionais');
  const fin = r.obj(b, 'financeiro');
  const fields: ContatoFields = {
    ...texts,
    nome,
    tipo,
    situacao: r.oneOf(b, 'situacao', situacoesContato, existing?.situacao ?? 'A'),
    numeroDocumento: documento(r, r.text(b, 'numeroDocumento'), tipo),
    indicadorIe: r.oneOf(b, 'indicadorIe', [1, 2, 9] as const, 9),
    endereco: { geral: endereco(r, r.obj(end, 'geral', 'endereco.geral'), 'endereco.geral'), cobranca: endereco(r, r.obj(end, 'cobranca', 'endereco.cobranca'), 'endereco.cobranca') },
    vendedor: { id: r.id(b, 'vendedor') },
    dadosAdicionais: {
      dataNascimento: r.date(extra, 'dataNascimento', 'dadosAdicionais.dataNascimento'),
      sexo: r.oneOf<string>(extra, 'sexo', ['M', 'F'], '', 'dadosAdicionais.sexo'),
      naturalidade: r.text(extra, 'naturalidade', 'dadosAdicionais.naturalidade'),
    },
    financeiro: {
      limiteCredito: r.num(fin, 'limiteCredito', 0, 'financeiro.limiteCredito'),
      condicaoPagamento: r.text(fin, 'condicaoPagamento', 'financeiro.condicaoPagamento'),
      categoria: { id: r.id(fin, 'categoria', 'financeiro.categoria.id') },
    },
    pais: { nome: r.text(r.obj(b, 'pais'), 'nome', 'pais.nome') },
    tiposContato: tiposContato(ctx, r, b),
    pessoasContato: r.list(b, 'pessoasContato').map((p, i) => ({ id: r.num(p, 'id', 0, `pessoasContato[${i}].id`), descricao: r.text(p, 'descricao', `pessoasContato[${i}].descricao`) })),
  };
  r.throwIfAny('Não foi possível salvar o contato');
  return fields;
}
