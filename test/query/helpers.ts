import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices, type AppServices } from '../../main/services/app-services';
import { createLogger } from '../../main/log/logger';
import { MemorySecretStore, type SecretStore } from '../../main/auth/secret-store';
import type { ProviderId } from '../../main/providers/provider';
import { startEmulator, type Emulator, type EmulatorKind, type EmulatorOptions } from '../emulators/index';

export const TOKEN = 'query-test-token';

export interface QueryTestApp {
  services: AppServices;
  dataDir: string;
  secrets: SecretStore;
  /** Opens the same data dir again (a restart), keeping the secrets. */
  reopen(): AppServices;
  cleanup(): Promise<void>;
}

/** App services on a temp data dir with an in-memory keychain (the tests never touch the real one). */
export function makeApp(dataDir = mkdtempSync(join(tmpdir(), 'tcs-query-')), secrets: SecretStore = new MemorySecretStore()): QueryTestApp {
  const open = () => createAppServices({ dataDir, shell: 'test', secretStore: secrets, logger: createLogger({ dir: dataDir, console: false }) });
  const opened: AppServices[] = [open()];
  return {
    services: opened[0],
    dataDir,
    secrets,
    reopen() {
      const s = open();
      opened.push(s);
      return s;
    },
    async cleanup() {
      for (const s of opened) await s.close().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** An emulator that accepts TOKEN as a static token. */
export function emulator(kind: EmulatorKind, opts: EmulatorOptions = {}): Promise<Emulator> {
  return startEmulator(kind, { token: TOKEN, ...opts });
}

/** Connects through the connections service with the static token, as a person pasting it would. */
export async function connect(services: AppServices, emu: Emulator): Promise<string> {
  const view = await services.connections.connectWithToken({ provider: emu.kind as ProviderId, token: TOKEN, loginUrl: emu.url });
  return view.id;
}

/** `n` Salesforce contacts named in order (LastName Person-0001 ...), for paging tests. */
export function salesforceContacts(n: number): Record<string, unknown> {
  return {
    records: {
      Contact: Array.from({ length: n }, (_, i) => ({
        FirstName: `First${i}`,
        LastName: `Person-${String(i).padStart(4, '0')}`,
        Email: `person${i}@example.com`,
      })),
    },
  };
}
