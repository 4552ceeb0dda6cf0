import { homedir } from 'node:os';
import { join } from 'node:path';

export const DATA_DIR_ENV = 'TICKET_CRM_SYNC_DATA_DIR';

/** Where the app keeps its store and logs when nothing overrides it (same folder Electron's userData uses). */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Ticket CRM Sync');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Ticket CRM Sync');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Ticket CRM Sync');
}

/** --data-dir beats the environment variable, which beats the platform default. */
export function resolveDataDir(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  return flag || env[DATA_DIR_ENV] || defaultDataDir(process.platform, env);
}
