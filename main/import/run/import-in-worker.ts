import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ImportProgress, ImportResult } from '../../../shared/ipc/channels/import';
import { ImportFileError } from '../source/csv-file';
import { ImportCancelled } from './run-import';
import type { ImportWorkerInput, ImportWorkerMessage } from './import-protocol';

declare const __filename: string | undefined;

/** Files smaller than this import on the calling thread: a worker's start-up would dominate. */
export const IMPORT_WORKER_MIN_BYTES = 2 * 1024 * 1024;

/**
 * The import's heap: a base for the work in flight plus room for the per-row bookkeeping (rows
 * seen, new people's running figures: a few hundred bytes a row), estimated from the file size.
 * A cap keeps the garbage of a big import from growing the app's memory; V8 collects sooner.
 */
export function heapLimits(fileBytes: number): { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number } {
  const mb = fileBytes / (1024 * 1024);
  return { maxOldGenerationSizeMb: Math.round(Math.min(2048, 128 + mb * 1.2)), maxYoungGenerationSizeMb: 32 };
}

/**
 * Where the import worker is: beside this module in a source checkout (started through tsx), or
 * `import-worker.mjs` beside the bundle. Null when neither exists; the import then runs on the
 * calling thread with the same results.
 */
export function importWorkerEntry(): URL | null {
  const here = typeof __filename === 'string' ? pathToFileURL(__filename).href : import.meta.url;
  if (/\.ts$/.test(here)) {
    try {
      createRequire(here).resolve('tsx/esm/api');
    } catch {
      return null;
    }
    return new URL('./import-worker-dev.mjs', here);
  }
  const url = new URL('./import-worker.mjs', here);
  return existsSync(fileURLToPath(url)) ? url : null;
}

export interface WorkerRunHooks {
  signal: AbortSignal;
  onStart: (runId: number) => void;
  onProgress: (p: ImportProgress) => void;
}

export class ImportWorkerCrashed extends Error {
  constructor(
    message: string,
    readonly runId: number | null,
  ) {
    super(message);
    this.name = 'ImportWorkerCrashed';
  }
}

/** Runs one import on a worker thread; errors come back as the same classes as in-process. */
export function runImportInWorker(entry: URL, input: Omit<ImportWorkerInput, 'kind'>, hooks: WorkerRunHooks): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const workerData: ImportWorkerInput = { kind: 'import', ...input };
    const worker = new Worker(entry, { workerData, resourceLimits: heapLimits(input.layout.size), stdout: false, stderr: false });
    let runId: number | null = null;
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      hooks.signal.removeEventListener('abort', cancel);
      // Its message port would keep the worker (and the process) alive.
      void worker.terminate();
      fn();
    };
    const cancel = () => worker.postMessage('cancel');
    hooks.signal.addEventListener('abort', cancel, { once: true });
    worker.on('message', (m: ImportWorkerMessage) => {
      if (m.type === 'start') {
        runId = m.runId;
        hooks.onStart(m.runId);
      } else if (m.type === 'progress') hooks.onProgress(m.progress);
      else if (m.type === 'result') finish(() => resolve(m.result));
      else {
        const err = m.name === 'ImportFileError' ? new ImportFileError(m.message) : m.name === 'AbortError' ? new ImportCancelled() : Object.assign(new Error(m.message), { name: m.name });
        finish(() => reject(err));
      }
    });
    worker.on('error', (err) => {
      const why = (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'The import ran out of memory.' : `The import stopped: ${err.message}`;
      finish(() => reject(new ImportWorkerCrashed(why, runId)));
    });
    worker.on('exit', (code) => finish(() => reject(new ImportWorkerCrashed(`The import stopped unexpectedly (exit code ${code}).`, runId))));
  });
}
