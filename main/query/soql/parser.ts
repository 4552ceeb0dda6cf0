import type { Query } from 'soql-parser-js';

/** The parts of soql-parser-js the runner uses. */
export interface SoqlParser {
  parseQuery(soql: string): Query;
  getFlattenedFields(query: Query): string[];
}

let loading: Promise<SoqlParser> | undefined;

/**
 * soql-parser-js builds its grammar when loaded (about a second on a small machine), so it is
 * loaded on first use: the CLI and app start without paying for it.
 */
export function loadSoqlParser(): Promise<SoqlParser> {
  loading ??= import('soql-parser-js').then((m) => ((m as unknown as { default?: SoqlParser }).default ?? (m as unknown as SoqlParser)));
  return loading;
}

/** A located parse error: offsets into the text, 1-based line and column. */
export interface LocatedError {
  from: number;
  to: number;
  line: number;
  column: number;
  message: string;
}

export type ParseOutcome = { ok: true; query: Query } | { ok: false; error: LocatedError };

/** Parses, and when that fails says where: soql-parser-js reports the token, not its place. */
export function parseLocated(parser: SoqlParser, text: string): ParseOutcome {
  try {
    return { ok: true, query: parser.parseQuery(text) };
  } catch (err) {
    return { ok: false, error: locate(parser, text, err instanceof Error ? err.message : String(err)) };
  }
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function located(text: string, from: number, to: number, message: string): LocatedError {
  return { from, to, ...lineColumn(text, from), message };
}

const foundToken = (message: string): string | undefined => /but found(?: -->|:) '([^]*?)'(?: <--)?\s*$/m.exec(message)?.[1] ?? /but found(?: -->|:) '([^]*?)'/.exec(message)?.[1];

function locate(parser: SoqlParser, text: string, message: string): LocatedError {
  const lex = /at offset: (\d+)/.exec(message);
  if (lex) {
    const at = Number(lex[1]);
    const ch = text[at] ?? '';
    return located(text, at, at + 1, ch === "'" ? 'This text is missing its closing quote.' : `Unexpected character ${ch ? `“${ch}”` : ''}`.trim());
  }
  const found = foundToken(message);
  const expected = summarizeExpected(message);
  if (found === undefined || found === '') {
    const end = text.trimEnd().length;
    const start = Math.max(0, end - lastWordLength(text.slice(0, end)));
    return located(text, start, end, `The query ends too early${expected ? `: expected ${expected}` : ''}.`);
  }
  const at = firstFailingOccurrence(parser, text, found);
  return located(text, at, at + found.length, `Unexpected “${found}”${expected ? `: expected ${expected}` : ''}.`);
}

const lastWordLength = (text: string): number => /\S+$/.exec(text)?.[0].length ?? 0;

/**
 * The parser stops at the first token it cannot take. Among the places the offending text
 * occurs, that is the first one where the text cut just after it already fails for a reason
 * other than ending early.
 */
function firstFailingOccurrence(parser: SoqlParser, text: string, token: string): number {
  const spots = occurrences(text, token);
  for (const at of spots) {
    try {
      parser.parseQuery(text.slice(0, at + token.length));
    } catch (err) {
      const f = foundToken(err instanceof Error ? err.message : '');
      if (f !== undefined && f !== '') return at;
    }
  }
  return spots.at(-1) ?? 0;
}

function occurrences(text: string, token: string): number[] {
  const out: number[] = [];
  const lower = text.toLowerCase();
  const needle = token.toLowerCase();
  const wordy = /^\w/.test(token);
  for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + 1)) {
    if (wordy && (/\w/.test(text[i - 1] ?? '') || /\w/.test(text[i + token.length] ?? ''))) continue;
    out.push(i);
  }
  return out;
}

/** "Expecting: one of these possible Token sequences: 1. [FROM] 2. [COMMA]" → "FROM or “,”". */
function summarizeExpected(message: string): string | undefined {
  const single = /Expecting token of type --> (\w+) <--/.exec(message)?.[1];
  const names = single ? [single] : [...message.matchAll(/\[([A-Z_a-z, ]+)\]/g)].map((m) => m[1].split(',')[0].trim());
  const words = [...new Set(names.map(tokenWord))].filter(Boolean);
  if (words.length === 0) return undefined;
  // Long lists are mostly function names that may start a field; name the field instead.
  if (words.length > 4) return names.includes('Identifier') ? TOKEN_WORDS.Identifier : `${words.slice(0, 3).join(', ')} or another clause`;
  return words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

const TOKEN_WORDS: Record<string, string> = {
  Identifier: 'a field or object name',
  COMMA: '“,”',
  L_PAREN: '“(”',
  R_PAREN: '“)”',
  StringIdentifier: 'a quoted value',
  NumberIdentifier: 'a number',
  DateIdentifier: 'a date',
  DateLiteral: 'a date literal',
  DateNLiteral: 'a date literal',
  EQ: '“=”',
  UNSIGNED_INTEGER: 'a whole number',
  SIGNED_INTEGER: 'a whole number',
  INTEGER: 'a number',
  DECIMAL: 'a number',
};

function tokenWord(name: string): string {
  if (TOKEN_WORDS[name]) return TOKEN_WORDS[name];
  if (/^[A-Z_]+$/.test(name)) return name.replace(/_/g, ' ');
  return '';
}
