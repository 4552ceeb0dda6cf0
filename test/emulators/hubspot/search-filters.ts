import { validationError } from './errors';
import type { ObjectType } from './object-types';
import type { PropertyDef } from './properties';
import type { HubStore, StoredRecord } from './store';
import { asText, toEpochMs } from './values';

export type Predicate = (rec: StoredRecord) => boolean;

export const OPERATORS = [
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
] as const;
type Operator = (typeof OPERATORS)[number];

interface FilterInput {
  propertyName?: unknown;
  operator?: unknown;
  value?: unknown;
  highValue?: unknown;
  values?: unknown;
}

const isNumeric = (def: PropertyDef) => def.type === 'number';
const isTemporal = (def: PropertyDef) => def.type === 'date' || def.type === 'datetime';

/** A value in the form comparisons use: numbers for numeric and date types, lower-case text otherwise. */
function comparable(def: PropertyDef, text: string): number | string {
  if (isNumeric(def)) return Number(text);
  if (isTemporal(def)) return toEpochMs(text);
  return text.toLowerCase();
}

export function storedValue(rec: StoredRecord, name: string): string | undefined {
  return name === 'hs_object_id' ? rec.id : rec.properties[name];
}

function compare(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

const tokens = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** CONTAINS_TOKEN: whole-token match, with `*` as a wildcard over the whole value or any token. */
function containsToken(stored: string, wanted: string): boolean {
  const lower = stored.toLowerCase();
  const needle = wanted.toLowerCase();
  if (needle.includes('*')) {
    const re = new RegExp(`^${needle.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'u');
    return re.test(lower) || tokens(lower).some((t) => re.test(t));
  }
  const have = new Set(tokens(lower));
  const want = tokens(needle);
  return lower === needle || (want.length > 0 && want.every((t) => have.has(t)));
}

function requireText(filter: FilterInput, key: 'value' | 'highValue', op: string): string {
  const text = asText(filter[key]);
  if (filter[key] === undefined || text === undefined) throw validationError(`${op} filters on ${String(filter.propertyName)} need a ${key}`);
  return text;
}

/**
 * Reads a property as comparisons see it. The system timestamps and the id come straight from the record's
 * numbers instead of being parsed from text for every record, which keeps incremental-pull searches
 * (lastmodifieddate GTE a cursor, sorted by it) fast over tens of thousands of records.
 */
export function comparableReader(store: HubStore, type: ObjectType, def: PropertyDef): (rec: StoredRecord) => number | string | undefined {
  if (def.name === 'createdate') return (rec) => rec.createdAt;
  if (def.name === store.lastModifiedProperty(type)) return (rec) => rec.updatedAt;
  if (def.name === 'hs_object_id') return (rec) => Number(rec.id);
  return (rec) => {
    const v = rec.properties[def.name];
    return v === undefined ? undefined : comparable(def, v);
  };
}

type Reader = ReturnType<typeof comparableReader>;

/** Equality the way HubSpot matches it: one of the `;` values of a checkbox, else the comparable value. */
function equalTo(def: PropertyDef, read: Reader, wanted: string): Predicate {
  if (def.fieldType === 'checkbox') {
    const lower = wanted.toLowerCase();
    return (rec) => storedValue(rec, def.name)?.toLowerCase().split(';').includes(lower) ?? false;
  }
  const target = comparable(def, wanted);
  return (rec) => {
    const v = read(rec);
    return v !== undefined && compare(v, target) === 0;
  };
}

function buildPredicate(store: HubStore, type: ObjectType, def: PropertyDef, op: Operator, filter: FilterInput): Predicate {
  const name = def.name;
  const get = (rec: StoredRecord) => storedValue(rec, name);
  const read = comparableReader(store, type, def);
  const ordered = (test: (c: number) => boolean): Predicate => {
    const wanted = comparable(def, requireText(filter, 'value', op));
    return (rec) => {
      const v = read(rec);
      return v !== undefined && test(compare(v, wanted));
    };
  };
  switch (op) {
    case 'EQ':
      return equalTo(def, read, requireText(filter, 'value', op));
    case 'NEQ': {
      const eq = equalTo(def, read, requireText(filter, 'value', op));
      return (rec) => !eq(rec);
    }
    case 'LT':
      return ordered((c) => c < 0);
    case 'LTE':
      return ordered((c) => c <= 0);
    case 'GT':
      return ordered((c) => c > 0);
    case 'GTE':
      return ordered((c) => c >= 0);
    case 'BETWEEN': {
      const low = comparable(def, requireText(filter, 'value', op));
      const high = comparable(def, requireText(filter, 'highValue', op));
      return (rec) => {
        const v = read(rec);
        return v !== undefined && compare(v, low) >= 0 && compare(v, high) <= 0;
      };
    }
    case 'IN':
    case 'NOT_IN': {
      if (!Array.isArray(filter.values)) throw validationError(`${op} filters on ${name} need a values array`);
      const tests = (filter.values as unknown[]).map((v) => equalTo(def, read, asText(v) ?? ''));
      const inSet = (rec: StoredRecord) => tests.some((t) => t(rec));
      return op === 'IN' ? inSet : (rec) => !inSet(rec);
    }
    case 'HAS_PROPERTY':
      return (rec) => get(rec) !== undefined;
    case 'NOT_HAS_PROPERTY':
      return (rec) => get(rec) === undefined;
    case 'CONTAINS_TOKEN':
    case 'NOT_CONTAINS_TOKEN': {
      const wanted = requireText(filter, 'value', op);
      const has = (rec: StoredRecord) => {
        const v = get(rec);
        return v !== undefined && containsToken(v, wanted);
      };
      return op === 'CONTAINS_TOKEN' ? has : (rec) => !has(rec);
    }
  }
}

/** Turns one filter of a search request into a predicate, or throws HubSpot's 400. */
export function compileFilter(store: HubStore, type: ObjectType, raw: unknown): Predicate {
  const filter = (typeof raw === 'object' && raw !== null ? raw : {}) as FilterInput;
  const name = typeof filter.propertyName === 'string' ? filter.propertyName : '';
  const op = typeof filter.operator === 'string' ? filter.operator.toUpperCase() : 'EQ';
  if (!(OPERATORS as readonly string[]).includes(op)) {
    throw validationError(`Unknown filter operator ${String(filter.operator)}; expected one of ${OPERATORS.join(', ')}`);
  }
  const def = store.propertyIncludingArchived(type, name);
  if (!def) throw validationError(`There was a problem with the request: property ${name || '(missing propertyName)'} does not exist on ${type}`);
  return buildPredicate(store, type, def, op as Operator, filter);
}

/** Orders two comparable values; records without a value come last either way. */
export function compareSortKeys(a: number | string | undefined, b: number | string | undefined, descending: boolean): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  const c = compare(a, b);
  return descending ? -c : c;
}

/** The sort key of one property, or HubSpot's 400 when the property does not exist. */
export function sortKeyReader(store: HubStore, type: ObjectType, name: string): Reader {
  const def = store.propertyIncludingArchived(type, name);
  if (!def) throw validationError(`Cannot sort by ${name}: the property does not exist on ${type}`);
  return comparableReader(store, type, def);
}
