import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { runMigrations, type MigrationReport } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** Called with the path of a backup taken before pending migrations run. */
  onBackup?: (path: string) => void;
  readonly?: boolean;
}

/**
 * Opens (or creates) the local store with the pragmas the app relies on and runs pending
 * migrations. `:memory:` works for tests.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): { db: Db; migrations: MigrationReport } {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { readonly: opts.readonly ?? false });
  // Only settable before the first table exists (and before WAL writes the header): lets retention hand space back in small
  // incremental steps instead of one long VACUUM that would freeze the app.
  if (!opts.readonly && (db.pragma('user_version', { simple: true }) as number) === 0) db.pragma('auto_vacuum = INCREMENTAL');
  // WAL lets the CLI read while the app writes; busy_timeout makes the CLI and app wait for
  // each other's short write transactions instead of failing with SQLITE_BUSY.
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  const migrations = runMigrations(db, { file, onBackup: opts.onBackup });
  return { db, migrations };
}

export const nowIso = (): string => new Date().toISOString();

/** Runs `fn` in one IMMEDIATE transaction (writers queue up front instead of failing on upgrade). */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}
