import { parse } from 'csv-parse/sync';

/** CSV as Bulk API 2.0 reads and writes it. */

export const DELIMITERS: Record<string, string> = { COMMA: ',', TAB: '\t', PIPE: '|', SEMICOLON: ';', CARET: '^', BACKQUOTE: '`' };

export function parseCsv(text: string, delimiter: string): string[][] {
  return parse(text, { delimiter, bom: true, skip_empty_lines: true, relax_quotes: false }) as string[][];
}

/** Result files quote every value, as the service does. */
export function writeCsv(header: string[], rows: string[][], lineEnding: string): string {
  const eol = lineEnding === 'CRLF' ? '\r\n' : '\n';
  const line = (cells: string[]) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');
  return [line(header), ...rows.map(line)].join(eol) + eol;
}
