import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices, type AppServices } from '../../main/services/app-services';
import { createLogger } from '../../main/log/logger';
import { MemorySecretStore, type SecretStore } from '../../main/auth/secret-store';
import { createImportService } from '../../main/import/service';
import { createHandlers } from '../../main/ipc/handlers';
import { createDispatcher, type Dispatch } from '../../main/ipc/dispatcher';
import { toCsv, type BuyerRow } from '../sync-engine/helpers';

export interface TestApp {
  app: AppServices;
  dir: string;
  secrets: SecretStore;
  /** The IPC contract as the renderer calls it, responses checked against their schemas. */
  dispatch: Dispatch;
  importRows(rows: BuyerRow[]): Promise<number>;
  close(): Promise<void>;
}

/** App services on a temp folder with an in-memory keychain, as the Electron shell composes them. */
export function makeApp(secrets: SecretStore = new MemorySecretStore()): TestApp {
  const dir = mkdtempSync(join(tmpdir(), 'tcs-preflight-'));
  const logger = createLogger({ dir, console: false });
  const app = createAppServices({ dataDir: dir, shell: 'test', secretStore: secrets, logger });
  const imports = createImportService({ db: app.db, dataDir: dir, logger });
  return {
    app,
    dir,
    secrets,
    dispatch: createDispatcher(createHandlers(app), logger, { checkResponses: true }),
    async importRows(rows) {
      const file = join(dir, `import-${Date.now()}-${Math.random().toString(36).slice(2)}.csv`);
      writeFileSync(file, toCsv(rows));
      return (await imports.importFile(file, { presetName: 'generic' })).created;
    },
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Answers of the IPC dispatcher: the data, or a thrown Error with the message a person would see. */
export async function call<T>(dispatch: Dispatch, channel: string, payload: unknown): Promise<T> {
  const res = await dispatch(channel, payload);
  if (!res.ok) throw new Error(`${channel}: ${res.error.code} ${res.error.message}`);
  return res.data as T;
}

export async function postJson(url: string, body: unknown): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`POST ${url}: ${res.status} ${await res.text()}`);
  return res.json().catch(() => undefined);
}
