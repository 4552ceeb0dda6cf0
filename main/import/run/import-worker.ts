/**
 * Worker thread entry that runs one import with its own connection to the store, so the app's
 * main thread stays free and the import's short-lived garbage lives in a heap of its own, capped
 * by the spawner. Messages: start {runId}, progress, result, error; it accepts 'cancel'.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { ImportWorkerInput, ImportWorkerMessage } from './import-protocol';
import { runImport } from './run-import';

async function main(): Promise<void> {
  const port = parentPort!;
  const input = workerData as ImportWorkerInput;
  const controller = new AbortController();
  port.on('message', (m) => m === 'cancel' && controller.abort());
  const post = (m: ImportWorkerMessage) => port.postMessage(m);
  const db = new Database(input.dbPath);
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  // A dry run writes inside one transaction that is rolled back: nothing it does is ever seen.
  if (input.dryRun) db.exec('BEGIN IMMEDIATE');
  try {
    const result = await runImport({
      db,
      layout: input.layout,
      mapping: input.mapping,
      source: input.source,
      dryRun: input.dryRun,
      rejectsPath: input.rejectsPath,
      keepAllRejected: input.keepAllRejected,
      chunkRows: input.chunkRows,
      progressEveryMs: input.progressEveryMs,
      signal: controller.signal,
      // Parsing stays on this thread: a second worker would cost more memory than it saves time.
      inline: true,
      onStart: (runId) => post({ type: 'start', runId }),
      onProgress: (progress) => {
        post({ type: 'progress', progress });
        if (input.crashAfterRows !== undefined && progress.rows >= input.crashAfterRows) process.exit(70);
      },
    });
    post({ type: 'result', result });
  } catch (err) {
    const e = err as Error;
    post({ type: 'error', name: e?.name ?? 'Error', message: e?.message ?? String(err) });
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.close();
  }
}

if (parentPort && (workerData as ImportWorkerInput | undefined)?.kind === 'import') void main();
