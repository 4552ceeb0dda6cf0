import { join } from 'node:path';

/** Folders inside the data dir that hold copies of local data (delete-all removes them too). */
export const backupsDir = (dataDir: string): string => join(dataDir, 'backups');
export const exportsDir = (dataDir: string): string => join(dataDir, 'exports');
export const importsDir = (dataDir: string): string => join(dataDir, 'imports');
export const logsDir = (dataDir: string): string => join(dataDir, 'logs');

/** "2026-03-01T14-05-09Z": sortable, safe in file names on every OS. */
export function fileStamp(at: number): string {
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');
}
