import type { Db } from '../../store/db';
import { enqueueMany } from '../queue/enqueue';
import { maxAttemptsSetting } from '../queue/settings';
import type { NewQueueItem } from '../queue/types';
import { sourceOf } from '../mapping/model';
import { isBlank } from '../mapping/values';
import { loadRecords, localIdOf, pushOrder, syncCompanies, tableOf } from '../engine/local-records';
import { linksNeeded, usable, type SyncTarget } from '../engine/targets';

export interface EnqueueRequest {
  connectionId: string;
  targets: readonly SyncTarget[];
  /** Local kinds to push. */
  kinds: readonly string[];
  /** Only these records (of the first kind); default: what changed since the last push. */
  ids?: readonly number[];
  /** Every record of the kinds, changed or not. */
  all?: boolean;
  runId: string;
  now: string;
}

/**
 * Records of a kind that changed since they were last pushed to this connection: never pushed,
 * edited after the push, or linked to fewer objects than the kind needs. Records whose last push
 * is a dead letter newer than their last edit are left out: they need a fix (an edit) or an
 * explicit retry, not the same failure again.
 */
export function changedIds(db: Db, connectionId: string, targets: readonly SyncTarget[], kind: string): number[] {
  const table = tableOf(kind);
  const { objects, need } = linksNeeded(targets, kind);
  if (!table || objects.length === 0) return [];
  const ids = db
    .prepare(
      `SELECT t.id FROM ${table} t
        WHERE (SELECT COUNT(*) FROM external_links l
                WHERE l.connection_id = @c AND l.local_kind = @k AND l.local_id = t.id AND l.status = 'linked'
                  AND l.object IN (SELECT value FROM json_each(@objects)) AND l.last_pushed_at >= t.updated_at) < @need
        ORDER BY t.id`,
    )
    .pluck()
    .all({ c: connectionId, k: kind, objects: JSON.stringify(objects), need }) as number[];
  const dead = new Map(
    (db
      .prepare("SELECT local_id AS id, max(updated_at) AS at FROM sync_queue WHERE state = 'dead' AND direction = 'push' AND connection_id = ? AND local_kind = ? GROUP BY local_id")
      .all(connectionId, kind) as Array<{ id: number; at: string }>).map((r) => [r.id, r.at]),
  );
  if (dead.size === 0) return ids;
  const updated = new Map(
    (db.prepare(`SELECT id, updated_at AS at FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify([...dead.keys()])) as Array<{ id: number; at: string }>).map((r) => [r.id, r.at]),
  );
  return ids.filter((id) => !dead.has(id) || (updated.get(id) ?? '') > dead.get(id)!);
}

const allIds = (db: Db, kind: string): number[] => {
  const table = tableOf(kind);
  return table ? (db.prepare(`SELECT id FROM ${table} ORDER BY id`).pluck().all() as number[]) : [];
};

/**
 * Records that records of `kind` point to (a buyer's company, an order's buyer) and that have
 * no link yet: they are pushed first, so lookups and associations find their CRM ids.
 */
export function dependencyIds(db: Db, connectionId: string, targets: readonly SyncTarget[], kind: string, ids: readonly number[]): Map<string, Set<number>> {
  const refs: Array<{ object: string; localKind: string; localField: string }> = [];
  for (const t of targets.filter((x) => x.localKind === kind && usable(x))) {
    for (const f of t.mapping.fields) {
      const src = sourceOf(f);
      if (src.kind === 'lookup' && f.direction !== 'pull') refs.push(src.lookup);
    }
    for (const a of t.mapping.associations ?? []) refs.push(a);
  }
  const out = new Map<string, Set<number>>();
  // Records of a kind that has none locally (no companies at all) cannot be pointed to: skip reading.
  const present = refs.filter((r) => {
    const table = tableOf(r.localKind);
    return table !== undefined && db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() !== undefined;
  });
  if (present.length === 0 || ids.length === 0) return out;
  const linked = db.prepare('SELECT 1 FROM external_links WHERE connection_id = ? AND object = ? AND local_kind = ? AND local_id = ?').pluck();
  const records = loadRecords(db, kind, ids);
  for (const record of records.values()) {
    for (const ref of present) {
      const key = record[ref.localField];
      if (isBlank(key)) continue;
      const id = localIdOf(db, ref.localKind, key);
      if (id === undefined || linked.get(connectionId, ref.object, ref.localKind, id)) continue;
      if (!out.has(ref.localKind)) out.set(ref.localKind, new Set());
      out.get(ref.localKind)!.add(id);
    }
  }
  return out;
}

/**
 * "Push now": queues what changed (or the selection), plus the records they depend on, as one
 * coalescing enqueue. Answers the kinds involved in push order.
 */
export function enqueueChanged(db: Db, req: EnqueueRequest): { enqueued: number; kinds: string[] } {
  syncCompanies(db, req.now);
  const want = new Map<string, Set<number>>();
  req.kinds.forEach((kind, i) => want.set(kind, new Set(req.ids && i === 0 ? req.ids : req.all ? allIds(db, kind) : changedIds(db, req.connectionId, req.targets, kind))));
  const todo = [...req.kinds];
  while (todo.length > 0) {
    const kind = todo.shift()!;
    for (const [dep, ids] of dependencyIds(db, req.connectionId, req.targets, kind, [...(want.get(kind) ?? [])])) {
      const have = want.get(dep) ?? new Set<number>();
      const before = have.size;
      for (const id of ids) have.add(id);
      want.set(dep, have);
      if (have.size > before && !todo.includes(dep)) todo.push(dep);
    }
  }
  const items: NewQueueItem[] = [];
  for (const [kind, ids] of want) {
    for (const localId of ids) items.push({ connectionId: req.connectionId, object: kind, localKind: kind, localId, operation: 'upsert', direction: 'push', runId: req.runId });
  }
  const res = enqueueMany(db, items, { maxAttempts: maxAttemptsSetting(db) });
  return { enqueued: res.inserted + res.coalesced, kinds: pushOrder(want.keys()) };
}
