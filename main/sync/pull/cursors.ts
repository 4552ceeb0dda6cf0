import type { Db } from '../../store/db';
import { nowIso } from '../../store/db';

/** Where an incremental pull resumes, per connection and object (the provider's opaque cursor). */
export function getCursor(db: Db, connectionId: string, object: string): string | undefined {
  return (db.prepare('SELECT cursor FROM sync_cursors WHERE connection_id = ? AND object = ?').pluck().get(connectionId, object) as string | undefined) ?? undefined;
}

/** Saved in the transaction that stored the page it follows, so a crash never skips a page. */
export function setCursor(db: Db, connectionId: string, object: string, cursor: string): void {
  db.prepare(
    `INSERT INTO sync_cursors (connection_id, object, cursor, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (connection_id, object) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`,
  ).run(connectionId, object, cursor, nowIso());
}

export function clearCursor(db: Db, connectionId: string, object: string): void {
  db.prepare('DELETE FROM sync_cursors WHERE connection_id = ? AND object = ?').run(connectionId, object);
}
