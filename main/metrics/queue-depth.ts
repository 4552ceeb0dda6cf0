import type { Db } from '../store/db';
import { emptyDepth, type QueueDepth } from './samples-store';

/**
 * Open items and dead letters per connection. Each query is shaped to match one of the queue's
 * partial indexes (ready: pending + failed, running, dead), so a sample never scans the done
 * items a season of syncs leaves behind.
 */
export function queueDepths(db: Db): Map<string, QueueDepth> {
  const out = new Map<string, QueueDepth>();
  const at = (id: string) => {
    let d = out.get(id);
    if (!d) out.set(id, (d = emptyDepth()));
    return d;
  };
  const ready = db
    .prepare("SELECT connection_id AS id, state, COUNT(*) AS n FROM sync_queue WHERE state IN ('pending', 'failed') GROUP BY connection_id, state")
    .all() as Array<{ id: string; state: 'pending' | 'failed'; n: number }>;
  for (const r of ready) at(r.id)[r.state] = r.n;
  const running = db.prepare("SELECT connection_id AS id, COUNT(*) AS n FROM sync_queue WHERE state = 'running' GROUP BY connection_id").all() as Array<{ id: string; n: number }>;
  for (const r of running) at(r.id).running = r.n;
  const dead = db.prepare("SELECT connection_id AS id, COUNT(*) AS n FROM sync_queue WHERE state = 'dead' GROUP BY connection_id").all() as Array<{ id: string; n: number }>;
  for (const r of dead) at(r.id).dead = r.n;
  return out;
}
