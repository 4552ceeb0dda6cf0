import type { Db } from '../../store/db';
import { QueueRunner, type BatchSummary } from '../queue/runner';
import type { PushContext } from './context';
import { pushJob } from './push-job';
import { claimSizeFor } from './split-batches';
import { buildFindIndex, unlinkedOpen } from './find-index';
import { usable } from '../engine/targets';

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      signal.removeEventListener('abort', done);
      clearTimeout(t);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

/** When the next open item of the scope is due (epoch ms), or undefined when none is left to wait for. */
function nextDue(db: Db, connectionId: string, object: string, owner: string): number | undefined {
  const row = db
    .prepare(
      `SELECT min(next_run_at) AS next FROM sync_queue
        WHERE connection_id = ? AND object = ? AND direction = 'push' AND (state IN ('pending', 'failed') OR (state = 'running' AND lease_owner = ?))`,
    )
    .get(connectionId, object, owner) as { next: string | null };
  return row.next ? Date.parse(row.next) : undefined;
}

export interface DrainOptions {
  bulk: boolean;
  workers: number;
  onSettled?: (s: BatchSummary) => void;
}

/**
 * Works off one queue object (a local kind) for the connection: several workers claim and push
 * batches until nothing is due, then the run waits for items coming due soon (retries after a
 * backoff, rate-limit waits) up to its patience; items due later stay queued for the next run.
 * Answers how many items were left waiting.
 */
export async function drainObject(ctx: PushContext, object: string, opts: DrainOptions): Promise<number> {
  await prepareFinds(ctx, object);
  const runner = new QueueRunner(ctx.db, pushJob(ctx, { object }, opts.bulk), {
    owner: ctx.owner,
    batchSize: claimSizeFor(ctx.provider.capabilities, opts.bulk),
    leaseMs: ctx.leaseMs ?? 5 * 60_000,
    backoff: ctx.backoff,
    onSettled: opts.onSettled,
  });
  const patience = ctx.patienceMs ?? 30_000;
  for (;;) {
    const worker = async () => {
      while (!ctx.signal.aborted && (await runner.runOnce()) > 0);
    };
    await Promise.all(Array.from({ length: Math.max(1, opts.workers) }, worker));
    if (ctx.signal.aborted) return 0;
    const next = nextDue(ctx.db, ctx.connectionId, object, ctx.owner);
    if (next === undefined) return 0;
    const wait = next - Date.now();
    if (wait > patience) return waiting(ctx.db, ctx.connectionId, object);
    await sleep(Math.max(20, wait + 5), ctx.signal);
  }
}

/** Reads small CRM objects whole before a large first push, so finds by name or email need no searches. */
async function prepareFinds(ctx: PushContext, object: string): Promise<void> {
  const kind = (ctx.db.prepare("SELECT local_kind FROM sync_queue WHERE connection_id = ? AND object = ? AND direction = 'push' LIMIT 1").pluck().get(ctx.connectionId, object) as string | undefined) ?? object;
  for (const target of ctx.targets.filter((t) => t.localKind === kind && usable(t) && t.findField)) {
    const index = await buildFindIndex(ctx.provider, target, ctx.call, unlinkedOpen(ctx.db, ctx.connectionId, object, target));
    ctx.findIndexes ??= new Map();
    if (index) ctx.findIndexes.set(target.object, index);
    else ctx.findIndexes.delete(target.object);
  }
}

function waiting(db: Db, connectionId: string, object: string): number {
  return (db.prepare("SELECT COUNT(*) AS n FROM sync_queue WHERE connection_id = ? AND object = ? AND direction = 'push' AND state IN ('pending', 'failed')").get(connectionId, object) as { n: number }).n;
}
