import type { ApiClient } from '../http';
import type { QueryPage } from '../provider';

export interface SoqlAnswer {
  totalSize: number;
  done: boolean;
  records: Array<Record<string, unknown>>;
  nextRecordsUrl?: string;
}

/**
 * Runs SOQL and follows nextRecordsUrl until done, one page per iteration. `queryAll` includes
 * deleted and archived rows (its continuation URLs say /query/ and still continue that set).
 */
export async function* soqlPages(api: ApiClient, base: string, soql: string, opts: { includeDeleted?: boolean; pageSize?: number; signal?: AbortSignal }): AsyncGenerator<SoqlAnswer> {
  const headers = opts.pageSize ? { 'Sforce-Query-Options': `batchSize=${clampBatch(opts.pageSize)}` } : undefined;
  let next: string | undefined = `${base}/${opts.includeDeleted ? 'queryAll' : 'query'}`;
  let query: Record<string, string> | undefined = { q: soql };
  while (next) {
    opts.signal?.throwIfAborted();
    const res: { body: SoqlAnswer } = await api.request<SoqlAnswer>({ method: 'GET', path: next, query, headers });
    yield res.body;
    next = res.body.done ? undefined : res.body.nextRecordsUrl;
    query = undefined;
  }
}

/** Salesforce accepts batch sizes from 200 to 2,000. */
const clampBatch = (n: number) => Math.max(200, Math.min(2000, Math.floor(n)));

/** Drops `attributes` at every level (parent relationships and child subqueries) for display and storage. */
export function stripAttributes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripAttributes);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (k !== 'attributes') out[k] = stripAttributes(v);
  return out;
}

export function toQueryPage(answer: SoqlAnswer): QueryPage {
  return { rows: answer.records.map((r) => stripAttributes(r) as Record<string, unknown>), total: answer.totalSize, done: answer.done };
}
