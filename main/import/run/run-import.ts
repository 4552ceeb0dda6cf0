import type { Db } from '../../store/db';
import { inTransaction, nowIso } from '../../store/db';
import type { ImportMapping, ImportProgress, ImportResult, RejectedRow, RowWarning } from '../../../shared/ipc/channels/import';
import { createImportRun, finishImportRun, runningImports, saveRunProgress, setRunStatus, type RunCounts } from '../../store/import-runs';
import { dropJournal, peopleTouchedByRun, undoRun } from '../../store/import-undo';
import { appendAudit } from '../../store/audit-log';
import type { CsvLayout, CsvRecord, ReadStats } from '../source/csv-file';
import { readRecordsThreaded } from '../source/threaded-reader';
import { compileMapping } from '../mapping/compile';
import { buildRow, type RowContext, type RowIssue } from '../rows/build-row';
import { StoreMerger } from './merge';
import { RejectsFile } from './rejects-file';
import { enqueuePushes } from './enqueue-push';

export const CHUNK_ROWS = 2000;
const IMPORT_CACHE_KIB = -16384;
const KEEP_REJECTED = 1000;
const KEEP_WARNINGS = 200;

export interface RunImportInput {
  db: Db;
  layout: CsvLayout;
  mapping: ImportMapping;
  /** Orders are keyed per platform: the preset's source (`csv` for plain lists). */
  source: string;
  dryRun: boolean;
  /** Where the rejected-rows CSV goes; null to keep none. */
  rejectsPath: string | null;
  /** Keep every rejected row in the result (the CLI prints them all). */
  keepAllRejected?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  /** Called with the run id as soon as it exists. */
  onStart?: (runId: number) => void;
  chunkRows?: number;
  today?: string;
  /** Parse on this thread even for big files. */
  inline?: boolean;
  progressEveryMs?: number;
}

export class ImportCancelled extends Error {
  constructor() {
    super('Import cancelled; nothing was changed.');
    this.name = 'AbortError';
  }
}

const peopleCount = (db: Db): number => (db.prepare('SELECT count(*) FROM people').pluck().get() as number) ?? 0;

/** What a run has counted so far, and the first rejected rows and warnings it keeps to show. */
class Tally {
  counts: RunCounts = { rows: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 };
  rejected: RejectedRow[] = [];
  warnings: RowWarning[] = [];
  warningCount = 0;

  constructor(private keepAllRejected: boolean) {}

  issues(line: number, issues: readonly RowIssue[]): void {
    for (const issue of issues) {
      this.warningCount++;
      if (this.warnings.length < KEEP_WARNINGS) this.warnings.push({ line, message: issue.message });
    }
  }

  reject(line: number, reason: string): void {
    if (this.keepAllRejected || this.rejected.length < KEEP_REJECTED) this.rejected.push({ line, reason });
  }
}

const RAGGED: RowIssue = { kind: 'value', column: '', value: '', message: 'Row has a different number of cells than the header (padded or trimmed)' };

/** One chunk in one transaction: every row merged or rejected, derived figures settled, counts saved. */
async function writeBatch(
  db: Db,
  runId: number,
  batch: CsvRecord[],
  ctx: RowContext,
  merger: StoreMerger,
  tally: Tally,
  rejects: RejectsFile | null,
): Promise<void> {
  const built = batch.map((rec) => ({ rec, res: buildRow(rec.line, rec.cells, ctx) }));
  const now = nowIso();
  inTransaction(db, () => {
    for (const { rec, res } of built) {
      tally.counts.rows++;
      if (!res.ok) {
        tally.counts.rejected++;
        continue;
      }
      tally.counts[merger.mergeRow(res.row, now)]++;
      tally.issues(rec.line, rec.ragged ? [...res.issues, RAGGED] : res.issues);
    }
    merger.finishChunk(now);
    saveRunProgress(db, runId, tally.counts);
  });
  for (const { rec, res } of built) {
    if (res.ok) continue;
    tally.reject(rec.line, res.reason);
    await rejects?.add(rec.line, rec.cells, res.reason);
  }
}

/**
 * Checkpointing the WAL after every few chunks makes the import wait on fsync (once at the end
 * is enough), and email lookups over a large store miss SQLite's default 2 MB page cache.
 * Answers a function that puts both settings back.
 */
function tuneForImport(db: Db): () => void {
  const autoCheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 0');
  db.pragma(`cache_size = ${IMPORT_CACHE_KIB}`);
  return () => {
    db.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
    db.pragma(`cache_size = ${cacheSize}`);
  };
}

/**
 * Imports the file's rows into the store, one transaction per chunk of rows. Each committed
 * chunk is consistent (derived figures included). Cancelling or failing undoes the whole run;
 * a run cut short by a crash is undone by `recoverInterruptedImports`.
 */
export async function runImport(input: RunImportInput): Promise<ImportResult> {
  const { db, layout, mapping } = input;
  const started = Date.now();
  const runId = inTransaction(db, () =>
    createImportRun(db, { fileName: layout.fileName, preset: mapping.preset, dryRun: input.dryRun, options: { mapping, encoding: layout.encoding, delimiter: layout.delimiter }, ownerPid: process.pid }),
  );
  input.onStart?.(runId);
  const tally = new Tally(input.keepAllRejected ?? false);
  const stats: ReadStats = { bytesRead: 0, blankRecords: 0, raggedRows: 0 };
  const rejects = input.rejectsPath ? new RejectsFile(input.rejectsPath, layout.headers) : null;
  const ctx: RowContext = {
    mapping: compileMapping(layout.headers, mapping.columns),
    dateOrder: mapping.dateOrder,
    decimal: mapping.decimal,
    event: mapping.event ?? null,
    today: input.today ?? nowIso().slice(0, 10),
  };
  const merger = new StoreMerger(db, runId, input.source);
  let lastProgress = 0;
  const progress = (phase: ImportProgress['phase'], force = false) => {
    const now = Date.now();
    if (!input.onProgress || (!force && now - lastProgress < (input.progressEveryMs ?? 100))) return;
    lastProgress = now;
    input.onProgress({ runId, phase, ...tally.counts, bytesRead: stats.bytesRead, totalBytes: layout.size, rowsPerSecond: rate(tally.counts.rows, now - started) });
  };
  progress('reading', true);
  const restore = tuneForImport(db);
  try {
    for await (const batch of readRecordsThreaded(layout, { batchSize: input.chunkRows ?? CHUNK_ROWS, signal: input.signal, stats, inline: input.inline })) {
      await writeBatch(db, runId, batch, ctx, merger, tally, rejects);
      if (input.signal?.aborted) throw new ImportCancelled();
      progress('reading');
      // Batches can arrive faster than they are written; without a turn of the event loop between
      // chunks, IPC (progress, cancel, every other request) would wait for the whole import.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await rejects?.close();
    progress('finishing', true);
    const rejectsPath = rejects && rejects.count > 0 ? rejects.path : null;
    const queued = finish(input, runId, tally, rejectsPath, stats);
    const ms = Date.now() - started;
    const c = tally.counts;
    progress('done', true);
    return {
      runId: input.dryRun ? null : runId,
      status: input.dryRun ? 'dry_run' : 'completed',
      dryRun: input.dryRun,
      fileName: layout.fileName,
      preset: mapping.preset,
      rows: c.rows,
      created: c.created,
      updated: c.updated,
      unchanged: c.unchanged,
      rejectedCount: c.rejected,
      rejected: tally.rejected,
      warningCount: tally.warningCount,
      warnings: tally.warnings,
      people: peopleCount(db),
      queuedForPush: queued,
      durationMs: ms,
      rowsPerSecond: rate(c.rows, ms),
      rejectsAvailable: rejectsPath !== null,
      error: null,
    };
  } catch (err) {
    await rejects?.close().catch(() => undefined);
    const cancelled = err instanceof ImportCancelled || (err as Error)?.name === 'AbortError' || input.signal?.aborted === true;
    progress('rolling-back', true);
    rollBack(db, runId, cancelled ? 'cancelled' : 'failed', layout.fileName, cancelled ? 'cancelled by the user' : (err as Error).message);
    progress(cancelled ? 'cancelled' : 'failed', true);
    if (cancelled) throw new ImportCancelled();
    throw err;
  } finally {
    restore();
  }
}

const rate = (rows: number, ms: number): number => (ms > 0 ? Math.round((rows * 1000) / ms) : rows);

function finish(input: RunImportInput, runId: number, tally: Tally, rejectsPath: string | null, stats: ReadStats): number {
  const { db, layout, mapping } = input;
  const counts = tally.counts;
  return inTransaction(db, () => {
    const touched = peopleTouchedByRun(db, runId);
    const queued = input.dryRun ? 0 : enqueuePushes(db, touched, runId);
    const summary = `Imported ${layout.fileName}: ${counts.rows} rows, ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.rejected} rejected`;
    finishImportRun(db, runId, input.dryRun ? 'dry_run' : 'completed', counts, {
      rejected: tally.rejected.slice(0, 100),
      warningCount: tally.warningCount,
      blankLines: stats.blankRecords,
      raggedRows: stats.raggedRows,
      queuedForPush: queued,
      peopleTouched: touched.length,
    }, rejectsPath);
    dropJournal(db, runId);
    if (!input.dryRun) {
      appendAudit(db, {
        kind: 'import',
        action: 'import',
        outcome: counts.rejected > 0 ? 'warning' : 'ok',
        summary,
        detail: { runId, fileName: layout.fileName, preset: mapping.preset, event: mapping.event ?? null, ...counts, queuedForPush: queued, encoding: layout.encoding, delimiter: layout.delimiter },
      });
    }
    return queued;
  });
}

/** Undoes a run in one transaction and records why. */
export function rollBack(db: Db, runId: number, status: 'cancelled' | 'failed' | 'rolled_back', fileName: string, why: string): void {
  inTransaction(db, () => {
    const undone = undoRun(db, runId);
    setRunStatus(db, runId, status, { reason: why, ...undone });
    appendAudit(db, {
      kind: 'import',
      action: status === 'rolled_back' ? 'recover' : 'import',
      outcome: status === 'cancelled' ? 'info' : 'error',
      summary: `Import of ${fileName} ${status === 'cancelled' ? 'cancelled' : status === 'failed' ? 'failed' : 'was interrupted'}; the store is as it was before (${why})`,
      detail: { runId, ...undone },
    });
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs left 'running' by a process that is gone (killed, crashed, power cut) are undone, so
 * the store never keeps half an import. Runs of live processes, and `active` ones of this
 * process, are left alone.
 */
export function recoverInterruptedImports(db: Db, active: ReadonlySet<number> = new Set()): number[] {
  const recovered: number[] = [];
  for (const run of runningImports(db)) {
    if (active.has(run.id)) continue;
    const pid = run.ownerPid;
    if (pid !== null && pid !== process.pid && processAlive(pid)) continue;
    rollBack(db, run.id, 'rolled_back', run.fileName, 'the app stopped during the import');
    recovered.push(run.id);
  }
  return recovered;
}
