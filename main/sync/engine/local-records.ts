import type { Db } from '../../store/db';
import type { LocalRecord } from '../mapping/local-fields';

/**
 * The local side of sync: records of each kind (person, order, company) built with exactly the
 * keys main/sync/mapping/local-fields.ts names, and the few columns a pull may write.
 */

export const localKinds = ['company', 'person', 'order'] as const;
export type LocalKind = (typeof localKinds)[number];

/** Kinds in push order: a record's lookups point to kinds pushed before it. */
export const pushOrder = (kinds: Iterable<string>): string[] => {
  const rank = (k: string) => {
    const i = (localKinds as readonly string[]).indexOf(k);
    return i === -1 ? localKinds.length : i;
  };
  return [...new Set(kinds)].sort((a, b) => rank(a) - rank(b));
};

const tables: Record<string, string> = { person: 'people', order: 'orders', company: 'companies' };
export const tableOf = (kind: string): string | undefined => tables[kind];

const fullName = (first: string | null, last: string | null, email: string): string => [first, last].filter((s) => s && s.trim()).join(' ').trim() || email;

function customFields(json: string | null): Record<string, unknown> {
  if (!json) return {};
  try {
    const parsed = JSON.parse(json) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [`custom.${k}`, v]));
  } catch {
    return {};
  }
}

const idsJson = (ids: readonly number[]) => JSON.stringify([...new Set(ids)]);

function loadPeople(db: Db, ids: readonly number[]): Map<number, LocalRecord> {
  const rows = db
    .prepare(
      `SELECT p.*, fe.name AS first_event_name, le.name AS last_event_name,
              (SELECT max(o.ordered_at) FROM orders o WHERE o.person_id = p.id) AS last_ordered_at
         FROM people p LEFT JOIN events fe ON fe.id = p.first_event_id LEFT JOIN events le ON le.id = p.last_event_id
        WHERE p.id IN (SELECT value FROM json_each(?))`,
    )
    .all(idsJson(ids)) as Array<Record<string, unknown>>;
  const out = new Map<number, LocalRecord>();
  for (const r of rows) {
    const email = r.email as string;
    out.set(r.id as number, {
      id: r.id,
      email,
      firstName: r.first_name,
      lastName: r.last_name,
      fullName: fullName(r.first_name as string | null, r.last_name as string | null, email),
      phone: r.phone,
      company: r.company,
      jobTitle: r.job_title,
      addressLine1: r.address_line1,
      addressLine2: r.address_line2,
      city: r.city,
      region: r.region,
      postalCode: r.postal_code,
      country: r.country,
      marketingConsent: r.marketing_consent === null ? null : r.marketing_consent === 1,
      totalSpent: r.total_spent,
      orderCount: r.order_count,
      firstEventName: r.first_event_name,
      lastEventName: r.last_event_name,
      lastOrderedAt: r.last_ordered_at,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      ...customFields(r.custom_fields as string | null),
    });
  }
  return out;
}

function loadOrders(db: Db, ids: readonly number[]): Map<number, LocalRecord> {
  const rows = db
    .prepare(
      `SELECT o.*, e.name AS event_name, e.starts_at AS event_starts_at, p.email AS person_email, p.first_name, p.last_name, p.company,
              (SELECT t.ticket_type FROM tickets t WHERE t.order_id = o.id ORDER BY t.id LIMIT 1) AS ticket_type,
              (SELECT SUM(COALESCE(t.quantity, 1)) FROM tickets t WHERE t.order_id = o.id) AS quantity
         FROM orders o JOIN people p ON p.id = o.person_id LEFT JOIN events e ON e.id = o.event_id
        WHERE o.id IN (SELECT value FROM json_each(?))`,
    )
    .all(idsJson(ids)) as Array<Record<string, unknown>>;
  const out = new Map<number, LocalRecord>();
  for (const r of rows) {
    out.set(r.id as number, {
      id: r.id,
      externalOrderId: r.external_order_id,
      orderKey: `${String(r.source)}:${String(r.external_order_id)}`,
      source: r.source,
      orderedAt: r.ordered_at,
      total: r.total,
      currency: r.currency,
      status: r.status,
      eventName: r.event_name,
      eventStartsAt: r.event_starts_at,
      ticketType: r.ticket_type,
      quantity: r.quantity,
      personId: r.person_id,
      personEmail: r.person_email,
      personFullName: fullName(r.first_name as string | null, r.last_name as string | null, r.person_email as string),
      company: r.company,
      updatedAt: r.updated_at,
      ...customFields(r.custom_fields as string | null),
    });
  }
  return out;
}

function loadCompanies(db: Db, ids: readonly number[]): Map<number, LocalRecord> {
  const rows = db.prepare('SELECT * FROM companies WHERE id IN (SELECT value FROM json_each(?))').all(idsJson(ids)) as Array<Record<string, unknown>>;
  return new Map(rows.map((r) => [r.id as number, { id: r.id, name: r.name, domain: r.domain, updatedAt: r.updated_at }]));
}

const loaders: Record<string, (db: Db, ids: readonly number[]) => Map<number, LocalRecord>> = {
  person: loadPeople,
  order: loadOrders,
  company: loadCompanies,
};

/** Local records of one kind by id (ids that no longer exist are absent). */
export function loadRecords(db: Db, kind: string, ids: readonly number[]): Map<number, LocalRecord> {
  const load = loaders[kind];
  if (!load || ids.length === 0) return new Map();
  const out = new Map<number, LocalRecord>();
  // json_each binds one parameter, but a huge list still makes one huge statement: chunk it.
  for (let i = 0; i < ids.length; i += 5000) for (const [k, v] of load(db, ids.slice(i, i + 5000))) out.set(k, v);
  return out;
}

/** One line naming a record for people (results file, queue monitor). */
export function recordLabel(kind: string, r: LocalRecord | undefined): string | null {
  if (!r) return null;
  if (kind === 'person') return String(r.email ?? '');
  if (kind === 'order') return String(r.orderKey ?? '');
  if (kind === 'company') return String(r.name ?? '');
  return null;
}

// ---- companies ---------------------------------------------------------------------------------

/** How two spellings of one company name are told to be the same (case and spacing ignored). */
export const companyKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** Adds a company row for every company name the people carry (B2B buyers get an account). */
export function syncCompanies(db: Db, now: string): number {
  const names = db.prepare("SELECT DISTINCT company FROM people WHERE company IS NOT NULL AND trim(company) != ''").pluck().all() as string[];
  const insert = db.prepare('INSERT INTO companies (name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (name_key) DO NOTHING');
  let added = 0;
  for (const name of names) added += insert.run(name.trim().replace(/\s+/g, ' '), companyKey(name), now, now).changes;
  return added;
}

export function companyIdByName(db: Db, name: string): number | undefined {
  return db.prepare('SELECT id FROM companies WHERE name_key = ?').pluck().get(companyKey(name)) as number | undefined;
}

/** The local id a lookup key names: a company by its name, anything else by its id. */
export function localIdOf(db: Db, kind: string, key: unknown): number | undefined {
  if (key === null || key === undefined || key === '') return undefined;
  if (kind === 'company') return typeof key === 'string' ? companyIdByName(db, key) : undefined;
  const n = Number(key);
  return Number.isInteger(n) ? n : undefined;
}

// ---- pull writes ---------------------------------------------------------------------------------

/** Local field → column a pull may write, per kind (custom.<key> goes into custom_fields). */
const writableColumns: Record<string, Record<string, string>> = {
  person: {
    firstName: 'first_name',
    lastName: 'last_name',
    phone: 'phone',
    company: 'company',
    jobTitle: 'job_title',
    addressLine1: 'address_line1',
    addressLine2: 'address_line2',
    city: 'city',
    region: 'region',
    postalCode: 'postal_code',
    country: 'country',
    marketingConsent: 'marketing_consent',
  },
  order: { status: 'status' },
  company: {},
};

const toColumnValue = (v: unknown): unknown => (typeof v === 'boolean' ? (v ? 1 : 0) : v === undefined ? null : v);

/** Writes pulled values into a local record; answers whether anything was written. */
export function writeLocal(db: Db, kind: string, id: number, changes: Record<string, unknown>, now: string): boolean {
  const table = tables[kind];
  const columns = writableColumns[kind];
  if (!table || !columns) return false;
  const sets: string[] = [];
  const args: unknown[] = [];
  const custom: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(changes)) {
    if (field.startsWith('custom.')) custom[field.slice(7)] = value;
    else if (columns[field]) {
      sets.push(`${columns[field]} = ?`);
      args.push(toColumnValue(value));
    }
  }
  if (Object.keys(custom).length > 0 && kind !== 'company') {
    sets.push('custom_fields = json_patch(custom_fields, ?)');
    args.push(JSON.stringify(custom));
  }
  if (sets.length === 0) return false;
  db.prepare(`UPDATE ${table} SET ${sets.join(', ')}, updated_at = ? WHERE id = ?`).run(...args, now, id);
  return true;
}

/** A person first seen in the CRM (pull with "create people"). */
export function insertPerson(db: Db, email: string, now: string): number {
  return Number(db.prepare('INSERT INTO people (email, created_at, updated_at) VALUES (?, ?, ?)').run(email, now, now).lastInsertRowid);
}

export function personIdByEmail(db: Db, email: string): number | undefined {
  return db.prepare('SELECT id FROM people WHERE email = ?').pluck().get(email.trim().toLowerCase()) as number | undefined;
}
