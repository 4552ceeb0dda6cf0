import { nowIso } from '../../store/db';
import { readSetting } from '../../store/settings';
import type { Provider } from '../../providers/provider';
import type { BatchSummary } from '../queue/runner';
import { pushOrder } from '../engine/local-records';
import type { SyncTarget } from '../engine/targets';
import type { PushContext } from './context';
import { drainObject } from './drain';
import { enqueueChanged } from './enqueue-changed';
import { useBulk } from './split-batches';

export interface PushRequest {
  kinds: string[];
  ids?: number[];
  all?: boolean;
  /** Workers per object when not in bulk mode (default 2; each sends its claim's write calls side by side). */
  workers?: number;
  onSettled?: (s: BatchSummary) => void;
}

export interface PushOutcome {
  /** Items left queued for a later run (due after the run's patience). */
  waiting: number;
  bulkObjects: string[];
}

/** Distinct open push objects of the connection with their local kind (queue objects are local kinds). */
function openObjects(ctx: PushContext): Array<{ object: string; localKind: string; open: number }> {
  return ctx.db
    .prepare(
      `SELECT object, local_kind AS localKind, COUNT(*) AS open FROM sync_queue
        WHERE connection_id = ? AND direction = 'push' AND state IN ('pending', 'failed', 'running')
        GROUP BY object, local_kind`,
    )
    .all(ctx.connectionId) as Array<{ object: string; localKind: string; open: number }>;
}

const bulkThreshold = (ctx: PushContext): number => {
  const v = readSetting(ctx.db, 'sync.bulkThreshold');
  return typeof v === 'number' && Number.isFinite(v) ? v : 10_000;
};

const allMatched = (targets: readonly SyncTarget[], kind: string): boolean => {
  const ofKind = targets.filter((t) => t.localKind === kind && t.enabled);
  return ofKind.length > 0 && ofKind.every((t) => t.matchField !== undefined);
};

/**
 * A push: queue what changed (and what it depends on), then drain the connection's queue kind
 * by kind in dependency order (companies, people, orders), in bulk above the threshold.
 */
export async function runPush(ctx: PushContext, req: PushRequest): Promise<PushOutcome> {
  ctx.recorder.setPhase('enqueue');
  const { kinds } = enqueueChanged(ctx.db, { connectionId: ctx.connectionId, targets: ctx.targets, kinds: req.kinds, ids: req.ids, all: req.all, runId: String(ctx.recorder.id), now: nowIso() });
  const wanted = new Set([...kinds, ...req.kinds]);
  const units = openObjects(ctx).filter((u) => wanted.has(u.localKind));
  ctx.recorder.addTotal(units.reduce((n, u) => n + u.open, 0));
  const order = pushOrder(units.map((u) => u.localKind));
  let waiting = 0;
  const bulkObjects: string[] = [];
  for (const kind of order) {
    for (const unit of units.filter((u) => u.localKind === kind)) {
      if (ctx.signal.aborted) break;
      const bulk = useBulk(unit.open, bulkThreshold(ctx), typeof (ctx.provider as Provider).bulkWrite === 'function', allMatched(ctx.targets, kind));
      if (bulk) bulkObjects.push(unit.object);
      ctx.recorder.setPhase(`push ${kind}${bulk ? ' (bulk)' : ''}`);
      waiting += await drainObject(ctx, unit.object, { bulk, workers: req.workers ?? 2, onSettled: req.onSettled });
    }
  }
  return { waiting, bulkObjects };
}
