import { ApiClient } from '../http';
import { AsyncCache } from '../cache';
import { RateTracker, header } from '../rate-info';
import { sharedPacer, type RequestPacer } from '../request-pacer';
import { DuplicateError, FatalError, ValidationError } from '../errors';
import { matchesWhere, writeOneByOne } from '../write-one-by-one';
import type { ClientContext } from '../definition';
import type {
  AccountInfo, ApiUsage, AssociationInput, ChangePage, ChangesOptions, NativeQuery, ObjectMeta, ObjectSummary, Page, PicklistOption, Provider,
  ProviderCapabilities, QueryOptions, QueryPage, ReadOptions, RemoteRecord, WriteInput, WriteOp, WriteOptions, WriteResult,
} from '../provider';
import { mapBlingError } from './errors';
import { OBJECTS, objectInfo, objectMeta, summaryOf, type BlingObject } from './describe';
import { toBody, toRemote } from './records';
import { currentWindow, decodeWindow, encodeWindow } from './change-windows';

export const blingCapabilities: ProviderCapabilities = {
  batchLimits: { create: 1, update: 1, upsert: 1 },
  associationBatchLimit: 1,
  queryLanguage: 'list-filter',
  maxPageSize: 100,
  supportsIncludeDeleted: false,
  nativeUpsert: false,
  // A company buyer is a contato of type J: Bling keeps people and companies together.
  objectRoles: { person: 'contatos', company: 'contatos', deal: 'pedidos' },
  changeTracking: 'incremental',
};

/** Documented: 3 requests per second per account (all apps together); the margin covers arrival jitter. */
const PER_SECOND = 3;
const WINDOW_MS = 1100;
const PAGE = 100;

type Raw = Record<string, unknown>;

const digits = (v: unknown) => String(v ?? '').replace(/\D/g, '');
const fold = (v: unknown) =>
  String(v ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();

interface Search {
  /** The list filter, and whether one request can carry many values (`name[]`). */
  param: string;
  many?: boolean;
  same: (found: unknown, wanted: string) => boolean;
}

/** Fields the list endpoints can filter by; the found value is compared with the one asked for. */
const SEARCHABLE: Record<string, Record<string, Search>> = {
  contatos: {
    email: { param: 'pesquisa', same: (a, b) => fold(a) === fold(b) },
    numeroDocumento: { param: 'numeroDocumento', same: (a, b) => digits(a) !== '' && digits(a) === digits(b) },
    nome: { param: 'pesquisa', same: (a, b) => fold(a) === fold(b) },
    codigo: { param: 'pesquisa', same: (a, b) => String(a ?? '') === b },
  },
  pedidos: {
    numeroLoja: { param: 'numerosLojas[]', many: true, same: (a, b) => String(a ?? '') === b },
    numero: { param: 'numero', same: (a, b) => String(a ?? '') === b.trim() },
    'contato.id': { param: 'idContato', same: (a, b) => String(a ?? '') === b.trim() },
  },
};

/** Bling API v3 (OAuth bearer), paced to its documented 3 requests per second. */
export class BlingProvider implements Provider {
  readonly id = 'bling';
  readonly capabilities = blingCapabilities;
  readonly connectionId: string;
  private readonly api: ApiClient;
  private readonly pacer: RequestPacer;
  private readonly rate = new RateTracker();
  private readonly statuses = new AsyncCache<PicklistOption[]>();
  /** Server clock minus ours, from the Date headers: change windows end by the server's clock. */
  private clockOffsetMs = 0;

  constructor(ctx: ClientContext) {
    this.connectionId = ctx.connectionId;
    // The allowance is the account's: every client of this connection shares one line.
    this.pacer = sharedPacer(`${ctx.connectionId}@${ctx.config.apiBaseUrl}`, PER_SECOND, WINDOW_MS);
    this.api = new ApiClient({
      baseUrl: ctx.config.apiBaseUrl,
      auth: ctx.auth,
      applyAuth: (creds, _url, headers) => {
        headers.authorization = `Bearer ${creds.accessToken}`;
      },
      mapError: mapBlingError,
      beforeSend: () => this.pacer.take(),
      onResponse: ({ status, headers }) => this.observe(status, headers),
    });
  }

  /** Bling sends no rate headers: the window reported is the one the pacer keeps. */
  private observe(status: number, headers: Record<string, string | string[] | undefined>): void {
    if (status === 429) this.pacer.pause(1000);
    const date = Date.parse(header(headers, 'date') ?? '');
    if (!Number.isNaN(date)) this.clockOffsetMs = date - Date.now();
    const info = this.pacer.rateInfo();
    this.rate.report(info, { used: info.max! - info.remaining!, max: info.max!, period: 'window', windowMs: 1000, observedAt: new Date().toISOString() });
  }

  private serverNow(): number {
    return Date.now() + this.clockOffsetMs;
  }

  /** The company's basic data; tokens without that scope still prove themselves on the status list. */
  async account(): Promise<AccountInfo> {
    try {
      const res = await this.api.request<{ data: { id?: string | number; nome?: string; cnpj?: string; email?: string } }>({ method: 'GET', path: 'empresas/me/dados-basicos' });
      const c = res.body.data ?? {};
      return {
        user: c.email || c.nome || 'Bling account',
        orgId: c.id === undefined ? undefined : String(c.id),
        orgName: c.nome,
        details: [...(c.nome ? [{ label: 'Company', value: c.nome }] : []), ...(c.cnpj ? [{ label: 'CNPJ', value: c.cnpj }] : [])],
      };
    } catch (err) {
      if (!(err instanceof FatalError)) throw err;
      await this.api.request({ method: 'GET', path: 'situacoes/modulos' });
      return { user: 'Bling account', details: [] };
    }
  }

  async usage(opts: { refresh?: boolean } = {}): Promise<ApiUsage | undefined> {
    if (opts.refresh || !this.rate.usage) await this.api.request({ method: 'GET', path: 'situacoes/modulos' });
    return this.rate.usage;
  }

  onRateInfo(listener: Parameters<Provider['onRateInfo']>[0]): () => void {
    return this.rate.subscribe(listener);
  }

  async listObjects(): Promise<ObjectSummary[]> {
    return OBJECTS.map(summaryOf);
  }

  async describe(object: string, opts: { refresh?: boolean } = {}): Promise<ObjectMeta> {
    this.info(object);
    return object === 'contatos' ? objectMeta('contatos') : objectMeta('pedidos', await this.saleStatuses(opts.refresh));
  }

  private info(object: string): BlingObject {
    const info = objectInfo(object);
    if (!info) throw new ValidationError(`Bling has no object "${object}" here (use contatos or pedidos).`);
    return info;
  }

  /** The account's sale statuses: the sales module of /situacoes/modulos, then its statuses. */
  private saleStatuses(refresh = false): Promise<PicklistOption[]> {
    return this.statuses.get(
      'vendas',
      async () => {
        const modules = (await this.api.request<{ data: Raw[] }>({ method: 'GET', path: 'situacoes/modulos' })).body.data ?? [];
        const sales = modules.find((m) => fold(m.nome) === 'vendas') ?? modules.find((m) => fold(m.nome).includes('venda'));
        if (!sales) return [];
        const list = (await this.api.request<{ data: Raw[] }>({ method: 'GET', path: `situacoes/modulos/${String(sales.id)}` })).body.data ?? [];
        return list.map((s) => ({ value: String(s.id), label: String(s.nome ?? s.id), active: true }));
      },
      refresh,
    );
  }

  /** `pagina`/`limite` paging without metadata: a short or empty page is the last. */
  private async *pages(info: BlingObject, query: Record<string, string | number | string[] | undefined>, pageSize = PAGE, startPage = 1, signal?: AbortSignal): AsyncGenerator<{ rows: Raw[]; page: number; last: boolean }> {
    const limite = Math.min(Math.max(1, pageSize), PAGE);
    for (let pagina = startPage; ; pagina++) {
      signal?.throwIfAborted();
      const res = await this.api.request<{ data?: Raw[] }>({ method: 'GET', path: info.path, query: { ...query, pagina, limite } });
      const rows = res.body.data ?? [];
      const last = rows.length < limite;
      yield { rows, page: pagina, last };
      if (last) return;
    }
  }

  /** List rows hold a few fields; when more are asked for, each record is read by id. */
  private async complete(info: BlingObject, rows: Raw[], fields: string[] | undefined, signal?: AbortSignal): Promise<RemoteRecord[]> {
    const needsDetail = (fields ?? []).some((f) => f && f !== 'dataAlteracao' && !info.listFields.includes(f));
    if (!needsDetail) return rows.map(toRemote);
    const out: RemoteRecord[] = [];
    for (const row of rows) {
      signal?.throwIfAborted();
      const detail = await this.getRaw(info, String(row.id));
      if (detail) out.push(toRemote(detail));
    }
    return out;
  }

  async *read(object: string, opts: ReadOptions): AsyncIterable<Page<RemoteRecord>> {
    const info = this.info(object);
    const where = opts.where ?? [];
    const fields = [...opts.fields, ...where.map((w) => w.field)];
    for await (const p of this.pages(info, {}, opts.pageSize, 1, opts.signal)) {
      const records = (await this.complete(info, p.rows, fields, opts.signal)).filter((r) => where.every((w) => matchesWhere(r.fields[w.field], w.op, w.value)));
      yield { records, done: p.last };
    }
  }

  async getByIds(object: string, ids: string[]): Promise<RemoteRecord[]> {
    const info = this.info(object);
    const out: RemoteRecord[] = [];
    for (const id of ids) {
      const raw = await this.getRaw(info, id);
      if (raw) out.push(toRemote(raw));
    }
    return out;
  }

  private async getRaw(info: BlingObject, id: string): Promise<Raw | undefined> {
    try {
      const res = await this.api.request<{ data: Raw }>({ method: 'GET', path: `${info.path}/${encodeURIComponent(id)}` });
      return res.body.data && typeof res.body.data === 'object' ? res.body.data : undefined;
    } catch (err) {
      if (err instanceof FatalError && err.status === 404) return undefined;
      throw err;
    }
  }

  /** By a list filter where Bling has one (e-mail through `pesquisa`, CPF/CNPJ, store order numbers), else by reading every record. */
  async findBy(object: string, field: string, values: string[], fields: string[] = []): Promise<RemoteRecord[]> {
    const info = this.info(object);
    if (field === 'id') return this.getByIds(object, values);
    const search = SEARCHABLE[object]?.[field];
    const out = new Map<string, RemoteRecord>();
    const keep = (records: RemoteRecord[], wanted: string[]) => {
      for (const r of records) if (wanted.some((w) => (search ? search.same(r.fields[field], w) : fold(r.fields[field]) === fold(w)))) out.set(r.id, r);
    };
    if (!search) {
      for await (const p of this.pages(info, {})) keep(await this.complete(info, p.rows, [field, ...fields]), values);
      return [...out.values()];
    }
    const groups = search.many ? chunk(values, 20) : values.map((v) => [v]);
    for (const group of groups) {
      const query = { [search.param]: search.many ? group : group[0] };
      for await (const p of this.pages(info, query)) keep(await this.complete(info, p.rows, [field, ...fields]), group);
    }
    return [...out.values()];
  }

  async *query(input: NativeQuery, opts: QueryOptions = {}): AsyncIterable<QueryPage> {
    if (input.language !== 'list-filter') throw new ValidationError(`Bling runs list filters, not ${input.language}.`);
    const info = this.info(input.object);
    const meta = await this.describe(input.object);
    const params: Record<string, string | string[]> = {};
    for (const f of input.filters ?? []) {
      const known = meta.listFilters?.find((l) => l.name === f.name || l.name === `${f.name}[]`);
      if (!known) throw new ValidationError(`Bling cannot filter ${input.object} by "${f.name}" (filters: ${meta.listFilters?.map((l) => l.name).join(', ')}).`, { fields: [f.name] });
      params[known.name] = known.multiple && !Array.isArray(f.value) ? [f.value] : f.value;
    }
    const pick = (row: Raw) => (input.fields?.length ? Object.fromEntries(input.fields.map((f) => [f, row[f] ?? null])) : row);
    for await (const p of this.pages(info, params, opts.pageSize, 1, opts.signal)) {
      const records = await this.complete(info, p.rows, input.fields, opts.signal);
      yield { rows: records.map((r) => pick(r.fields)), done: p.last };
    }
  }

  /** One record per request (Bling has no batch writes); upsert looks the match key up first. */
  async write(object: string, op: WriteOp, records: WriteInput[], opts: WriteOptions = {}): Promise<WriteResult[]> {
    const info = this.info(object);
    return writeOneByOne(records, (r) => this.writeOne(info, op, r, opts.matchField));
  }

  private async writeOne(info: BlingObject, op: WriteOp, r: WriteInput, matchField?: string): Promise<WriteResult> {
    if (op === 'create') return { ok: true, id: await this.create(info, r.fields), created: true };
    if (op === 'update') {
      if (!r.id) throw new ValidationError('An update needs the record id.', { fields: ['id'] });
      await this.update(info, r.id, r.fields);
      return { ok: true, id: r.id, created: false };
    }
    if (!matchField) throw new ValidationError('An upsert needs a match field (id, email, numeroDocumento or numeroLoja).', { fields: ['matchField'] });
    const key = matchField === 'id' ? r.id : r.fields[matchField];
    if (key === undefined || key === null || key === '') throw new ValidationError(`${matchField} is empty, so the record cannot be matched.`, { fields: [matchField] });
    const found = await this.match(info, matchField, String(key), r.fields);
    if (found.length > 1) throw new DuplicateError(`${found.length} Bling ${info.name} have ${matchField} "${String(key)}".`, { fields: [matchField], existingIds: found.map((f) => f.id) });
    if (found.length === 1) {
      await this.update(info, found[0].id, r.fields);
      return { ok: true, id: found[0].id, created: false };
    }
    return { ok: true, id: await this.create(info, r.fields), created: true };
  }

  /** By the match key; a contact not found by e-mail is looked for by the CPF/CNPJ the record carries. */
  private async match(info: BlingObject, field: string, value: string, fields: Raw): Promise<RemoteRecord[]> {
    const found = await this.findBy(info.name, field, [value]);
    if (found.length || info.name !== 'contatos' || field !== 'email' || !digits(fields.numeroDocumento)) return found;
    return this.findBy(info.name, 'numeroDocumento', [String(fields.numeroDocumento)]);
  }

  private async create(info: BlingObject, fields: Raw): Promise<string> {
    const prepared = await this.resolveNames(info, fields);
    if (info.name === 'contatos' && !prepared.tipo) {
      // Bling checks the document against the person type: a CNPJ (14 digits) makes a company.
      prepared.tipo = digits(prepared.numeroDocumento).length === 14 ? 'J' : 'F';
    }
    const res = await this.api.request<{ data: { id: number | string } }>({ method: 'POST', path: info.path, json: toBody(prepared) });
    return String(res.body.data.id);
  }

  /** Bling's PUT replaces the record whole: the stored record is read and the mapping's fields laid over it. */
  private async update(info: BlingObject, id: string, fields: Raw): Promise<void> {
    const current = await this.getRaw(info, id);
    if (!current) throw new FatalError(`Bling has no ${info.name} ${id} (deleted?).`, { code: 'NOT_FOUND', status: 404 });
    const body = toBody(await this.resolveNames(info, fields), current);
    await this.api.request({ method: 'PUT', path: `${info.path}/${encodeURIComponent(id)}`, json: body, idempotent: true });
  }

  /** `situacao.nome` → the account's `situacao.id` (sale status ids differ per account). */
  private async resolveNames(info: BlingObject, fields: Raw): Promise<Raw> {
    const { 'situacao.nome': name, ...rest } = fields;
    if (info.name !== 'pedidos' || typeof name !== 'string' || !name.trim()) return rest;
    const find = (list: PicklistOption[]) => list.find((s) => fold(s.label) === fold(name));
    const hit = find(await this.saleStatuses()) ?? find(await this.saleStatuses(true));
    if (!hit) {
      const known = (await this.saleStatuses()).map((s) => s.label).join(', ');
      throw new ValidationError(`"${name}" is not a sale status of this Bling account (statuses: ${known}).`, { fields: ['situacao.nome'] });
    }
    return { ...rest, 'situacao.id': hit.value };
  }

  /** An order points to its customer through contato.id; nothing else links in Bling. */
  async associate(links: AssociationInput[]): Promise<WriteResult[]> {
    const results: WriteResult[] = [];
    for (const link of links) {
      if (link.from.object !== 'pedidos' || link.to.object !== 'contatos') {
        results.push({ ok: false, error: { kind: 'validation', code: 'NO_RELATIONSHIP', message: `${link.from.object} cannot be linked to ${link.to.object} in Bling.`, fields: [] } });
        continue;
      }
      const [written] = await this.write('pedidos', 'update', [{ id: link.from.id, fields: { 'contato.id': link.to.id } }]);
      results.push(written);
    }
    return results;
  }

  /**
   * What changed since the cursor, by `dataAlteracao` windows that end at the server's now (the
   * records carry no modification time). The first pull lists everything. Pages carry the
   * cursor of the window in progress, so an interrupted pull resumes at the next page.
   */
  async *changes(object: string, opts: ChangesOptions): AsyncIterable<ChangePage> {
    const info = this.info(object);
    let cursor = decodeWindow(opts.cursor);
    for (;;) {
      const w = currentWindow(cursor, this.serverNow());
      const query = w.since ? { dataAlteracaoInicial: w.since, dataAlteracaoFinal: w.until } : {};
      for await (const p of this.pages(info, query, opts.pageSize, w.page, opts.signal)) {
        const records = (await this.complete(info, p.rows, opts.fields, opts.signal)).filter((r) => opts.includeDeleted || !r.deleted);
        const next = p.last ? { since: w.until } : { since: w.since, until: w.until, page: p.page + 1 };
        yield { records, cursor: encodeWindow(next), done: p.last && !w.more };
        if (p.last) cursor = next;
      }
      if (!w.more) return;
    }
  }

  close(): Promise<void> {
    return this.api.close();
  }
}

const chunk = <T>(items: T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
