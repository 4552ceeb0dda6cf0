import { parseDate, parseDateTime } from '../dates';
import { dateLiteralRange } from './dateLiterals';
import { malformed, type QueryContext } from './context';

/** A literal from a WHERE/HAVING clause, typed the way SOQL types it. */
export type Literal =
  | { k: 'null' }
  | { k: 'string'; v: string }
  | { k: 'number'; v: number }
  | { k: 'bool'; v: boolean }
  | { k: 'date'; ms: number }
  | { k: 'datetime'; ms: number }
  | { k: 'range'; start: number; end: number };

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '"': '"', "'": "'", '\\': '\\' };

/** Removes quotes and escapes; `\%` and `\_` stay escaped when the string is a LIKE pattern. */
export function unquote(raw: string, forLike: boolean): string {
  const body = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1) : raw;
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (whole, c: string) => {
    if (c.length === 5) return String.fromCharCode(parseInt(c.slice(1), 16));
    if (c === '%' || c === '_') return forLike ? whole : c;
    return ESCAPES[c.toLowerCase()] ?? c;
  });
}

export function parseLiteral(ctx: QueryContext, raw: string, type: string | undefined, forLike = false): Literal {
  switch (type) {
    case 'NULL':
      return { k: 'null' };
    case 'STRING':
      return { k: 'string', v: unquote(raw, forLike) };
    case 'INTEGER':
    case 'DECIMAL':
      return { k: 'number', v: Number(raw) };
    case 'INTEGER_WITH_CURRENCY_PREFIX':
    case 'DECIMAL_WITH_CURRENCY_PREFIX':
      return { k: 'number', v: Number(raw.replace(/^[A-Za-z]{3}/, '')) };
    case 'BOOLEAN':
      return { k: 'bool', v: raw.toUpperCase() === 'TRUE' };
    case 'DATE': {
      const ms = parseDate(raw);
      if (ms === undefined) throw malformed(ctx, raw, `line 1:0 no viable alternative at character '${raw}'`);
      return { k: 'date', ms };
    }
    case 'DATETIME': {
      const ms = parseDateTime(raw);
      if (ms === undefined) throw malformed(ctx, raw, `line 1:0 no viable alternative at character '${raw}'`);
      return { k: 'datetime', ms };
    }
    case 'DATE_LITERAL':
    case 'DATE_N_LITERAL': {
      const range = dateLiteralRange(raw, ctx.now);
      if (!range) throw malformed(ctx, raw, `unexpected token: ${raw}`);
      return { k: 'range', ...range };
    }
    default:
      throw malformed(ctx, raw, `unexpected token: ${raw}`);
  }
}
