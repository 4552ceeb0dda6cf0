import type { Cell, Diagnostic, QueryLanguage, RunState, RunStatus } from '../../shared/ipc/channels/query';
import type { Provider, QueryPage } from '../providers/provider';
import { crmErrorDiagnostic } from './crm-error';
import type { PreparedQuery } from './prepare';

export interface RunInit {
  id: string;
  connectionId: string;
  language: QueryLanguage;
  provider: Provider;
  prepared: PreparedQuery;
  includeDeleted: boolean;
  pageSize?: number;
  historyId: number | null;
  /** The CRM's name for messages ("HubSpot"). */
  crmName: string;
  /** Every change of state or count (the service turns it into queryProgress events). */
  onChange: (status: RunStatus) => void;
  /** The run read its last page (or was stopped by the CRM's cap). */
  onFinished?: (status: RunStatus) => void;
}

/**
 * One query being read page by page. Pages are read one at a time, in order, whoever asks
 * (the grid scrolling, "load all", the CLI). Cancelling stops after the page in flight; that
 * page is still kept, so a later "more" carries on without losing or repeating rows.
 */
export class QueryRun {
  readonly id: string;
  readonly connectionId: string;
  readonly prepared: PreparedQuery;
  readonly rows: Cell[][] = [];
  private readonly iterator: AsyncIterator<QueryPage>;
  private readonly abort = new AbortController();
  private state: RunState = 'ready';
  private total: number | null = null;
  private done = false;
  private capped = false;
  private notice: string | null = null;
  private error: string | null = null;
  private diagnostics: Diagnostic[] = [];
  private durationMs = 0;
  private pages = 0;
  private chain: Promise<unknown> = Promise.resolve();
  private loadingAll = false;
  readonly startedAt = Date.now();

  constructor(private readonly init: RunInit) {
    this.id = init.id;
    this.connectionId = init.connectionId;
    this.prepared = init.prepared;
    const iterable = init.provider.query(init.prepared.native, { includeDeleted: init.includeDeleted, pageSize: init.pageSize, signal: this.abort.signal });
    this.iterator = iterable[Symbol.asyncIterator]();
  }

  get finished(): boolean {
    return this.done || this.state === 'failed';
  }

  status(): RunStatus {
    return {
      runId: this.id,
      connectionId: this.connectionId,
      language: this.init.language,
      state: this.state,
      columns: this.prepared.columns.columns,
      loaded: this.rows.length,
      total: this.total,
      done: this.done,
      capped: this.capped,
      notice: this.notice,
      durationMs: Math.round(this.durationMs),
      pages: this.pages,
      error: this.error,
      diagnostics: this.diagnostics,
      historyId: this.init.historyId,
      grouped: this.prepared.grouped,
    };
  }

  /** Reads the next page (after any page already being read); answers the rows it added. */
  nextPage(): Promise<{ offset: number; rows: Cell[][] }> {
    this.resume();
    const next = this.chain.then(() => this.readOne());
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** Keeps reading pages in the background until the last one, a failure or cancel. */
  loadAll(): void {
    if (this.loadingAll || this.finished) return;
    this.resume();
    this.loadingAll = true;
    this.setState('loading');
    void (async () => {
      while (this.loadingAll && !this.finished) await this.nextPage();
      this.loadingAll = false;
    })();
  }

  /** Stops after the page in flight. */
  cancel(): void {
    if (this.finished) return;
    this.loadingAll = false;
    this.notice = `Stopped after ${this.rows.length.toLocaleString('en')}${this.total !== null ? ` of ${this.total.toLocaleString('en')}` : ''} rows. Load more to carry on.`;
    this.setState('cancelled');
  }

  private resume(): void {
    if (this.state === 'cancelled') this.notice = null;
  }

  /** Ends the run for good (evicted or the app closing): the provider stops paging. */
  dispose(): void {
    this.loadingAll = false;
    this.abort.abort();
    void this.iterator.return?.().catch(() => undefined);
  }

  slice(offset: number, limit: number): Cell[][] {
    return this.rows.slice(offset, offset + limit);
  }

  private async readOne(): Promise<{ offset: number; rows: Cell[][] }> {
    const offset = this.rows.length;
    if (this.finished) return { offset, rows: [] };
    if (this.state !== 'loading') this.setState('loading', false);
    const started = performance.now();
    try {
      const step = await this.iterator.next();
      this.durationMs += performance.now() - started;
      const added = step.done ? [] : this.take(step.value);
      if (step.done) this.finish();
      else if (step.value.done) this.finish(step.value);
      this.settle();
      return { offset, rows: added };
    } catch (err) {
      this.durationMs += performance.now() - started;
      this.fail(err);
      return { offset, rows: [] };
    }
  }

  private take(page: QueryPage): Cell[][] {
    this.pages++;
    if (page.total !== undefined) this.total = page.total;
    const filter = this.prepared.rowFilter;
    const added: Cell[][] = [];
    for (const row of page.rows) if (!filter || filter(row)) added.push(this.prepared.columns.align(row));
    for (const r of added) this.rows.push(r);
    return added;
  }

  private finish(page?: QueryPage): void {
    this.done = true;
    this.loadingAll = false;
    if (page?.capped) {
      this.capped = true;
      const total = this.total ?? this.rows.length;
      this.notice = `${this.init.crmName}'s search stops at ${this.rows.length.toLocaleString('en')} results: showing ${this.rows.length.toLocaleString('en')} of ${total.toLocaleString('en')}. Narrow the filters (for example by create date) to reach the rest.`;
    } else {
      this.notice = null;
    }
    // Pipedrive lists do not count; a filtered list counts what passed the filter.
    if (this.total === null || this.prepared.rowFilter) this.total = this.rows.length;
  }

  private settle(): void {
    if (this.done) {
      this.setState('done', false);
      this.init.onFinished?.(this.status());
    } else if (!this.loadingAll) {
      this.setState(this.state === 'cancelled' ? 'cancelled' : 'ready', false);
    }
    this.init.onChange(this.status());
  }

  private fail(err: unknown): void {
    this.loadingAll = false;
    this.error = err instanceof Error ? err.message : String(err);
    const located = crmErrorDiagnostic(err, this.prepared.text);
    this.diagnostics = located ? [located] : [];
    if (located) this.error = located.code ? `${located.code}: ${located.message}` : located.message;
    this.setState('failed');
  }

  private setState(state: RunState, emit = true): void {
    this.state = state;
    if (emit) this.init.onChange(this.status());
  }
}
