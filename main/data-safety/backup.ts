import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Db } from '../store/db';
import type { BackupInfo } from '../../shared/ipc/channels/data';
import { inspectStoreFile } from './store-file';
import { backupsDir, fileStamp } from './paths';

export class BackupTargetExistsError extends Error {
  constructor(file: string) {
    super(`${file} already exists: choose a new file name (backups never overwrite a file).`);
    this.name = 'BackupTargetExistsError';
  }
}

/**
 * Copies the open store into `file` with SQLite's online backup API: a consistent copy while the
 * app keeps working. Written to a temporary name and checked before it gets its real name, so a
 * half-written file never looks like a backup.
 */
export async function backupStore(db: Db, file: string): Promise<BackupInfo> {
  if (existsSync(file)) throw new BackupTargetExistsError(file);
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  try {
    await db.backup(partial);
    inspectStoreFile(partial);
    renameSync(partial, file);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
  return infoOf(file);
}

/** A new backup in the data dir's backups folder, named by the time. */
export function backupToFolder(db: Db, dataDir: string, now = Date.now(), prefix = 'ticket-crm-sync'): Promise<BackupInfo> {
  return backupStore(db, join(backupsDir(dataDir), `${prefix}-${fileStamp(now)}.sqlite`));
}

function infoOf(file: string): BackupInfo {
  const st = statSync(file);
  return { name: basename(file), file, bytes: st.size, at: st.mtime.toISOString() };
}

/** The backups folder's backups, newest first. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.sqlite'))
    .map((n) => infoOf(join(dir, n)))
    .sort((a, b) => b.at.localeCompare(a.at) || b.name.localeCompare(a.name));
}
