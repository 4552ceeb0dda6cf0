import { GcError } from './errors';

/** At most 100 records per GET page (documented); 20 when `limite` is absent (as the examples show). */
export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 20;

/**
 * `meta` differs by resource: clientes and vendas count the page in `total_da_pagina`; produtos
 * (and campos extras) carry `total_paginas` and `total_registros_pagina`; the situações examples
 * carry `total_paginas` only.
 */
export type MetaStyle = 'registros' | 'produtos' | 'situacoes';

export interface PageRequest {
  pagina: number;
  limite: number;
}

function positiveInt(name: string, raw: string | null, fallback: number): number {
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new GcError(400, `O parâmetro ${name} deve ser um número inteiro positivo.`);
  return n;
}

/** `pagina` (1-based) and `limite` (clients send it though the doc does not name it; capped at 100). */
export function readPage(query: URLSearchParams): PageRequest {
  return {
    pagina: positiveInt('pagina', query.get('pagina'), 1),
    limite: Math.min(MAX_PER_PAGE, positiveInt('limite', query.get('limite'), DEFAULT_PER_PAGE)),
  };
}

function compare(a: unknown, b: unknown): number {
  const x = a ?? '';
  const y = b ?? '';
  const nx = typeof x === 'number' ? x : typeof x === 'string' && /^-?\d+(\.\d+)?$/.test(x) ? Number(x) : NaN;
  const ny = typeof y === 'number' ? y : typeof y === 'string' && /^-?\d+(\.\d+)?$/.test(y) ? Number(y) : NaN;
  if (!Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
  return String(x).localeCompare(String(y), 'pt-BR');
}

/** `ordenacao` (a field of the record as answered) and `direcao` (asc|desc); id ascending otherwise. */
export function sortViews<T extends Record<string, unknown>>(views: T[], query: URLSearchParams): T[] {
  const field = query.get('ordenacao');
  const direction = (query.get('direcao') ?? 'asc').toLowerCase();
  if (direction !== 'asc' && direction !== 'desc') throw new GcError(400, 'O parâmetro direcao deve ser asc ou desc.');
  if (!field) return views;
  if (views.length && !(field in views[0])) throw new GcError(400, `Não é possível ordenar por ${field}.`);
  const sign = direction === 'desc' ? -1 : 1;
  return [...views].sort((a, b) => compare(a[field], b[field]) * sign || compare(a.id, b.id));
}

/** Relative URL of another page, keeping the other query parameters (e.g. "/api/clientes?pagina=2"). */
function pageUrl(resource: string, query: URLSearchParams, pagina: number): string {
  const q = new URLSearchParams(query);
  q.set('pagina', String(pagina));
  return `/api/${resource}?${q.toString()}`;
}

export function pageOf<T>(all: T[], page: PageRequest, resource: string, query: URLSearchParams, style: MetaStyle): { items: T[]; meta: Record<string, unknown> } {
  const start = (page.pagina - 1) * page.limite;
  const items = all.slice(start, start + page.limite);
  const totalPages = Math.ceil(all.length / page.limite);
  const previous = page.pagina > 1 ? Math.min(page.pagina - 1, Math.max(totalPages, 1)) : null;
  const next = page.pagina < totalPages ? page.pagina + 1 : null;
  const counts =
    style === 'registros'
      ? { total_registros: all.length, total_da_pagina: items.length }
      : style === 'produtos'
        ? { total_registros: all.length, total_paginas: totalPages, total_registros_pagina: items.length }
        : { total_registros: all.length, total_paginas: totalPages };
  return {
    items,
    meta: {
      ...counts,
      pagina_atual: page.pagina,
      limite_por_pagina: page.limite,
      pagina_anterior: previous,
      url_anterior: previous === null ? null : pageUrl(resource, query, previous),
      proxima_pagina: next,
      proxima_url: next === null ? null : pageUrl(resource, query, next),
    },
  };
}
