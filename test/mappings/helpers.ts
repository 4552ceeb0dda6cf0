import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices, type AppServices } from '../../main/services/app-services';
import { createLogger } from '../../main/log/logger';
import { MemorySecretStore } from '../../main/auth/secret-store';
import type { Db } from '../../main/store/db';
import type { ProviderId } from '../../main/providers/provider';
import { startEmulator, type Emulator } from '../emulators/index';

export const TOKEN = 'mapping-test-token';
export const kinds = ['salesforce', 'hubspot', 'pipedrive'] as const;
export type Kind = (typeof kinds)[number];
/** Where each provider keeps ticket buyers. */
export const personObject: Record<Kind, string> = { salesforce: 'Contact', hubspot: 'contacts', pipedrive: 'persons' };

export interface MappingTestApp {
  services: AppServices;
  emu: Emulator;
  connectionId: string;
  close(): Promise<void>;
}

/** App services on a temp data dir (in-memory keychain) connected to a fresh emulator with a static token. */
export async function connectedApp(kind: Kind): Promise<MappingTestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tcs-mappings-'));
  const services = createAppServices({ dataDir, shell: 'test', secretStore: new MemorySecretStore(), logger: createLogger({ dir: dataDir, console: false }) });
  const emu = await startEmulator(kind, { token: TOKEN });
  const view = await services.connections.connectWithToken({ provider: kind as ProviderId, token: TOKEN, loginUrl: emu.url, ...(kind === 'pipedrive' ? { domain: 'acme' } : {}) });
  return {
    services,
    emu,
    connectionId: view.id,
    async close() {
      await services.close();
      await emu.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface SeedPerson {
  email: string;
  firstName?: string | null;
  lastName?: string | null;
  phone?: string | null;
  company?: string | null;
  custom?: Record<string, string>;
}

/** Writes people straight into the store, the way an import leaves them; answers their ids. */
export function seedPeople(db: Db, people: SeedPerson[]): number[] {
  const now = '2026-03-01T10:00:00.000Z';
  const insert = db.prepare(
    `INSERT INTO people (email, first_name, last_name, phone, company, custom_fields, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return people.map((p) => Number(insert.run(p.email, p.firstName ?? null, p.lastName ?? null, p.phone ?? null, p.company ?? null, JSON.stringify(p.custom ?? {}), now, now).lastInsertRowid));
}
