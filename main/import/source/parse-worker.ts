/**
 * Worker thread entry: reads and parses the CSV while the main thread writes the previous
 * batch to the store. Rows travel as one packed string per batch (cells joined by U+001F,
 * rows by U+001E) because cloning thousands of small arrays costs the receiver more than the
 * parsing saved. Files that contain those control characters travel as arrays instead.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readRecords, type ReadStats } from './csv-file';
import { CELL_SEP, ROW_SEP, type WorkerInput, type WorkerMessage } from './parse-protocol';

const hasSeparator = (text: string): boolean => text.includes(CELL_SEP) || text.includes(ROW_SEP);

async function main(): Promise<void> {
  const port = parentPort!;
  const input = workerData as WorkerInput;
  let credit = input.window;
  let wake: (() => void) | null = null;
  port.on('message', () => {
    credit++;
    wake?.();
  });
  const stats: ReadStats = { bytesRead: 0, blankRecords: 0, raggedRows: 0 };
  try {
    for await (const batch of readRecords(input.layout, { batchSize: input.batchSize, stats })) {
      while (credit <= 0) await new Promise<void>((r) => (wake = r));
      wake = null;
      credit--;
      const lines = new Int32Array(batch.length);
      const ragged = new Uint8Array(batch.length);
      let safe = true;
      const packed: string[] = new Array(batch.length);
      batch.forEach((rec, i) => {
        lines[i] = rec.line;
        ragged[i] = rec.ragged ? 1 : 0;
        const row = rec.cells.join(CELL_SEP);
        if (safe && rec.cells.some(hasSeparator)) safe = false;
        packed[i] = row;
      });
      const msg: WorkerMessage = safe
        ? { type: 'batch', text: packed.join(ROW_SEP), rows: null, lines, ragged, stats: { ...stats } }
        : { type: 'batch', text: null, rows: batch.map((r) => r.cells), lines, ragged, stats: { ...stats } };
      port.postMessage(msg, [lines.buffer, ragged.buffer]);
    }
    port.postMessage({ type: 'done', stats } satisfies WorkerMessage);
  } catch (err) {
    const e = err as Error;
    port.postMessage({ type: 'error', name: e?.name ?? 'Error', message: e?.message ?? String(err) } satisfies WorkerMessage);
  }
}

if (parentPort && (workerData as WorkerInput | undefined)?.kind === 'parse-csv') void main();
