import Database from 'better-sqlite3';
import { mkdirSync, existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../store/db';
import type { ExportResult } from '../../shared/ipc/channels/data';
import { UTF8_BOM, headerLine, rowLine } from './csv';
import { exportsDir, fileStamp } from './paths';

/** What goes out, file by file. Store bookkeeping columns (which import created a row) stay in. */
export const EXPORT_TABLES: ReadonlyArray<{ file: string; table: string; orderBy: string }> = [
  { file: 'people.csv', table: 'people', orderBy: 'id' },
  { file: 'orders.csv', table: 'orders', orderBy: 'id' },
  { file: 'tickets.csv', table: 'tickets', orderBy: 'id' },
  { file: 'events.csv', table: 'events', orderBy: 'id' },
  { file: 'links.csv', table: 'external_links', orderBy: 'connection_id, object, local_kind, local_id' },
  { file: 'connections.csv', table: 'connections', orderBy: 'id' },
  { file: 'audit-log.csv', table: 'audit_log', orderBy: 'id' },
];

const INTERNAL_COLUMNS = new Set(['created_run_id']);
const CHUNK_ROWS = 2000;

function columnsOf(db: Db, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((r) => r.name).filter((c) => !INTERNAL_COLUMNS.has(c));
}

async function exportTable(db: Db, spec: (typeof EXPORT_TABLES)[number], file: string): Promise<number> {
  const columns = columnsOf(db, spec.table);
  const out = await open(file, 'wx');
  let rows = 0;
  try {
    await out.write(UTF8_BOM + headerLine(columns));
    let chunk: string[] = [];
    // Rows stream from SQLite; writes go out in chunks so 100k people never sit in memory at once.
    for (const row of db.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM ${spec.table} ORDER BY ${spec.orderBy}`).iterate() as Iterable<Record<string, unknown>>) {
      chunk.push(rowLine(columns, row));
      rows++;
      if (chunk.length >= CHUNK_ROWS) {
        const text = chunk.join('');
        chunk = [];
        await out.write(text);
      }
    }
    if (chunk.length) await out.write(chunk.join(''));
  } finally {
    await out.close();
  }
  return rows;
}

/**
 * Everything the store holds as CSV files in `dir` (created; must not hold an earlier export).
 * Secrets never live in the store, and every cell is still scrubbed and formula-neutralised.
 */
export async function exportAll(db: Db, dir: string): Promise<ExportResult> {
  if (existsSync(join(dir, EXPORT_TABLES[0].file))) throw new Error(`${dir} already holds an export: choose an empty folder.`);
  mkdirSync(dir, { recursive: true });
  const files: ExportResult['files'] = [];
  // Its own read-only connection in one read transaction: the files agree with each other, and
  // the app's connection stays free for its own work while rows stream out between awaits.
  const reader = db.memory ? db : new Database(db.name, { readonly: true, fileMustExist: true });
  if (reader !== db) reader.exec('BEGIN');
  try {
    for (const spec of EXPORT_TABLES) files.push({ name: spec.file, rows: await exportTable(reader, spec, join(dir, spec.file)) });
  } finally {
    if (reader !== db) {
      reader.exec('COMMIT');
      reader.close();
    }
  }
  return { dir, files };
}

/** A new export folder in the data dir's exports folder, named by the time. */
export const exportToFolder = (db: Db, dataDir: string, now = Date.now()): Promise<ExportResult> => exportAll(db, join(exportsDir(dataDir), `export-${fileStamp(now)}`));
