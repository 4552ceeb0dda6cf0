import { ApiClient, type Credentials } from '../http';
import { AsyncCache } from '../cache';
import { RateTracker, header } from '../rate-info';
import { advanceCursor, compareIso, decodeCursor, encodeCursor, seenAtCursor } from '../cursor';
import { AuthError, ValidationError, isProviderError } from '../errors';
import type { ClientContext } from '../definition';
import type {
  AccountInfo, ApiUsage, AssociationInput, BulkWriteOptions, ChangePage, ChangesOptions, NativeQuery, ObjectMeta, ObjectSummary, Page, Provider,
  ProviderCapabilities, QueryOptions, QueryPage, ReadOptions, RemoteRecord, WriteInput, WriteOp, WriteOptions, WriteResult,
} from '../provider';
import { mapSalesforceError } from './errors';
import { toObjectMeta, toObjectSummary, type SalesforceDescribe } from './describe';
import { soqlPages, stripAttributes, toQueryPage } from './query';
import { ident, selectList, soqlDateTime, whereClause } from './soql';
import { planLink, writeCollection } from './batch';
import { bulkWrite } from './bulk';

export const SALESFORCE_API_VERSION = 'v62.0';

export const salesforceCapabilities: ProviderCapabilities = {
  batchLimits: { create: 200, update: 200, upsert: 200 },
  associationBatchLimit: 200,
  queryLanguage: 'soql',
  maxPageSize: 2000,
  supportsIncludeDeleted: true,
  nativeUpsert: true,
  objectRoles: { person: 'Contact', company: 'Account', deal: 'Opportunity', lead: 'Lead' },
  changeTracking: 'incremental',
};

/** Salesforce REST through one keep-alive pool; the instance URL comes with the token. */
export class SalesforceProvider implements Provider {
  readonly id = 'salesforce' as const;
  readonly capabilities = salesforceCapabilities;
  readonly connectionId: string;
  private readonly api: ApiClient;
  private readonly rate = new RateTracker();
  private readonly describes = new AsyncCache<ObjectMeta>();
  private readonly globals = new AsyncCache<ObjectSummary[]>();
  private readonly base = `/services/data/${SALESFORCE_API_VERSION}`;

  constructor(private readonly ctx: ClientContext) {
    this.connectionId = ctx.connectionId;
    this.api = new ApiClient({
      baseUrl: ctx.config.apiBaseUrl,
      auth: ctx.auth,
      applyAuth: (creds: Credentials, _url, headers) => void (headers.authorization = `Bearer ${creds.accessToken}`),
      mapError: mapSalesforceError,
      onResponse: ({ headers }) => this.observe(headers),
    });
  }

  /** `Sforce-Limit-Info: api-usage=18/15000` on every REST answer. */
  private observe(headers: Record<string, string | string[] | undefined>): void {
    const info = header(headers, 'sforce-limit-info');
    const m = info && /api-usage=(\d+)\/(\d+)/.exec(info);
    if (!m) return;
    const used = Number(m[1]);
    const max = Number(m[2]);
    this.rate.report({ dailyUsed: used, dailyMax: max, observedAt: Date.now() }, { used, max, period: 'day', observedAt: new Date().toISOString() });
  }

  async account(): Promise<AccountInfo> {
    const creds = await this.ctx.auth.current();
    const res = await this.api.request<Record<string, unknown>>({ method: 'GET', path: '/services/oauth2/userinfo' });
    const u = res.body;
    const str = (k: string) => (typeof u[k] === 'string' ? (u[k] as string) : undefined);
    const instanceUrl = creds.instanceUrl ?? this.ctx.config.apiBaseUrl;
    return {
      user: str('preferred_username') ?? str('email') ?? str('name') ?? 'Salesforce user',
      userId: str('user_id'),
      orgId: str('organization_id'),
      instanceUrl,
      details: [
        { label: 'Instance', value: instanceUrl },
        ...(str('organization_id') ? [{ label: 'Org id', value: str('organization_id')! }] : []),
        ...(str('name') ? [{ label: 'Name', value: str('name')! }] : []),
      ],
    };
  }

  async usage(opts: { refresh?: boolean } = {}): Promise<ApiUsage | undefined> {
    if (!opts.refresh && this.rate.usage) return this.rate.usage;
    try {
      const res = await this.api.request<Record<string, { Max: number; Remaining: number }>>({ method: 'GET', path: `${this.base}/limits` });
      const daily = res.body.DailyApiRequests;
      if (daily) return (this.rate.usage = { used: daily.Max - daily.Remaining, max: daily.Max, period: 'day', observedAt: new Date().toISOString() });
    } catch (err) {
      // /limits needs "View Setup and Configuration"; the header seen on that very answer still counts.
      if (err instanceof AuthError || !isProviderError(err)) throw err;
    }
    return this.rate.usage;
  }

  onRateInfo(listener: Parameters<Provider['onRateInfo']>[0]): () => void {
    return this.rate.subscribe(listener);
  }

  listObjects(opts: { refresh?: boolean } = {}): Promise<ObjectSummary[]> {
    return this.globals.get(
      'all',
      async () => {
        const res = await this.api.request<{ sobjects: Array<Omit<SalesforceDescribe, 'fields'>> }>({ method: 'GET', path: `${this.base}/sobjects` });
        return res.body.sobjects.map(toObjectSummary);
      },
      opts.refresh,
    );
  }

  describe(object: string, opts: { refresh?: boolean } = {}): Promise<ObjectMeta> {
    return this.describes.get(
      object.toLowerCase(),
      async () => {
        const res = await this.api.request<SalesforceDescribe>({ method: 'GET', path: `${this.base}/sobjects/${encodeURIComponent(ident(object))}/describe` });
        return toObjectMeta(res.body);
      },
      opts.refresh,
    );
  }

  async *read(object: string, opts: ReadOptions): AsyncIterable<Page<RemoteRecord>> {
    const meta = await this.describe(object);
    const always = ['Id', meta.modifiedField, ...(opts.includeDeleted ? ['IsDeleted'] : [])];
    const soql = `SELECT ${selectList(opts.fields, always)} FROM ${ident(object)}${whereClause(opts.where)} ORDER BY Id`;
    for await (const page of soqlPages(this.api, this.base, soql, opts)) {
      yield { records: page.records.map((r) => this.toRemote(r, meta.modifiedField)), total: page.totalSize, done: page.done };
    }
  }

  async getByIds(object: string, ids: string[], fields: string[]): Promise<RemoteRecord[]> {
    return this.findBy(object, 'Id', ids, fields);
  }

  async findBy(object: string, field: string, values: string[], fields: string[]): Promise<RemoteRecord[]> {
    const out: RemoteRecord[] = [];
    for (let i = 0; i < values.length; i += 200) {
      const chunk = values.slice(i, i + 200);
      for await (const page of this.read(object, { fields: [...fields, field], where: [{ field, op: 'in', value: chunk }] })) out.push(...page.records);
    }
    return out;
  }

  async *query(input: NativeQuery, opts: QueryOptions = {}): AsyncIterable<QueryPage> {
    if (input.language !== 'soql') throw new ValidationError(`Salesforce runs SOQL, not ${input.language}.`);
    for await (const page of soqlPages(this.api, this.base, input.soql, opts)) yield toQueryPage(page);
  }

  async write(object: string, op: WriteOp, records: WriteInput[], opts: WriteOptions = {}): Promise<WriteResult[]> {
    const limit = this.capabilities.batchLimits[op];
    const results: WriteResult[] = [];
    for (let i = 0; i < records.length; i += limit) {
      results.push(...(await writeCollection(this.api, this.base, ident(object), op, records.slice(i, i + limit), opts.matchField)));
    }
    return results;
  }

  bulkWrite(object: string, op: WriteOp, records: WriteInput[], opts: WriteOptions & BulkWriteOptions = {}): Promise<WriteResult[]> {
    return bulkWrite(this.api, this.base, ident(object), op, records, opts);
  }

  async associate(links: AssociationInput[]): Promise<WriteResult[]> {
    const lookups = new Map<string, ObjectMeta>();
    for (const o of new Set(links.map((l) => l.from.object))) lookups.set(o, await this.describe(o));
    const lookupFieldOf = (from: string, to: string) =>
      lookups.get(from)?.fields.find((f) => f.type === 'reference' && f.updateable && f.reference?.targets.includes(to))?.name;
    const results: WriteResult[] = new Array(links.length);
    const groups = new Map<string, Array<{ index: number; op: WriteOp; input: WriteInput }>>();
    links.forEach((link, index) => {
      const plan = planLink(link, lookupFieldOf);
      if (!plan) {
        results[index] = { ok: false, error: { kind: 'validation', code: 'NO_RELATIONSHIP', message: `${link.from.object} has no link to ${link.to.object}.`, fields: [] } };
        return;
      }
      const op: WriteOp = plan.kind === 'lookup' ? 'update' : 'create';
      const key = `${op}:${plan.object}`;
      const input: WriteInput = plan.kind === 'lookup' ? { id: plan.id, fields: { [plan.field]: plan.value } } : { fields: plan.fields };
      groups.set(key, [...(groups.get(key) ?? []), { index, op, input }]);
    });
    for (const [key, items] of groups) {
      const object = key.slice(key.indexOf(':') + 1);
      const written = await this.write(object, items[0].op, items.map((i) => i.input));
      items.forEach((item, i) => (results[item.index] = written[i]));
    }
    return results;
  }

  async *changes(object: string, opts: ChangesOptions): AsyncIterable<ChangePage> {
    const meta = await this.describe(object);
    const modified = meta.modifiedField;
    let cursor = decodeCursor(opts.cursor);
    const always = ['Id', modified, ...(opts.includeDeleted ? ['IsDeleted'] : [])];
    const since = cursor ? ` WHERE ${modified} >= ${soqlDateTime(cursor.ts)}` : '';
    const soql = `SELECT ${selectList(opts.fields, always)} FROM ${ident(object)}${since} ORDER BY ${modified} ASC, Id ASC`;
    const start = cursor;
    for await (const page of soqlPages(this.api, this.base, soql, opts)) {
      const records = page.records.map((r) => this.toRemote(r, modified)).filter((r) => !seenAtCursor(start, r, compareIso));
      cursor = advanceCursor(cursor, records, compareIso);
      yield { records, cursor: cursor ? encodeCursor(cursor) : (opts.cursor ?? ''), done: page.done };
    }
  }

  private toRemote(raw: Record<string, unknown>, modifiedField: string): RemoteRecord {
    const fields = stripAttributes(raw) as Record<string, unknown>;
    return {
      id: String(fields.Id),
      fields,
      modifiedAt: typeof fields[modifiedField] === 'string' ? (fields[modifiedField] as string) : undefined,
      deleted: fields.IsDeleted === true ? true : undefined,
    };
  }

  close(): Promise<void> {
    return this.api.close();
  }
}
