import type { Db } from './db';
import { inTransaction, nowIso } from './db';
import { MappingsExport, ObjectMapping, type ObjectMappingInput } from '../sync/mapping/model';

interface MappingRow {
  id: number;
  connection_id: string;
  object: string;
  definition: string;
  updated_at: string;
}

export interface StoredMapping {
  connectionId: string;
  object: string;
  mapping: ObjectMapping;
  updatedAt: string;
}

/** Stored JSON is parsed again on the way out: a row edited by hand or by an older version fails loudly here, not mid-push. */
const toStored = (r: MappingRow): StoredMapping => ({
  connectionId: r.connection_id,
  object: r.object,
  mapping: ObjectMapping.parse(JSON.parse(r.definition)),
  updatedAt: r.updated_at,
});

export function getMapping(db: Db, connectionId: string, object: string): StoredMapping | undefined {
  const row = db.prepare('SELECT * FROM mappings WHERE connection_id = ? AND object = ?').get(connectionId, object) as MappingRow | undefined;
  return row ? toStored(row) : undefined;
}

export function listMappings(db: Db, connectionId: string): StoredMapping[] {
  const rows = db.prepare('SELECT * FROM mappings WHERE connection_id = ? ORDER BY object').all(connectionId) as MappingRow[];
  return rows.map(toStored);
}

/** Saves one object's mapping (validated against the model; validation against CRM metadata is the caller's). */
export function saveMapping(db: Db, connectionId: string, input: ObjectMappingInput): StoredMapping {
  const mapping = ObjectMapping.parse(input);
  const updatedAt = nowIso();
  db.prepare(
    `INSERT INTO mappings (connection_id, object, definition, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (connection_id, object) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at`,
  ).run(connectionId, mapping.object, JSON.stringify(mapping), updatedAt);
  return { connectionId, object: mapping.object, mapping, updatedAt };
}

export function deleteMapping(db: Db, connectionId: string, object: string): boolean {
  return db.prepare('DELETE FROM mappings WHERE connection_id = ? AND object = ?').run(connectionId, object).changes > 0;
}

/** Every mapping of a connection as one JSON document (the export file). */
export function exportMappings(db: Db, connectionId: string, provider?: string): MappingsExport {
  return {
    format: 'ticket-crm-sync/mappings',
    version: 1,
    ...(provider ? { provider } : {}),
    exportedAt: nowIso(),
    mappings: listMappings(db, connectionId).map((m) => m.mapping),
  };
}

/** Reads an export file into a connection, all or nothing; answers the objects saved. */
export function importMappings(db: Db, connectionId: string, doc: unknown): string[] {
  const parsed = MappingsExport.parse(doc);
  return inTransaction(db, () => parsed.mappings.map((m) => saveMapping(db, connectionId, m).object));
}
