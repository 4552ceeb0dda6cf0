import type { CsvLayout, ReadStats } from './csv-file';

/** What the parse worker is started with. */
export interface WorkerInput {
  kind: 'parse-csv';
  layout: CsvLayout;
  batchSize: number;
  /** Batches the worker may send ahead of the main thread's acknowledgements. */
  window: number;
}

export type WorkerMessage =
  | { type: 'batch'; text: string | null; rows: string[][] | null; lines: Int32Array; ragged: Uint8Array; stats: ReadStats }
  | { type: 'done'; stats: ReadStats }
  | { type: 'error'; name: string; message: string };

/** Rows travel packed: cells joined by U+001F, rows by U+001E (arrays when a cell holds either). */
export const CELL_SEP = '\u001f';
export const ROW_SEP = '\u001e';
