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
