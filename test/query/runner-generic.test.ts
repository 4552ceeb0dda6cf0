import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../main/store/db';
import { createLogger } from '../../main/log/logger';
import { EventBus } from '../../main/services/event-bus';
import { QueryService } from '../../main/query/service';
import { ValidationError } from '../../main/providers/errors';
import type { NativeQuery, ObjectMeta, Provider, ProviderCapabilities, QueryOptions, QueryPage } from '../../main/providers/provider';
import type { RunStatus } from '../../shared/ipc/channels/query';

/**
 * A provider that speaks the 'list-filter' language: the runner must work for any CRM the
 * registry adds, with no branch on its name. Pages come from an in-memory list.
 */
class ListProvider {
  readonly id = 'listcrm';
  readonly connectionId = 'listcrm';
  readonly capabilities = {
    batchLimits: { create: 1, update: 1, upsert: 1 },
    associationBatchLimit: 1,
    queryLanguage: 'list-filter',
    maxPageSize: 50,
    supportsIncludeDeleted: false,
    nativeUpsert: false,
    objectRoles: { person: 'clientes', company: 'empresas', deal: 'vendas' },
  } as unknown as ProviderCapabilities;
  readonly asked: NativeQuery[] = [];
  /** Resolves the page request in flight when set (to test cancel mid-page). */
  gate?: Promise<void>;

  constructor(private readonly rows: Array<Record<string, unknown>>) {}

  async listObjects() {
    return [{ name: 'clientes', label: 'Clientes', custom: false, queryable: true, createable: true, updateable: true }];
  }

  async describe(object: string): Promise<ObjectMeta> {
    if (object !== 'clientes') throw new ValidationError(`No object ${object}`);
    return {
      name: 'clientes',
      label: 'Clientes',
      custom: false,
      queryable: true,
      createable: true,
      updateable: true,
      fields: [],
      idField: 'id',
      modifiedField: 'updated_at',
      matchFields: [],
      listFilters: [
        { name: 'tipo_pessoa', label: 'Tipo de pessoa (person type)', type: 'picklist', options: [{ value: 'PF', label: 'Pessoa física', active: true }, { value: 'PJ', label: 'Pessoa jurídica', active: true }] },
        { name: 'cidade_id', label: 'Cidade (city id)', type: 'integer' },
        { name: 'alterado_desde', label: 'Alterado desde (changed since)', type: 'date' },
      ],
    };
  }

  async *query(input: NativeQuery, opts: QueryOptions = {}): AsyncIterable<QueryPage> {
    this.asked.push(input);
    if (input.language !== 'list-filter') throw new ValidationError('list filters only');
    const wanted = (input.filters ?? []).find((f) => f.name === 'tipo_pessoa')?.value;
    const matching = this.rows.filter((r) => wanted === undefined || r.tipo === wanted);
    const size = opts.pageSize ?? 50;
    for (let i = 0; i < matching.length; i += size) {
      await this.gate;
      yield { rows: matching.slice(i, i + size), done: i + size >= matching.length };
    }
  }
}

describe('the runner with any provider (list-filter language)', () => {
  let db: Db;
  let provider: ListProvider;
  let service: QueryService;
  let events: EventBus;

  beforeEach(() => {
    db = openDatabase(':memory:').db;
    events = new EventBus();
    provider = new ListProvider(Array.from({ length: 120 }, (_, i) => ({ id: i + 1, nome: `Cliente ${i + 1}`, tipo: i % 2 ? 'PJ' : 'PF', email: i === 3 ? '' : null })));
    service = new QueryService({ db, logger: createLogger({ console: false }), events, providers: { provider: async () => provider as unknown as Provider } });
  });
  afterEach(async () => {
    await service.close();
    db.close();
  });

  it('passes named filters to the provider, pages, and counts when the CRM does not', async () => {
    const input = { language: 'list-filter' as const, object: 'clientes', filters: [{ name: 'tipo_pessoa', value: 'PF' }] };
    const first = await service.run({ connectionId: 'listcrm', input, pageSize: 25 });
    expect(provider.asked[0]).toEqual({ language: 'list-filter', object: 'clientes', filters: [{ name: 'tipo_pessoa', value: 'PF' }], fields: undefined });
    expect(first.status).toMatchObject({ loaded: 25, total: null, done: false });
    const done = await service.readAll(first.status.runId);
    expect(done).toMatchObject({ loaded: 60, total: 60, done: true, pages: 3 });
    expect(service.runRows(first.status.runId).columns).toEqual(['id', 'nome', 'tipo', 'email']);
    // Null and empty text stay apart all the way to the cells.
    expect(service.runRows(first.status.runId).rows.slice(0, 2).map((r) => r[3])).toEqual([null, null]);
    const all = await service.run({ connectionId: 'listcrm', input: { language: 'list-filter', object: 'clientes' }, pageSize: 50 });
    await service.readAll(all.status.runId);
    expect(service.runRows(all.status.runId).rows[3][3]).toBe('');
    expect(service.history('listcrm').recent[1].summary).toBe('clientes: tipo_pessoa = PF');
  });

  it('validates filters against what the list endpoint takes', async () => {
    const ds = await service.validate('listcrm', {
      language: 'list-filter',
      object: 'clientes',
      filters: [
        { name: 'tipo_pessoa', value: 'XX' },
        { name: 'cidade_id', value: 'abc' },
        { name: 'alterado_desde', value: '31/01/2026' },
        { name: 'nope', value: '1' },
        { name: 'tipo_pessoa', value: ['PF', 'PJ'] },
      ],
    });
    expect(ds.map((d) => d.message)).toEqual([
      'Tipo de pessoa (person type): “XX” is not one of PF, PJ.',
      'Cidade (city id): “abc” is not a whole number.',
      'Alterado desde (changed since): write dates as YYYY-MM-DD.',
      'Clientes cannot be filtered by “nope” (it takes tipo_pessoa, cidade_id, alterado_desde).',
      'Tipo de pessoa (person type) takes one value.',
    ]);
    expect(await service.validate('listcrm', { language: 'list-filter', object: 'clientes', filters: [{ name: 'tipo_pessoa', value: 'PJ' }] })).toEqual([]);
    const schema = await service.schema('listcrm', 'clientes');
    expect(schema.language).toBe('list-filter');
    expect(schema.listFilters?.map((f) => f.name)).toEqual(['tipo_pessoa', 'cidade_id', 'alterado_desde']);
    expect((await service.starters('listcrm')).map((s) => s.input)).toContainEqual({ language: 'list-filter', object: 'clientes' });
  });

  it('refuses a query in another CRM’s language', async () => {
    await expect(service.run({ connectionId: 'listcrm', input: { language: 'soql', soql: 'SELECT Id FROM Contact' } })).rejects.toThrow('This connection runs list filters, not SOQL.');
  });

  it('cancel answers at once, keeps the page in flight, and more carries on', async () => {
    const statuses: RunStatus[] = [];
    events.subscribe((name, payload) => {
      if (name === 'queryProgress') statuses.push(payload as RunStatus);
    });
    const first = await service.run({ connectionId: 'listcrm', input: { language: 'list-filter', object: 'clientes' }, pageSize: 10, remember: false });
    let release!: () => void;
    provider.gate = new Promise((r) => (release = r));
    await service.more(first.status.runId, true);
    expect(service.status(first.status.runId).state).toBe('loading');
    const cancelled = service.cancel(first.status.runId);
    expect(cancelled).toMatchObject({ state: 'cancelled', loaded: 10 });
    release();
    provider.gate = undefined;
    await waitFor(() => service.status(first.status.runId).loaded === 20);
    await new Promise((r) => setTimeout(r, 30));
    // The page in flight landed; no more were read after the cancel.
    expect(service.status(first.status.runId)).toMatchObject({ state: 'cancelled', loaded: 20, done: false });
    const rest = await service.readAll(first.status.runId);
    expect(rest).toMatchObject({ state: 'done', loaded: 120 });
    const ids = service.runRows(first.status.runId).rows.map((r) => r[0]);
    expect(ids).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect(statuses.some((s) => s.state === 'cancelled')).toBe(true);
  });

  it('forgets the oldest runs beyond eight, and says so when one is asked for', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 9; i++) ids.push((await service.run({ connectionId: 'listcrm', input: { language: 'list-filter', object: 'clientes' }, remember: false })).status.runId);
    expect(() => service.status(ids[0])).toThrow('That result is no longer available: run the query again.');
    expect(service.status(ids[8]).loaded).toBe(50);
  });
});

async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
