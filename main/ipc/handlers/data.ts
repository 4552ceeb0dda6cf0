import { join } from 'node:path';
import type { AppServices } from '../../services/app-services';
import type { DomainHandlers } from '../dispatcher';
import { UserFacingError } from '../dispatcher';
import { backupToFolder, backupsDir, deleteAllLocalData, exportToFolder, listBackups, NotAStoreError, restoreStore, StoreBusyError } from '../../data-safety';
import { NewerDatabaseError } from '../../store/migrations';
import { SecretStoreUnavailableError } from '../../auth/secret-store';

/** Refusals the person can act on keep their message; anything else is logged and redacted by the dispatcher. */
async function userFacing<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof StoreBusyError) throw new UserFacingError(err.message, 'STORE_BUSY');
    if (err instanceof NotAStoreError || err instanceof NewerDatabaseError) throw new UserFacingError(err.message, 'INVALID_BACKUP');
    if (err instanceof SecretStoreUnavailableError) throw new UserFacingError(`${err.message} Nothing was deleted.`, 'KEYCHAIN_UNAVAILABLE');
    throw err;
  }
}

export const dataHandlers = (s: AppServices): DomainHandlers<'data'> => ({
  'data:backup': () => backupToFolder(s.db, s.dataDir),
  'data:backups': () => ({ dir: backupsDir(s.dataDir), backups: listBackups(s.dataDir) }),
  // The name is a plain file name (contract), so the renderer can only pick from the backups folder.
  'data:restore': ({ name }) => userFacing(() => restoreStore(s, join(backupsDir(s.dataDir), name))),
  'data:exportAll': () => exportToFolder(s.db, s.dataDir),
  'data:deleteAll': () => userFacing(() => deleteAllLocalData(s)),
});
