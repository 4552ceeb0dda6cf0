import { neutraliseFormula } from '../../shared/csv-safety';
import { REDACTED, isSecretKey, redactText } from '../log/redact';

/** UTF-8 byte order mark: Excel needs it to read UTF-8 CSV as UTF-8. */
export const UTF8_BOM = '\uFEFF';

/**
 * One exported cell: secrets scrubbed (a secret-named column is blanked wholesale, free text
 * is scanned), formulas neutralised, quoted when needed.
 */
export function exportCell(column: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isSecretKey(column) && value !== '') return REDACTED;
  const raw = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  const text = typeof value === 'number' || typeof value === 'bigint' ? raw : neutraliseFormula(redactText(raw));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const headerLine = (columns: readonly string[]): string => `${columns.map((c) => exportCell('', c)).join(',')}\r\n`;

export const rowLine = (columns: readonly string[], row: Record<string, unknown>): string => `${columns.map((c) => exportCell(c, row[c])).join(',')}\r\n`;
