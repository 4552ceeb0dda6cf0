import Database from 'better-sqlite3';
import { openSync, readSync, closeSync, statSync } from 'node:fs';
import { latestVersion, NewerDatabaseError } from '../store/migrations';

/** A file that is not a Ticket CRM Sync store, or a damaged one: the message says which. */
export class NotAStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotAStoreError';
  }
}

/** Tables every version of our schema has had since the first. */
const CORE_TABLES = ['settings', 'connections', 'people', 'orders', 'tickets', 'events', 'external_links', 'audit_log', 'sync_queue'];

function hasSqliteHeader(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    return readSync(fd, buf, 0, 16, 0) === 16 && buf.toString('latin1') === 'SQLite format 3\0';
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks that a file is our store, undamaged, from this or an older version; answers its
 * schema version. Opened read-only, so checking never changes the file.
 */
export function inspectStoreFile(file: string): { schemaVersion: number; bytes: number } {
  let bytes: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new Error('not a file');
    bytes = st.size;
  } catch {
    throw new NotAStoreError(`Cannot read ${file}: no such backup file.`);
  }
  if (!hasSqliteHeader(file)) throw new NotAStoreError(`${file} is not a Ticket CRM Sync backup (not an SQLite database).`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
    const missing = CORE_TABLES.filter((t) => !tables.has(t));
    if (version < 1 || missing.length > 0) {
      throw new NotAStoreError(`${file} is an SQLite database but not a Ticket CRM Sync store${missing.length ? ` (no ${missing.slice(0, 3).join(', ')} table)` : ''}.`);
    }
    if (version > latestVersion()) throw new NewerDatabaseError(version, latestVersion());
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') throw new NotAStoreError(`${file} is damaged (${check}); pick another backup.`);
    return { schemaVersion: version, bytes };
  } catch (err) {
    if (err instanceof NotAStoreError || err instanceof NewerDatabaseError) throw err;
    throw new NotAStoreError(`${file} cannot be read as a Ticket CRM Sync backup: ${err instanceof Error ? err.message : String(err)}.`);
  } finally {
    db.close();
  }
}
