/**
 * SOQL string literals and LIKE patterns. SOQL escapes inside quotes with a backslash
 * (\' \" \\ \n \r \t \b \f \uXXXX); in LIKE, \% and \_ stand for a literal % and _.
 */

const WRITE_ESCAPES: Record<string, string> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };
const READ_ESCAPES: Record<string, string> = { n: '\n', N: '\n', r: '\r', R: '\r', t: '\t', T: '\t', b: '\b', B: '\b', f: '\f', F: '\f', "'": "'", '"': '"', '\\': '\\' };

/** Plain text as a quoted SOQL string. */
export function quoteString(text: string): string {
  return `'${text.replace(/[\\'\n\r\t\b\f]/g, (c) => WRITE_ESCAPES[c])}'`;
}

/** A piece of a LIKE pattern: literal text, or a wildcard. */
export type PatternPart = { text: string } | { wildcard: '%' | '_' };

/**
 * A quoted SOQL literal as it stands in the query (quotes included) back to its parts. Outside
 * LIKE, read `wildcards: false`: % and _ are then plain text.
 */
export function readQuoted(literal: string, wildcards: boolean): PatternPart[] {
  const body = literal.slice(1, -1);
  const parts: PatternPart[] = [];
  let text = '';
  const flush = () => {
    if (text) parts.push({ text });
    text = '';
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\' && i + 1 < body.length) {
      const next = body[++i];
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 1, i + 5))) {
        text += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16));
        i += 4;
      } else {
        text += READ_ESCAPES[next] ?? next;
      }
    } else if (wildcards && (c === '%' || c === '_')) {
      flush();
      parts.push({ wildcard: c });
    } else {
      text += c;
    }
  }
  flush();
  return parts;
}

/** A quoted SOQL literal's text, with every escape resolved. */
export function unquoteString(literal: string): string {
  return readQuoted(literal, false)
    .map((p) => ('text' in p ? p.text : p.wildcard))
    .join('');
}

/** Text that must match literally inside a LIKE pattern: its own % and _ escaped. */
const likeText = (text: string): string => quoteString(text).slice(1, -1).replace(/[%_]/g, (c) => `\\${c}`);

/** Parts back to a quoted LIKE pattern. */
export function writePattern(parts: PatternPart[]): string {
  return `'${parts.map((p) => ('text' in p ? likeText(p.text) : p.wildcard)).join('')}'`;
}

/**
 * The pattern language the builder shows for a raw LIKE: `%` and `_` are wildcards, `\%`, `\_`
 * and `\\` stand for themselves. Parsed here into parts, so quotes and newlines are escaped
 * once, when written.
 */
export function parsePatternText(pattern: string): PatternPart[] {
  const parts: PatternPart[] = [];
  let text = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    const next = pattern[i + 1];
    if (c === '\\' && (next === '%' || next === '_' || next === '\\')) {
      text += next;
      i++;
    } else if (c === '%' || c === '_') {
      if (text) parts.push({ text });
      text = '';
      parts.push({ wildcard: c });
    } else {
      text += c;
    }
  }
  if (text) parts.push({ text });
  return parts;
}

/** Parts as the builder's pattern text (inverse of parsePatternText). */
export function patternText(parts: PatternPart[]): string {
  return parts.map((p) => ('text' in p ? p.text.replace(/[\\%_]/g, (c) => `\\${c}`) : p.wildcard)).join('');
}

export type LikeShape = { operator: 'contains' | 'startsWith' | 'endsWith'; text: string } | { operator: 'like'; pattern: string };

/** `%text%` is "contains", `text%` "starts with", `%text` "ends with"; anything else stays a pattern. */
export function likeShape(parts: PatternPart[]): LikeShape {
  const isPct = (p: PatternPart | undefined) => p !== undefined && 'wildcard' in p && p.wildcard === '%';
  const middle = parts.filter((p) => 'text' in p);
  const only = middle.length === 1 && 'text' in middle[0] ? middle[0].text : undefined;
  if (only !== undefined) {
    if (parts.length === 3 && isPct(parts[0]) && isPct(parts[2])) return { operator: 'contains', text: only };
    if (parts.length === 2 && isPct(parts[1]) && 'text' in parts[0]) return { operator: 'startsWith', text: only };
    if (parts.length === 2 && isPct(parts[0]) && 'text' in parts[1]) return { operator: 'endsWith', text: only };
  }
  return { operator: 'like', pattern: patternText(parts) };
}

/** The LIKE pattern for one of the helpers, as parts. */
export function helperPattern(operator: 'contains' | 'startsWith' | 'endsWith', text: string): PatternPart[] {
  const body: PatternPart = { text };
  if (operator === 'contains') return [{ wildcard: '%' }, body, { wildcard: '%' }];
  if (operator === 'startsWith') return [body, { wildcard: '%' }];
  return [{ wildcard: '%' }, body];
}
