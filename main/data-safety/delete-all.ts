import { existsSync, readdirSync, rmSync, truncateSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { DeleteAllResult } from '../../shared/ipc/channels/data';
import { appendAudit } from '../store/audit-log';
import { listConnections } from '../store/connections';
import { backupsDir, exportsDir, importsDir, logsDir } from './paths';
import { assertNoOtherRunner, type StoreHost } from './store-host';

function countRows(host: StoreHost): number {
  const tables = host.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
  return tables.reduce((n, t) => n + (host.db.prepare(`SELECT COUNT(*) AS n FROM "${t.name}"`).get() as { n: number }).n, 0);
}

/** Keychain entries of this app: every account it holds, plus every connection's own (in case listing is not supported). */
async function clearKeychain(host: StoreHost): Promise<number> {
  const accounts = new Set([...(await host.secrets.accounts()), ...listConnections(host.db).map((c) => c.id)]);
  let removed = 0;
  for (const a of accounts) if (await host.secrets.delete(a)) removed++;
  return removed;
}

/** Copies of local data kept beside the store: backups, exports, import uploads, upgrade copies. */
function removeFiles(host: StoreHost): number {
  let removed = 0;
  for (const dir of [backupsDir(host.dataDir), exportsDir(host.dataDir), importsDir(host.dataDir)]) {
    if (!existsSync(dir)) continue;
    removed += readdirSync(dir, { recursive: true }).length;
    rmSync(dir, { recursive: true, force: true });
  }
  const storeName = basename(host.storeFile);
  for (const name of readdirSync(dirname(host.storeFile))) {
    if (name.startsWith(`${storeName}.before-`) && name.endsWith('.bak')) {
      rmSync(join(dirname(host.storeFile), name), { force: true });
      removed++;
    }
  }
  // Logs can name people (emails in sync messages); the open log file is emptied, not removed.
  const logs = logsDir(host.dataDir);
  if (existsSync(logs)) for (const name of readdirSync(logs)) truncateSync(join(logs, name), 0);
  return removed;
}

/**
 * "Delete all local data": the saved sign-ins in the keychain first (if the keychain is not
 * reachable nothing is deleted, so no sign-in is left behind unseen), then the store file is
 * replaced by an empty one, and backups, exports, import files and logs are removed.
 */
export async function deleteAllLocalData(host: StoreHost, opts: { isOwnerAlive?: (owner: string) => boolean } = {}): Promise<DeleteAllResult> {
  assertNoOtherRunner(host, 'delete all local data', opts.isOwnerAlive);
  const rowsDeleted = countRows(host);
  const keychainEntriesRemoved = await clearKeychain(host);
  await host.reopenStore((storeFile) => {
    for (const f of [storeFile, `${storeFile}-wal`, `${storeFile}-shm`]) rmSync(f, { force: true });
  });
  const filesRemoved = removeFiles(host);
  const summary = `Deleted all local data: ${rowsDeleted} rows, ${keychainEntriesRemoved} keychain entries, ${filesRemoved} files.`;
  appendAudit(host.db, { kind: 'system', action: 'delete-all', outcome: 'ok', summary });
  host.logger.info(summary);
  return { rowsDeleted, keychainEntriesRemoved, filesRemoved };
}
