import type { Query } from 'soql-parser-js';
import { parseDate, parseDateTime } from '../dates';
import { normalizeId } from '../ids';
import type { FieldDef, ObjectDef } from '../metadata/types';
import type { SfRecord } from '../store';
import type { Predicate } from './boolTree';
import { malformed, queryError, type QueryContext } from './context';
import { parseLiteral, type Literal } from './literals';
import { readPath, resolvePath, type FieldPath } from './paths';

type Category = 'text' | 'id' | 'number' | 'bool' | 'date' | 'datetime' | 'multi';

export function categoryOf(field: FieldDef): Category {
  switch (field.type) {
    case 'id':
    case 'reference': return 'id';
    case 'double':
    case 'currency':
    case 'percent':
    case 'int': return 'number';
    case 'boolean': return 'bool';
    case 'date': return 'date';
    case 'datetime': return 'datetime';
    case 'multipicklist': return 'multi';
    default: return 'text';
  }
}

const TYPE_WORD: Record<Category, string> = {
  text: 'string', id: 'id', number: 'double', bool: 'boolean', date: 'date', datetime: 'dateTime', multi: 'string',
};

/** Stored stamps repeat a lot (records written in the same second); parsing each once keeps big filters and sorts fast. */
const parsedStamps = new Map<string, number | null>();
const MAX_PARSED = 200_000;

function memoParse(text: string, parse: (t: string) => number | undefined): number | null {
  let ms = parsedStamps.get(text);
  if (ms === undefined) {
    if (parsedStamps.size >= MAX_PARSED) parsedStamps.clear();
    ms = parse(text) ?? null;
    parsedStamps.set(text, ms);
  }
  return ms;
}

/** A stored value in the form comparisons use: lower-cased text, epoch ms for dates. */
export function comparable(field: FieldDef, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (categoryOf(field)) {
    case 'text': return String(value).toLowerCase();
    case 'date': return memoParse(String(value), parseDate);
    case 'datetime': return memoParse(String(value), parseDateTime);
    default: return value;
  }
}

type Key = null | string | number | boolean | { start: number; end: number };

function literalKey(ctx: QueryContext, path: FieldPath, lit: Literal): Key {
  const cat = categoryOf(path.field);
  const wrongType = (quoted: boolean) =>
    queryError(
      ctx,
      'INVALID_FIELD',
      path.text,
      `value of filter criterion for field '${path.field.name}' must be of type ${TYPE_WORD[cat]} and ${quoted ? 'should not' : 'should'} be enclosed in quotes`,
    );
  switch (lit.k) {
    case 'null':
      return null;
    case 'string':
      if (cat === 'text' || cat === 'multi') return lit.v.toLowerCase();
      if (cat === 'id') {
        const id = normalizeId(lit.v);
        if (!id) throw queryError(ctx, 'INVALID_QUERY_FILTER_OPERATOR', lit.v, `invalid ID field: ${lit.v}`);
        return id;
      }
      throw wrongType(true);
    case 'number':
      if (cat === 'number') return lit.v;
      throw wrongType(false);
    case 'bool':
      if (cat === 'bool') return lit.v;
      throw wrongType(false);
    case 'date':
      if (cat === 'date') return lit.ms;
      throw wrongType(false);
    case 'datetime':
      if (cat === 'datetime') return lit.ms;
      throw wrongType(false);
    case 'range':
      if (cat === 'date' || cat === 'datetime') return { start: lit.start, end: lit.end };
      throw wrongType(false);
  }
}

function equals(v: unknown, key: Key, cat: Category): boolean {
  if (key === null) return v === null;
  if (v === null) return false;
  if (typeof key === 'object') return (v as number) >= key.start && (v as number) < key.end;
  if (cat === 'multi') return sameSet(String(v), String(key));
  return v === key;
}

function order(op: string, v: unknown, key: Key): boolean {
  if (v === null || key === null) return false;
  const x = v as number | string;
  if (typeof key === 'object') {
    const n = x as number;
    switch (op) {
      case '<': return n < key.start;
      case '<=': return n < key.end;
      case '>': return n >= key.end;
      default: return n >= key.start;
    }
  }
  const k = key as number | string;
  switch (op) {
    case '<': return x < k;
    case '<=': return x <= k;
    case '>': return x > k;
    default: return x >= k;
  }
}

const lowerSet = (s: string) => new Set(s.toLowerCase().split(';').map((p) => p.trim()).filter(Boolean));
function sameSet(a: string, b: string): boolean {
  const x = lowerSet(a);
  const y = lowerSet(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}

function likeRegex(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && (pattern[i + 1] === '%' || pattern[i + 1] === '_')) re += pattern[++i];
    else if (c === '%') re += '.*';
    else if (c === '_') re += '.';
    else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'is');
}

interface RawCondition {
  field?: string;
  fn?: unknown;
  operator: string;
  value?: string | string[];
  literalType?: string | string[];
  valueQuery?: Query;
}

const literalTypeAt = (c: RawCondition, i: number) => (Array.isArray(c.literalType) ? c.literalType[i] : c.literalType);

/** Compiles one `field op value` condition of a WHERE clause against records of `obj`. */
export function compileCondition(
  ctx: QueryContext,
  obj: ObjectDef,
  alias: string | undefined,
  raw: unknown,
  semiJoin: (q: Query) => Set<unknown>,
): Predicate<SfRecord> {
  const cond = raw as RawCondition;
  if (cond.fn || !cond.field) throw malformed(ctx, cond.operator, 'Functions in WHERE are not supported by the emulator');
  const path = resolvePath(ctx, obj, cond.field, alias);
  const cat = categoryOf(path.field);
  const get = (rec: SfRecord) => comparable(path.field, readPath(ctx, path, rec));
  const op = cond.operator.toUpperCase();

  if (cond.valueQuery) {
    const values = semiJoin(cond.valueQuery);
    return op === 'NOT IN' ? (r) => !values.has(readPath(ctx, path, r)) : (r) => values.has(readPath(ctx, path, r));
  }
  const rawValues = Array.isArray(cond.value) ? cond.value : [cond.value ?? ''];
  const keys = rawValues.map((v, i) => literalKey(ctx, path, parseLiteral(ctx, v, literalTypeAt(cond, i), op === 'LIKE')));

  switch (op) {
    case '=': return (r) => equals(get(r), keys[0], cat);
    case '!=': return (r) => !equals(get(r), keys[0], cat);
    case '<':
    case '<=':
    case '>':
    case '>=': return (r) => order(op, get(r), keys[0]);
    case 'IN': return (r) => { const v = get(r); return keys.some((k) => equals(v, k, cat)); };
    case 'NOT IN': return (r) => { const v = get(r); return !keys.some((k) => equals(v, k, cat)); };
    case 'LIKE': {
      if (cat !== 'text') throw queryError(ctx, 'INVALID_FIELD', path.text, `invalid operator on ${TYPE_WORD[cat]} field: LIKE`);
      const re = likeRegex(String(keys[0] ?? ''));
      return (r) => { const v = get(r); return v !== null && re.test(String(v)); };
    }
    case 'INCLUDES':
    case 'EXCLUDES': {
      if (cat !== 'multi') throw queryError(ctx, 'INVALID_FIELD', path.text, `${op} or EXCLUDES operator only valid on multipicklist field`);
      const wanted = keys.map((k) => lowerSet(String(k)));
      const includes = (r: SfRecord) => {
        const v = get(r);
        if (v === null) return false;
        const have = lowerSet(String(v));
        return wanted.some((w) => [...w].every((x) => have.has(x)));
      };
      return op === 'INCLUDES' ? includes : (r) => !includes(r);
    }
    default:
      throw malformed(ctx, op, `unexpected token: ${op}`);
  }
}
