import Database from 'better-sqlite3';
import { openDatabase, type Db } from '../../main/store/db';
import { runMigrations } from '../../main/store/migrations';

/**
 * A store as versions before incremental auto-vacuum made it (auto_vacuum NONE), opened the
 * way the app opens it: the one-time conversion path of retention needs one.
 */
export function openLegacyStore(file: string): Db {
  const old = new Database(file);
  old.pragma('journal_mode = WAL');
  runMigrations(old);
  old.close();
  return openDatabase(file).db;
}
