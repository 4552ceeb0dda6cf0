import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { RestoreResult } from '../../shared/ipc/channels/data';
import { runMigrations } from '../store/migrations';
import { appendAudit } from '../store/audit-log';
import { inspectStoreFile } from './store-file';
import { backupToFolder } from './backup';
import { fileStamp } from './paths';
import { assertNoOtherRunner, type StoreHost } from './store-host';

/**
 * A consistent, migrated copy of the backup next to the store: the backup file itself is never
 * written to, and a backup from an older version is upgraded before it replaces anything.
 */
async function preparedCopy(backupFile: string, work: string): Promise<void> {
  const src = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    await src.backup(work);
  } finally {
    src.close();
  }
  const db = new Database(work);
  try {
    runMigrations(db);
    // Locks are run-time state of the processes that had the backed-up store open.
    db.exec('DELETE FROM schedule_locks');
  } finally {
    db.close();
  }
}

/**
 * Replaces the local store with a backup. Checks that the file is our store (and not from a
 * newer version), refuses while another runner uses the store, keeps a backup of the current
 * store, then writes the migrated copy over the store with SQLite's backup API while the
 * services have it closed, and reopens it.
 */
export async function restoreStore(host: StoreHost, backupFile: string, opts: { now?: number; isOwnerAlive?: (owner: string) => boolean } = {}): Promise<RestoreResult> {
  const now = opts.now ?? Date.now();
  const { schemaVersion: backupSchemaVersion } = inspectStoreFile(backupFile);
  assertNoOtherRunner(host, 'restore a backup', opts.isOwnerAlive);
  const work = join(host.dataDir, `.restore-${fileStamp(now)}-${process.pid}.sqlite`);
  try {
    await preparedCopy(backupFile, work);
    const safety = await backupToFolder(host.db, host.dataDir, now, 'before-restore');
    await host.reopenStore(async (storeFile) => {
      const copy = new Database(work, { readonly: true });
      try {
        await copy.backup(storeFile);
      } finally {
        copy.close();
      }
    });
    const schemaVersion = host.db.pragma('user_version', { simple: true }) as number;
    const summary = `Restored the local store from ${basename(backupFile)} (schema ${backupSchemaVersion}); the store before it is in ${safety.name}.`;
    appendAudit(host.db, { kind: 'system', action: 'restore', outcome: 'ok', summary, detail: { from: backupFile, safetyBackup: safety.file } });
    host.logger.info(summary);
    return { restoredFrom: backupFile, safetyBackup: safety.file, schemaVersion, backupSchemaVersion };
  } finally {
    for (const f of [work, `${work}-wal`, `${work}-shm`]) rmSync(f, { force: true });
  }
}
