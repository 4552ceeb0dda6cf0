import { isKeyword, tokenize, type Token } from './tokens';

/**
 * Where the cursor is in a SOQL statement, as much as autocomplete needs: the word being
 * typed, the clause it is in, the tokens just before it and the object of the (sub)query.
 */
export interface CursorContext {
  /** Start of the word being completed (a string literal's opening quote included). */
  from: number;
  word: string;
  /** True inside a string literal that is not closed yet. */
  inString: boolean;
  clause: Clause;
  /** Tokens before the word, in the current (sub)query, at any depth. */
  before: Token[];
  /** The (sub)query's depth: clause keywords sit at it. */
  depth: number;
  /** The FROM object of the (sub)query, wherever FROM is in the text. */
  object?: string;
  /** True when the word is the object name after FROM. */
  afterFrom: boolean;
}

export type Clause = 'none' | 'SELECT' | 'FROM' | 'WHERE' | 'WITH' | 'GROUP' | 'ORDER' | 'HAVING' | 'LIMIT' | 'OFFSET' | 'FOR' | 'USING';
const CLAUSES = new Set<string>(['SELECT', 'FROM', 'WHERE', 'WITH', 'GROUP', 'ORDER', 'HAVING', 'LIMIT', 'OFFSET', 'FOR', 'USING']);

const WORD_CHAR = /[A-Za-z0-9_.:]/;

export function cursorContext(text: string, cursor: number): CursorContext {
  const prefixTokens = tokenize(text.slice(0, cursor));
  const last = prefixTokens.at(-1);
  const inString = last?.type === 'string' && last.open === true && last.to === cursor;
  let from = cursor;
  if (inString) from = last.from;
  else while (from > 0 && WORD_CHAR.test(text[from - 1])) from--;

  const all = tokenize(text);
  const beforeAll = all.filter((t) => t.to <= from);
  const { start, depth } = scopeOf(beforeAll);
  const before = beforeAll.slice(start);
  const scopeTokens = all.slice(start);
  const fromIdx = scopeTokens.findIndex((t) => t.depth === depth && isKeyword(t, 'FROM'));
  const objectToken = fromIdx >= 0 ? scopeTokens[fromIdx + 1] : undefined;
  const prev = before.at(-1);
  return {
    from,
    word: text.slice(from, cursor),
    inString,
    clause: clauseOf(before, depth),
    before,
    depth,
    object: objectToken?.type === 'word' && objectToken.from !== from ? objectToken.text : undefined,
    afterFrom: prev !== undefined && isKeyword(prev, 'FROM') && prev.depth === depth,
  };
}

/** The innermost `( SELECT` still open before the cursor, or the whole statement. */
function scopeOf(tokens: Token[]): { start: number; depth: number } {
  const open: number[] = [];
  tokens.forEach((t, i) => {
    if (t.type === 'lparen') open.push(i);
    else if (t.type === 'rparen') open.pop();
  });
  for (let k = open.length - 1; k >= 0; k--) {
    const i = open[k];
    if (isKeyword(tokens[i + 1], 'SELECT')) return { start: i + 1, depth: tokens[i].depth + 1 };
  }
  return { start: 0, depth: 0 };
}

function clauseOf(tokens: Token[], depth: number): Clause {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t.depth === depth && t.type === 'word' && CLAUSES.has(t.text.toUpperCase())) return t.text.toUpperCase() as Clause;
  }
  return 'none';
}

/** The token before `index` at the same depth, skipping over a balanced (...) group. */
export function previousAtDepth(tokens: Token[], index: number): number {
  let i = index - 1;
  if (tokens[i]?.type !== 'rparen') return i;
  let level = 0;
  for (; i >= 0; i--) {
    if (tokens[i].type === 'rparen') level++;
    else if (tokens[i].type === 'lparen' && --level === 0) return i - 1;
  }
  return -1;
}

/** For a cursor inside `Field IN (`...: the field before IN / NOT IN / INCLUDES / EXCLUDES. */
export function listField(tokens: Token[]): string | undefined {
  let level = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t.type === 'rparen') level++;
    else if (t.type === 'lparen') {
      if (level === 0) {
        const op = tokens[i - 1];
        if (!isKeyword(op, 'IN', 'INCLUDES', 'EXCLUDES')) return undefined;
        const field = isKeyword(tokens[i - 2], 'NOT') ? tokens[i - 3] : tokens[i - 2];
        return field?.type === 'word' ? field.text : undefined;
      }
      level--;
    } else if (level === 0 && t.type !== 'comma' && t.type !== 'string' && t.type !== 'number' && !(t.type === 'word' && /^(TRUE|FALSE|NULL)$/i.test(t.text))) {
      return undefined;
    }
  }
  return undefined;
}
