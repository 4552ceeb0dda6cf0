import Database from 'better-sqlite3';
import { mkdirSync, existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { join, basename } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Db } from '../store/db';
import type { EventBus } from '../services/event-bus';
import type { Logger } from '../log/logger';
import type {
  EventChoice,
  ImportMapping,
  ImportPreview,
  ImportProgress,
  ImportResult,
  ImportRunSummary,
  PresetDefinition,
  PresetInfo,
  ReadOptions,
} from '../../shared/ipc/channels/import';
import { listUserPresets, saveUserPreset, deleteUserPreset } from '../store/import-presets';
import { listImportRuns, importRunRejectsPath } from '../store/import-runs';
import { builtInPresets, findBuiltIn } from './presets';
import { mappingToPreset } from './mapping/propose';
import { mappingMismatch } from './mapping/compile';
import { planImport, type ImportPlan } from './plan';
import { previewImport } from './preview';
import { inspectCsv } from './source/csv-file';
import { knownHeaders } from './mapping/propose';
import { runImport, recoverInterruptedImports, rollBack, ImportCancelled } from './run/run-import';
import { importWorkerEntry, runImportInWorker, ImportWorkerCrashed, IMPORT_WORKER_MIN_BYTES } from './run/import-in-worker';
import { UploadStore } from './uploads';

export class ImportUsageError extends Error {}

export interface ImportFileOptions {
  read?: ReadOptions;
  presetName?: string;
  mappingDef?: PresetDefinition;
  event?: EventChoice | null;
  dryRun?: boolean;
  /** Rejected rows go here instead of the data folder. */
  rejectsPath?: string;
  keepAllRejected?: boolean;
  onProgress?: (p: ImportProgress) => void;
}

export interface ImportService {
  upload(req: { uploadId?: string; fileName: string; offset: number; data: string; done: boolean }): { uploadId: string; size: number };
  discard(uploadId: string): boolean;
  preview(uploadId: string, read?: ReadOptions, presetName?: string): Promise<ImportPreview>;
  runUpload(uploadId: string, mapping: ImportMapping, read?: ReadOptions, dryRun?: boolean): Promise<ImportResult>;
  /** The CLI's path: plan (preset, mapping, formats) and import in one go. */
  importFile(path: string, opts: ImportFileOptions): Promise<ImportResult>;
  cancel(runId?: number): boolean;
  history(limit: number): ImportRunSummary[];
  presets(): PresetInfo[];
  savePreset(name: string, label: string | undefined, mapping: ImportMapping): PresetInfo;
  deletePreset(name: string): boolean;
  rejects(runId: number, offset: number): { fileName: string; text: string; nextOffset: number | null };
  recover(): number[];
}

const REJECTS_PIECE = 1024 * 1024;

const toInfo = (def: PresetDefinition, builtIn: boolean): PresetInfo => ({
  name: def.name,
  label: def.label ?? def.name,
  description: def.description ?? '',
  builtIn,
  definition: def,
});

/**
 * The import feature as the IPC handlers and the CLI use it. One import runs at a time; its
 * progress goes to the event bus as `importProgress`.
 */
export interface ImportServiceDeps {
  db: Db;
  dataDir: string;
  events?: EventBus;
  logger?: Logger;
  /** Tests: smaller chunks, progress after every chunk, parsing on this thread, no import worker. */
  tuning?: { chunkRows?: number; progressEveryMs?: number; inline?: boolean; inProcess?: boolean; crashWorkerAfterRows?: number };
}

export function createImportService(deps: ImportServiceDeps): ImportService {
  const { db } = deps;
  const dir = join(deps.dataDir, 'imports');
  const uploads = new UploadStore(join(dir, 'uploads'));
  mkdirSync(join(dir, 'rejects'), { recursive: true });
  uploads.sweep();
  let active: { controller: AbortController; runId: number | null } | null = null;

  const recover = (): number[] => {
    const ids = recoverInterruptedImports(db, new Set(active?.runId ? [active.runId] : []));
    if (ids.length) deps.logger?.warn(`Undid ${ids.length} import(s) interrupted by a crash or kill: runs ${ids.join(', ')}`);
    return ids;
  };
  recover();

  const emit = (p: ImportProgress, extra?: (p: ImportProgress) => void) => {
    deps.events?.emit('importProgress', p);
    extra?.(p);
  };

  async function execute(plan: Pick<ImportPlan, 'layout'> & { mapping: ImportMapping; source: string }, opts: ImportFileOptions): Promise<ImportResult> {
    if (active) throw new ImportUsageError('Another import is running; wait for it or cancel it first.');
    const mismatch = mappingMismatch(plan.layout.headers, plan.mapping.columns);
    if (mismatch) throw new ImportUsageError(mismatch);
    const controller = new AbortController();
    active = { controller, runId: null };
    const rejectsPath = opts.rejectsPath ?? join(dir, 'rejects', `rejects-${Date.now()}-${randomUUID().slice(0, 8)}.csv`);
    const workerEntry = deps.tuning?.inProcess || db.memory || plan.layout.size < IMPORT_WORKER_MIN_BYTES ? null : importWorkerEntry();
    try {
      if (workerEntry) {
        return await runImportInWorker(
          workerEntry,
          {
            dbPath: db.name,
            layout: plan.layout,
            mapping: plan.mapping,
            source: plan.source,
            dryRun: opts.dryRun ?? false,
            rejectsPath,
            keepAllRejected: opts.keepAllRejected ?? false,
            chunkRows: deps.tuning?.chunkRows,
            progressEveryMs: deps.tuning?.progressEveryMs,
            crashAfterRows: deps.tuning?.crashWorkerAfterRows,
          },
          {
            signal: controller.signal,
            onStart: (runId) => active && (active.runId = runId),
            onProgress: (p) => emit(p, opts.onProgress),
          },
        ).catch((err: unknown) => {
          // The worker died mid-run (memory, a native crash): undo what it committed now.
          if (err instanceof ImportWorkerCrashed && err.runId !== null) rollBack(db, err.runId, 'failed', plan.layout.fileName, err.message);
          throw err;
        });
      }
      return await runInProcess(plan, opts, controller, rejectsPath);
    } finally {
      active = null;
    }
  }

  async function runInProcess(
    plan: Pick<ImportPlan, 'layout'> & { mapping: ImportMapping; source: string },
    opts: ImportFileOptions,
    controller: AbortController,
    rejectsPath: string,
  ): Promise<ImportResult> {
    const dry = opts.dryRun ? openDryRunConnection(db) : null;
    try {
      return await runImport({
        db: dry?.db ?? db,
        layout: plan.layout,
        mapping: plan.mapping,
        source: plan.source,
        dryRun: opts.dryRun ?? false,
        rejectsPath,
        keepAllRejected: opts.keepAllRejected,
        signal: controller.signal,
        chunkRows: deps.tuning?.chunkRows,
        progressEveryMs: deps.tuning?.progressEveryMs,
        inline: deps.tuning?.inline,
        onStart: (runId) => active && (active.runId = runId),
        onProgress: (p) => emit(p, opts.onProgress),
      });
    } finally {
      dry?.close();
    }
  }

  const sourceOf = (presetName: string | null, def?: PresetDefinition | null): string =>
    def?.source ?? (presetName ? (findBuiltIn(presetName)?.source ?? listUserPresets(db).find((p) => p.name === presetName)?.source) : undefined) ?? 'csv';

  return {
    upload(req) {
      return uploads.write({ uploadId: req.uploadId, fileName: basename(req.fileName), offset: req.offset, data: Buffer.from(req.data, 'base64') });
    },
    discard: (id) => uploads.discard(id),
    async preview(uploadId, read = {}, presetName) {
      const file = uploads.get(uploadId);
      const plan = await planImport({ path: file.path, fileName: file.fileName, read, userPresets: listUserPresets(db), presetName });
      return previewImport(db, plan);
    },
    async runUpload(uploadId, mapping, read = {}, dryRun = false) {
      const file = uploads.get(uploadId);
      const all = [...listUserPresets(db), ...builtInPresets];
      const layout = await inspectCsv(file.path, read, knownHeaders(all), file.fileName);
      try {
        const result = await execute({ layout, mapping, source: sourceOf(mapping.preset) }, { dryRun });
        if (!dryRun) uploads.discard(uploadId);
        return result;
      } catch (err) {
        if (err instanceof ImportCancelled) return cancelledResult(file.fileName, mapping.preset, dryRun);
        throw err;
      }
    },
    async importFile(path, opts) {
      if (!existsSync(path) || !statSync(path).isFile()) throw new ImportUsageError(`No such file: ${path}`);
      const plan = await planImport({ path, read: opts.read ?? {}, userPresets: listUserPresets(db), presetName: opts.presetName, mappingDef: opts.mappingDef, event: opts.event });
      return execute({ layout: plan.layout, mapping: plan.mapping, source: sourceOf(plan.mapping.preset, opts.mappingDef ?? plan.preset) }, opts);
    },
    cancel(runId) {
      if (!active || (runId !== undefined && active.runId !== runId)) return false;
      active.controller.abort();
      return true;
    },
    history: (limit) => listImportRuns(db, limit),
    presets: () => [...listUserPresets(db).map((p) => toInfo(p, false)), ...builtInPresets.map((p) => toInfo(p, true))],
    savePreset(name, label, mapping) {
      if (findBuiltIn(name)) throw new ImportUsageError(`"${name}" is a built-in preset; choose another name.`);
      const base = mapping.preset ? (findBuiltIn(mapping.preset) ?? listUserPresets(db).find((p) => p.name === mapping.preset) ?? null) : null;
      const def = mappingToPreset(name, label, mapping.columns, base, { dateOrder: mapping.dateOrder, decimal: mapping.decimal });
      saveUserPreset(db, def);
      return toInfo(def, false);
    },
    deletePreset: (name) => deleteUserPreset(db, name),
    rejects(runId, offset) {
      const run = importRunRejectsPath(db, runId);
      if (!run?.path || !existsSync(run.path)) throw new ImportUsageError('This import kept no rejected rows.');
      const { text, next } = readPiece(run.path, offset);
      return { fileName: `${run.fileName.replace(/\.[^.]*$/, '')}-rejected.csv`, text, nextOffset: next };
    },
    recover,
  };
}

/** Cuts at a byte offset, backing up to a UTF-8 character boundary so pieces join cleanly. */
function readPiece(path: string, offset: number): { text: string; next: number | null } {
  const size = statSync(path).size;
  if (offset >= size) return { text: '', next: null };
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(Math.min(REJECTS_PIECE, size - offset));
    const n = readSync(fd, buf, 0, buf.length, offset);
    let end = n;
    if (offset + n < size) while (end > 0 && (buf[end] & 0xc0) === 0x80) end--;
    return { text: buf.subarray(0, end).toString('utf8'), next: offset + end < size ? offset + end : null };
  } finally {
    closeSync(fd);
  }
}

function cancelledResult(fileName: string, preset: string | null, dryRun: boolean): ImportResult {
  return {
    runId: null, status: 'cancelled', dryRun, fileName, preset, rows: 0, created: 0, updated: 0, unchanged: 0, rejectedCount: 0,
    rejected: [], warningCount: 0, warnings: [], people: 0, queuedForPush: 0, durationMs: 0, rowsPerSecond: 0,
    rejectsAvailable: false, error: 'Import cancelled; nothing was changed.',
  };
}

/**
 * A dry run writes through its own connection inside one transaction that is rolled back, so
 * nothing it does is ever visible, and the shared connection stays free for other work.
 */
function openDryRunConnection(db: Db): { db: Db; close(): void } {
  if (db.memory || !db.name || db.name === ':memory:') {
    db.exec('SAVEPOINT import_dry_run');
    return { db, close: () => db.exec('ROLLBACK TO import_dry_run; RELEASE import_dry_run') };
  }
  const conn = new Database(db.name);
  conn.pragma('busy_timeout = 5000');
  conn.pragma('foreign_keys = ON');
  conn.exec('BEGIN IMMEDIATE');
  return {
    db: conn,
    close: () => {
      if (conn.inTransaction) conn.exec('ROLLBACK');
      conn.close();
    },
  };
}
