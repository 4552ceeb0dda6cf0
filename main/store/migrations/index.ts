import type Database from 'better-sqlite3';
import { migration001 } from './001-initial';
import { migration003 } from './003-import';
import { migration004 } from './004-sync';
import { migration005 } from './005-schedules';
import { migration006 } from './006-sync-runs';
import { migration007 } from './007-metrics';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/** Every migration, oldest first. Add a new file and list it here; never edit a shipped one. */
export const migrations: Migration[] = [migration001, migration003, migration004, migration005, migration006, migration007];

export const latestVersion = (): number => migrations.reduce((max, m) => Math.max(max, m.version), 0);

export interface MigrationReport {
  from: number;
  to: number;
  applied: number[];
  backupPath?: string;
}

export class NewerDatabaseError extends Error {
  constructor(found: number, supported: number) {
    super(
      `This data was written by a newer version of Ticket CRM Sync (schema ${found}; this version knows ${supported}). ` +
        'Update the app, or point it at another data folder with --data-dir.',
    );
    this.name = 'NewerDatabaseError';
  }
}

/**
 * Applies pending migrations on PRAGMA user_version, all in one transaction: a failure leaves
 * the database exactly as it was. A file database is backed up first so a bad upgrade can be
 * undone by hand.
 */
export function runMigrations(
  db: Database.Database,
  opts: { file?: string; onBackup?: (path: string) => void; target?: number } = {},
): MigrationReport {
  const from = db.pragma('user_version', { simple: true }) as number;
  const target = opts.target ?? latestVersion();
  if (from > latestVersion()) throw new NewerDatabaseError(from, latestVersion());
  const pending = migrations.filter((m) => m.version > from && m.version <= target).sort((a, b) => a.version - b.version);
  if (pending.length === 0) return { from, to: from, applied: [] };
  let backupPath: string | undefined;
  if (from > 0 && opts.file && opts.file !== ':memory:') {
    backupPath = `${opts.file}.before-v${target}-${Date.now()}.bak`;
    db.exec(`VACUUM INTO '${backupPath.replace(/'/g, "''")}'`);
    opts.onBackup?.(backupPath);
  }
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return { from, to: pending[pending.length - 1].version, applied: pending.map((m) => m.version), backupPath };
}
