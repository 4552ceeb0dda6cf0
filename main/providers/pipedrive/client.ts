import { ApiClient } from '../http';
import { AsyncCache } from '../cache';
import { RateTracker, numberHeader } from '../rate-info';
import { advanceCursor, compareIso, decodeCursor, encodeCursor, seenAtCursor } from '../cursor';
import { DuplicateError, FatalError, ValidationError, isProviderError, type ProviderError } from '../errors';
import type { ClientContext } from '../definition';
import type {
  AccountInfo, ApiUsage, AssociationInput, ChangePage, ChangesOptions, NativeQuery, ObjectMeta, ObjectSummary, Page, Provider,
  ProviderCapabilities, QueryOptions, QueryPage, ReadOptions, RemoteRecord, WriteInput, WriteOp, WriteOptions, WriteResult,
} from '../provider';
import { mapPipedriveError } from './errors';
import { OBJECTS, objectInfo, toObjectMeta, type PipedriveField } from './describe';
import { flatten, isoToV1Time, toRemote, type V1List } from './values';

export const pipedriveCapabilities: ProviderCapabilities = {
  batchLimits: { create: 1, update: 1, upsert: 1 },
  associationBatchLimit: 1,
  queryLanguage: 'pipedrive-filter',
  maxPageSize: 500,
  supportsIncludeDeleted: false,
  nativeUpsert: false,
  objectRoles: { person: 'persons', company: 'organizations', deal: 'deals' },
  changeTracking: 'incremental',
};

const V1 = '/api/v1';

/** Lookup fields that link Pipedrive records: person → organization, deal → person/organization. */
const LINK_FIELDS: Record<string, string> = {
  'persons->organizations': 'org_id',
  'deals->persons': 'person_id',
  'deals->organizations': 'org_id',
};

/** Pipedrive API v1 through one keep-alive pool; api_token or OAuth bearer. */
export class PipedriveProvider implements Provider {
  readonly id = 'pipedrive' as const;
  readonly capabilities = pipedriveCapabilities;
  readonly connectionId: string;
  private readonly api: ApiClient;
  private readonly rate = new RateTracker();
  private readonly describes = new AsyncCache<ObjectMeta>();

  constructor(private readonly ctx: ClientContext) {
    this.connectionId = ctx.connectionId;
    this.api = new ApiClient({
      baseUrl: ctx.config.apiBaseUrl,
      auth: ctx.auth,
      applyAuth: (creds, url, headers) => {
        if (creds.scheme === 'api_token') url.searchParams.set('api_token', creds.accessToken);
        else headers.authorization = `Bearer ${creds.accessToken}`;
      },
      mapError: mapPipedriveError,
      onResponse: ({ headers }) => this.observe(headers),
    });
  }

  /** x-ratelimit-*: Pipedrive's short burst window. */
  private observe(headers: Record<string, string | string[] | undefined>): void {
    const max = numberHeader(headers, 'x-ratelimit-limit');
    const remaining = numberHeader(headers, 'x-ratelimit-remaining');
    if (max === undefined || remaining === undefined) return;
    const resetS = numberHeader(headers, 'x-ratelimit-reset');
    this.rate.report(
      { remaining, max, windowMs: resetS === undefined ? undefined : resetS * 1000, observedAt: Date.now() },
      { used: max - remaining, max, period: 'window', windowMs: 2000, observedAt: new Date().toISOString() },
    );
  }

  async account(): Promise<AccountInfo> {
    const res = await this.api.request<{ data: { id: number; name: string; email: string; company_id: number; company_name: string; company_domain: string } }>({ method: 'GET', path: `${V1}/users/me` });
    const me = res.body.data;
    return {
      user: me.email || me.name,
      userId: String(me.id),
      orgId: String(me.company_id),
      orgName: me.company_name,
      instanceUrl: `${me.company_domain}.pipedrive.com`,
      details: [
        { label: 'Company', value: me.company_name },
        { label: 'Company domain', value: me.company_domain },
      ],
    };
  }

  async usage(opts: { refresh?: boolean } = {}): Promise<ApiUsage | undefined> {
    if (opts.refresh || !this.rate.usage) await this.api.request({ method: 'GET', path: `${V1}/users/me` });
    return this.rate.usage;
  }

  onRateInfo(listener: Parameters<Provider['onRateInfo']>[0]): () => void {
    return this.rate.subscribe(listener);
  }

  async listObjects(): Promise<ObjectSummary[]> {
    return OBJECTS.map(({ fieldsPath: _f, recentsItem: _r, searchFields: _s, ...summary }) => summary);
  }

  describe(object: string, opts: { refresh?: boolean } = {}): Promise<ObjectMeta> {
    const info = this.info(object);
    return this.describes.get(
      object,
      async () => {
        const fields: PipedriveField[] = [];
        for await (const page of this.pages<PipedriveField>(`${V1}/${info.fieldsPath}`, {})) fields.push(...page);
        const { fieldsPath: _f, recentsItem: _r, searchFields: _s, ...summary } = info;
        return toObjectMeta(summary, fields);
      },
      opts.refresh,
    );
  }

  private info(object: string) {
    const info = objectInfo(object);
    if (!info) throw new ValidationError(`Pipedrive has no object "${object}" here (use persons, organizations or deals).`);
    return info;
  }

  /** v1 offset paging (`start`, `limit`, `more_items_in_collection`). */
  private async *pages<T = Record<string, unknown>>(path: string, query: Record<string, string | number | undefined>, pageSize = 500, signal?: AbortSignal): AsyncGenerator<T[]> {
    let start = 0;
    for (;;) {
      signal?.throwIfAborted();
      const res = await this.api.request<V1List<T>>({ method: 'GET', path, query: { ...query, start, limit: pageSize } });
      yield res.body.data ?? [];
      const p = res.body.additional_data?.pagination;
      if (!p?.more_items_in_collection) return;
      start = p.next_start ?? start + pageSize;
    }
  }

  async *read(object: string, opts: ReadOptions): AsyncIterable<Page<RemoteRecord>> {
    this.info(object);
    const where = opts.where ?? [];
    const gen = this.pages(`${V1}/${object}`, {}, Math.min(opts.pageSize ?? 500, 500), opts.signal);
    let next = await gen.next();
    while (!next.done) {
      const after = await gen.next();
      const records = next.value.map(toRemote).filter((r) => where.every((w) => matches(r.fields[w.field], w.op, w.value)));
      yield { records, done: after.done === true };
      next = after;
    }
  }

  async getByIds(object: string, ids: string[]): Promise<RemoteRecord[]> {
    this.info(object);
    const out: RemoteRecord[] = [];
    for (const id of ids) {
      try {
        const res = await this.api.request<{ data: Record<string, unknown> }>({ method: 'GET', path: `${V1}/${object}/${encodeURIComponent(id)}` });
        if (res.body.data) out.push(toRemote(res.body.data));
      } catch (err) {
        if (!(err instanceof FatalError && err.status === 404)) throw err;
      }
    }
    return out;
  }

  /** Exact-match search on the field, then the full records (search answers carry only a summary). */
  async findBy(object: string, field: string, values: string[], fields: string[]): Promise<RemoteRecord[]> {
    if (field === 'id') return this.getByIds(object, values);
    const info = this.info(object);
    const searchField = info.searchFields.includes(field) ? field : 'custom_fields';
    const out: RemoteRecord[] = [];
    for (const value of values) {
      const res = await this.api.request<{ data: { items: Array<{ item: { id: number } }> } }>({
        method: 'GET',
        path: `${V1}/${object}/search`,
        query: { term: value, fields: searchField, exact_match: 'true', limit: 100 },
      });
      const ids = (res.body.data?.items ?? []).map((i) => String(i.item.id));
      const full = await this.getByIds(object, ids);
      out.push(...full.filter((r) => String(r.fields[field] ?? '').toLowerCase() === value.toLowerCase()));
    }
    void fields;
    return out;
  }

  async *query(input: NativeQuery, opts: QueryOptions = {}): AsyncIterable<QueryPage> {
    if (input.language !== 'pipedrive-filter') throw new ValidationError(`Pipedrive runs field filters, not ${input.language}.`);
    this.info(input.object);
    const pick = (row: Record<string, unknown>) => (input.fields?.length ? Object.fromEntries(input.fields.map((f) => [f, row[f] ?? null])) : row);
    if (input.term) {
      const res = await this.api.request<{ data: { items: Array<{ item: Record<string, unknown> }> } }>({ method: 'GET', path: `${V1}/${input.object}/search`, query: { term: input.term, limit: 500 } });
      const ids = (res.body.data?.items ?? []).map((i) => String(i.item.id));
      const rows = (await this.getByIds(input.object, ids)).map((r) => pick(r.fields));
      yield { rows, total: rows.length, done: true };
      return;
    }
    const gen = this.pages(`${V1}/${input.object}`, { filter_id: input.filterId }, Math.min(opts.pageSize ?? 500, 500), opts.signal);
    let next = await gen.next();
    while (!next.done) {
      const after = await gen.next();
      yield { rows: next.value.map((r) => pick(flatten(r))), done: after.done === true };
      next = after;
    }
  }

  /** One record per request (Pipedrive has no batch writes); upsert looks the match key up first. */
  async write(object: string, op: WriteOp, records: WriteInput[], opts: WriteOptions = {}): Promise<WriteResult[]> {
    this.info(object);
    const results: WriteResult[] = [];
    for (let i = 0; i < records.length; i++) {
      try {
        results.push(await this.writeOne(object, op, records[i], opts.matchField));
      } catch (err) {
        if (!isProviderError(err)) throw err;
        if (err.kind === 'validation' || err.kind === 'duplicate' || err.kind === 'fatal') {
          results.push({ ok: false, id: records[i].id, error: recordError(err) });
          continue;
        }
        if (i === 0) throw err;
        // Keep what was written; the rest were not sent and get the same retryable error.
        for (let j = i; j < records.length; j++) results.push({ ok: false, id: records[j].id, error: recordError(err) });
        break;
      }
    }
    return results;
  }

  private async writeOne(object: string, op: WriteOp, r: WriteInput, matchField?: string): Promise<WriteResult> {
    if (op === 'create') return { ok: true, id: await this.create(object, r.fields), created: true };
    if (op === 'update') {
      if (!r.id) throw new ValidationError('An update needs the record id.', { fields: ['id'] });
      await this.update(object, r.id, r.fields);
      return { ok: true, id: r.id, created: false };
    }
    if (!matchField) throw new ValidationError('An upsert needs a match field (id, email or a custom field).', { fields: ['matchField'] });
    const key = matchField === 'id' ? r.id : r.fields[matchField];
    if (key === undefined || key === null || key === '') throw new ValidationError(`${matchField} is empty, so the record cannot be matched.`, { fields: [matchField] });
    const found = await this.findBy(object, matchField, [String(key)], []);
    if (found.length > 1) throw new DuplicateError(`${found.length} Pipedrive ${object} have ${matchField} "${String(key)}".`, { fields: [matchField], existingIds: found.map((f) => f.id) });
    if (found.length === 1) {
      await this.update(object, found[0].id, r.fields);
      return { ok: true, id: found[0].id, created: false };
    }
    return { ok: true, id: await this.create(object, r.fields), created: true };
  }

  private async create(object: string, fields: Record<string, unknown>): Promise<string> {
    const res = await this.api.request<{ data: { id: number } }>({ method: 'POST', path: `${V1}/${object}`, json: fields });
    return String(res.body.data.id);
  }

  private async update(object: string, id: string, fields: Record<string, unknown>): Promise<void> {
    await this.api.request({ method: 'PUT', path: `${V1}/${object}/${encodeURIComponent(id)}`, json: fields });
  }

  async associate(links: AssociationInput[]): Promise<WriteResult[]> {
    const results: WriteResult[] = [];
    for (const link of links) {
      const field = LINK_FIELDS[`${link.from.object}->${link.to.object}`];
      if (!field) {
        results.push({ ok: false, error: { kind: 'validation', code: 'NO_RELATIONSHIP', message: `${link.from.object} cannot be linked to ${link.to.object} in Pipedrive.`, fields: [] } });
        continue;
      }
      const [written] = await this.write(link.from.object, 'update', [{ id: link.from.id, fields: { [field]: Number(link.to.id) } }]);
      results.push(written);
    }
    return results;
  }

  /** /v1/recents from the cursor's second, oldest first; ties at that second skipped by id. */
  async *changes(object: string, opts: ChangesOptions): AsyncIterable<ChangePage> {
    const info = this.info(object);
    let cursor = decodeCursor(opts.cursor);
    const start = cursor;
    const since = start ? isoToV1Time(start.ts) : '1970-01-01 00:00:00';
    const gen = this.pages<{ item: string; id: number; data: Record<string, unknown> | null }>(`${V1}/recents`, { since_timestamp: since, items: info.recentsItem }, Math.min(opts.pageSize ?? 500, 500), opts.signal);
    let next = await gen.next();
    while (!next.done) {
      const after = await gen.next();
      const records = next.value
        .filter((e) => e.item === info.recentsItem && e.data)
        .map((e) => toRemote(e.data!))
        .filter((r) => (opts.includeDeleted || !r.deleted) && !seenAtCursor(start, r, compareIso));
      cursor = advanceCursor(cursor, records, compareIso);
      yield { records, cursor: cursor ? encodeCursor(cursor) : (opts.cursor ?? ''), done: after.done === true };
      next = after;
    }
  }

  close(): Promise<void> {
    return this.api.close();
  }
}

function recordError(err: ProviderError) {
  return { kind: err.kind, code: err.code, message: err.message, fields: err.fields, existingIds: err instanceof DuplicateError ? err.existingIds : undefined };
}

function matches(actual: unknown, op: string, want: unknown): boolean {
  const a = actual === null || actual === undefined ? '' : String(actual).toLowerCase();
  if (op === 'in') return (Array.isArray(want) ? want : [want]).some((w) => String(w).toLowerCase() === a);
  const w = String(want).toLowerCase();
  const n = Number(a) - Number(w);
  const cmp = Number.isNaN(n) ? a.localeCompare(w) : Math.sign(n);
  return op === 'eq' ? a === w : op === 'neq' ? a !== w : op === 'gt' ? cmp > 0 : op === 'gte' ? cmp >= 0 : op === 'lt' ? cmp < 0 : cmp <= 0;
}
