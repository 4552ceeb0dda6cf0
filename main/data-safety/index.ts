/** Backup, restore, export of everything as CSV, and "delete all local data". */
export { backupStore, backupToFolder, listBackups, BackupTargetExistsError } from './backup';
export { restoreStore } from './restore';
export { exportAll, exportToFolder, EXPORT_TABLES } from './export-all';
export { deleteAllLocalData } from './delete-all';
export { inspectStoreFile, NotAStoreError } from './store-file';
export { StoreBusyError, type StoreHost } from './store-host';
export { backupsDir, exportsDir } from './paths';
