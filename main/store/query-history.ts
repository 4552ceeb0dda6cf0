import type { Db } from './db';
import { nowIso } from './db';
import { QueryInput, type HistoryEntry } from '../../shared/ipc/channels/query';

/**
 * Recent and saved queries per connection (table query_history). The `query` column holds the
 * JSON of what was run (`{ input, includeDeleted }`), so SOQL, HubSpot bodies and Pipedrive
 * filters share one table. Recent entries are deduplicated by that JSON and capped.
 */

/** Recent (unsaved) entries kept per connection; saved ones are never pruned. */
export const RECENT_LIMIT = 100;

interface HistoryRow {
  id: number;
  connection_id: string;
  name: string | null;
  query: string;
  saved: number;
  row_count: number | null;
  duration_ms: number | null;
  last_run_at: string | null;
  created_at: string;
}

interface StoredQuery {
  input: QueryInput;
  includeDeleted: boolean;
}

const encode = (q: StoredQuery): string => JSON.stringify({ input: q.input, includeDeleted: q.includeDeleted });

function decode(text: string): StoredQuery | undefined {
  try {
    const raw = JSON.parse(text) as { input?: unknown; includeDeleted?: unknown };
    const input = QueryInput.safeParse(raw.input);
    return input.success ? { input: input.data, includeDeleted: raw.includeDeleted === true } : undefined;
  } catch {
    return undefined;
  }
}

/** One line for a sidebar: the SOQL squeezed to one line, or what the filter asks for. */
export function summarize(input: QueryInput): string {
  switch (input.language) {
    case 'soql':
      return input.soql.replace(/\s+/g, ' ').trim();
    case 'hubspot-search': {
      const groups = Array.isArray(input.body.filterGroups) ? (input.body.filterGroups as Array<{ filters?: unknown[] }>) : [];
      const filters = groups.reduce((n, g) => n + (Array.isArray(g?.filters) ? g.filters.length : 0), 0);
      const q = typeof input.body.query === 'string' && input.body.query ? ` “${input.body.query}”` : '';
      return `${input.object}: ${filters === 0 ? 'all' : `${filters} filter${filters === 1 ? '' : 's'}`}${q}`;
    }
    case 'pipedrive-filter': {
      const parts = (input.filters ?? []).map((f) => `${f.field} ${f.op}${f.value !== undefined ? ` ${f.value}` : ''}`);
      if (input.term) parts.unshift(`“${input.term}”`);
      return `${input.object}${parts.length ? `: ${parts.join(', ')}` : ''}`;
    }
    case 'list-filter': {
      const parts = (input.filters ?? []).map((f) => `${f.name} = ${Array.isArray(f.value) ? f.value.join('|') : f.value}`);
      return `${input.object}${parts.length ? `: ${parts.join(', ')}` : ''}`;
    }
  }
}

function toEntry(row: HistoryRow): HistoryEntry | undefined {
  const q = decode(row.query);
  if (!q) return undefined;
  return {
    id: row.id,
    connectionId: row.connection_id,
    name: row.name,
    saved: row.saved === 1,
    input: q.input,
    includeDeleted: q.includeDeleted,
    summary: summarize(q.input),
    rowCount: row.row_count,
    durationMs: row.duration_ms,
    lastRunAt: row.last_run_at,
    createdAt: row.created_at,
  };
}

const entries = (rows: HistoryRow[]): HistoryEntry[] => rows.map(toEntry).filter((e): e is HistoryEntry => e !== undefined);

export function getQuery(db: Db, id: number): HistoryEntry | undefined {
  const row = db.prepare('SELECT * FROM query_history WHERE id = ?').get(id) as HistoryRow | undefined;
  return row ? toEntry(row) : undefined;
}

export function listRecent(db: Db, connectionId: string, limit = RECENT_LIMIT): HistoryEntry[] {
  return entries(
    db
      .prepare('SELECT * FROM query_history WHERE connection_id = ? AND saved = 0 ORDER BY COALESCE(last_run_at, created_at) DESC, id DESC LIMIT ?')
      .all(connectionId, limit) as HistoryRow[],
  );
}

export function listSaved(db: Db, connectionId: string): HistoryEntry[] {
  return entries(db.prepare('SELECT * FROM query_history WHERE connection_id = ? AND saved = 1 ORDER BY name COLLATE NOCASE, id').all(connectionId) as HistoryRow[]);
}

/**
 * Notes a run: the same query run again moves to the top instead of adding a row. Saved
 * queries that match get their counts updated too. Returns the recent entry's id.
 */
export function recordRun(db: Db, connectionId: string, q: StoredQuery, at = nowIso()): number {
  const text = encode(q);
  return db.transaction(() => {
    db.prepare('UPDATE query_history SET last_run_at = ? WHERE connection_id = ? AND saved = 1 AND query = ?').run(at, connectionId, text);
    const existing = db.prepare('SELECT id FROM query_history WHERE connection_id = ? AND saved = 0 AND query = ?').get(connectionId, text) as { id: number } | undefined;
    let id: number;
    if (existing) {
      db.prepare('UPDATE query_history SET last_run_at = ?, row_count = NULL, duration_ms = NULL WHERE id = ?').run(at, existing.id);
      id = existing.id;
    } else {
      id = Number(db.prepare('INSERT INTO query_history (connection_id, query, saved, last_run_at, created_at) VALUES (?, ?, 0, ?, ?)').run(connectionId, text, at, at).lastInsertRowid);
    }
    pruneRecent(db, connectionId);
    return id;
  })();
}

/** The outcome of a run: rows read and time taken (also on saved queries of the same text). */
export function recordOutcome(db: Db, id: number, rowCount: number, durationMs: number): void {
  const row = db.prepare('SELECT connection_id, query FROM query_history WHERE id = ?').get(id) as { connection_id: string; query: string } | undefined;
  if (!row) return;
  db.prepare('UPDATE query_history SET row_count = ?, duration_ms = ? WHERE connection_id = ? AND query = ?').run(rowCount, Math.round(durationMs), row.connection_id, row.query);
}

function pruneRecent(db: Db, connectionId: string): void {
  db.prepare(
    `DELETE FROM query_history WHERE connection_id = ? AND saved = 0 AND id NOT IN (
       SELECT id FROM query_history WHERE connection_id = ? AND saved = 0 ORDER BY COALESCE(last_run_at, created_at) DESC, id DESC LIMIT ?)`,
  ).run(connectionId, connectionId, RECENT_LIMIT);
}

/** Saves a query under a name; the same name on the same connection is overwritten. */
export function saveQuery(db: Db, connectionId: string, name: string, q: StoredQuery): HistoryEntry {
  const at = nowIso();
  const id = db.transaction(() => {
    const same = db.prepare('SELECT id FROM query_history WHERE connection_id = ? AND saved = 1 AND name = ?').get(connectionId, name) as { id: number } | undefined;
    if (same) {
      db.prepare('UPDATE query_history SET query = ? WHERE id = ?').run(encode(q), same.id);
      return same.id;
    }
    return Number(db.prepare('INSERT INTO query_history (connection_id, name, query, saved, created_at) VALUES (?, ?, ?, 1, ?)').run(connectionId, name, encode(q), at).lastInsertRowid);
  })();
  return getQuery(db, id)!;
}

/** Renaming a recent query saves it. */
export function renameQuery(db: Db, id: number, name: string): HistoryEntry | undefined {
  const changed = db.prepare('UPDATE query_history SET name = ?, saved = 1 WHERE id = ?').run(name, id).changes;
  return changed > 0 ? getQuery(db, id) : undefined;
}

export function deleteQuery(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM query_history WHERE id = ?').run(id).changes > 0;
}
