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

function matchesEq(def: PropertyDef, stored: string | undefined, wanted: string): boolean {
  if (stored === undefined) return false;
  if (def.fieldType === 'checkbox') return stored.toLowerCase().split(';').includes(wanted.toLowerCase());
  return compare(comparable(def, stored), comparable(def, wanted)) === 0;
}

function buildPredicate(def: PropertyDef, op: Operator, filter: FilterInput): Predicate {
  const name = def.name;
  const get = (rec: StoredRecord) => storedValue(rec, name);
  const ordered = (test: (c: number) => boolean) => {
    const wanted = comparable(def, requireText(filter, 'value', op));
    return (rec: StoredRecord) => {
      const v = get(rec);
      return v !== undefined && test(compare(comparable(def, v), wanted));
    };
  };
  switch (op) {
    case 'EQ': {
      const wanted = requireText(filter, 'value', op);
      return (rec) => matchesEq(def, get(rec), wanted);
    }
    case 'NEQ': {
      const wanted = requireText(filter, 'value', op);
      return (rec) => !matchesEq(def, get(rec), wanted);
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
        const v = get(rec);
        if (v === undefined) return false;
        const c = comparable(def, v);
        return compare(c, low) >= 0 && compare(c, high) <= 0;
      };
    }
    case 'IN':
    case 'NOT_IN': {
      if (!Array.isArray(filter.values)) throw validationError(`${op} filters on ${name} need a values array`);
      const wanted = (filter.values as unknown[]).map((v) => asText(v) ?? '');
      const inSet = (rec: StoredRecord) => wanted.some((w) => matchesEq(def, get(rec), w));
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
  return buildPredicate(def, op as Operator, filter);
}

/** Sorting comparator for one property; records without a value come last either way. */
export function sortComparator(store: HubStore, type: ObjectType, name: string, descending: boolean) {
  const def = store.propertyIncludingArchived(type, name);
  if (!def) throw validationError(`Cannot sort by ${name}: the property does not exist on ${type}`);
  return (a: StoredRecord, b: StoredRecord): number => {
    const va = storedValue(a, name);
    const vb = storedValue(b, name);
    if (va === undefined || vb === undefined) return va === vb ? 0 : va === undefined ? 1 : -1;
    const c = compare(comparable(def, va), comparable(def, vb));
    return descending ? -c : c;
  };
}
