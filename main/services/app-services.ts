import { join } from 'node:path';
import { openDatabase, type Db } from '../store/db';
import { createLogger, type Logger } from '../log/logger';
import { EventBus } from './event-bus';
import { readSetting } from '../store/settings';
import { appendAudit } from '../store/audit-log';
import type { AppInfo } from '../../shared/ipc/channels/app';
import { APP_NAME, APP_VERSION } from './app-meta';
import { ConnectionsService } from '../connections/service';
import { KeytarSecretStore, type SecretStore } from '../auth/secret-store';
import { QueryService } from '../query/service';
import type { SaveFile } from '../query/export';

export interface ServiceOptions {
  dataDir: string;
  shell: AppInfo['shell'];
  demo?: boolean;
  debug?: boolean;
  /** Console logging; the CLI turns it off in --json mode. */
  logToConsole?: boolean;
  logger?: Logger;
  /** Where tokens live; defaults to the OS keychain (tests pass their own). */
  secretStore?: SecretStore;
  /** Opens the system browser for OAuth (Electron: shell.openExternal); absent: URLs are shown instead. */
  openExternal?: (url: string) => Promise<void>;
  /** Asks where to save an exported file (Electron: the save dialog); absent: exports return the content. */
  saveFile?: SaveFile;
}

/**
 * Everything the app does outside the Electron shell, composed once. The Electron main
 * process, the browser host, the CLI and tests all build the same object.
 */
export interface AppServices {
  readonly dataDir: string;
  readonly db: Db;
  readonly logger: Logger;
  readonly events: EventBus;
  readonly info: () => AppInfo;
  /** CRM connections and ready provider clients: `await connections.provider(id)`. */
  readonly connections: ConnectionsService;
  /** The query runner: SOQL / HubSpot search / Pipedrive filters, history, export. */
  readonly query: QueryService;
  close(): Promise<void>;
}

export function createAppServices(opts: ServiceOptions): AppServices {
  const logger = opts.logger ?? createLogger({ dir: opts.dataDir, debug: opts.debug, console: opts.logToConsole });
  const { db, migrations } = openDatabase(join(opts.dataDir, 'ticket-crm-sync.sqlite'), {
    onBackup: (path) => logger.info(`Backed up the local store before upgrading it: ${path}`),
  });
  if (migrations.applied.length > 0) {
    appendAudit(db, {
      kind: 'system',
      action: 'migrate',
      outcome: 'ok',
      summary: `Local store upgraded from schema ${migrations.from} to ${migrations.to}`,
      detail: migrations,
    });
  }
  if (readSetting(db, 'log.debug') === true) logger.setDebug(true);
  const events = new EventBus();
  logger.onLine((line) => events.emit('logLine', line));

  const closers: Array<() => Promise<void> | void> = [];
  const connections = new ConnectionsService({ db, logger, events, secrets: opts.secretStore ?? new KeytarSecretStore(), openExternal: opts.openExternal });
  closers.push(() => connections.close());
  const query = new QueryService({ db, logger, events, providers: connections, saveFile: opts.saveFile });
  closers.push(() => query.close());
  return {
    dataDir: opts.dataDir,
    db,
    logger,
    events,
    connections,
    query,
    info: () => ({
      name: APP_NAME,
      version: APP_VERSION,
      dataDir: opts.dataDir,
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      shell: opts.shell,
      demo: opts.demo ?? false,
      debug: logger.debugEnabled,
    }),
    async close() {
      for (const c of closers.reverse()) await c();
      db.close();
    },
  };
}
