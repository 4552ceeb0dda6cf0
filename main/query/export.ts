import type { Cell } from '../../shared/ipc/channels/query';
import { csvFromCells } from './export-csv';

export type ExportFormat = 'csv' | 'json';

export interface ExportFile {
  fileName: string;
  mimeType: string;
  content: string;
  rows: number;
}

/** Asks where to save and writes the file; null when the person cancelled. Electron's save dialog. */
export type SaveFile = (file: { defaultName: string; content: string; filters: Array<{ name: string; extensions: string[] }> }) => Promise<string | null>;

/**
 * A result as a file: CSV (formula-safe, UTF-8 with BOM, headers as the query named the
 * columns) or JSON (one object per row, keyed by the same column names, nulls kept).
 */
export function exportRows(format: ExportFormat, columns: string[], rows: Cell[][], baseName: string, now = new Date()): ExportFile {
  const stamp = now.toISOString().slice(0, 16).replace(/[:T]/g, '-');
  const fileName = `${safeName(baseName)}-${stamp}.${format}`;
  if (format === 'csv') return { fileName, mimeType: 'text/csv;charset=utf-8', content: csvFromCells(columns, rows), rows: rows.length };
  const objects = rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? null])));
  return { fileName, mimeType: 'application/json', content: `${JSON.stringify(objects, null, 2)}\n`, rows: rows.length };
}

const safeName = (name: string): string => name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'query';

export const exportFilters = (format: ExportFormat): Array<{ name: string; extensions: string[] }> =>
  format === 'csv' ? [{ name: 'CSV (Excel, Numbers, Sheets)', extensions: ['csv'] }] : [{ name: 'JSON', extensions: ['json'] }];
