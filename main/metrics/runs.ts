import type { Db } from '../store/db';
import { getRun, type SyncRunRow } from '../store/sync-runs';

/** The newest runs that touched a CRM (dry runs left out), every connection, newest first. */
export function recentRuns(db: Db, limit: number): SyncRunRow[] {
  const ids = db.prepare('SELECT id FROM sync_runs WHERE dry_run = 0 ORDER BY id DESC LIMIT ?').pluck().all(limit) as number[];
  return ids.map((id) => getRun(db, id)).filter((r): r is SyncRunRow => r !== undefined);
}

/** Each connection's latest finished run of each kind: what "the last push failed" is judged on. */
export function lastFinishedRuns(db: Db): SyncRunRow[] {
  const ids = db
    .prepare("SELECT max(id) FROM sync_runs WHERE dry_run = 0 AND status != 'running' GROUP BY connection_id, kind")
    .pluck()
    .all() as number[];
  return ids.map((id) => getRun(db, id)).filter((r): r is SyncRunRow => r !== undefined).sort((a, b) => b.id - a.id);
}

/** Each connection's newest run, finished or not. */
export function lastRunByConnection(db: Db): Map<string, SyncRunRow> {
  const ids = db.prepare('SELECT max(id) FROM sync_runs WHERE dry_run = 0 GROUP BY connection_id').pluck().all() as number[];
  const out = new Map<string, SyncRunRow>();
  for (const id of ids) {
    const r = getRun(db, id);
    if (r) out.set(r.connectionId, r);
  }
  return out;
}

export const hasRuns = (db: Db): boolean => db.prepare('SELECT 1 FROM sync_runs WHERE dry_run = 0 LIMIT 1').get() !== undefined;
