import type { Db } from '../../store/db';
import { enqueueMany } from '../../sync/queue/enqueue';
import type { NewQueueItem } from '../../sync/queue/types';

/**
 * Queues a push of each person an import created or changed, to every connection. The object
 * is the role ('person'); the sync engine resolves it to the CRM's object. Repeats coalesce on
 * the queue's idempotency key (direction, connection, object, person, operation). With no
 * connections nothing is queued: connecting later pushes everything anyway.
 */
export function enqueuePushes(db: Db, personIds: readonly number[], importRunId: number): number {
  if (personIds.length === 0) return 0;
  const connections = db.prepare('SELECT id FROM connections ORDER BY id').pluck().all() as string[];
  if (connections.length === 0) return 0;
  const items: NewQueueItem[] = [];
  for (const connectionId of connections) {
    for (const localId of personIds) {
      items.push({ connectionId, object: 'person', localKind: 'person', localId, operation: 'upsert', direction: 'push', payload: { source: 'import', importRunId } });
    }
  }
  enqueueMany(db, items);
  return items.length;
}
