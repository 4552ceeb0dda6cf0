import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

/** Columns the rejected-rows CSV adds after the file's own; imports ignore them when it comes back. */
export const REJECT_COLUMNS = ['Rejected Reason', 'Source Line'] as const;

/**
 * Spreadsheet apps run cells that start with = + - @ (or tab / CR) as formulas. A leading `'`
 * makes them text; plain numbers like -12.5 are left alone. Import strips the mark again.
 */
export function neutraliseCell(text: string): string {
  if (!/^[=+\-@\t\r]/.test(text)) return text;
  if (/^[+-]?\d+([.,]\d+)?$/.test(text)) return text;
  return `'${text}`;
}

export function csvCell(text: string): string {
  const v = neutraliseCell(text);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export const csvLine = (cells: readonly string[]): string => `${cells.map(csvCell).join(',')}\r\n`;

/**
 * The rows an import rejected, as a CSV the user can fix and import again: the file's header
 * and cells as read, then why and from which line. UTF-8 with a BOM so Excel reads accents.
 */
export class RejectsFile {
  private out: WriteStream | null = null;
  count = 0;

  constructor(
    readonly path: string,
    private headers: readonly string[],
  ) {}

  async add(line: number, cells: readonly string[], reason: string): Promise<void> {
    if (!this.out) {
      this.out = createWriteStream(this.path);
      this.out.write(`\ufeff${csvLine([...this.headers, ...REJECT_COLUMNS])}`);
    }
    this.count++;
    if (!this.out.write(csvLine([...cells, reason, String(line)]))) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    if (!this.out) return;
    const out = this.out;
    this.out = null;
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }
}
