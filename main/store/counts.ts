import type { Db } from './db';
import type { StoreCounts } from '../../shared/ipc/channels/app';

const count = (db: Db, sql: string): number => (db.prepare(sql).get() as { n: number }).n;

export function storeCounts(db: Db): StoreCounts {
  return {
    people: count(db, 'SELECT COUNT(*) AS n FROM people'),
    orders: count(db, 'SELECT COUNT(*) AS n FROM orders'),
    events: count(db, 'SELECT COUNT(*) AS n FROM events'),
    connections: count(db, 'SELECT COUNT(*) AS n FROM connections'),
    queuePending: count(db, "SELECT COUNT(*) AS n FROM sync_queue WHERE state IN ('pending','running','failed')"),
    queueDead: count(db, "SELECT COUNT(*) AS n FROM sync_queue WHERE state = 'dead'"),
    auditEntries: count(db, 'SELECT COUNT(*) AS n FROM audit_log'),
  };
}
