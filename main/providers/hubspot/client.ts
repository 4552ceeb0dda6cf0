import { ApiClient } from '../http';
import { AsyncCache } from '../cache';
import { RateTracker, numberHeader } from '../rate-info';
import { advanceCursor, compareIso, decodeCursor, encodeCursor, seenAtCursor } from '../cursor';
import { FatalError, ValidationError, isProviderError } from '../errors';
import type { ClientContext } from '../definition';
import type {
  AccountInfo, ApiUsage, AssociationInput, ChangePage, ChangesOptions, NativeQuery, ObjectMeta, ObjectSummary, Page, Provider,
  ProviderCapabilities, QueryOptions, QueryPage, ReadOptions, RemoteRecord, ScopeGrants, WriteInput, WriteOp, WriteOptions, WriteResult,
} from '../provider';
import { mapHubSpotError } from './errors';
import { STANDARD_OBJECTS, modifiedFieldOf, toObjectMeta, type HubSpotProperty } from './describe';
import { SEARCH_CAP, searchPages, toFilter } from './search';
import { associateBatch, writeBatch } from './batch';
import type { HubSpotObject } from './values';
import { readGrantedScopes, scopeGrants } from './scopes';

export const hubSpotCapabilities: ProviderCapabilities = {
  batchLimits: { create: 100, update: 100, upsert: 100 },
  associationBatchLimit: 100,
  queryLanguage: 'hubspot-search',
  maxPageSize: 100,
  queryResultCap: SEARCH_CAP,
  supportsIncludeDeleted: true,
  nativeUpsert: true,
  objectRoles: { person: 'contacts', company: 'companies', deal: 'deals' },
  changeTracking: 'incremental',
};

const SEARCH_PAGE = 200;

/** HubSpot CRM v3/v4 through one keep-alive pool. */
export class HubSpotProvider implements Provider {
  readonly id = 'hubspot' as const;
  readonly capabilities = hubSpotCapabilities;
  readonly connectionId: string;
  private readonly api: ApiClient;
  private readonly rate = new RateTracker();
  private readonly describes = new AsyncCache<ObjectMeta>();
  private readonly objects = new AsyncCache<ObjectSummary[]>();
  /** Per access token: a token's scopes never change, a refreshed token is asked again. */
  private readonly scopes = new AsyncCache<string[] | undefined>();

  constructor(private readonly ctx: ClientContext) {
    this.connectionId = ctx.connectionId;
    this.api = new ApiClient({
      baseUrl: ctx.config.apiBaseUrl,
      auth: ctx.auth,
      applyAuth: (creds, _url, headers) => void (headers.authorization = `Bearer ${creds.accessToken}`),
      mapError: mapHubSpotError,
      onResponse: ({ headers }) => this.observe(headers),
    });
  }

  /** X-HubSpot-RateLimit-*: the rolling window always, the daily budget for private apps. */
  private observe(headers: Record<string, string | string[] | undefined>): void {
    const max = numberHeader(headers, 'x-hubspot-ratelimit-max');
    const remaining = numberHeader(headers, 'x-hubspot-ratelimit-remaining');
    if (max === undefined || remaining === undefined) return;
    const windowMs = numberHeader(headers, 'x-hubspot-ratelimit-interval-milliseconds');
    const dailyMax = numberHeader(headers, 'x-hubspot-ratelimit-daily');
    const dailyRemaining = numberHeader(headers, 'x-hubspot-ratelimit-daily-remaining');
    const observedAt = new Date().toISOString();
    const usage: ApiUsage =
      dailyMax !== undefined && dailyRemaining !== undefined
        ? { used: dailyMax - dailyRemaining, max: dailyMax, period: 'day', observedAt }
        : { used: max - remaining, max, period: 'window', windowMs, observedAt };
    this.rate.report({ remaining, max, windowMs, dailyMax, dailyUsed: dailyMax !== undefined && dailyRemaining !== undefined ? dailyMax - dailyRemaining : undefined, observedAt: Date.now() }, usage);
  }

  async account(): Promise<AccountInfo> {
    const creds = await this.ctx.auth.current();
    try {
      // OAuth tokens describe themselves: portal, hub domain and the user who installed the app.
      const res = await this.api.request<{ hub_id: number; hub_domain: string; user?: string; user_id?: number }>({ method: 'GET', path: `/oauth/v1/access-tokens/${encodeURIComponent(creds.accessToken)}` });
      return this.accountInfo(String(res.body.hub_id), res.body.hub_domain, res.body.user, res.body.user_id);
    } catch (err) {
      if (!isProviderError(err) || err.kind === 'auth' || err.kind === 'transient') throw err;
    }
    // Private-app tokens are not OAuth tokens: ask the account-info API instead.
    try {
      const res = await this.api.request<{ portalId: number; uiDomain?: string }>({ method: 'GET', path: '/account-info/v3/details' });
      return this.accountInfo(String(res.body.portalId), res.body.uiDomain, undefined, undefined);
    } catch (err) {
      if (!isProviderError(err) || err.kind === 'auth' || err.kind === 'transient') throw err;
    }
    // Without the account-info API, a cheap CRM read still proves the token works.
    await this.api.request({ method: 'GET', path: '/crm/v3/objects/contacts', query: { limit: 1 } });
    return { user: 'Private app', details: [] };
  }

  private accountInfo(portalId: string, hubDomain: string | undefined, user: string | undefined, userId: number | undefined): AccountInfo {
    return {
      user: user ?? 'Private app',
      userId: userId === undefined ? undefined : String(userId),
      orgId: portalId,
      orgName: hubDomain,
      instanceUrl: hubDomain,
      details: [{ label: 'Portal id', value: portalId }, ...(hubDomain ? [{ label: 'Hub domain', value: hubDomain }] : [])],
    };
  }

  async usage(opts: { refresh?: boolean } = {}): Promise<ApiUsage | undefined> {
    if (opts.refresh || !this.rate.usage) await this.api.request({ method: 'GET', path: '/crm/v3/objects/contacts', query: { limit: 1 } });
    return this.rate.usage;
  }

  onRateInfo(listener: Parameters<Provider['onRateInfo']>[0]): () => void {
    return this.rate.subscribe(listener);
  }

  listObjects(opts: { refresh?: boolean } = {}): Promise<ObjectSummary[]> {
    return this.objects.get('all', async () => [...STANDARD_OBJECTS, ...(await this.customObjects())], opts.refresh);
  }

  /** Custom objects need the schemas scope and an Enterprise portal; without either there are none to list. */
  private async customObjects(): Promise<ObjectSummary[]> {
    try {
      const res = await this.api.request<{ results: Array<{ objectTypeId: string; name: string; labels?: { singular?: string; plural?: string } }> }>({ method: 'GET', path: '/crm/v3/schemas' });
      return res.body.results.map((s) => ({ name: s.objectTypeId, label: s.labels?.singular ?? s.name, labelPlural: s.labels?.plural, custom: true, queryable: true, createable: true, updateable: true }));
    } catch (err) {
      if (err instanceof FatalError || err instanceof ValidationError) return [];
      throw err;
    }
  }

  describe(object: string, opts: { refresh?: boolean } = {}): Promise<ObjectMeta> {
    return this.describes.get(
      object,
      async () => {
        const summary = (await this.listObjects()).find((o) => o.name === object) ?? { name: object, label: object, custom: true, queryable: true, createable: true, updateable: true };
        const res = await this.api.request<{ results: HubSpotProperty[] }>({ method: 'GET', path: `/crm/v3/properties/${encodeURIComponent(object)}` });
        return toObjectMeta(summary, res.body.results);
      },
      opts.refresh,
    );
  }

  async grantedScopes(): Promise<ScopeGrants | undefined> {
    const { accessToken } = await this.ctx.auth.current();
    const granted = await this.scopes.get(accessToken, () => readGrantedScopes(this.api, accessToken));
    return granted ? scopeGrants(granted) : undefined;
  }

  async *read(object: string, opts: ReadOptions): AsyncIterable<Page<RemoteRecord>> {
    const modified = modifiedFieldOf(object);
    const properties = [...new Set([...opts.fields, modified])];
    if (opts.where?.length) {
      const body = { filterGroups: [{ filters: opts.where.map(toFilter) }], properties, limit: SEARCH_PAGE, sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }] };
      for await (const page of searchPages(this.api, object, body, opts.signal)) yield { records: page.results.map((o) => toRemote(o, modified)), total: page.total, done: page.done };
      return;
    }
    let after: string | undefined;
    do {
      opts.signal?.throwIfAborted();
      const res = await this.api.request<{ results: HubSpotObject[]; paging?: { next?: { after: string } } }>({
        method: 'GET',
        path: `/crm/v3/objects/${encodeURIComponent(object)}`,
        query: { limit: Math.min(opts.pageSize ?? 100, 100), after, properties: properties.join(','), archived: opts.includeDeleted ? 'true' : undefined },
      });
      after = res.body.paging?.next?.after;
      yield { records: res.body.results.map((o) => toRemote(o, modified)), done: after === undefined };
    } while (after !== undefined);
  }

  async getByIds(object: string, ids: string[], fields: string[]): Promise<RemoteRecord[]> {
    return this.batchRead(object, ids, fields, undefined);
  }

  async findBy(object: string, field: string, values: string[], fields: string[]): Promise<RemoteRecord[]> {
    const meta = await this.describe(object);
    if (field === 'hs_object_id') return this.getByIds(object, values, fields);
    if (meta.fields.find((f) => f.name === field)?.unique) return this.batchRead(object, values, [...fields, field], field);
    const out: RemoteRecord[] = [];
    for (let i = 0; i < values.length; i += 100) {
      for await (const page of this.read(object, { fields: [...fields, field], where: [{ field, op: 'in', value: values.slice(i, i + 100) }] })) out.push(...page.records);
    }
    return out;
  }

  private async batchRead(object: string, ids: string[], fields: string[], idProperty: string | undefined): Promise<RemoteRecord[]> {
    const modified = modifiedFieldOf(object);
    const out: RemoteRecord[] = [];
    for (let i = 0; i < ids.length; i += 100) {
      const res = await this.api.request<{ results: HubSpotObject[] }>({
        method: 'POST',
        path: `/crm/v3/objects/${encodeURIComponent(object)}/batch/read`,
        json: { properties: [...new Set([...fields, modified])], idProperty, inputs: ids.slice(i, i + 100).map((id) => ({ id })) },
        idempotent: true,
      });
      out.push(...res.body.results.map((o) => toRemote(o, modified)));
    }
    return out;
  }

  async *query(input: NativeQuery, opts: QueryOptions = {}): AsyncIterable<QueryPage> {
    if (input.language !== 'hubspot-search') throw new ValidationError(`HubSpot runs search requests, not ${input.language}.`);
    for await (const page of searchPages(this.api, input.object, input.body, opts.signal)) {
      yield { rows: page.results.map(toRow), total: page.total, done: page.done, capped: page.capped };
    }
  }

  async write(object: string, op: WriteOp, records: WriteInput[], opts: WriteOptions = {}): Promise<WriteResult[]> {
    if (op === 'upsert' && !opts.matchField) throw new ValidationError('An upsert needs a match field (a unique property such as email).', { fields: ['matchField'] });
    const uniqueKeys = (await this.describe(object)).matchFields.filter((f) => f !== 'hs_object_id');
    const limit = this.capabilities.batchLimits[op];
    const out: WriteResult[] = [];
    for (let i = 0; i < records.length; i += limit) out.push(...(await writeBatch(this.api, object, op, records.slice(i, i + limit), uniqueKeys, opts.matchField)));
    return out;
  }

  async associate(links: AssociationInput[]): Promise<WriteResult[]> {
    const results: WriteResult[] = new Array(links.length);
    const groups = new Map<string, number[]>();
    links.forEach((l, i) => groups.set(`${l.from.object}|${l.to.object}`, [...(groups.get(`${l.from.object}|${l.to.object}`) ?? []), i]));
    for (const [key, indexes] of groups) {
      const [from, to] = key.split('|');
      for (let i = 0; i < indexes.length; i += this.capabilities.associationBatchLimit) {
        const chunk = indexes.slice(i, i + this.capabilities.associationBatchLimit);
        const written = await associateBatch(this.api, from, to, chunk.map((j) => links[j]));
        chunk.forEach((j, k) => (results[j] = written[k]));
      }
    }
    return results;
  }

  /**
   * Search sorted by the modified date, `>=` the cursor, ties skipped by id. Past the 10,000
   * search cap a new search starts from the newest date seen.
   */
  async *changes(object: string, opts: ChangesOptions): AsyncIterable<ChangePage> {
    const modified = modifiedFieldOf(object);
    let cursor = decodeCursor(opts.cursor);
    for (;;) {
      const start = cursor;
      const filters = start ? [{ propertyName: modified, operator: 'GTE', value: String(Date.parse(start.ts)) }] : [];
      const body = { filterGroups: filters.length ? [{ filters }] : [], sorts: [{ propertyName: modified, direction: 'ASCENDING' }], properties: [...new Set([...opts.fields, modified])], limit: SEARCH_PAGE };
      let capped = false;
      for await (const page of searchPages(this.api, object, body, opts.signal)) {
        const records = page.results.map((o) => toRemote(o, modified)).filter((r) => !seenAtCursor(start, r, compareIso));
        cursor = advanceCursor(cursor, records, compareIso);
        capped = page.capped;
        yield { records, cursor: cursor ? encodeCursor(cursor) : (opts.cursor ?? ''), done: page.done && !capped };
      }
      // A cap with no progress would loop forever on 10,000 records sharing one timestamp.
      if (!capped || cursor?.ts === start?.ts) return;
    }
  }

  /** Exposed for the rare call the interface does not cover; keeps auth and error mapping. */
  raw(): ApiClient {
    return this.api;
  }

  close(): Promise<void> {
    return this.api.close();
  }
}

function toRemote(o: HubSpotObject, modifiedField: string): RemoteRecord {
  return {
    id: o.id,
    fields: { ...o.properties },
    modifiedAt: o.properties?.[modifiedField] ?? o.updatedAt,
    deleted: o.archived === true ? true : undefined,
  };
}

const toRow = (o: HubSpotObject): Record<string, unknown> => ({ id: o.id, ...o.properties });

