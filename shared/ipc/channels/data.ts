import { z } from 'zod';
import { channel } from '../define';

export const BackupInfo = z.object({
  /** File name inside the backups folder. */
  name: z.string(),
  file: z.string(),
  bytes: z.number().int(),
  at: z.string(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

/** Only a plain file name in the backups folder: the renderer never names an arbitrary path. */
export const BackupName = z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9._-]{0,150}\.sqlite$/, 'the name of a backup in the backups folder');

export const ExportResult = z.object({
  dir: z.string(),
  files: z.array(z.object({ name: z.string(), rows: z.number().int() })),
});
export type ExportResult = z.infer<typeof ExportResult>;

export const RestoreResult = z.object({
  restoredFrom: z.string(),
  /** A backup of the store as it was just before the restore. */
  safetyBackup: z.string(),
  schemaVersion: z.number().int(),
  /** The backup's schema version before it was upgraded to this app's. */
  backupSchemaVersion: z.number().int(),
});
export type RestoreResult = z.infer<typeof RestoreResult>;

export const DeleteAllResult = z.object({
  rowsDeleted: z.number().int(),
  keychainEntriesRemoved: z.number().int(),
  filesRemoved: z.number().int(),
});
export type DeleteAllResult = z.infer<typeof DeleteAllResult>;

export const dataChannels = {
  'data:backup': channel(z.object({}).strict(), BackupInfo, 'Backs up the local store into the backups folder (SQLite online backup).'),
  'data:backups': channel(z.object({}).strict(), z.object({ dir: z.string(), backups: z.array(BackupInfo) }), 'The backups in the backups folder, newest first.'),
  'data:restore': channel(
    z.object({ name: BackupName, confirm: z.literal(true) }).strict(),
    RestoreResult,
    'Replaces the local store with a backup (a backup of the current store is taken first).',
  ),
  'data:exportAll': channel(z.object({}).strict(), ExportResult, 'Exports people, orders, tickets, events, links and the audit log as CSV files.'),
  'data:deleteAll': channel(
    z.object({ confirm: z.literal('DELETE') }).strict(),
    DeleteAllResult,
    'Deletes every local record, backup and export, and the saved sign-ins in the keychain.',
  ),
};
