import { malformed, type QueryContext } from './context';

/**
 * soql-parser-js gives WHERE/HAVING as a right-leaning chain with paren counts on each condition.
 * This rebuilds the real boolean tree and compiles it with a caller-supplied leaf compiler.
 */

export type Predicate<R> = (row: R) => boolean;

interface ChainNode {
  left: unknown;
  operator?: string;
  right?: ChainNode;
}

type Tok = { t: '(' | ')' | 'NOT' | 'AND' | 'OR' } | { t: 'LEAF'; leaf: unknown };

function tokens(chain: ChainNode | undefined, out: Tok[] = []): Tok[] {
  if (!chain) return out;
  const left = chain.left as { openParen?: number; closeParen?: number } | null;
  const open = left?.openParen ?? 0;
  for (let i = 0; i < open; i++) out.push({ t: '(' });
  if (chain.operator === 'NOT') {
    out.push({ t: 'NOT' });
    return tokens(chain.right, out);
  }
  out.push({ t: 'LEAF', leaf: left });
  for (let i = 0; i < (left?.closeParen ?? 0); i++) out.push({ t: ')' });
  if (chain.operator) {
    out.push({ t: chain.operator as 'AND' | 'OR' });
    tokens(chain.right, out);
  }
  return out;
}

export function compileBoolTree<R>(ctx: QueryContext, chain: unknown, leaf: (cond: unknown) => Predicate<R>): Predicate<R> {
  const toks = tokens(chain as ChainNode);
  let i = 0;
  const expr = (): Predicate<R> => {
    const parts = [term()];
    let op: string | undefined;
    while (toks[i]?.t === 'AND' || toks[i]?.t === 'OR') {
      const next = toks[i++].t;
      // SOQL wants parentheses when AND and OR meet at one level.
      if (op && op !== next) throw malformed(ctx, next, `unexpected token: ${next}`);
      op = next;
      parts.push(term());
    }
    if (parts.length === 1) return parts[0];
    return op === 'AND' ? (r) => parts.every((p) => p(r)) : (r) => parts.some((p) => p(r));
  };
  const term = (): Predicate<R> => {
    const tok = toks[i++];
    if (!tok) throw malformed(ctx, 'WHERE', 'unexpected end of WHERE clause');
    if (tok.t === 'NOT') {
      const inner = term();
      return (r) => !inner(r);
    }
    if (tok.t === '(') {
      const inner = expr();
      if (toks[i++]?.t !== ')') throw malformed(ctx, '(', 'unbalanced parentheses');
      return inner;
    }
    if (tok.t === 'LEAF') return leaf(tok.leaf);
    throw malformed(ctx, tok.t, `unexpected token: ${tok.t}`);
  };
  const out = expr();
  if (i < toks.length) throw malformed(ctx, toks[i].t, `unexpected token: ${toks[i].t}`);
  return out;
}
