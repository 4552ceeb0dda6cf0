import type { Db } from '../../../store/db';
import { loadRecords, tableOf } from '../../engine/local-records';
import { localField, type LocalRecord } from '../local-fields';

/**
 * The local data the editor looks at: a real record to preview, the values a field holds, the
 * custom fields the imports brought. Records are built by the sync engine's own loader, so what
 * the editor maps is exactly what a push maps.
 */

export interface RecordRef {
  localId: number;
  label: string;
}

const CHUNK = 2000;

/** How each kind is searched and named; the first match of an exact key wins. */
const samplers: Record<string, { sql: string; exact: string }> = {
  person: {
    sql: `SELECT p.id AS localId, p.email AS label FROM people p
           WHERE @q IS NULL OR p.email LIKE @like OR p.first_name LIKE @like OR p.last_name LIKE @like
              OR (coalesce(p.first_name, '') || ' ' || coalesce(p.last_name, '')) LIKE @like OR p.company LIKE @like
           ORDER BY (p.email = lower(@q)) DESC, p.id LIMIT @limit`,
    exact: 'email',
  },
  order: {
    sql: `SELECT o.id AS localId, o.source || ':' || o.external_order_id || ' · ' || p.email AS label
            FROM orders o JOIN people p ON p.id = o.person_id
           WHERE @q IS NULL OR o.external_order_id LIKE @like OR p.email LIKE @like
           ORDER BY (o.external_order_id = @q) DESC, o.id LIMIT @limit`,
    exact: 'external_order_id',
  },
  company: {
    sql: `SELECT c.id AS localId, c.name AS label FROM companies c
           WHERE @q IS NULL OR c.name LIKE @like
           ORDER BY (lower(c.name) = lower(@q)) DESC, c.id LIMIT @limit`,
    exact: 'name',
  },
};

/** Records of a kind matching a search (email, name, order number, company), exact matches first; the first ones without a search. */
export function findRecords(db: Db, kind: string, search: string | undefined, limit = 8): RecordRef[] {
  const sampler = samplers[kind];
  if (!sampler) return [];
  const q = search?.trim() ? search.trim() : null;
  const like = q === null ? null : `%${q.replace(/[%_]/g, (c) => `\\${c}`)}%`;
  const sql = sampler.sql.replace(/LIKE @like/g, "LIKE @like ESCAPE '\\'");
  return db.prepare(sql).all({ q, like, limit }) as RecordRef[];
}

export function recordRef(db: Db, kind: string, localId: number): RecordRef | undefined {
  const record = loadRecords(db, kind, [localId]).get(localId);
  if (!record) return undefined;
  const label = kind === 'person' ? record.email : kind === 'order' ? `${String(record.orderKey)} · ${String(record.personEmail)}` : record.name;
  return { localId, label: String(label ?? localId) };
}

export function loadRecord(db: Db, kind: string, localId: number): LocalRecord | undefined {
  return loadRecords(db, kind, [localId]).get(localId);
}

export function countRecords(db: Db, kind: string): number {
  const table = tableOf(kind);
  return table ? (db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number) : 0;
}

/** Every record of a kind, in id order, a chunk at a time (the store may hold 100k people). */
export function* eachRecord(db: Db, kind: string): Generator<LocalRecord> {
  const table = tableOf(kind);
  if (!table) return;
  const next = db.prepare(`SELECT id FROM ${table} WHERE id > ? ORDER BY id LIMIT ?`).pluck();
  let after = 0;
  for (;;) {
    const ids = next.all(after, CHUNK) as number[];
    if (ids.length === 0) return;
    const records = loadRecords(db, kind, ids);
    for (const id of ids) {
      const r = records.get(id);
      if (r) yield r;
    }
    after = ids[ids.length - 1];
  }
}

/** Keys of the free custom fields the imports stored, per kind, usable as `custom.<key>` fields. */
export function customFieldKeys(db: Db): Record<string, string[]> {
  const keys = (table: string) => db.prepare(`SELECT DISTINCT j.key FROM ${table} t, json_each(t.custom_fields) j ORDER BY 1 LIMIT 200`).pluck().all() as string[];
  const out: Record<string, string[]> = {};
  for (const [kind, table] of [['person', 'people'], ['order', 'orders']] as const) {
    out[kind] = keys(table).filter((k) => localField(kind, `custom.${k}`) !== undefined);
  }
  return out;
}

/** The CRM record a local record is linked to on this connection and object, when it was pushed. */
export function linkedId(db: Db, connectionId: string, object: string, kind: string, localId: number): string | null {
  const id = db
    .prepare("SELECT external_id FROM external_links WHERE connection_id = ? AND object = ? AND local_kind = ? AND local_id = ? AND status = 'linked'")
    .pluck()
    .get(connectionId, object, kind, localId) as string | undefined;
  return id ?? null;
}

/**
 * Local fields read straight from one column, so their distinct values can be counted in SQL
 * instead of building every record (100k people: milliseconds instead of seconds). The values
 * are the same the record loader puts in a record; other fields are counted record by record.
 */
const columns: Record<string, { table: string; fields: Record<string, string> }> = {
  person: {
    table: 'people',
    fields: {
      id: 'id', email: 'email', firstName: 'first_name', lastName: 'last_name', phone: 'phone', company: 'company', jobTitle: 'job_title',
      addressLine1: 'address_line1', addressLine2: 'address_line2', city: 'city', region: 'region', postalCode: 'postal_code', country: 'country',
      totalSpent: 'total_spent', orderCount: 'order_count', createdAt: 'created_at', updatedAt: 'updated_at',
    },
  },
  order: {
    table: 'orders',
    fields: { id: 'id', externalOrderId: 'external_order_id', source: 'source', orderedAt: 'ordered_at', total: 'total', currency: 'currency', status: 'status', personId: 'person_id', updatedAt: 'updated_at' },
  },
  company: { table: 'companies', fields: { id: 'id', name: 'name', domain: 'domain', updatedAt: 'updated_at' } },
};

function columnExpr(kind: string, field: string): { table: string; expr: string } | undefined {
  const c = columns[kind];
  if (!c) return undefined;
  if (c.fields[field]) return { table: c.table, expr: c.fields[field] };
  // localField() allows only [A-Za-z0-9_ -] in a custom key, so it is safe inside the JSON path.
  if (field.startsWith('custom.') && kind !== 'company' && localField(kind, field)) return { table: c.table, expr: `json_extract(custom_fields, '$."${field.slice(7)}"')` };
  return undefined;
}

/** Each distinct value of a local field with how many records hold it; undefined when the field is not a plain column. */
export function distinctValues(db: Db, kind: string, field: string): Array<{ value: unknown; count: number }> | undefined {
  const col = columnExpr(kind, field);
  if (!col) return undefined;
  return db.prepare(`SELECT ${col.expr} AS value, count(*) AS count FROM ${col.table} GROUP BY 1`).all() as Array<{ value: unknown; count: number }>;
}

/** Distinct values of a local field counted record by record (derived fields). */
export function distinctValuesSlow(db: Db, kind: string, field: string): Array<{ value: unknown; count: number }> {
  const counts = new Map<string, { value: unknown; count: number }>();
  for (const r of eachRecord(db, kind)) {
    const v = r[field] ?? null;
    const key = JSON.stringify(v);
    const hit = counts.get(key) ?? { value: v, count: 0 };
    hit.count++;
    counts.set(key, hit);
  }
  return [...counts.values()];
}

