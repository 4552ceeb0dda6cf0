import { neutraliseFormula } from '../../shared/csv-safety';

/** UTF-8 byte order mark: Excel needs it to read UTF-8 CSV as UTF-8. */
export const UTF8_BOM = '\uFEFF';

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  const safe = typeof value === 'string' ? neutraliseFormula(text) : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV text with a header row of the given columns; formula-looking strings are neutralised. */
export function toCsv(columns: string[], rows: Array<Record<string, unknown>>, opts: { bom?: boolean } = {}): string {
  const lines = [columns.map(cell).join(',')];
  for (const r of rows) lines.push(columns.map((c) => cell(r[c])).join(','));
  return `${opts.bom === false ? '' : UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

/** The same CSV from rows already aligned to `columns` (the runner's form): no object per row. */
export function csvFromCells(columns: string[], rows: ReadonlyArray<ReadonlyArray<unknown>>, opts: { bom?: boolean } = {}): string {
  const lines = [columns.map(cell).join(',')];
  for (const r of rows) lines.push(columns.map((_, i) => cell(r[i])).join(','));
  return `${opts.bom === false ? '' : UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
