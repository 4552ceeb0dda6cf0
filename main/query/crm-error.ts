import type { Diagnostic } from '../../shared/ipc/channels/query';
import { isProviderError } from '../providers/errors';
import { lineColumn } from './soql/parser';

/**
 * The CRM's own complaint about a query (Salesforce MALFORMED_QUERY / INVALID_FIELD with
 * "ERROR at Row:1:Column:8", HubSpot VALIDATION_ERROR) placed on the query text.
 */
export function crmErrorDiagnostic(err: unknown, text: string): Diagnostic | undefined {
  if (!isProviderError(err) || err.kind !== 'validation') return undefined;
  const code = err.code;
  const pos = /ERROR at Row:(\d+):Column:(\d+)/.exec(err.message);
  const message = reason(err.message);
  if (!pos) {
    const at = quotedNameOffset(text, message);
    return { from: at, to: at + wordLength(text, at), ...lineColumn(text, at), severity: 'error', message, code };
  }
  const at = offsetOf(text, Number(pos[1]), Number(pos[2]));
  return { from: at, to: at + Math.max(1, wordLength(text, at)), ...lineColumn(text, at), severity: 'error', message, code };
}

/** Salesforce's query errors repeat the query and a caret before the reason: keep the reason. */
function reason(message: string): string {
  const lines = message.split('\n').map((l) => l.trim()).filter(Boolean);
  const errorLine = lines.findIndex((l) => /^ERROR at Row:/.test(l));
  const text = errorLine >= 0 ? lines.slice(errorLine + 1).join(' ') : lines.join(' ');
  return text.replace(/^[\w, ]+: (?=\n?SELECT)/i, '') || message;
}

/**
 * Row and column as Salesforce counts them (1-based). A column past the end of row 1 is read
 * as an offset into the whole text, which is how a one-line caret over a multi-line query lands.
 */
function offsetOf(text: string, row: number, column: number): number {
  const lines = text.split('\n');
  if (row <= 1 && column - 1 > (lines[0]?.length ?? 0)) return Math.min(text.length, column - 1);
  let offset = 0;
  for (let i = 0; i < Math.min(row - 1, lines.length - 1); i++) offset += lines[i].length + 1;
  return Math.min(text.length, offset + column - 1);
}

const wordLength = (text: string, at: number): number => /^[\w.:]+/.exec(text.slice(at))?.[0].length ?? 1;

/** Where a name the message quotes ('Foo__c', "Foo") appears in the text; 0 when it does not. */
function quotedNameOffset(text: string, message: string): number {
  for (const m of message.matchAll(/['"“]([\w.]+)['"”]/g)) {
    const i = text.toLowerCase().indexOf(m[1].toLowerCase());
    if (i >= 0) return i;
  }
  return 0;
}
