import type { Db } from '../../store/db';
import { claim, renewLeases } from './claim';
import { complete, fail, release, type FailOutcome } from './settle';
import { failureFromError } from './failure';
import { createOwnerId } from './owner';
import type { BackoffPolicy } from './backoff';
import type { Failure, QueueItem, QueueScope } from './types';

export type ClaimedJob<P> = QueueItem & { data: P };

export type ItemResult = { id: number; ok: true } | { id: number; ok: false; failure: Failure };

/**
 * A typed job: which items it takes, how to read their stored payload, and how to run a batch.
 * `run` reports one result per item; one bad record never fails its batch.
 */
export interface JobDefinition<P> {
  name: string;
  scope: QueueScope;
  /** Stored payloads come from disk: validate them. A throw dead-letters the item. */
  parsePayload(raw: unknown, item: QueueItem): P;
  run(batch: ClaimedJob<P>[], ctx: { signal: AbortSignal }): Promise<ItemResult[]>;
}

export interface RunnerOptions {
  owner?: string;
  batchSize?: number;
  leaseMs?: number;
  /** Wait between polls when nothing is due, ms. */
  idleMs?: number;
  backoff?: BackoffPolicy;
  /** After every settled batch (for progress events and the audit log). */
  onSettled?: (s: BatchSummary) => void;
}

export interface BatchSummary {
  job: string;
  done: number[];
  failed: Map<number, FailOutcome>;
  released: number;
}

/**
 * Claims batches of one job's items by lease, runs them, and settles each item. The lease is
 * renewed while a batch runs; stop() drains (finishes the batch in hand) or aborts (hands the
 * unsettled items back without using an attempt).
 */
export class QueueRunner<P> {
  readonly owner: string;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly idleMs: number;
  private stopping = false;
  private loop?: Promise<void>;
  private abort = new AbortController();
  private wake?: () => void;

  constructor(
    private readonly db: Db,
    private readonly job: JobDefinition<P>,
    private readonly opts: RunnerOptions = {},
  ) {
    this.owner = opts.owner ?? createOwnerId();
    this.batchSize = opts.batchSize ?? 100;
    this.leaseMs = opts.leaseMs ?? 5 * 60_000;
    this.idleMs = opts.idleMs ?? 1000;
  }

  /** Claims and runs one batch; resolves to the number of items claimed (0 when idle). */
  async runOnce(): Promise<number> {
    const claimed = claim(this.db, { ...this.job.scope, owner: this.owner, limit: this.batchSize, leaseMs: this.leaseMs });
    if (claimed.length === 0) return 0;
    const { jobs, rejected } = this.parse(claimed);
    const results = jobs.length > 0 ? await this.runBatch(jobs) : [];
    this.settle(claimed, [...rejected, ...results]);
    return claimed.length;
  }

  /** Runs until stop(); polls every idleMs when nothing is due. */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = (async () => {
      while (!this.stopping) {
        const n = await this.runOnce();
        if (n === 0 && !this.stopping) await this.idle();
      }
    })();
  }

  /** Wakes an idle runner (after an enqueue) instead of waiting for the next poll. */
  poke(): void {
    this.wake?.();
  }

  async stop(opts: { drain?: boolean } = {}): Promise<void> {
    this.stopping = true;
    if (opts.drain === false) this.abort.abort();
    this.wake?.();
    await this.loop;
    this.loop = undefined;
    this.abort = new AbortController();
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, this.idleMs);
      function done(): void {
        clearTimeout(t);
        resolve();
      }
      this.wake = done;
    });
  }

  private parse(claimed: QueueItem[]): { jobs: ClaimedJob<P>[]; rejected: ItemResult[] } {
    const jobs: ClaimedJob<P>[] = [];
    const rejected: ItemResult[] = [];
    for (const item of claimed) {
      try {
        jobs.push({ ...item, data: this.job.parsePayload(item.payload, item) });
      } catch (err) {
        const message = `Unreadable ${this.job.name} payload: ${err instanceof Error ? err.message : String(err)}`;
        rejected.push({ id: item.id, ok: false, failure: { kind: 'permanent', code: 'BAD_PAYLOAD', message } });
      }
    }
    return { jobs, rejected };
  }

  private async runBatch(jobs: ClaimedJob<P>[]): Promise<ItemResult[]> {
    const ids = jobs.map((j) => j.id);
    const heartbeat = setInterval(() => renewLeases(this.db, this.owner, ids, this.leaseMs), Math.max(10, this.leaseMs / 3));
    heartbeat.unref?.();
    try {
      return await this.job.run(jobs, { signal: this.abort.signal });
    } catch (err) {
      const failure = failureFromError(err);
      return ids.map((id) => ({ id, ok: false as const, failure }));
    } finally {
      clearInterval(heartbeat);
    }
  }

  private settle(claimed: QueueItem[], results: ItemResult[]): void {
    const byId = new Map(results.map((r) => [r.id, r]));
    const doneIds = results.filter((r) => r.ok).map((r) => r.id);
    const failures = results.flatMap((r) => (r.ok ? [] : [{ id: r.id, failure: r.failure }]));
    const missing = claimed.filter((c) => !byId.has(c.id)).map((c) => c.id);
    let released = 0;
    if (this.abort.signal.aborted) released = release(this.db, this.owner, missing);
    else for (const id of missing) failures.push({ id, failure: { kind: 'retry', code: 'NO_RESULT', message: `${this.job.name} reported no result for this item` } });
    const done = complete(this.db, this.owner, doneIds);
    const failed = fail(this.db, this.owner, failures, { backoff: this.opts.backoff });
    this.opts.onSettled?.({ job: this.job.name, done, failed, released });
  }
}
