import { randomUUID } from 'node:crypto';
import type {
  ChartData, CompletionResult, Diagnostic, ExportResult, HistoryEntry, PullResult, QueryInput, QuerySchema, RunPage, RunStatus, StarterQuery,
} from '../../shared/ipc/channels/query';
import type { Db } from '../store/db';
import type { Logger } from '../log/logger';
import type { EventBus } from '../services/event-bus';
import type { Provider } from '../providers/provider';
import { providerDefinition } from '../providers/registry';
import { deleteQuery, listRecent, listSaved, recordOutcome, recordRun, renameQuery, saveQuery } from '../store/query-history';
import { chartData, type ChartOptions } from './chart-data';
import { exportFilters, exportRows, type ExportFormat, type SaveFile } from './export';
import { prepareQuery } from './prepare';
import { idsOf, pullNotAvailable, type PullTarget } from './pull-records';
import { QueryRun } from './run';
import { startersFor } from './starters';
import { completeSoql } from './soql/complete';
import { loadSoqlParser } from './soql/parser';
import { validateSoql } from './soql/validate';
import { withMetadata } from './soql/with-metadata';
import { validateHubSpotBody } from './hubspot/validate';
import { validatePipedriveFilters } from './pipedrive/filter';
import { validateListFilters } from './list-filter/validate';

export interface QueryServiceDeps {
  db: Db;
  logger: Logger;
  events: EventBus;
  /** Ready provider clients by connection id (the connections service). */
  providers: { provider(connectionId: string): Promise<Provider> };
  /** Electron's save dialog; absent (browser host, tests): exports answer the file content. */
  saveFile?: SaveFile;
  /** The sync engine's pull pipeline. */
  pull?: PullTarget;
}

/** A request the person can fix (unknown run, a query for another CRM). */
export class QueryUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryUsageError';
  }
}

/** Runs kept in memory for paging, export and charts; the oldest idle ones go first. */
const MAX_RUNS = 8;

/**
 * The query runner: runs as jobs with paging, load-all, cancel and progress events; editor
 * help (autocomplete, validation); history and saved queries; export, charts and pulls.
 */
export class QueryService {
  private readonly runs = new Map<string, QueryRun>();

  constructor(private readonly deps: QueryServiceDeps) {}

  // ---- running ---------------------------------------------------------------------------

  async run(req: { connectionId: string; input: QueryInput; includeDeleted?: boolean; pageSize?: number; remember?: boolean }): Promise<RunPage> {
    const provider = await this.providerFor(req.connectionId, req.input);
    const includeDeleted = (req.includeDeleted ?? false) && provider.capabilities.supportsIncludeDeleted;
    const prepared = await prepareQuery(req.input, { pageSize: req.pageSize });
    if (!prepared.ok) return rejected(req.connectionId, req.input, prepared.diagnostics);
    const historyId = req.remember === false ? null : recordRun(this.deps.db, req.connectionId, { input: req.input, includeDeleted });
    const run = new QueryRun({
      id: randomUUID(),
      connectionId: req.connectionId,
      language: req.input.language,
      provider,
      prepared: prepared.query,
      includeDeleted,
      pageSize: req.pageSize,
      historyId,
      crmName: crmName(provider.id),
      onChange: (status) => this.deps.events.emit('queryProgress', status),
      onFinished: (status) => historyId !== null && recordOutcome(this.deps.db, historyId, status.loaded, status.durationMs),
    });
    this.keep(run);
    const page = await run.nextPage();
    const status = run.status();
    if (historyId !== null && !status.done && status.state !== 'failed') recordOutcome(this.deps.db, historyId, status.total ?? status.loaded, status.durationMs);
    return { status, ...page };
  }

  async more(runId: string, all = false): Promise<RunPage> {
    const run = this.get(runId);
    if (all) {
      run.loadAll();
      return { status: run.status(), offset: run.rows.length, rows: [] };
    }
    const page = await run.nextPage();
    return { status: run.status(), ...page };
  }

  rows(runId: string, offset: number, limit: number): RunPage {
    const run = this.get(runId);
    return { status: run.status(), offset, rows: run.slice(offset, limit) };
  }

  cancel(runId: string): RunStatus {
    const run = this.get(runId);
    run.cancel();
    return run.status();
  }

  status(runId: string): RunStatus {
    return this.get(runId).status();
  }

  /** Every row of a run: follows each page until the last one (CLI `--all`, exports of everything). */
  async readAll(runId: string, onPage?: (status: RunStatus) => void): Promise<RunStatus> {
    const run = this.get(runId);
    while (!run.finished) {
      await run.nextPage();
      onPage?.(run.status());
    }
    return run.status();
  }

  runRows(runId: string): { columns: string[]; rows: RunPage['rows'] } {
    const run = this.get(runId);
    return { columns: run.prepared.columns.columns, rows: run.rows };
  }

  // ---- editor help -----------------------------------------------------------------------

  async complete(connectionId: string, text: string, cursor: number): Promise<CompletionResult> {
    const provider = await this.deps.providers.provider(connectionId);
    if (provider.capabilities.queryLanguage !== 'soql') return { from: cursor, to: cursor, options: [] };
    const out = await withMetadata(provider, (snap) => completeSoql(text, Math.min(cursor, text.length), snap));
    return out.result;
  }

  async validate(connectionId: string | undefined, input: QueryInput): Promise<Diagnostic[]> {
    const provider = connectionId ? await this.deps.providers.provider(connectionId) : undefined;
    switch (input.language) {
      case 'soql': {
        const parser = await loadSoqlParser();
        if (!provider) return validateSoql(parser, input.soql, { describe: () => undefined }).diagnostics;
        return (await withMetadata(provider, (snap) => validateSoql(parser, input.soql, snap))).diagnostics;
      }
      case 'hubspot-search':
        return validateHubSpotBody(input.body, provider ? await provider.describe(input.object).catch(() => undefined) : undefined);
      case 'pipedrive-filter':
        return validatePipedriveFilters(input.filters ?? [], provider ? await provider.describe(input.object).catch(() => undefined) : undefined);
      case 'list-filter':
        return validateListFilters(input.filters ?? [], provider ? await provider.describe(input.object).catch(() => undefined) : undefined);
    }
  }

  async schema(connectionId: string, object?: string, refresh = false): Promise<QuerySchema> {
    const provider = await this.deps.providers.provider(connectionId);
    const objects = (await provider.listObjects({ refresh })).filter((o) => o.queryable);
    const meta = object ? await provider.describe(object, { refresh }) : undefined;
    return {
      connectionId,
      provider: provider.id,
      language: provider.capabilities.queryLanguage,
      supportsIncludeDeleted: provider.capabilities.supportsIncludeDeleted && provider.capabilities.queryLanguage === 'soql',
      resultCap: provider.capabilities.queryResultCap ?? null,
      objects: objects.map((o) => ({ name: o.name, label: o.label })).sort((a, b) => a.name.localeCompare(b.name)),
      fields: meta?.fields.map((f) => ({
        name: f.name,
        label: f.label,
        type: f.type,
        picklist: f.picklist?.filter((p) => p.active).map((p) => ({ value: p.value, label: p.label })),
        relationshipName: f.reference?.relationshipName,
        referenceTo: f.reference?.targets,
      })),
      listFilters: meta?.listFilters?.map((f) => ({ ...f, options: f.options?.filter((o) => o.active).map((o) => ({ value: o.value, label: o.label })) })),
    };
  }

  async starters(connectionId: string): Promise<StarterQuery[]> {
    const provider = await this.deps.providers.provider(connectionId);
    return startersFor(provider.capabilities.queryLanguage, provider.capabilities.objectRoles);
  }

  // ---- history -----------------------------------------------------------------------------

  history(connectionId: string): { recent: HistoryEntry[]; saved: HistoryEntry[] } {
    return { recent: listRecent(this.deps.db, connectionId), saved: listSaved(this.deps.db, connectionId) };
  }

  save(req: { connectionId: string; name: string; input: QueryInput; includeDeleted?: boolean }): HistoryEntry {
    return saveQuery(this.deps.db, req.connectionId, req.name, { input: req.input, includeDeleted: req.includeDeleted ?? false });
  }

  rename(id: number, name: string): HistoryEntry {
    const entry = renameQuery(this.deps.db, id, name);
    if (!entry) throw new QueryUsageError('That query is no longer in the history.');
    return entry;
  }

  delete(id: number): boolean {
    return deleteQuery(this.deps.db, id);
  }

  // ---- using results -------------------------------------------------------------------------

  async export(runId: string, format: ExportFormat, rowIndexes?: number[]): Promise<ExportResult> {
    const run = this.get(runId);
    const rows = rowIndexes ? rowIndexes.filter((i) => i < run.rows.length).map((i) => run.rows[i]) : run.rows;
    const file = exportRows(format, run.prepared.columns.columns, rows, run.prepared.object ?? 'query');
    if (!this.deps.saveFile) return { saved: false, path: null, fileName: file.fileName, mimeType: file.mimeType, rows: file.rows, content: file.content };
    const path = await this.deps.saveFile({ defaultName: file.fileName, content: file.content, filters: exportFilters(format) });
    if (path) this.deps.logger.info(`Exported ${file.rows} query rows to ${path}`);
    return { saved: path !== null, path, fileName: file.fileName, mimeType: file.mimeType, rows: file.rows, content: null };
  }

  chart(runId: string, opts: ChartOptions): ChartData {
    const run = this.get(runId);
    return chartData(run.prepared.columns.columns, run.rows, { ...opts, grouped: run.prepared.grouped });
  }

  async pullRecords(runId: string, rowIndexes: number[]): Promise<PullResult> {
    const run = this.get(runId);
    const object = run.prepared.object ?? null;
    const chosen = rowIndexes.filter((i) => i < run.rows.length).map((i) => run.rows[i]);
    const { ids, column } = idsOf(run.prepared.columns.columns, chosen);
    if (!object || run.prepared.grouped) return { accepted: false, queued: 0, object, message: 'Grouped results are not records: run a query that lists records to pull them.' };
    if (!column) return { accepted: false, queued: 0, object, message: 'Add the Id column to the query to pull these rows: records are pulled by their CRM id.' };
    const result = await (this.deps.pull ?? pullNotAvailable).pullRecords({ connectionId: run.connectionId, object, ids });
    return { ...result, object };
  }

  async close(): Promise<void> {
    for (const run of this.runs.values()) run.dispose();
    this.runs.clear();
  }

  // ---- internals -------------------------------------------------------------------------------

  private async providerFor(connectionId: string, input: QueryInput): Promise<Provider> {
    const provider = await this.deps.providers.provider(connectionId);
    if (provider.capabilities.queryLanguage !== input.language) {
      throw new QueryUsageError(`This connection runs ${describeLanguage(provider.capabilities.queryLanguage)}, not ${describeLanguage(input.language)}.`);
    }
    return provider;
  }

  private get(runId: string): QueryRun {
    const run = this.runs.get(runId);
    if (!run) throw new QueryUsageError('That result is no longer available: run the query again.');
    return run;
  }

  private keep(run: QueryRun): void {
    this.runs.set(run.id, run);
    while (this.runs.size > MAX_RUNS) {
      const [oldestId, oldest] = this.runs.entries().next().value as [string, QueryRun];
      oldest.dispose();
      this.runs.delete(oldestId);
    }
  }
}

function crmName(id: string): string {
  try {
    return providerDefinition(id).displayName;
  } catch {
    return 'The CRM';
  }
}

const describeLanguage = (l: QueryInput['language']): string =>
  ({ soql: 'SOQL', 'hubspot-search': 'HubSpot searches', 'pipedrive-filter': 'Pipedrive filters', 'list-filter': 'list filters' })[l];

/** A query that did not pass parsing never reaches the CRM: a failed status with the located errors. */
function rejected(connectionId: string, input: QueryInput, diagnostics: Diagnostic[]): RunPage {
  const first = diagnostics[0];
  return {
    offset: 0,
    rows: [],
    status: {
      runId: '',
      connectionId,
      language: input.language,
      state: 'failed',
      columns: [],
      loaded: 0,
      total: null,
      done: false,
      capped: false,
      notice: null,
      durationMs: 0,
      pages: 0,
      error: first ? `Line ${first.line}, column ${first.column}: ${first.message}` : 'The query is not valid.',
      diagnostics,
      historyId: null,
      grouped: false,
    },
  };
}
