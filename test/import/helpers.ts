import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices, type AppServices } from '../../main/services/app-services';
import { createImportService, type ImportService } from '../../main/import/service';
import type { Db } from '../../main/store/db';

export interface Sandbox {
  dir: string;
  services: AppServices;
  db: Db;
  imports: ImportService;
  /** Writes a file in the sandbox and answers its path. */
  file(name: string, content: string | Buffer): string;
  close(): Promise<void>;
}

export function sandbox(): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'tcs-import-'));
  const services = createAppServices({ dataDir: join(dir, 'data'), shell: 'test', logToConsole: false });
  const imports = createImportService({ db: services.db, dataDir: services.dataDir, events: services.events, logger: services.logger });
  return {
    dir,
    services,
    db: services.db,
    imports,
    file(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    async close() {
      await services.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A CSV text from rows of cells (quoted as needed), joined with `eol`. */
export function csv(rows: ReadonlyArray<ReadonlyArray<string | number>>, opts: { delimiter?: string; eol?: string } = {}): string {
  const d = opts.delimiter ?? ',';
  const eol = opts.eol ?? '\n';
  const cell = (v: string | number) => {
    const s = String(v);
    return s.includes(d) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(d)).join(eol) + eol;
}

/** The issue 12 point 7 buyer-list headers. */
export const genericHeaders = [
  'Email', 'First Name', 'Last Name', 'Event', 'Event Date', 'Ticket Type', 'Order ID', 'Order Date', 'Order Total',
  'Currency', 'Order Status', 'Checked In', 'Marketing Consent',
];

export interface Buyer {
  email: string;
  first?: string;
  last?: string;
  event?: string;
  eventDate?: string;
  ticket?: string;
  orderId?: string;
  orderDate?: string;
  total?: string;
  currency?: string;
  status?: string;
  checkedIn?: string;
  consent?: string;
}

export function buyerRow(b: Buyer): string[] {
  return [b.email, b.first ?? '', b.last ?? '', b.event ?? 'Spring Summit', b.eventDate ?? '2030-04-20', b.ticket ?? 'General', b.orderId ?? '', b.orderDate ?? '2030-01-15', b.total ?? '', b.currency ?? 'USD', b.status ?? 'paid', b.checkedIn ?? '', b.consent ?? ''];
}

export const buyersCsv = (buyers: Buyer[], opts?: { delimiter?: string; eol?: string }): string => csv([genericHeaders, ...buyers.map(buyerRow)], opts);

/** Every row of the import-relevant tables, to compare a store before and after. */
export function snapshot(db: Db): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const t of ['people', 'orders', 'tickets', 'events', 'sync_queue', 'import_undo']) out[t] = db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3`).all();
  return out;
}

export const count = (db: Db, table: string, where = '1=1', ...args: unknown[]): number =>
  db.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get(...args) as number;

export const person = (db: Db, email: string) => db.prepare('SELECT * FROM people WHERE email = ?').get(email) as Record<string, unknown> | undefined;

/** Eventbrite's attendee report headers as published (see CRM-API-FACTS), two custom questions, and the trailing comma. */
export const eventbriteHeaderLine =
  'Order #,Order Date,First Name,Last Name,Email,Quantity,Price Tier,Ticket Type,Attendee #,Group,Order Type,Currency,Total Paid,Fees Paid,Eventbrite Fees,Eventbrite Payment Processing,Attendee Status,Home Address 1,Home Address 2,Home City,Home State,Home Zip,Home Country,Dietary requirements,How did you hear about us?,Job Title,Company,';

