import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices, type AppServices } from '../../main/services/app-services';
import { useAnyCallbackPort } from '../connections/any-callback-port';
import { createLogger } from '../../main/log/logger';
import { MemorySecretStore } from '../../main/auth/secret-store';
import { createImportService } from '../../main/import/service';
import { SyncService, type SyncServiceDeps } from '../../main/sync/engine/service';
import type { Provider } from '../../main/providers/provider';
import { startEmulator, type Emulator, type EmulatorOptions } from '../emulators/index';

export type Kind = 'salesforce' | 'hubspot' | 'pipedrive';

export const TOKENS: Record<Kind, string> = {
  salesforce: '00D000000000001!AQ.sync-engine-static-session',
  hubspot: 'pat-na1-11111111-2222-3333-4444-000000000006',
  pipedrive: 'aaaabbbbccccddddeeeeffff0000111122226666',
};

const OAUTH: Partial<Record<Kind, { clientId: string; clientSecret?: string }>> = {
  salesforce: { clientId: '3MVG9EmulatorTicketCrmSyncConsumerKey' },
  hubspot: { clientId: 'hubspot-emulator-client-id', clientSecret: 'hubspot-emulator-client-secret' },
};

/** The objects each CRM keeps the app's roles in, and the names of the fields tests look at. */
export const ROLES: Record<Kind, { person: string; company: string; deal: string; email: string; first: string; last: string; phone: string; name: string }> = {
  salesforce: { person: 'Contact', company: 'Account', deal: 'Opportunity', email: 'Email', first: 'FirstName', last: 'LastName', phone: 'Phone', name: 'Name' },
  hubspot: { person: 'contacts', company: 'companies', deal: 'deals', email: 'email', first: 'firstname', last: 'lastname', phone: 'phone', name: 'dealname' },
  pipedrive: { person: 'persons', company: 'organizations', deal: 'deals', email: 'email', first: 'first_name', last: 'last_name', phone: 'phone', name: 'title' },
};

export interface Harness {
  kind: Kind;
  emu: Emulator;
  app: AppServices;
  sync: SyncService;
  connectionId: string;
  dir: string;
  provider(): Promise<Provider>;
  importRows(rows: BuyerRow[]): Promise<{ created: number; updated: number; rejected: number }>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  emulator?: EmulatorOptions & Record<string, unknown>;
  /** Sign in with OAuth (refreshable tokens) instead of a static token. */
  oauth?: boolean;
  sync?: Partial<SyncServiceDeps>;
}

/** An emulator, app services on a temp folder (in-memory keychain), a connection and the engine. */
export async function startHarness(kind: Kind, opts: HarnessOptions = {}): Promise<Harness> {
  const emu = await startEmulator(kind, { token: TOKENS[kind], autoApprove: true, ...opts.emulator });
  const dir = mkdtempSync(join(tmpdir(), `tcs-sync-${kind}-`));
  const logger = createLogger({ dir, console: false });
  const app = createAppServices({ dataDir: dir, shell: 'test', secretStore: new MemorySecretStore(), logger });
  let connectionId: string;
  if (opts.oauth && OAUTH[kind]) {
    useAnyCallbackPort(app.db);
    const started = await app.connections.startConnect({ provider: kind, loginUrl: emu.url, ...OAUTH[kind] }, { openUrl: (url) => (void fetch(url).then((r) => r.text()).catch(() => undefined), true) });
    connectionId = (await started.done).id;
  } else {
    const view = await app.connections.connectWithToken({ provider: kind, loginUrl: emu.url, token: TOKENS[kind], ...(kind === 'pipedrive' ? { domain: 'acme' } : {}) });
    connectionId = view.id;
  }
  // The app's own engine, unless a test tunes it (then a second engine on the same store).
  const existing = app.sync;
  const sync = opts.sync ? new SyncService({ db: app.db, logger, events: app.events, connections: app.connections, ...opts.sync }) : existing;
  const imports = createImportService({ db: app.db, dataDir: dir, logger });
  return {
    kind,
    emu,
    app,
    sync,
    connectionId,
    dir,
    provider: () => app.connections.provider(connectionId),
    async importRows(rows) {
      const file = join(dir, `import-${Date.now()}-${Math.random().toString(36).slice(2)}.csv`);
      writeFileSync(file, toCsv(rows));
      const r = await imports.importFile(file, { presetName: 'generic' });
      return { created: r.created, updated: r.updated, rejected: r.rejected.length };
    },
    async close() {
      if (sync !== existing) await sync.close();
      await app.close();
      await emu.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface BuyerRow {
  orderId: string;
  orderDate: string;
  email: string;
  first: string;
  last: string;
  phone: string;
  company: string;
  event: string;
  eventDate: string;
  ticketType: string;
  quantity: number;
  total: number;
  currency: string;
}

const HEADERS = ['Order ID', 'Order Date', 'Email', 'First Name', 'Last Name', 'Phone', 'Company', 'Event', 'Event Date', 'Ticket Type', 'Quantity', 'Order Total', 'Currency'];

const cell = (v: string | number) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function toCsv(rows: BuyerRow[]): string {
  const lines = [HEADERS.join(',')];
  for (const r of rows) lines.push([r.orderId, r.orderDate, r.email, r.first, r.last, r.phone, r.company, r.event, r.eventDate, r.ticketType, r.quantity, r.total, r.currency].map(cell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** `n` buyers, one order each; every `companyEvery`-th buyer works for one of a few companies (B2B). */
export function buyers(n: number, opts: { companyEvery?: number; prefix?: string; offset?: number } = {}): BuyerRow[] {
  const every = opts.companyEvery ?? 3;
  const prefix = opts.prefix ?? 'buyer';
  return Array.from({ length: n }, (_, k) => {
    const i = k + (opts.offset ?? 0);
    return {
      orderId: `ORD-${100000 + i}`,
      orderDate: `2025-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')} 10:00`,
      email: `${prefix}${i}@example.com`,
      first: `First${i}`,
      last: `Last${i}`,
      phone: `+1 555 ${String(1000000 + i)}`,
      company: every > 0 && i % every === 0 ? `Company ${i % 4}` : '',
      event: 'Spring Summit',
      eventDate: '2025-04-20',
      ticketType: i % 2 ? 'General' : 'VIP',
      quantity: 1,
      total: 40 + (i % 5) * 10,
      currency: 'USD',
    };
  });
}

export async function adminRecords(emu: Emulator, object: string): Promise<Array<Record<string, unknown>>> {
  const res = await fetch(`${emu.url}/__admin/records/${object}`);
  if (!res.ok) throw new Error(`admin records ${object}: ${res.status}`);
  return (await res.json()) as Array<Record<string, unknown>>;
}

export async function adminStats(emu: Emulator): Promise<{ requests: number; byPath: Record<string, number>; byStatus: Record<string, number> }> {
  return (await (await fetch(`${emu.url}/__admin/stats`)).json()) as { requests: number; byPath: Record<string, number>; byStatus: Record<string, number> };
}

export async function setFaults(emu: Emulator, faults: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${emu.url}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });
  if (!res.ok) throw new Error(`faults: ${res.status}`);
}

/** A record's email as each emulator's admin view shows it. */
export function adminEmail(kind: Kind, r: Record<string, unknown>): string | undefined {
  if (kind === 'salesforce') return (r.Email as string | null) ?? undefined;
  if (kind === 'hubspot') return ((r.properties as Record<string, string | null>).email ?? undefined) || undefined;
  const emails = r.emails as Array<{ value: string }> | undefined;
  return emails?.[0]?.value;
}

/** A field of a record in an emulator's admin view. */
export function adminField(kind: Kind, r: Record<string, unknown>, field: string): unknown {
  if (kind === 'hubspot') return (r.properties as Record<string, unknown>)[field];
  if (kind === 'pipedrive' && field === 'phone') return (r.phones as Array<{ value: string }> | undefined)?.[0]?.value;
  return r[field];
}

/** Live (not deleted / archived) records of an object. */
export async function liveRecords(h: Harness, object: string): Promise<Array<Record<string, unknown>>> {
  const all = await adminRecords(h.emu, object);
  return all.filter((r) => r.IsDeleted !== true && r.archived !== true && r.is_deleted !== true);
}
