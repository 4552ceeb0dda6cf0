import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readRecords, ImportFileError, type CsvLayout, type CsvRecord, type ReadStats } from './csv-file';
import { CELL_SEP, ROW_SEP, type WorkerInput, type WorkerMessage } from './parse-protocol';

/** Below this a worker's start-up costs more than parsing on the main thread. */
export const WORKER_MIN_BYTES = 4 * 1024 * 1024;

declare const __filename: string | undefined;

/**
 * Where the parse worker is: next to this module when running from source (loaded through
 * tsx), or `import-parse-worker.mjs` beside the bundle. Null when neither is there; reading
 * then happens on the calling thread, with the same results.
 */
export function workerEntry(): { url: URL; execArgv: string[] } | null {
  const here = typeof __filename === 'string' ? pathToFileURL(__filename).href : import.meta.url;
  if (/\.ts$/.test(here)) {
    try {
      createRequire(here).resolve('tsx/esm/api');
    } catch {
      return null;
    }
    return { url: new URL('./parse-worker-dev.mjs', here), execArgv: [] };
  }
  const url = new URL('./import-parse-worker.mjs', here);
  return existsSync(fileURLToPath(url)) ? { url, execArgv: [] } : null;
}

export interface ReadOptions {
  batchSize: number;
  signal?: AbortSignal;
  stats: ReadStats;
  /** Force reading on this thread (tests; tiny files). */
  inline?: boolean;
}

/**
 * The file's data rows in batches, parsed on a worker thread when the file is big enough and
 * a worker can start, so parsing overlaps the store writes; otherwise on this thread.
 */
export function readRecordsThreaded(layout: CsvLayout, opts: ReadOptions): AsyncGenerator<CsvRecord[]> {
  const entry = opts.inline || layout.size < WORKER_MIN_BYTES ? null : workerEntry();
  return entry ? viaWorker(layout, opts, entry) : readRecords(layout, opts);
}

function unpack(msg: Extract<WorkerMessage, { type: 'batch' }>): CsvRecord[] {
  const rows = msg.rows ?? msg.text!.split(ROW_SEP).map((r) => r.split(CELL_SEP));
  return rows.map((cells, i) => ({ line: msg.lines[i], cells, ragged: msg.ragged[i] === 1 }));
}

async function* viaWorker(layout: CsvLayout, opts: ReadOptions, entry: { url: URL; execArgv: string[] }): AsyncGenerator<CsvRecord[]> {
  const input: WorkerInput = { kind: 'parse-csv', layout, batchSize: opts.batchSize, window: 3 };
  // A small old generation makes the worker collect its short-lived rows early instead of growing.
  const worker = new Worker(entry.url, { workerData: input, execArgv: entry.execArgv, stdout: false, stderr: false, resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 } });
  const queue: WorkerMessage[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (m: WorkerMessage) => (queue.push(m), notify()));
  worker.on('error', (err) => ((failure = err), notify()));
  worker.on('exit', (code) => {
    if (code !== 0 && !failure) failure = new Error(`The CSV reader stopped (exit code ${code}).`);
    notify();
  });
  const onAbort = () => ((failure = Object.assign(new Error('Import cancelled'), { name: 'AbortError' })), notify());
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      while (queue.length === 0 && !failure) await new Promise<void>((r) => (wake = r));
      if (failure) throw failure;
      const msg = queue.shift()!;
      if (msg.type === 'error') throw msg.name === 'ImportFileError' ? new ImportFileError(msg.message) : Object.assign(new Error(msg.message), { name: msg.name });
      Object.assign(opts.stats, msg.stats);
      if (msg.type === 'done') return;
      worker.postMessage('ack');
      yield unpack(msg);
    }
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    await worker.terminate();
  }
}
