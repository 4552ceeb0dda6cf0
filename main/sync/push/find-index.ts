import type { Db } from '../../store/db';
import type { Provider } from '../../providers/provider';
import { asText } from '../mapping/values';
import { call, type CallContext } from '../engine/calls';
import type { SyncTarget } from '../engine/targets';

/** findBy value (lower case) → CRM id, for every record of the object. */
export type FindIndex = Map<string, string>;

/** Values per search request when records are looked up batch by batch. */
const VALUES_PER_FIND = 200;
/** Below this many records, looking them up batch by batch is cheap anyway. */
const MIN_RECORDS = 400;

/** Open push items of a queue object whose record has no link to the target yet (they need a find). */
export function unlinkedOpen(db: Db, connectionId: string, queueObject: string, target: SyncTarget): number {
  return db
    .prepare(
      `SELECT COUNT(*) FROM sync_queue q
        WHERE q.connection_id = @c AND q.object = @o AND q.direction = 'push' AND q.state IN ('pending', 'failed', 'running')
          AND NOT EXISTS (SELECT 1 FROM external_links l WHERE l.connection_id = @c AND l.object = @t AND l.local_kind = q.local_kind AND l.local_id = q.local_id)`,
    )
    .pluck()
    .get({ c: connectionId, o: queueObject, t: target.object }) as number;
}

/**
 * A large first push would search the CRM batch by batch for records others made (by the
 * match key's findBy field). When the whole object reads in fewer requests than those searches
 * would take (a new or small CRM), it is read once instead and the searches become lookups in
 * memory. The read stops as soon as it costs as much as the searches; then there is no index.
 */
export async function buildFindIndex(provider: Provider, target: SyncTarget, cc: CallContext, unlinked: number): Promise<FindIndex | undefined> {
  const field = target.findField;
  if (!field || unlinked < MIN_RECORDS) return undefined;
  const budget = Math.ceil(unlinked / VALUES_PER_FIND);
  const it = provider.read(target.object, { fields: [target.meta.idField, field], pageSize: provider.capabilities.maxPageSize, signal: cc.signal })[Symbol.asyncIterator]();
  const index: FindIndex = new Map();
  try {
    for (let pages = 0; pages < budget; pages++) {
      const next = await call(cc, () => it.next());
      if (next.done) return index;
      const page = next.value;
      if (pages === 0 && page.total !== undefined && page.total > budget * provider.capabilities.maxPageSize) return undefined;
      for (const r of page.records) {
        const v = asText(r.fields[field]).trim().toLowerCase();
        const had = index.get(v);
        if (v && (had === undefined || r.id.localeCompare(had) < 0)) index.set(v, r.id);
      }
      if (page.done) return index;
    }
    return undefined;
  } catch {
    // Reading is only a shortcut: on any trouble the batch-by-batch searches take over.
    return undefined;
  } finally {
    void it.return?.();
  }
}
