import { DAY_MS, formatDate, formatDateTime, parseDate, parseDateTime, startOfUtcDay } from './dates';

/**
 * A small evaluator for formula fields: field references, literals, `&` concatenation, arithmetic
 * (date - date gives days), comparisons, && / ||, and the common functions TODAY, NOW, DATEVALUE,
 * BLANKVALUE, IF, ISBLANK, ISNULL, ISPICKVAL, TEXT, VALUE, UPPER, LOWER, TRIM, LEN, ROUND, ABS,
 * AND, OR, NOT. Enough for the formulas seed files declare; not the whole formula language.
 */

type DateVal = { kind: 'date'; ms: number };
type DateTimeVal = { kind: 'datetime'; ms: number };
export type FormulaValue = string | number | boolean | null | DateVal | DateTimeVal;

type Node =
  | { t: 'lit'; v: FormulaValue }
  | { t: 'ref'; name: string }
  | { t: 'call'; fn: string; args: Node[] }
  | { t: 'neg'; e: Node }
  | { t: 'bin'; op: string; l: Node; r: Node };

/** Reads a field of the current record: its stored value and type. */
export type FieldReader = (name: string) => { value: unknown; type: string } | undefined;

const TOKEN_RE = /\s*(?:(\d+(?:\.\d+)?)|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([A-Za-z_][A-Za-z0-9_.]*)|(&&|\|\||<>|!=|<=|>=|==|[-+*/&=<>(),]))/y;

function tokenize(src: string): string[] {
  const out: string[] = [];
  TOKEN_RE.lastIndex = 0;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    TOKEN_RE.lastIndex = pos;
    const m = TOKEN_RE.exec(src);
    if (!m) throw new Error(`Formula syntax error near "${src.slice(pos)}"`);
    pos = TOKEN_RE.lastIndex;
    if (m[1] !== undefined) out.push(`#${m[1]}`);
    else if (m[2] !== undefined || m[3] !== undefined) out.push(`"${(m[2] ?? m[3]).replace(/\\(.)/g, '$1')}`);
    else out.push(m[4] ?? m[5]);
  }
  return out;
}

const LEVELS: string[][] = [['||'], ['&&'], ['=', '==', '!=', '<>', '<', '>', '<=', '>='], ['+', '-', '&'], ['*', '/']];

function parse(src: string): Node {
  const toks = tokenize(src);
  let i = 0;
  const peek = () => toks[i];
  const take = (expected?: string) => {
    const t = toks[i++];
    if (expected !== undefined && t !== expected) throw new Error(`Formula expected ${expected}, got ${t ?? 'end'}`);
    return t;
  };
  const level = (n: number): Node => {
    if (n === LEVELS.length) return unary();
    let left = level(n + 1);
    while (peek() !== undefined && LEVELS[n].includes(peek())) {
      const op = take();
      left = { t: 'bin', op, l: left, r: level(n + 1) };
    }
    return left;
  };
  const unary = (): Node => (peek() === '-' ? (take(), { t: 'neg', e: unary() }) : primary());
  const primary = (): Node => {
    const t = take();
    if (t === undefined) throw new Error('Formula ended early');
    if (t === '(') {
      const e = level(0);
      take(')');
      return e;
    }
    if (t.startsWith('#')) return { t: 'lit', v: Number(t.slice(1)) };
    if (t.startsWith('"')) return { t: 'lit', v: t.slice(1) };
    const upper = t.toUpperCase();
    if (upper === 'TRUE' || upper === 'FALSE') return { t: 'lit', v: upper === 'TRUE' };
    if (upper === 'NULL') return { t: 'lit', v: null };
    if (peek() === '(') {
      take('(');
      const args: Node[] = [];
      while (peek() !== ')') {
        args.push(level(0));
        if (peek() === ',') take(',');
      }
      take(')');
      return { t: 'call', fn: upper, args };
    }
    return { t: 'ref', name: t };
  };
  const node = level(0);
  if (i < toks.length) throw new Error(`Formula has extra input at ${toks[i]}`);
  return node;
}

const cache = new Map<string, Node>();
export function compileFormula(src: string): Node {
  let node = cache.get(src);
  if (!node) {
    node = parse(src);
    cache.set(src, node);
  }
  return node;
}

function fromField(value: unknown, type: string): FormulaValue {
  if (value === null || value === undefined) return null;
  if (type === 'date' && typeof value === 'string') {
    const ms = parseDate(value);
    return ms === undefined ? null : { kind: 'date', ms };
  }
  if (type === 'datetime' && typeof value === 'string') {
    const ms = parseDateTime(value);
    return ms === undefined ? null : { kind: 'datetime', ms };
  }
  return value as FormulaValue;
}

const isTemporal = (v: FormulaValue): v is DateVal | DateTimeVal => typeof v === 'object' && v !== null;
const asText = (v: FormulaValue): string =>
  v === null ? '' : isTemporal(v) ? (v.kind === 'date' ? formatDate(v.ms) : formatDateTime(v.ms)) : String(v);
const asNumber = (v: FormulaValue): number | null => (v === null || v === '' ? null : isTemporal(v) ? v.ms : Number(v));

function arith(op: string, l: FormulaValue, r: FormulaValue): FormulaValue {
  if (op === '&') return asText(l) + asText(r);
  if (l === null || r === null) return null;
  if (isTemporal(l) && isTemporal(r) && op === '-') return (l.ms - r.ms) / DAY_MS;
  if (isTemporal(l) && typeof r === 'number') return { kind: l.kind, ms: l.ms + (op === '-' ? -r : r) * DAY_MS } as FormulaValue;
  if (op === '+' && (typeof l === 'string' || typeof r === 'string')) return asText(l) + asText(r);
  const a = Number(l);
  const b = Number(r);
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    default: return b === 0 ? null : a / b;
  }
}

function compare(op: string, l: FormulaValue, r: FormulaValue): boolean {
  const a = isTemporal(l) ? l.ms : l;
  const b = isTemporal(r) ? r.ms : r;
  switch (op) {
    case '=': case '==': return a === b;
    case '!=': case '<>': return a !== b;
  }
  if (a === null || b === null) return false;
  switch (op) {
    case '<': return a < b;
    case '>': return a > b;
    case '<=': return a <= b;
    default: return a >= b;
  }
}

function call(fn: string, args: Node[], ev: (n: Node) => FormulaValue, now: number): FormulaValue {
  const arg = (k: number) => ev(args[k]);
  switch (fn) {
    case 'TODAY': return { kind: 'date', ms: startOfUtcDay(now) };
    case 'NOW': return { kind: 'datetime', ms: now };
    case 'DATEVALUE': {
      const v = arg(0);
      if (isTemporal(v)) return { kind: 'date', ms: startOfUtcDay(v.ms) };
      const ms = typeof v === 'string' ? parseDate(v.slice(0, 10)) : undefined;
      return ms === undefined ? null : { kind: 'date', ms };
    }
    case 'BLANKVALUE': { const v = arg(0); return v === null || v === '' ? arg(1) : v; }
    case 'IF': return arg(0) === true ? arg(1) : arg(2);
    case 'ISBLANK': case 'ISNULL': { const v = arg(0); return v === null || v === ''; }
    case 'ISPICKVAL': return asText(arg(0)) === asText(arg(1));
    case 'TEXT': return asText(arg(0));
    case 'VALUE': return asNumber(arg(0));
    case 'UPPER': return asText(arg(0)).toUpperCase();
    case 'LOWER': return asText(arg(0)).toLowerCase();
    case 'TRIM': return asText(arg(0)).trim();
    case 'LEN': return asText(arg(0)).length;
    case 'ABS': { const n = asNumber(arg(0)); return n === null ? null : Math.abs(n); }
    case 'ROUND': {
      const n = asNumber(arg(0));
      const digits = args.length > 1 ? Number(arg(1)) : 0;
      return n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits;
    }
    case 'AND': return args.every((a) => ev(a) === true);
    case 'OR': return args.some((a) => ev(a) === true);
    case 'NOT': return arg(0) !== true;
    default: throw new Error(`Formula function ${fn} is not supported by the emulator`);
  }
}

/** Evaluates a formula against one record; the result is in the record's stored representation. */
export function evaluateFormula(src: string, read: FieldReader, now: number, resultType: string): unknown {
  const ev = (n: Node): FormulaValue => {
    switch (n.t) {
      case 'lit': return n.v;
      case 'neg': { const v = asNumber(ev(n.e)); return v === null ? null : -v; }
      case 'ref': { const f = read(n.name); return f ? fromField(f.value, f.type) : null; }
      case 'call': return call(n.fn, n.args, ev, now);
      case 'bin':
        if (n.op === '&&') return ev(n.l) === true && ev(n.r) === true;
        if (n.op === '||') return ev(n.l) === true || ev(n.r) === true;
        if (['+', '-', '*', '/', '&'].includes(n.op)) return arith(n.op, ev(n.l), ev(n.r));
        return compare(n.op, ev(n.l), ev(n.r));
    }
  };
  const v = ev(compileFormula(src));
  return toFieldValue(v, resultType);
}

function toFieldValue(v: FormulaValue, type: string): unknown {
  if (v === null) return null;
  if (isTemporal(v)) return type === 'date' || v.kind === 'date' ? formatDate(v.ms) : formatDateTime(v.ms);
  if (['double', 'currency', 'percent', 'int'].includes(type)) {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  if (type === 'boolean') return v === true;
  return typeof v === 'string' ? v : String(v);
}
