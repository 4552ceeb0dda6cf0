import { resolve } from 'node:path';
import type { RegisterCommand } from './index';
import { CliUsageError } from '../context';
import { backupStore, deleteAllLocalData, exportAll, restoreStore } from '../../data-safety';

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** `backup <file>`: an online backup of the local store; never overwrites a file. */
export const registerBackup: RegisterCommand = (program, ctx) => {
  program
    .command('backup')
    .description('back up the local store into a new file (safe while the app runs)')
    .argument('<file>', 'the backup file to create')
    .action(async (file: string) => {
      const c = ctx();
      const info = await backupStore(c.open().db, resolve(file));
      c.out(info, () => `Backed up the local store to ${info.file} (${mb(info.bytes)}).`);
    });
};

/** `restore <file> --yes`: replaces the local store with a backup (the current one is backed up first). */
export const registerRestore: RegisterCommand = (program, ctx) => {
  program
    .command('restore')
    .description('replace the local store with a backup; the current store is backed up first')
    .argument('<file>', 'a backup made by "backup" or the app')
    .option('--yes', 'really replace the local store')
    .action(async (file: string, o: { yes?: boolean }) => {
      const c = ctx();
      if (!o.yes) throw new CliUsageError('restore replaces everything in the local store: add --yes to go ahead.');
      const result = await restoreStore(c.open(), resolve(file));
      c.out(result, () => `Restored from ${result.restoredFrom} (schema ${result.backupSchemaVersion} → ${result.schemaVersion}). The store before it is in ${result.safetyBackup}.`);
    });
};

/** `export-all <dir>`: people, orders, tickets, events, links, connections and the audit log as CSV. */
export const registerExportAll: RegisterCommand = (program, ctx) => {
  program
    .command('export-all')
    .description('export everything in the local store as CSV files into a folder (no secrets)')
    .argument('<dir>', 'folder to write the CSV files into (created; must not hold an earlier export)')
    .action(async (dir: string) => {
      const c = ctx();
      const result = await exportAll(c.open().db, resolve(dir));
      c.out(result, () => [`Exported to ${result.dir}:`, ...result.files.map((f) => `  ${f.name.padEnd(16)} ${f.rows} rows`)].join('\n'));
    });
};

/** `delete-all-data --yes`: every local record, backup, export and log, and the keychain entries. */
export const registerDeleteAll: RegisterCommand = (program, ctx) => {
  program
    .command('delete-all-data')
    .description('delete all local data: the store, backups, exports, logs and the saved sign-ins in the keychain')
    .option('--yes', 'really delete everything')
    .action(async (o: { yes?: boolean }) => {
      const c = ctx();
      if (!o.yes) throw new CliUsageError('delete-all-data deletes every local record and saved sign-in: add --yes to go ahead.');
      const result = await deleteAllLocalData(c.open());
      c.out(result, () => `Deleted ${result.rowsDeleted} rows, ${result.keychainEntriesRemoved} keychain entries and ${result.filesRemoved} files.`);
    });
};
