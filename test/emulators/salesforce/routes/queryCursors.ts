import type { IdFactory } from '../ids';
import type { SfRecord } from '../store';

/** Server-side query cursors behind `nextRecordsUrl` (`.../query/{locator}-{offset}`). */

interface Cursor {
  rows: SfRecord[];
  project: (row: SfRecord) => SfRecord;
  totalSize: number;
  batchSize: number;
}

/** A query answer before paging: its rows and how each is shown. */
export interface QueryAnswer {
  rows: SfRecord[];
  project: (row: SfRecord) => SfRecord;
  totalSize: number;
}

const MAX_OPEN_CURSORS = 100;
export const DEFAULT_BATCH = 2000;
export const MIN_BATCH = 200;

export interface Page {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: SfRecord[];
}

export class QueryCursors {
  private cursors = new Map<string, Cursor>();

  constructor(private readonly ids: IdFactory) {}

  /** First page of a result; opens a cursor when more rows remain. Rows are shown page by page. */
  open(answer: QueryAnswer, batchSize: number, version: string): Page {
    const { rows, project, totalSize } = answer;
    if (rows.length <= batchSize) return { totalSize, done: true, records: rows.map(project) };
    const locator = this.ids.next('01g');
    this.cursors.set(locator, { rows, project, totalSize, batchSize });
    if (this.cursors.size > MAX_OPEN_CURSORS) this.cursors.delete(this.cursors.keys().next().value!);
    return this.page(locator, 0, version)!;
  }

  /** The page at `{locator}-{offset}`, or undefined for an unknown or exhausted locator. */
  next(locatorWithOffset: string, version: string): Page | undefined {
    const m = /^(.+)-(\d+)$/.exec(locatorWithOffset);
    if (!m || !this.cursors.has(m[1])) return undefined;
    return this.page(m[1], Number(m[2]), version);
  }

  private page(locator: string, offset: number, version: string): Page | undefined {
    const c = this.cursors.get(locator)!;
    if (offset >= c.rows.length) return undefined;
    const end = offset + c.batchSize;
    const done = end >= c.rows.length;
    if (done) this.cursors.delete(locator);
    return {
      totalSize: c.totalSize,
      done,
      ...(done ? {} : { nextRecordsUrl: `/services/data/v${version}/query/${locator}-${end}` }),
      records: c.rows.slice(offset, end).map(c.project),
    };
  }

  reset(): void {
    this.cursors.clear();
  }
}

/** `Sforce-Query-Options: batchSize=N` (200..2000; anything else falls back to 2000). */
export function batchSizeFrom(header: string | string[] | undefined): number {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const m = /batchSize\s*=\s*(\d+)/i.exec(text);
  if (!m) return DEFAULT_BATCH;
  const n = Number(m[1]);
  return n >= MIN_BATCH && n <= DEFAULT_BATCH ? n : DEFAULT_BATCH;
}
