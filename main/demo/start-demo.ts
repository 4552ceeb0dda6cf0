import { randomBytes } from 'node:crypto';
import { createAppServices, type AppServices } from '../services/app-services';
import { MemorySecretStore } from '../auth/secret-store';
import { createImportService } from '../import/service';
import type { Logger } from '../log/logger';
import type { AppInfo } from '../../shared/ipc/channels/app';
import type { ConnectionView } from '../../shared/ipc/channels/connections';
import type { ImportResult } from '../../shared/ipc/channels/import';
import type { SyncRun } from '../../shared/ipc/channels/sync';
import { buildSampleData, type SampleData } from './sample/index';
import { salesforceSeed } from './seeds/salesforce';
import { hubspotSeed } from './seeds/hubspot';
import { prepareDemoDir } from './data-dir';
import { writeSampleFiles, type SampleFiles } from './samples-folder';

export type DemoCrm = 'salesforce' | 'hubspot';

export const DEMO_CRMS: readonly DemoCrm[] = ['salesforce', 'hubspot'];

/** What the Connections page shows for each demo connection. */
export const DEMO_LABELS: Record<DemoCrm, string> = { salesforce: 'Demo Salesforce', hubspot: 'Demo HubSpot' };

export interface DemoEmulator {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts one CRM emulator on a free loopback port. Injected (scripts/demo.ts passes the one in
 * test/emulators) so the app's code never depends on test code.
 */
export type StartEmulator = (kind: DemoCrm, opts: { seed: unknown; token: string; autoApprove: boolean }) => Promise<DemoEmulator>;

export interface DemoOptions {
  dataDir: string;
  startEmulator: StartEmulator;
  /** Keep the local store of the last run instead of starting afresh (the demo CRMs always start from their seeds). */
  keep?: boolean;
  /** The real data folder, which the demo refuses to use (default: the resolved one). */
  normalDataDir?: string;
  /** Also push to and pull from both demo CRMs once, so runs, links and conflicts exist from the start. */
  sync?: boolean;
  /** Sample dates are placed around this day (default: today). */
  today?: Date;
  shell?: AppInfo['shell'];
  debug?: boolean;
  logToConsole?: boolean;
  logger?: Logger;
}

export interface DemoSession {
  dataDir: string;
  services: AppServices;
  emulators: Record<DemoCrm, DemoEmulator>;
  connections: Record<DemoCrm, ConnectionView>;
  /** One per sample export; empty when `keep` found people already imported. */
  imports: ImportResult[];
  /** The push and pull of each CRM when `sync` was asked for. */
  syncRuns: SyncRun[];
  sample: SampleData;
  files: SampleFiles;
  close(): Promise<void>;
}

/** Fresh per run: the demo CRMs accept only these, and they live only in this process. */
function demoTokens(): Record<DemoCrm, string> {
  return {
    salesforce: `00DDEMO000000001!AQ.${randomBytes(24).toString('base64url')}`,
    hubspot: `pat-na1-${randomBytes(16).toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-')}`,
  };
}

async function startEmulators(start: StartEmulator, sample: SampleData, tokens: Record<DemoCrm, string>): Promise<Record<DemoCrm, DemoEmulator>> {
  const seeds: Record<DemoCrm, unknown> = { salesforce: salesforceSeed(sample), hubspot: hubspotSeed(sample) };
  const started: Partial<Record<DemoCrm, DemoEmulator>> = {};
  try {
    // The consent page stays: "Reconnect" in the demo shows what a real sign-in looks like.
    for (const kind of DEMO_CRMS) started[kind] = await start(kind, { seed: seeds[kind], token: tokens[kind], autoApprove: false });
    return started as Record<DemoCrm, DemoEmulator>;
  } catch (err) {
    await Promise.all(Object.values(started).map((e) => e.close()));
    throw err;
  }
}

/** Connects (or, with --keep, reconnects) each demo CRM with its token, under its demo label. */
async function connectAll(services: AppServices, emulators: Record<DemoCrm, DemoEmulator>, tokens: Record<DemoCrm, string>): Promise<Record<DemoCrm, ConnectionView>> {
  const out: Partial<Record<DemoCrm, ConnectionView>> = {};
  for (const kind of DEMO_CRMS) {
    out[kind] = await services.connections.connectWithToken({ provider: kind, loginUrl: emulators[kind].url, token: tokens[kind], label: DEMO_LABELS[kind] });
  }
  return out as Record<DemoCrm, ConnectionView>;
}

async function importSamples(services: AppServices, files: SampleFiles): Promise<ImportResult[]> {
  const imports = createImportService({ db: services.db, dataDir: services.dataDir, logger: services.logger, events: services.events });
  const results: ImportResult[] = [];
  for (const { path, export: e } of files.exports) {
    // Eventbrite's report covers one event and does not name it: the import is told which.
    results.push(await imports.importFile(path, { presetName: 'eventbrite', event: { name: e.event.name, date: e.event.date, venue: e.event.venue } }));
  }
  return results;
}

/** A push then a pull per CRM: the pull meets the CRM's own phone numbers and records them as conflicts. */
async function syncOnce(services: AppServices): Promise<SyncRun[]> {
  const runs: SyncRun[] = [];
  for (const kind of DEMO_CRMS) {
    runs.push(await services.sync.push({ connectionId: kind, trigger: 'demo' }));
    runs.push(await services.sync.pull({ connectionId: kind, trigger: 'demo' }));
  }
  return runs;
}

const peopleCount = (services: AppServices): number => services.db.prepare('SELECT COUNT(*) FROM people').pluck().get() as number;

/**
 * The demo behind `npm run demo`: its own data folder, the Salesforce and HubSpot emulators on
 * sample CRM data, app services marked as demo whose tokens stay in memory (never the keychain),
 * both CRMs connected, and the sample ticket exports imported. Serving the UI is the caller's.
 */
export async function startDemo(opts: DemoOptions): Promise<DemoSession> {
  prepareDemoDir(opts.dataDir, { keep: opts.keep, normalDataDir: opts.normalDataDir });
  const sample = buildSampleData({ today: opts.today });
  const files = writeSampleFiles(opts.dataDir, sample, { salesforce: salesforceSeed(sample), hubspot: hubspotSeed(sample) });
  const tokens = demoTokens();
  const emulators = await startEmulators(opts.startEmulator, sample, tokens);
  const closeEmulators = () => Promise.all(DEMO_CRMS.map((k) => emulators[k].close())).then(() => undefined);
  let services: AppServices | undefined;
  try {
    services = createAppServices({
      dataDir: opts.dataDir,
      shell: opts.shell ?? 'browser-host',
      demo: true,
      debug: opts.debug,
      logToConsole: opts.logToConsole ?? false,
      logger: opts.logger,
      secretStore: new MemorySecretStore(),
    });
    const connections = await connectAll(services, emulators, tokens);
    const imports = opts.keep && peopleCount(services) > 0 ? [] : await importSamples(services, files);
    const syncRuns = opts.sync ? await syncOnce(services) : [];
    const s = services;
    return {
      dataDir: opts.dataDir,
      services: s,
      emulators,
      connections,
      imports,
      syncRuns,
      sample,
      files,
      async close() {
        await s.close();
        await closeEmulators();
      },
    };
  } catch (err) {
    await services?.close();
    await closeEmulators();
    throw err;
  }
}
