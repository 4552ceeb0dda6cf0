import { ApiClient } from '../http';
import { AsyncCache } from '../cache';
import { RateTracker } from '../rate-info';
import { sharedPacer, type RequestPacer } from '../request-pacer';
import { DuplicateError, FatalError, ValidationError } from '../errors';
import { matchesWhere, writeOneByOne } from '../write-one-by-one';
import type { ClientContext } from '../definition';
import type {
  AccountInfo, ApiUsage, AssociationInput, ChangePage, ChangesOptions, NativeQuery, ObjectMeta, ObjectSummary, Page, PicklistOption, Provider,
  ProviderCapabilities, QueryOptions, QueryPage, ReadOptions, RemoteRecord, WriteInput, WriteOp, WriteOptions, WriteResult,
} from '../provider';
import { mapGestaoClickError } from './errors';
import { OBJECTS, isObject, objectMeta, type VendaLists } from './describe';
import { toBody, toFields, toRemote } from './records';

export const gestaoClickCapabilities: ProviderCapabilities = {
  batchLimits: { create: 1, update: 1, upsert: 1 },
  associationBatchLimit: 1,
  queryLanguage: 'list-filter',
  maxPageSize: 100,
  supportsIncludeDeleted: false,
  nativeUpsert: false,
  // A company buyer is a cliente of type PJ: GestãoClick keeps people and companies together.
  objectRoles: { person: 'clientes', company: 'clientes', deal: 'vendas' },
  changeTracking: 'reconcile',
};

/** Documented: 3 requests per second per company; the margin covers arrival jitter. */
const PER_SECOND = 3;
const WINDOW_MS = 1100;

type Raw = Record<string, unknown>;
interface GcList {
  data?: Raw[];
  meta?: { total_registros?: number | string; proxima_pagina?: number | string | null };
}

const digits = (v: unknown) => String(v ?? '').replace(/\D/g, '');
const fold = (v: unknown) =>
  String(v ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();

/** Fields the list endpoints can filter by, and how a found value is compared with the one asked for. */
const SEARCHABLE: Record<string, Record<string, { param: string; same: (a: unknown, b: string) => boolean }>> = {
  clientes: {
    email: { param: 'email', same: (a, b) => fold(a) === fold(b) },
    cpf: { param: 'cpf_cnpj', same: (a, b) => digits(a) !== '' && digits(a) === digits(b) },
    cnpj: { param: 'cpf_cnpj', same: (a, b) => digits(a) !== '' && digits(a) === digits(b) },
    nome: { param: 'nome', same: (a, b) => fold(a) === fold(b) },
  },
  vendas: {
    codigo: { param: 'codigo', same: (a, b) => String(a) === b.trim() },
    cliente_id: { param: 'cliente_id', same: (a, b) => String(a) === b.trim() },
  },
};

/** GestãoClick's REST API (token pair in two headers), paced to its documented 3 requests per second. */
export class GestaoClickProvider implements Provider {
  readonly id = 'gestaoclick';
  readonly capabilities = gestaoClickCapabilities;
  readonly connectionId: string;
  private readonly api: ApiClient;
  private readonly host: string;
  private readonly pacer: RequestPacer;
  private readonly rate = new RateTracker();
  private readonly lists = new AsyncCache<VendaLists & { defaultStatus?: string }>();

  constructor(ctx: ClientContext) {
    this.connectionId = ctx.connectionId;
    // The allowance is the account's: every client of this connection shares one line.
    this.pacer = sharedPacer(`${ctx.connectionId}@${ctx.config.apiBaseUrl}`, PER_SECOND, WINDOW_MS);
    this.host = new URL(ctx.config.apiBaseUrl).host;
    this.api = new ApiClient({
      baseUrl: ctx.config.apiBaseUrl,
      auth: ctx.auth,
      applyAuth: (creds, _url, headers) => {
        headers['access-token'] = creds.accessToken;
        headers['secret-access-token'] = creds.secretToken ?? '';
      },
      mapError: mapGestaoClickError,
      beforeSend: () => this.pacer.take(),
      onResponse: ({ status }) => this.observe(status),
    });
  }

  /** GestãoClick sends no rate headers: the window reported is the one the pacer keeps. */
  private observe(status: number): void {
    if (status === 429) this.pacer.pause(1000);
    const info = this.pacer.rateInfo();
    this.rate.report(info, { used: info.max! - info.remaining!, max: info.max!, period: 'window', windowMs: 1000, observedAt: new Date().toISOString() });
  }

  async account(): Promise<AccountInfo> {
    const res = await this.api.request<GcList>({ method: 'GET', path: 'situacoes_vendas', query: { limite: 1 } });
    return {
      user: 'GestãoClick API user',
      instanceUrl: this.host,
      details: [
        { label: 'API', value: this.host },
        { label: 'Sale statuses', value: String(res.body.meta?.total_registros ?? res.body.data?.length ?? 0) },
      ],
    };
  }

  async usage(opts: { refresh?: boolean } = {}): Promise<ApiUsage | undefined> {
    if (opts.refresh || !this.rate.usage) await this.api.request({ method: 'GET', path: 'situacoes_vendas', query: { limite: 1 } });
    return this.rate.usage;
  }

  onRateInfo(listener: Parameters<Provider['onRateInfo']>[0]): () => void {
    return this.rate.subscribe(listener);
  }

  async listObjects(): Promise<ObjectSummary[]> {
    return OBJECTS;
  }

  async describe(object: string, opts: { refresh?: boolean } = {}): Promise<ObjectMeta> {
    this.check(object);
    if (object === 'clientes') return objectMeta('clientes');
    return objectMeta('vendas', await this.accountLists(opts.refresh));
  }

  private check(object: string): void {
    if (!isObject(object)) throw new ValidationError(`GestãoClick has no object "${object}" here (use clientes or vendas).`);
  }

  /** The account's sale statuses and payment methods (ids differ per account). */
  private accountLists(refresh = false): Promise<VendaLists & { defaultStatus?: string }> {
    return this.lists.get(
      'lists',
      async () => {
        const statuses: Raw[] = [];
        for await (const p of this.pages('situacoes_vendas', {})) statuses.push(...p.rows);
        const methods: Raw[] = [];
        for await (const p of this.pages('formas_pagamentos', {})) methods.push(...p.rows);
        const opt = (r: Raw): PicklistOption => ({ value: String(r.id), label: String(r.nome ?? r.id), active: true, default: r.padrao === '1' || r.padrao === 1 ? true : undefined });
        return {
          situacoes: statuses.map(opt),
          formasPagamento: methods.map(opt),
          defaultStatus: String(statuses.find((s) => s.padrao === '1' || s.padrao === 1)?.id ?? statuses[0]?.id ?? ''),
        };
      },
      refresh,
    );
  }

  /** `pagina` paging; the last page has no `proxima_pagina` (or comes back short). */
  private async *pages(path: string, query: Record<string, string | number | string[] | undefined>, pageSize = 100, startPage = 1, signal?: AbortSignal): AsyncGenerator<{ rows: Raw[]; total?: number; page: number; last: boolean }> {
    const limite = Math.min(Math.max(1, pageSize), 100);
    for (let pagina = startPage; ; pagina++) {
      signal?.throwIfAborted();
      const res = await this.api.request<GcList>({ method: 'GET', path, query: { ...query, pagina, limite } });
      const rows = res.body.data ?? [];
      const meta = res.body.meta;
      const last = meta && 'proxima_pagina' in meta ? meta.proxima_pagina === null || meta.proxima_pagina === undefined || meta.proxima_pagina === '' : rows.length < limite;
      const total = meta?.total_registros === undefined ? undefined : Number(meta.total_registros);
      yield { rows, total: Number.isFinite(total) ? total : undefined, page: pagina, last: last || rows.length === 0 };
      if (last || rows.length === 0) return;
    }
  }

  async *read(object: string, opts: ReadOptions): AsyncIterable<Page<RemoteRecord>> {
    this.check(object);
    const where = opts.where ?? [];
    for await (const p of this.pages(object, {}, opts.pageSize, 1, opts.signal)) {
      const records = p.rows.map(toRemote).filter((r) => where.every((w) => matchesWhere(r.fields[w.field], w.op, w.value)));
      yield { records, total: where.length ? undefined : p.total, done: p.last };
    }
  }

  async getByIds(object: string, ids: string[]): Promise<RemoteRecord[]> {
    this.check(object);
    const out: RemoteRecord[] = [];
    for (const id of ids) {
      const raw = await this.getRaw(object, id);
      if (raw) out.push(toRemote(raw));
    }
    return out;
  }

  private async getRaw(object: string, id: string): Promise<Raw | undefined> {
    try {
      const res = await this.api.request<{ data: Raw }>({ method: 'GET', path: `${object}/${encodeURIComponent(id)}` });
      return res.body.data && typeof res.body.data === 'object' ? res.body.data : undefined;
    } catch (err) {
      if (err instanceof FatalError && err.status === 404) return undefined;
      throw err;
    }
  }

  /** By a filter the list endpoint has (email, CPF/CNPJ, name, order number), else by reading every record. */
  async findBy(object: string, field: string, values: string[]): Promise<RemoteRecord[]> {
    this.check(object);
    if (field === 'id') return this.getByIds(object, values);
    const search = SEARCHABLE[object]?.[field];
    const out = new Map<string, RemoteRecord>();
    if (search) {
      for (const value of values) {
        for await (const p of this.pages(object, { [search.param]: value })) {
          for (const r of p.rows.map(toRemote)) if (search.same(r.fields[field], value)) out.set(r.id, r);
        }
      }
      return [...out.values()];
    }
    const wanted = new Set(values.map(fold));
    for await (const p of this.pages(object, {})) for (const r of p.rows.map(toRemote)) if (wanted.has(fold(r.fields[field]))) out.set(r.id, r);
    return [...out.values()];
  }

  async *query(input: NativeQuery, opts: QueryOptions = {}): AsyncIterable<QueryPage> {
    if (input.language !== 'list-filter') throw new ValidationError(`GestãoClick runs list filters, not ${input.language}.`);
    const meta = await this.describe(input.object);
    const params: Record<string, string | string[]> = {};
    for (const f of input.filters ?? []) {
      if (!meta.listFilters?.some((l) => l.name === f.name)) {
        throw new ValidationError(`GestãoClick cannot filter ${input.object} by "${f.name}" (filters: ${meta.listFilters?.map((l) => l.name).join(', ')}).`, { fields: [f.name] });
      }
      params[f.name] = f.value;
    }
    const pick = (row: Raw) => (input.fields?.length ? Object.fromEntries(input.fields.map((f) => [f, row[f] ?? null])) : row);
    for await (const p of this.pages(input.object, params, opts.pageSize, 1, opts.signal)) {
      yield { rows: p.rows.map((r) => pick(toFields(r))), total: p.total, done: p.last };
    }
  }

  /** One record per request (GestãoClick has no batch writes); upsert looks the match key up first. */
  async write(object: string, op: WriteOp, records: WriteInput[], opts: WriteOptions = {}): Promise<WriteResult[]> {
    this.check(object);
    return writeOneByOne(records, (r) => this.writeOne(object, op, r, opts.matchField));
  }

  private async writeOne(object: string, op: WriteOp, r: WriteInput, matchField?: string): Promise<WriteResult> {
    if (op === 'create') return { ok: true, id: await this.create(object, r.fields), created: true };
    if (op === 'update') {
      if (!r.id) throw new ValidationError('An update needs the record id.', { fields: ['id'] });
      await this.update(object, r.id, r.fields);
      return { ok: true, id: r.id, created: false };
    }
    if (!matchField) throw new ValidationError('An upsert needs a match field (id, email, cpf, cnpj or codigo).', { fields: ['matchField'] });
    const key = matchField === 'id' ? r.id : r.fields[matchField];
    if (key === undefined || key === null || key === '') throw new ValidationError(`${matchField} is empty, so the record cannot be matched.`, { fields: [matchField] });
    const found = await this.match(object, matchField, String(key), r.fields);
    if (found.length > 1) throw new DuplicateError(`${found.length} GestãoClick ${object} have ${matchField} "${String(key)}".`, { fields: [matchField], existingIds: found.map((f) => f.id) });
    if (found.length === 1) {
      await this.update(object, found[0].id, r.fields);
      return { ok: true, id: found[0].id, created: false };
    }
    return { ok: true, id: await this.create(object, r.fields), created: true };
  }

  /** By the match key; a customer not found by e-mail is looked for by the CPF/CNPJ the record carries. */
  private async match(object: string, field: string, value: string, fields: Record<string, unknown>): Promise<RemoteRecord[]> {
    const found = await this.findBy(object, field, [value]);
    if (found.length || object !== 'clientes' || field !== 'email') return found;
    for (const doc of ['cpf', 'cnpj'] as const) {
      if (digits(fields[doc])) return this.findBy(object, doc, [String(fields[doc])]);
    }
    return [];
  }

  private async create(object: string, fields: Record<string, unknown>): Promise<string> {
    const body = await this.complete(object, toBody(fields));
    const res = await this.api.request<{ data: Raw }>({ method: 'POST', path: object, json: body });
    return String(res.body.data.id);
  }

  /** PUT requires the same fields as POST: those the mapping leaves out come from the stored record. */
  private async update(object: string, id: string, fields: Record<string, unknown>): Promise<void> {
    const current = await this.getRaw(object, id);
    if (!current) throw new FatalError(`GestãoClick has no ${object} ${id} (deleted?).`, { code: 'NOT_FOUND', status: 404 });
    const body = await this.complete(object, toBody(fields, current), current);
    await this.api.request({ method: 'PUT', path: `${object}/${encodeURIComponent(id)}`, json: body, idempotent: true });
  }

  /** Fills what GestãoClick requires: the person type from the document, the sale status by name or the account default. */
  private async complete(object: string, body: Raw, current?: Raw): Promise<Raw> {
    const required = object === 'clientes' ? ['tipo_pessoa', 'nome'] : ['cliente_id', 'situacao_id', 'data'];
    for (const f of required) if ((body[f] === undefined || body[f] === null || body[f] === '') && current?.[f] !== undefined) body[f] = current[f];
    if (object === 'clientes') {
      if (!body.tipo_pessoa) body.tipo_pessoa = digits(body.cnpj) ? 'PJ' : 'PF';
      return body;
    }
    const { nome_situacao: name, ...rest } = body;
    if (typeof name === 'string' && name.trim()) rest.situacao_id = await this.statusIdByName(name);
    if (!rest.situacao_id) rest.situacao_id = (await this.accountLists()).defaultStatus;
    return rest;
  }

  private async statusIdByName(name: string): Promise<string> {
    const { situacoes } = await this.accountLists();
    const hit = situacoes.find((s) => fold(s.label) === fold(name)) ?? (await this.accountLists(true)).situacoes.find((s) => fold(s.label) === fold(name));
    if (!hit) throw new ValidationError(`"${name}" is not a sale status of this GestãoClick account (statuses: ${situacoes.map((s) => s.label).join(', ')}).`, { fields: ['nome_situacao'] });
    return hit.value;
  }

  /** A sale points to its customer through cliente_id; nothing else links in GestãoClick. */
  async associate(links: AssociationInput[]): Promise<WriteResult[]> {
    const results: WriteResult[] = [];
    for (const link of links) {
      if (link.from.object !== 'vendas' || link.to.object !== 'clientes') {
        results.push({ ok: false, error: { kind: 'validation', code: 'NO_RELATIONSHIP', message: `${link.from.object} cannot be linked to ${link.to.object} in GestãoClick.`, fields: [] } });
        continue;
      }
      const [written] = await this.write('vendas', 'update', [{ id: link.from.id, fields: { cliente_id: link.to.id } }]);
      results.push(written);
    }
    return results;
  }

  /**
   * GestãoClick cannot list what changed (no modification time, no filter), so each pull reads
   * every record again (reconcile) and the merge keeps only real differences. The cursor holds
   * the next page of the scan in progress; a finished scan starts over.
   */
  async *changes(object: string, opts: ChangesOptions): AsyncIterable<ChangePage> {
    this.check(object);
    const resume = decodeScan(opts.cursor);
    const scan = resume.page ? resume.scan : new Date().toISOString();
    for await (const p of this.pages(object, {}, opts.pageSize, resume.page ?? 1, opts.signal)) {
      const cursor = p.last ? JSON.stringify({ complete: scan }) : JSON.stringify({ scan, page: p.page + 1 });
      yield { records: p.rows.map(toRemote), cursor, done: p.last };
    }
  }

  close(): Promise<void> {
    return this.api.close();
  }
}

function decodeScan(cursor: string | undefined): { scan: string; page?: number } {
  if (!cursor) return { scan: new Date().toISOString() };
  try {
    const c = JSON.parse(cursor) as { scan?: string; page?: number };
    if (typeof c.scan === 'string' && Number.isInteger(c.page) && c.page! > 0) return { scan: c.scan, page: c.page };
  } catch {
    // Not a scan cursor: start a new scan.
  }
  return { scan: new Date().toISOString() };
}
