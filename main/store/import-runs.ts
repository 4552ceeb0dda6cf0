import type { Db } from './db';
import { nowIso } from './db';
import type { ImportRunStatus, ImportRunSummary } from '../../shared/ipc/channels/import';

export interface NewImportRun {
  fileName: string;
  preset: string | null;
  dryRun: boolean;
  options: unknown;
  ownerPid: number;
}

export interface RunCounts {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

interface RunRow {
  id: number;
  file_name: string;
  preset: string | null;
  status: ImportRunStatus;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  report: string | null;
  started_at: string;
  finished_at: string | null;
  owner_pid: number | null;
  rejects_path: string | null;
}

export function createImportRun(db: Db, r: NewImportRun): number {
  return Number(
    db
      .prepare(
        `INSERT INTO import_runs (file_name, preset, status, dry_run, options, owner_pid, started_at)
         VALUES (?, ?, 'running', ?, ?, ?, ?)`,
      )
      .run(r.fileName, r.preset, r.dryRun ? 1 : 0, JSON.stringify(r.options), r.ownerPid, nowIso()).lastInsertRowid,
  );
}

/** Counts so far; written in each chunk's transaction so they match what is committed. */
export function saveRunProgress(db: Db, id: number, c: RunCounts): void {
  db.prepare('UPDATE import_runs SET rows = ?, created = ?, updated = ?, unchanged = ?, rejected = ? WHERE id = ?').run(
    c.rows, c.created, c.updated, c.unchanged, c.rejected, id,
  );
}

export function finishImportRun(
  db: Db,
  id: number,
  status: ImportRunStatus,
  c: RunCounts,
  report: unknown,
  rejectsPath: string | null,
): void {
  db.prepare(
    `UPDATE import_runs SET status = ?, rows = ?, created = ?, updated = ?, unchanged = ?, rejected = ?, report = ?,
            rejects_path = ?, finished_at = ? WHERE id = ?`,
  ).run(status, c.rows, c.created, c.updated, c.unchanged, c.rejected, JSON.stringify(report), rejectsPath, nowIso(), id);
}

export function setRunStatus(db: Db, id: number, status: ImportRunStatus, report?: unknown): void {
  db.prepare('UPDATE import_runs SET status = ?, report = coalesce(?, report), finished_at = ? WHERE id = ?').run(
    status, report === undefined ? null : JSON.stringify(report), nowIso(), id,
  );
}

export function runningImports(db: Db): Array<{ id: number; ownerPid: number | null; fileName: string }> {
  return (db.prepare(`SELECT id, owner_pid, file_name FROM import_runs WHERE status = 'running'`).all() as RunRow[]).map((r) => ({
    id: r.id,
    ownerPid: r.owner_pid,
    fileName: r.file_name,
  }));
}

export function importRunRejectsPath(db: Db, id: number): { fileName: string; path: string | null } | undefined {
  const row = db.prepare('SELECT file_name, rejects_path FROM import_runs WHERE id = ?').get(id) as RunRow | undefined;
  return row ? { fileName: row.file_name, path: row.rejects_path } : undefined;
}

export function listImportRuns(db: Db, limit: number): ImportRunSummary[] {
  const rows = db.prepare('SELECT * FROM import_runs WHERE dry_run = 0 ORDER BY id DESC LIMIT ?').all(limit) as RunRow[];
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    preset: r.preset,
    status: r.status,
    rows: r.rows,
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    rejected: r.rejected,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    rejectsAvailable: r.rejects_path !== null && r.rejected > 0,
  }));
}
