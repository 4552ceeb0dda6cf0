import type { ImportMapping, ImportProgress, ImportResult } from '../../../shared/ipc/channels/import';
import type { CsvLayout } from '../source/csv-file';

/** What the import worker is started with. */
export interface ImportWorkerInput {
  kind: 'import';
  dbPath: string;
  layout: CsvLayout;
  mapping: ImportMapping;
  source: string;
  dryRun: boolean;
  rejectsPath: string | null;
  keepAllRejected: boolean;
  chunkRows?: number;
  progressEveryMs?: number;
  /** Tests: the worker exits abruptly once this many rows are written (a crash mid-import). */
  crashAfterRows?: number;
}

export type ImportWorkerMessage =
  | { type: 'start'; runId: number }
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'result'; result: ImportResult }
  | { type: 'error'; name: string; message: string };
