import type { Db } from '../../store/db';
import type { Logger } from '../../log/logger';
import type { EventBus } from '../../services/event-bus';
import type { Provider } from '../../providers/provider';
import { isProviderError } from '../../providers/errors';
import { appendAudit } from '../../store/audit-log';
import { getConnection, listConnections } from '../../store/connections';
import {
  getRun, listConflicts, listRunRecords, listRuns, markInterruptedRuns, type RecordOutcome, type RunStatus,
} from '../../store/sync-runs';
import type { ConflictView, DryRunReport, QueueItemView, QueueOverview, RunRecordView, SyncRun, SyncTargetView } from '../../../shared/ipc/channels/sync';
import type { SyncDirection } from '../../../shared/ipc/channels/schedule';
import type { RunOutcome, RunRequestOptions, SyncRunner } from '../../schedule/sync-runner';
import { RateLimiters } from '../rate-limit/registry';
import type { BackoffPolicy } from '../queue/backoff';
import { createOwnerId, isOwnerAlive } from '../queue/owner';
import { cancelAll, cancelItems, retryAll, retryItems } from '../queue/manage';
import { errorGroups, listItems, queueCounts, throughput } from '../queue/read';
import type { QueueState } from '../queue/types';
import { RunRecorder, toRunView } from '../runs/recorder';
import type { CallContext } from './calls';
import { callWithRetry } from './calls';
import { loadRecords, recordLabel } from './local-records';
import { runResultsCsv } from '../results/results-csv';
import { loadTargets, resolveObjectFilter, usable, type SyncTarget } from './targets';
import { runPush } from '../push/push-run';
import { dryRun } from '../push/dry-run';
import { pullable, pullByIds, pullObject } from '../pull/pull-run';
import { assertPushAllowed } from '../preflight/push-gate';

/** A push or pull of the same connection is already running. */
export class SyncBusyError extends Error {
  constructor(
    readonly runId: number,
    kind: string,
    connectionId: string,
  ) {
    super(`A ${kind} of ${connectionId} is already running (run ${runId}); wait for it or cancel it.`);
    this.name = 'SyncBusyError';
  }
}

/** A request the engine cannot act on as asked (unknown object, nothing mapped). */
export class SyncUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SyncUsageError';
  }
}

export interface SyncProviders {
  provider(target: string): Promise<Provider>;
  resolveId(target: string): string;
}

export interface SyncServiceDeps {
  db: Db;
  logger: Logger;
  events: EventBus;
  connections: SyncProviders;
  /** Knobs for tests and benches. */
  backoff?: BackoffPolicy;
  patienceMs?: number;
  leaseMs?: number;
  workers?: number;
}

export interface PushStart {
  connectionId: string;
  object?: string;
  ids?: number[];
  all?: boolean;
  trigger: string;
  signal?: AbortSignal;
}

export interface PullStart {
  connectionId: string;
  object?: string;
  createPeople?: boolean;
  trigger: string;
  signal?: AbortSignal;
}

interface Running {
  runId: number;
  kind: 'push' | 'pull';
  connectionId: string;
  controller: AbortController;
  done: Promise<SyncRun>;
}

const QUEUE_EVENT_MS = 250;

/**
 * The sync engine as the app, CLI and scheduler use it: push (enqueue what changed, drain the
 * queue per connection), pull (incremental, with conflict policy), dry runs, the queue monitor
 * and its actions, runs with per-record results, and conflicts.
 */
export class SyncService implements SyncRunner {
  // Four requests in flight from the start: batches of 100-200 records keep a CRM busy without bursting its window.
  private readonly limiters = new RateLimiters({ initialConcurrency: 4 });
  private readonly clients = new Map<string, Provider>();
  private readonly running = new Map<number, Running>();
  private lastQueueEvent = 0;
  private queueTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly deps: SyncServiceDeps) {
    const stale = markInterruptedRuns(deps.db, isOwnerAlive);
    if (stale.length) deps.logger.warn(`Sync runs ${stale.join(', ')} were interrupted by a crash or kill; their queued work continues in the next run.`);
  }

  // ---- push / pull ------------------------------------------------------------------------------

  async startPush(req: PushStart): Promise<{ run: SyncRun; done: Promise<SyncRun> }> {
    return this.start('push', req.connectionId, req.object, req.trigger, req.signal, async (ctx) => {
      await assertPushAllowed(ctx, req.object);
      const filter = this.filter(ctx.targets, req.object);
      const res = await runPush(
        { ...ctx, onlyObjects: filter.objects, backoff: this.deps.backoff, leaseMs: this.deps.leaseMs, patienceMs: this.deps.patienceMs },
        { kinds: filter.kinds, ids: req.ids, all: req.all, workers: this.deps.workers, onSettled: () => this.queueChanged() },
      );
      return res.waiting > 0 ? `${res.waiting} record(s) wait in the queue for a retry.` : '';
    });
  }

  async push(req: PushStart): Promise<SyncRun> {
    return (await this.startPush(req)).done;
  }

  async startPull(req: PullStart): Promise<{ run: SyncRun; done: Promise<SyncRun> }> {
    return this.start('pull', req.connectionId, req.object, req.trigger, req.signal, async (ctx) => {
      const filter = this.filter(ctx.targets, req.object);
      const objects = ctx.targets.filter((t) => pullable(t) && filter.kinds.includes(t.localKind) && (!filter.objects || filter.objects.includes(t.object)));
      if (objects.length === 0) throw new SyncUsageError(`Nothing to pull${req.object ? ` for ${req.object}` : ''}: no enabled mapping pulls any field.`);
      for (const target of objects) {
        if (ctx.signal.aborted) break;
        ctx.recorder.setPhase(`pull ${target.object}`);
        await pullObject({ ...ctx, createPeople: req.createPeople ?? false }, target);
      }
      this.queueChanged();
      return '';
    });
  }

  async pull(req: PullStart): Promise<SyncRun> {
    return (await this.startPull(req)).done;
  }

  /** What a push would do, without writing to the CRM. */
  async dryRun(req: { connectionId: string; object?: string; all?: boolean; samples?: number }): Promise<DryRunReport> {
    const connectionId = this.deps.connections.resolveId(req.connectionId);
    const provider = await this.client(connectionId);
    const call = this.callContext(provider);
    const targets = await this.targetsOf(provider, call);
    const filter = this.filter(targets, req.object);
    const report = await dryRun(this.deps.db, provider, call, { connectionId, targets, kinds: filter.kinds, onlyObjects: filter.objects, all: req.all, samples: req.samples ?? 3 });
    const counts = report.objects.map((o) => `${o.object}: ${o.create} create, ${o.update} update, ${o.skip} skip, ${o.invalid} invalid`).join('; ');
    this.audit('dry-run', `Dry run of a push to ${connectionId}: ${counts || 'nothing to send'} (no writes sent)`, connectionId, {
      object: req.object ?? null,
      reads: report.reads,
      objects: report.objects.map(({ samples: _s, ...o }) => o),
    });
    return report;
  }

  cancelRun(runId: number): boolean {
    const r = this.running.get(runId);
    r?.controller.abort(new Error('Cancelled'));
    return r !== undefined;
  }

  /** The scheduler's entry point: one push or pull, its counts as the outcome; a run that failed throws. */
  async run(connectionId: string, kind: SyncDirection, opts: RunRequestOptions): Promise<RunOutcome> {
    const req = { connectionId, trigger: opts.trigger, signal: opts.signal };
    const run = kind === 'push' ? await this.push(req) : await this.pull(req);
    if (run.status === 'failed') throw new Error(run.message ?? `The ${kind} failed.`);
    return {
      succeeded: run.created + run.updated + run.unchanged + run.deleted,
      failed: run.failed,
      cancelled: run.status === 'cancelled',
      summary: run.message ?? undefined,
      runId: String(run.id),
    };
  }

  /** Selected CRM rows from the query runner, pulled into the local store through the mapping. */
  async pullRecords(req: { connectionId: string; object: string; ids: string[] }): Promise<{ accepted: boolean; queued: number; message: string }> {
    let count = 0;
    const { done } = await this.start('pull', req.connectionId, req.object, 'query', undefined, async (ctx) => {
      const target = ctx.targets.find((t) => t.object.toLowerCase() === req.object.toLowerCase());
      if (!target || !pullable(target)) throw new SyncUsageError(`${req.object} has no enabled mapping that pulls fields, so its records cannot be pulled.`);
      count = await pullByIds({ ...ctx, createPeople: true }, target, req.ids);
      return '';
    });
    const run = await done;
    if (run.status === 'failed') return { accepted: false, queued: 0, message: run.message ?? 'The pull failed.' };
    return { accepted: true, queued: count, message: run.message ?? `Pulled ${count} record(s).` };
  }

  // ---- what the Sync page lists -------------------------------------------------------------------

  async targets(connectionId?: string): Promise<SyncTargetView[]> {
    const conns = listConnections(this.deps.db).filter((c) => !connectionId || c.id === connectionId);
    const out: SyncTargetView[] = [];
    for (const c of conns) {
      const running = [...this.running.values()].filter((r) => r.connectionId === c.id).map((r) => ({ runId: r.runId, kind: r.kind }));
      const view: SyncTargetView = { connectionId: c.id, provider: c.provider, label: c.label, status: c.status, objects: [], problem: null, running };
      try {
        const provider = await this.client(c.id);
        const targets = await this.targetsOf(provider, this.callContext(provider));
        view.objects = targets.map((t) => ({
          object: t.object,
          label: t.label,
          localKind: t.localKind,
          role: t.role ?? null,
          enabled: t.enabled,
          isDefault: t.isDefault,
          errors: t.errors.map((e) => e.message),
          pushable: usable(t),
          pullable: pullable(t),
        }));
      } catch (err) {
        view.problem = err instanceof Error ? err.message : String(err);
      }
      out.push(view);
    }
    return out;
  }

  queueOverview(opts: { connectionId?: string; windowMs?: number } = {}): QueueOverview {
    const scope = opts.connectionId ? { connectionId: opts.connectionId } : {};
    const t = throughput(this.deps.db, { ...scope, windowMs: opts.windowMs });
    return { counts: queueCounts(this.deps.db, scope), throughput: { completed: t.completed, windowMs: t.windowMs, perSecond: t.perSecond }, errorGroups: errorGroups(this.deps.db, scope) };
  }

  items(opts: { connectionId?: string; states?: QueueState[]; limit?: number; beforeId?: number }): QueueItemView[] {
    const items = listItems(this.deps.db, { ...(opts.connectionId ? { connectionId: opts.connectionId } : {}), states: opts.states, limit: opts.limit ?? 100, beforeId: opts.beforeId });
    const labels = new Map<string, string | null>();
    for (const kind of new Set(items.map((i) => i.localKind))) {
      const ids = items.filter((i) => i.localKind === kind && i.localId !== null).map((i) => i.localId!);
      for (const [id, r] of loadRecords(this.deps.db, kind, ids)) labels.set(`${kind}:${id}`, recordLabel(kind, r));
    }
    return items.map((i) => ({
      id: i.id,
      connectionId: i.connectionId,
      object: i.object,
      localKind: i.localKind,
      localId: i.localId,
      label: labels.get(`${i.localKind}:${i.localId}`) ?? null,
      operation: i.operation,
      direction: i.direction,
      priority: i.priority,
      state: i.state,
      attempts: i.attempts,
      maxAttempts: i.maxAttempts,
      nextRunAt: i.nextRunAt,
      lastError: i.lastError,
      errorCode: i.errorCode,
      errorField: i.errorField,
      runId: i.runId,
      createdAt: i.createdAt,
      updatedAt: i.updatedAt,
      completedAt: i.completedAt,
    }));
  }

  /** Out of dead letters (or a backoff) and due now; by ids, or all within a scope / one cause. */
  retry(req: { ids?: number[]; all?: boolean; connectionId?: string; errorCode?: string | null; errorField?: string | null }): number {
    const n = req.ids?.length
      ? retryItems(this.deps.db, req.ids)
      : req.all
        ? retryAll(this.deps.db, { ...(req.connectionId ? { connectionId: req.connectionId } : {}), ...(req.errorCode !== undefined ? { errorCode: req.errorCode ?? undefined } : {}), ...(req.errorField !== undefined ? { errorField: req.errorField ?? undefined } : {}) })
        : 0;
    this.audit('retry', `Sent ${n} queue item(s) back to run again`, req.connectionId, { ids: req.ids?.slice(0, 100), all: req.all, errorCode: req.errorCode, errorField: req.errorField, count: n });
    this.queueChanged(true);
    return n;
  }

  cancel(req: { ids?: number[]; all?: boolean; connectionId?: string }): number {
    const n = req.ids?.length ? cancelItems(this.deps.db, req.ids) : req.all ? cancelAll(this.deps.db, req.connectionId ? { connectionId: req.connectionId } : {}) : 0;
    this.audit('cancel', `Cancelled ${n} queue item(s)`, req.connectionId, { ids: req.ids?.slice(0, 100), all: req.all, count: n });
    this.queueChanged(true);
    return n;
  }

  runs(opts: { connectionId?: string; limit?: number; beforeId?: number } = {}): SyncRun[] {
    return listRuns(this.deps.db, { limit: opts.limit ?? 20, connectionId: opts.connectionId, beforeId: opts.beforeId }).map(toRunView);
  }

  getRun(runId: number): SyncRun {
    const r = getRun(this.deps.db, runId);
    if (!r) throw new SyncUsageError(`No sync run ${runId}.`);
    return toRunView(r);
  }

  runRecords(runId: number, opts: { offset?: number; limit?: number; outcome?: RecordOutcome } = {}): { records: RunRecordView[]; total: number } {
    return listRunRecords(this.deps.db, runId, { offset: opts.offset ?? 0, limit: opts.limit ?? 200, outcome: opts.outcome });
  }

  /** A run's results file (CSV): one row per record attempted, in input order. */
  runResults(runId: number): { csv: string; fileName: string } {
    const run = this.getRun(runId);
    return { csv: runResultsCsv(this.deps.db, runId), fileName: `${run.kind}-${run.provider}-run-${runId}-results.csv` };
  }

  conflicts(opts: { limit?: number; runId?: number; connectionId?: string } = {}): ConflictView[] {
    return listConflicts(this.deps.db, { limit: opts.limit ?? 100, runId: opts.runId, connectionId: opts.connectionId });
  }

  /** Stops running runs (their unsent items go back to the queue) and the limiters. */
  async close(): Promise<void> {
    const all = [...this.running.values()];
    for (const r of all) r.controller.abort(new Error('The app is closing'));
    await Promise.allSettled(all.map((r) => r.done));
    if (this.queueTimer) clearTimeout(this.queueTimer);
    this.limiters.disposeAll();
  }

  // ---- internals ----------------------------------------------------------------------------------

  private filter(targets: SyncTarget[], object: string | undefined): { kinds: string[]; objects?: string[] } {
    const f = resolveObjectFilter(targets, object);
    if (!f) throw new SyncUsageError(`"${object}" is not an object this connection syncs (try one of: ${targets.map((t) => t.object).join(', ')}).`);
    if (f.kinds.length === 0) throw new SyncUsageError('No enabled mapping: set one up on the Mappings page.');
    return f;
  }

  private async client(connectionId: string): Promise<Provider> {
    const provider = await this.deps.connections.provider(connectionId);
    if (this.clients.get(connectionId) !== provider) {
      // A reconnect replaced the client: the old limiter listens to the old one.
      this.limiters.dispose(connectionId);
      this.clients.set(connectionId, provider);
    }
    return provider;
  }

  private callContext(provider: Provider, onRequest?: () => void, signal?: AbortSignal): CallContext {
    return { limiter: this.limiters.forProvider(provider), onRequest, signal };
  }

  private targetsOf(provider: Provider, call: CallContext): Promise<SyncTarget[]> {
    return loadTargets(this.deps.db, provider, (o) => callWithRetry(call, () => provider.describe(o)), (object, reason) =>
      this.deps.logger.debug(`Sync leaves ${object} of ${provider.connectionId} out: ${reason}`),
    );
  }

  private async start(
    kind: 'push' | 'pull',
    target: string,
    object: string | undefined,
    trigger: string,
    outer: AbortSignal | undefined,
    body: (ctx: { db: Db; logger: Logger; connectionId: string; provider: Provider; targets: SyncTarget[]; call: CallContext; recorder: RunRecorder; owner: string; signal: AbortSignal }) => Promise<string>,
  ): Promise<{ run: SyncRun; done: Promise<SyncRun> }> {
    const connectionId = this.deps.connections.resolveId(target);
    const busy = [...this.running.values()].find((r) => r.connectionId === connectionId && r.kind === kind);
    if (busy) throw new SyncBusyError(busy.runId, kind, connectionId);
    const provider = await this.client(connectionId);
    const owner = createOwnerId();
    const recorder = RunRecorder.start(this.deps.db, this.deps.events, { kind, connectionId, provider: provider.id, object: object ?? null, trigger, owner });
    const controller = new AbortController();
    const onOuter = () => controller.abort(outer?.reason);
    if (outer?.aborted) onOuter();
    outer?.addEventListener('abort', onOuter, { once: true });
    const signal = controller.signal;
    const call = this.callContext(provider, () => recorder.addRequests(1), signal);
    const done = (async (): Promise<SyncRun> => {
      let status: RunStatus = 'ok';
      let note = '';
      try {
        const targets = await this.targetsOf(provider, call);
        note = await body({ db: this.deps.db, logger: this.deps.logger, connectionId, provider, targets, call, recorder, owner, signal });
      } catch (err) {
        status = signal.aborted ? 'cancelled' : 'failed';
        note = signal.aborted ? '' : errorText(err);
        if (!signal.aborted) this.deps.logger.warn(`${kind} of ${connectionId} failed: ${note}`);
      } finally {
        outer?.removeEventListener('abort', onOuter);
      }
      if (signal.aborted) status = 'cancelled';
      const c = recorder.counts;
      if (status === 'ok' && (c.failed > 0 || note)) status = 'partial';
      const name = getConnection(this.deps.db, connectionId)?.label ?? connectionId;
      const message = summary(kind, name, recorder, status, note);
      const run = recorder.finish(status, message, { action: kind, summary: message, detail: { trigger, object: object ?? null } });
      this.running.delete(recorder.id);
      this.queueChanged(true);
      return toRunView(run);
    })();
    this.running.set(recorder.id, { runId: recorder.id, kind, connectionId, controller, done });
    return { run: toRunView(recorder.run), done };
  }

  private audit(action: string, summaryText: string, connectionId: string | undefined, detail: unknown): void {
    appendAudit(this.deps.db, { kind: 'sync', action, outcome: 'info', summary: summaryText, connectionId: connectionId ?? null, detail });
  }

  /** Tells the UI the queue moved (at most every QUEUE_EVENT_MS; the last change always lands). */
  private queueChanged(force = false): void {
    const emit = () => {
      this.queueTimer = undefined;
      this.lastQueueEvent = Date.now();
      this.deps.events.emit('queueChanged', { counts: queueCounts(this.deps.db), at: new Date().toISOString() });
    };
    const since = Date.now() - this.lastQueueEvent;
    if (force || since >= QUEUE_EVENT_MS) {
      if (this.queueTimer) clearTimeout(this.queueTimer);
      emit();
    } else if (!this.queueTimer) {
      this.queueTimer = setTimeout(emit, QUEUE_EVENT_MS - since);
      this.queueTimer.unref?.();
    }
  }
}

function errorText(err: unknown): string {
  if (isProviderError(err)) return err.message;
  return err instanceof Error ? err.message : String(err);
}

function summary(kind: 'push' | 'pull', name: string, rec: RunRecorder, status: RunStatus, note: string): string {
  const c = rec.counts;
  if (status === 'failed') return `${kind === 'push' ? 'Push to' : 'Pull from'} ${name} failed: ${note}`;
  const parts = kind === 'push'
    ? [`${c.created} created`, `${c.updated} updated`, `${c.unchanged} unchanged`, ...(c.skipped ? [`${c.skipped} skipped`] : []), ...(c.failed ? [`${c.failed} failed`] : [])]
    : [`${c.created} created`, `${c.updated} updated`, `${c.unchanged} unchanged`, `${c.deleted} deleted`, `${c.conflicts} conflict${c.conflicts === 1 ? '' : 's'}`, ...(c.skipped ? [`${c.skipped} skipped`] : []), ...(c.failed ? [`${c.failed} failed`] : [])];
  const head = kind === 'push' ? `Pushed to ${name}` : `Pulled from ${name}`;
  return `${head}${status === 'cancelled' ? ' (cancelled)' : ''}: ${parts.join(', ')}.${note ? ` ${note}` : ''}`;
}
