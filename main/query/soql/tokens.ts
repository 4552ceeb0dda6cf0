/**
 * A forgiving SOQL tokenizer for editor help: it never throws, keeps offsets, and treats an
 * unterminated string as a string up to the end (the user is still typing it).
 */
export type TokenType = 'word' | 'string' | 'number' | 'op' | 'lparen' | 'rparen' | 'comma' | 'bind' | 'other';

export interface Token {
  type: TokenType;
  text: string;
  from: number;
  to: number;
  /** Parenthesis depth the token sits at (an opening paren has the outer depth). */
  depth: number;
  /** Only for strings: the closing quote is missing. */
  open?: boolean;
}

const WORD = /[A-Za-z0-9_.]/;
const OPS = ['<=', '>=', '!=', '<>', '=', '<', '>'];

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let depth = 0;
  const push = (type: TokenType, from: number, to: number, extra: Partial<Token> = {}) => out.push({ type, text: text.slice(from, to), from, to, depth, ...extra });
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      const start = i++;
      while (i < text.length && text[i] !== "'") i += text[i] === '\\' ? 2 : 1;
      const open = i >= text.length;
      i = Math.min(i + 1, text.length);
      push('string', start, i, open ? { open } : {});
    } else if (c === '(') {
      push('lparen', i, ++i);
      depth++;
    } else if (c === ')') {
      depth = Math.max(0, depth - 1);
      push('rparen', i, ++i);
    } else if (c === ',') {
      push('comma', i, ++i);
    } else if (c === ':' && i + 1 < text.length && /[A-Za-z_]/.test(text[i + 1])) {
      const start = i++;
      while (i < text.length && WORD.test(text[i])) i++;
      push('bind', start, i);
    } else if (WORD.test(c) || c === '-' || c === '+') {
      const start = i++;
      // Date-n literals (LAST_N_DAYS:30), dates and datetimes (2026-01-31T10:00:00Z) are one word.
      while (i < text.length && (WORD.test(text[i]) || joinsWord(text, i))) i++;
      const word = text.slice(start, i);
      push(/^[+-]?\d/.test(word) ? 'number' : c === '-' || c === '+' ? 'other' : 'word', start, i);
    } else {
      const op = OPS.find((o) => text.startsWith(o, i));
      if (op) {
        push('op', i, i + op.length);
        i += op.length;
      } else {
        push('other', i, ++i);
      }
    }
  }
  return out;
}

/** `:` inside LAST_N_DAYS:30 and 10:00:00, `-`/`+` inside 2026-01-31 and +02:00 keep a literal in one word. */
function joinsWord(text: string, i: number): boolean {
  const c = text[i];
  const before = text[i - 1] ?? '';
  const after = text[i + 1] ?? '';
  if (c === ':') return /[A-Za-z0-9_]/.test(before) && /[0-9]/.test(after);
  if (c === '-' || c === '+') return /[0-9Z]/.test(before) && /[0-9]/.test(after) && /^[+-]?\d/.test(wordStart(text, i));
  return false;
}

function wordStart(text: string, i: number): string {
  let j = i;
  while (j > 0 && /[A-Za-z0-9_.:+-]/.test(text[j - 1])) j--;
  return text.slice(j, i);
}

export const isKeyword = (t: Token | undefined, ...words: string[]): boolean => t?.type === 'word' && words.includes(t.text.toUpperCase());

/** Comparison operators including the word ones (LIKE, IN, NOT IN, INCLUDES, EXCLUDES). */
export const isComparison = (t: Token | undefined): boolean => t?.type === 'op' || isKeyword(t, 'LIKE');
