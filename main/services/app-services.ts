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
import { SyncRunnerSlot, type SyncRunner } from '../schedule/sync-runner';
import { ScheduleService } from '../schedule/service';
import { SyncService } from '../sync/engine/service';
import { MappingService } from '../sync/mapping/service';
import { permissionCheck } from '../sync/preflight/mapping-check';
import { setHttpTraceSink } from '../providers/http-trace';
import { RetentionService } from '../retention/service';
import { MetricsSampler } from '../metrics/sampler';

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
  /** The sync engine for schedules; tests pass a fake. The engine can also plug in later through `syncRunner.use`. */
  syncRunner?: SyncRunner;
}

/**
 * Everything the app does outside the Electron shell, composed once. The Electron main
 * process, the browser host, the CLI and tests all build the same object.
 */
export interface AppServices {
  readonly dataDir: string;
  /** The store's file. */
  readonly storeFile: string;
  /** The open store; read it at call time, never keep it: reopenStore replaces it. */
  readonly db: Db;
  readonly logger: Logger;
  readonly events: EventBus;
  readonly info: () => AppInfo;
  /** CRM connections and ready provider clients: `await connections.provider(id)`. */
  readonly connections: ConnectionsService;
  /** The query runner: SOQL / HubSpot search / Pipedrive filters, history, export. */
  readonly query: QueryService;
  /** The sync engine: push, pull, dry runs, the queue monitor, runs and conflicts. */
  readonly sync: SyncService;
  /** The mapping editor's back end: mappings checked against live CRM metadata, previews, files. */
  readonly mappings: MappingService;
  /** Where tokens live (delete-all clears it). */
  readonly secrets: SecretStore;
  /** Registration point of the sync engine: `syncRunner.use(engine)`; until then runs fail with a clear message. */
  readonly syncRunner: SyncRunnerSlot;
  /** Schedules, their runner in this process and the desktop hooks. */
  readonly schedules: ScheduleService;
  /** Prunes old finished history soon after start and daily (`retention.run` prunes now). */
  readonly retention: RetentionService;
  /** Samples queue depth and API usage per connection for the dashboard (every few minutes and around runs). */
  readonly metrics: MetricsSampler;
  /**
   * Closes the store and everything built on its handle, lets `swap` replace the file (restore,
   * delete all data), then opens it again (migrating it) and rebuilds those parts. Schedules
   * stop meanwhile and start again if they ran.
   */
  reopenStore(swap: (storeFile: string) => Promise<void> | void): Promise<void>;
  close(): Promise<void>;
}

export function createAppServices(opts: ServiceOptions): AppServices {
  const logger = opts.logger ?? createLogger({ dir: opts.dataDir, debug: opts.debug, console: opts.logToConsole });
  const storeFile = join(opts.dataDir, 'ticket-crm-sync.sqlite');
  const events = new EventBus();
  logger.onLine((line) => events.emit('logLine', line));
  const secrets = opts.secretStore ?? new KeytarSecretStore();
  // Debug mode traces provider requests and responses, redacted, into the log.
  const detachTrace = setHttpTraceSink({ enabled: () => logger.debugEnabled, write: (line) => logger.debug(line) });

  // Everything that holds the db handle is built here, so reopenStore can rebuild it.
  const compose = (db: Db) => {
    const closers: Array<() => Promise<void> | void> = [];
    const connections = new ConnectionsService({ db, logger, events, secrets, openExternal: opts.openExternal });
    closers.push(() => connections.close());
    const sync = new SyncService({ db, logger, events, connections });
    closers.push(() => sync.close());
    const query = new QueryService({ db, logger, events, providers: connections, saveFile: opts.saveFile, pull: sync });
    closers.push(() => query.close());
    const mappings = new MappingService({ db, providers: connections, saveFile: opts.saveFile, checks: [permissionCheck] });
    return {
      db,
      connections,
      query,
      sync,
      mappings,
      async close() {
        for (const c of closers.reverse()) await c();
        db.close();
      },
    };
  };
  let parts = compose(openStore(storeFile, logger));

  const syncRunner = new SyncRunnerSlot(opts.syncRunner);
  // The engine reads the current store at call time (reopenStore rebuilds it).
  if (!opts.syncRunner) syncRunner.use({ run: (connectionId, kind, o) => parts.sync.run(connectionId, kind, o) });
  const schedules = new ScheduleService({ db: () => parts.db, runner: syncRunner, logger, events });
  const retention = new RetentionService({ db: () => parts.db, logger });
  retention.start();
  const metrics = new MetricsSampler({ db: () => parts.db, events, logger });
  metrics.start();
  return {
    dataDir: opts.dataDir,
    storeFile,
    get db() {
      return parts.db;
    },
    logger,
    events,
    get connections() {
      return parts.connections;
    },
    get query() {
      return parts.query;
    },
    get sync() {
      return parts.sync;
    },
    get mappings() {
      return parts.mappings;
    },
    secrets,
    syncRunner,
    schedules,
    retention,
    metrics,
    info: () => ({
      name: APP_NAME,
      version: APP_VERSION,
      dataDir: opts.dataDir,
      schemaVersion: parts.db.pragma('user_version', { simple: true }) as number,
      shell: opts.shell,
      demo: opts.demo ?? false,
      debug: logger.debugEnabled,
    }),
    async reopenStore(swap) {
      const wasRunning = schedules.scheduler.running;
      await schedules.stop();
      await parts.close();
      try {
        await swap(storeFile);
      } finally {
        parts = compose(openStore(storeFile, logger));
        if (wasRunning) schedules.start();
      }
    },
    async close() {
      await metrics.stop();
      await retention.stop();
      await schedules.stop();
      await parts.close();
      detachTrace();
    },
  };
}

/** Opens the store, migrating it (after a backup copy) and noting an upgrade in the audit log. */
function openStore(file: string, logger: Logger): Db {
  const { db, migrations } = openDatabase(file, {
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
  return db;
}
