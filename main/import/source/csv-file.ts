import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { TextDecoder } from 'node:util';
import { parse, type Options as ParseOptions } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import type { ImportDelimiter, ImportEncoding, ReadOptions } from '../../../shared/ipc/channels/import';
import { bomLengthOf, detectEncoding, looksBinary, SNIFF_BYTES } from './encoding';
import { sniffDelimiter } from './sniff';
import { findHeaderRow, HEADER_SEARCH_RECORDS } from './header-row';
import { dedupeHeaders } from './headers';
import { LineTracker } from './line-numbers';

/** A file that cannot be read as CSV; the message is one line for the person importing. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportFileError';
  }
}

export const MAX_COLUMNS = 1000;
/** One record (all its cells) above this is not an export row: usually a quote left open. */
export const MAX_RECORD_CHARS = 4 * 1024 * 1024;

export interface CsvLayout {
  path: string;
  fileName: string;
  size: number;
  encoding: ImportEncoding;
  encodingDetected: boolean;
  bomLength: number;
  delimiter: ImportDelimiter;
  delimiterDetected: boolean;
  /** Records before the header (title lines) plus the header itself are skipped when reading. */
  headerIndex: number;
  headerLine: number;
  headers: string[];
  renamedHeaders: Array<{ index: number; from: string; to: string }>;
}

export interface CsvRecord {
  line: number;
  cells: string[];
  /** The raw record had fewer or more cells than the header (padded / trimmed). */
  ragged: boolean;
}

export interface ReadStats {
  bytesRead: number;
  blankRecords: number;
  raggedRows: number;
}

function parserOptions(delimiter: string): ParseOptions {
  return {
    delimiter,
    bom: false,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
    info: true,
  };
}

/** Reads the head of the file and settles encoding, delimiter and header row. */
export async function inspectCsv(path: string, opts: ReadOptions, knownHeaders: ReadonlySet<string>, fileName = basename(path)): Promise<CsvLayout> {
  const size = (await stat(path)).size;
  if (size === 0) throw new ImportFileError('The file is empty.');
  const head = await readHead(path, Math.min(size, SNIFF_BYTES));
  const guess = detectEncoding(head);
  const encoding = opts.encoding ?? guess.encoding;
  const bomLength = opts.encoding ? bomLengthOf(head, encoding) : guess.bomLength;
  let sample = new TextDecoder(encoding).decode(head.subarray(bomLength), { stream: true });
  if (looksBinary(sample)) throw new ImportFileError('This file looks binary (an image, archive or spreadsheet), not a CSV export.');
  if (size > head.length) sample = cutAtLastLineBreak(sample);
  const sniffed = sniffDelimiter(sample);
  const delimiter = opts.delimiter ?? sniffed.delimiter;
  const records = parseSample(sample, delimiter);
  if (records.length === 0) throw new ImportFileError('The file has no rows.');
  const headerIndex = opts.headerLine ? headerIndexForLine(records, opts.headerLine) : findHeaderRow(records.map((r) => r.cells), knownHeaders);
  const headerCells = withoutTrailingBlanks(records[headerIndex].cells);
  if (headerCells.length > MAX_COLUMNS) {
    throw new ImportFileError(`The header row has ${headerCells.length} columns; at most ${MAX_COLUMNS} can be imported.`);
  }
  const { headers, renamed } = dedupeHeaders(headerCells);
  return {
    path,
    fileName,
    size,
    encoding,
    encodingDetected: !opts.encoding,
    bomLength,
    delimiter,
    delimiterDetected: !opts.delimiter && sniffed.certain,
    headerIndex,
    headerLine: records[headerIndex].line,
    headers,
    renamedHeaders: renamed,
  };
}

async function readHead(path: string, bytes: number): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** A trailing delimiter on the header line (Eventbrite writes one) is not a column. */
function withoutTrailingBlanks(cells: string[]): string[] {
  let n = cells.length;
  while (n > 1 && cells[n - 1].trim() === '') n--;
  return cells.slice(0, n);
}

function cutAtLastLineBreak(text: string): string {
  const cut = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return cut > 0 ? text.slice(0, cut + 1) : text;
}

function headerIndexForLine(records: Array<{ line: number }>, line: number): number {
  const i = records.findIndex((r) => r.line >= line);
  if (i < 0) throw new ImportFileError(`There is no row at line ${line} near the top of the file.`);
  return i;
}

/** The first records of the sample; a sample cut inside a quoted field is parsed up to there. */
function parseSample(sample: string, delimiter: string): Array<{ line: number; cells: string[] }> {
  for (const to of [HEADER_SEARCH_RECORDS + 10, 10, 3, 1]) {
    try {
      const rows = parseSync(sample, { ...parserOptions(delimiter), to }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
      const lines = new LineTracker();
      return rows
        .map((r) => ({ line: lines.startLine(r.info.lines, r.record), cells: r.record }))
        .filter((r) => r.cells.some((c) => c.trim() !== ''));
    } catch (err) {
      if (to === 1) throw toFileError(err);
    }
  }
  return [];
}

export function toFileError(err: unknown): Error {
  if (err instanceof ImportFileError) return err;
  const e = err as { code?: string; lines?: number; message?: string; name?: string };
  if (e?.name === 'AbortError') return err as Error;
  const where = typeof e?.lines === 'number' ? `Line ${e.lines}: ` : '';
  switch (e?.code) {
    case 'CSV_MAX_RECORD_SIZE':
      return new ImportFileError(`${where}a row is longer than ${MAX_RECORD_CHARS / 1024 / 1024} MB, so this is not a CSV export this app can read (a quote left open?).`);
    case 'CSV_QUOTE_NOT_CLOSED':
      return new ImportFileError(`${where}a quoted field is never closed.`);
    case undefined:
      return err instanceof Error ? err : new Error(String(err));
    default:
      return new ImportFileError(`${where}${(e.message ?? 'unreadable CSV').replace(/\s+at line \d+.*$/, '')}`);
  }
}

/** The synchronous core of a csv-parse Parser: `parse(buf, end, push, close)` answers an error or undefined. */
interface ParserCore {
  parse(buf: Buffer | undefined, end: boolean, push: (record: string[]) => void, close: () => void): Error | undefined;
  info: { lines: number };
}

/**
 * csv-parse's stream wrapper costs an object per record for line numbers (`info: true`) and
 * a promise per record to iterate; its core parser, fed chunk by chunk, gives both for free.
 * The core is what `Parser#_transform` calls; a csv-parse upgrade that moves it fails the
 * import tests loudly rather than silently.
 */
function parserCore(delimiter: string): ParserCore {
  const { info: _info, ...opts } = parserOptions(delimiter);
  const core = (parse(opts) as unknown as { api?: ParserCore }).api;
  if (!core || typeof core.parse !== 'function' || !core.info) throw new Error('csv-parse has no parser core (api.parse): check the csv-parse version');
  return core;
}

/**
 * Streams the data rows in batches, each cell array padded or trimmed to the header's width.
 * Memory stays at one read chunk plus its rows whatever the file size.
 */
export async function* readRecords(
  layout: CsvLayout,
  opts: { batchSize: number; signal?: AbortSignal; stats: ReadStats },
): AsyncGenerator<CsvRecord[]> {
  const source = createReadStream(layout.path, { start: layout.bomLength, highWaterMark: 1024 * 1024 });
  const decoder = layout.encoding === 'utf-8' ? null : new TextDecoder(layout.encoding);
  const core = parserCore(layout.delimiter);
  const width = layout.headers.length;
  const lines = new LineTracker();
  let index = 0;
  let pending: CsvRecord[] = [];
  const push = (cells: string[]) => {
    // A CRLF line in a file that otherwise ends lines with LF leaves its CR on the last cell.
    const last = cells.length - 1;
    if (last >= 0 && cells[last].endsWith('\r')) {
      cells[last] = cells[last].slice(0, -1);
      lines.extraLineCounted();
    }
    const line = lines.startLine(core.info.lines, cells);
    if (index++ <= layout.headerIndex) return;
    if (isBlank(cells)) {
      opts.stats.blankRecords++;
      return;
    }
    let ragged = false;
    if (cells.length > width) {
      // Extra empty cells (a trailing delimiter) lose nothing; extra values are reported.
      for (let i = width; i < cells.length && !ragged; i++) ragged = cells[i].trim() !== '';
      cells.length = width;
    } else if (cells.length < width) {
      ragged = true;
      while (cells.length < width) cells.push('');
    }
    if (ragged) opts.stats.raggedRows++;
    pending.push({ line, cells, ragged });
  };
  const feed = (buf: Buffer | undefined, end: boolean) => {
    const err = core.parse(buf, end, push, () => undefined);
    if (err) throw toFileError(err);
  };
  function* batches(): Generator<CsvRecord[]> {
    for (let i = 0; i < pending.length; i += opts.batchSize) yield pending.slice(i, i + opts.batchSize);
    pending = [];
  }
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      if (opts.signal?.aborted) throw Object.assign(new Error('Import cancelled'), { name: 'AbortError' });
      opts.stats.bytesRead += chunk.length;
      feed(decoder ? Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8') : chunk, false);
      yield* batches();
    }
    if (decoder) {
      const tail = decoder.decode();
      if (tail) feed(Buffer.from(tail, 'utf8'), false);
    }
    feed(undefined, true);
    yield* batches();
  } finally {
    source.destroy();
  }
}

function isBlank(cells: readonly string[]): boolean {
  for (const c of cells) if (c !== '' && c.trim() !== '') return false;
  return true;
}
