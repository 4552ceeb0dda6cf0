import type { ApiClient } from '../http';
import type { HubSpotObject } from './values';

export interface SearchAnswer {
  total: number;
  results: HubSpotObject[];
  paging?: { next?: { after: string } };
}

/** HubSpot's search stops at 10,000 results per query; paging past it is refused. */
export const SEARCH_CAP = 10_000;

/** One search request. Search is read-only, so it is retried like a GET (its 5-per-second limit bites often). */
export async function searchOnce(api: ApiClient, object: string, body: Record<string, unknown>, after?: string): Promise<SearchAnswer> {
  const res = await api.request<SearchAnswer>({
    method: 'POST',
    path: `/crm/v3/objects/${encodeURIComponent(object)}/search`,
    json: after ? { ...body, after } : body,
    idempotent: true,
  });
  return res.body;
}

/** Pages of one search until done or the cap. */
export async function* searchPages(api: ApiClient, object: string, body: Record<string, unknown>, signal?: AbortSignal): AsyncGenerator<SearchAnswer & { capped: boolean; done: boolean }> {
  let after: string | undefined;
  for (;;) {
    signal?.throwIfAborted();
    const page = await searchOnce(api, object, body, after);
    const next = page.paging?.next?.after;
    const capped = next !== undefined && Number(next) >= SEARCH_CAP;
    const done = next === undefined || capped;
    yield { ...page, capped, done };
    if (done) return;
    after = next;
  }
}

const OPS: Record<string, string> = { eq: 'EQ', neq: 'NEQ', gt: 'GT', gte: 'GTE', lt: 'LT', lte: 'LTE', in: 'IN' };

export function toFilter(w: { field: string; op: string; value: unknown }): Record<string, unknown> {
  if (w.op === 'in') return { propertyName: w.field, operator: 'IN', values: (Array.isArray(w.value) ? w.value : [w.value]).map(String) };
  return { propertyName: w.field, operator: OPS[w.op], value: String(w.value) };
}
