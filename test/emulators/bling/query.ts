import { badParameter } from './errors';
import { oneYearAfter, parseBound } from './time';

/** Documented default page size; 100 is also the most Bling answers per page (community). */
export const MAX_LIMIT = 100;

export interface PageRequest {
  pagina: number;
  limite: number;
}

function positiveInt(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw badParameter(name, `O parâmetro ${name} deve ser um número inteiro positivo.`);
  return n;
}

/** `pagina` (1-based) and `limite` (default and maximum 100). */
export function readPage(query: URLSearchParams): PageRequest {
  return { pagina: positiveInt(query, 'pagina', 1), limite: Math.min(MAX_LIMIT, positiveInt(query, 'limite', MAX_LIMIT)) };
}

/** Bling pages carry no metadata: clients stop on an empty or short page. */
export function page<T>(all: T[], p: PageRequest): T[] {
  const start = (p.pagina - 1) * p.limite;
  return all.slice(start, start + p.limite);
}

/** Array parameters use brackets (`idsContatos[]=1&idsContatos[]=2`); the bare name is accepted too. */
export function readArray(query: URLSearchParams, name: string): string[] {
  return [...query.getAll(`${name}[]`), ...query.getAll(name)].flatMap((v) => v.split(',')).filter(Boolean);
}

export function readIds(query: URLSearchParams, name: string): number[] {
  return readArray(query, name).map((v) => {
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < 1) throw badParameter(`${name}[]`, `O parâmetro ${name}[] deve conter ids.`);
    return n;
  });
}

export interface Period {
  from?: number;
  to?: number;
}

/**
 * A `<prefix>Inicial` / `<prefix>Final` pair (`YYYY-MM-DD HH:MM:SS` or a bare date, Brasília
 * time, both ends inclusive). A final bound more than one year after the initial one is refused,
 * as Bling documents for periods over a year.
 */
export function readPeriod(query: URLSearchParams, prefix: string): Period {
  const bound = (suffix: string, end: boolean) => {
    const name = `${prefix}${suffix}`;
    const raw = query.get(name);
    if (!raw) return undefined;
    const ms = parseBound(raw, end);
    if (ms === undefined) throw badParameter(name, `O parâmetro ${name} deve estar no formato AAAA-MM-DD ou AAAA-MM-DD HH:MM:SS.`);
    return ms;
  };
  const from = bound('Inicial', false);
  const to = bound('Final', true);
  // The span is measured to where the final bound starts: 2025-01-01 … 2026-01-01 is one year.
  const toStart = to === undefined ? undefined : parseBound(query.get(`${prefix}Final`)!, false);
  if (from !== undefined && toStart !== undefined && toStart > oneYearAfter(from)) {
    throw badParameter(`${prefix}Final`, 'O período informado não pode ser superior a um ano.');
  }
  return { from, to };
}

export const inPeriod = (ms: number, p: Period): boolean => (p.from === undefined || ms >= p.from) && (p.to === undefined || ms <= p.to);
