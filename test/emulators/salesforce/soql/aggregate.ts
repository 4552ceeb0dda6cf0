import type { FieldFunctionExpression, FieldType, FunctionExp, GroupByClause, OrderByClause, Query } from 'soql-parser-js';
import type { SfRecord } from '../store';
import type { ObjectDef } from '../metadata/types';
import { compileBoolTree } from './boolTree';
import { comparable } from './conditions';
import { malformed, type QueryContext } from './context';
import { parseLiteral } from './literals';
import { sortKey, sortRows } from './order';
import { readPath, resolvePath, type FieldPath } from './paths';

/** GROUP BY / aggregate functions: rows in, AggregateResult records out. */

const AGGREGATES = new Set(['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX']);

export function isAggregateQuery(q: Query): boolean {
  const groupBy = q.groupBy && (!Array.isArray(q.groupBy) || q.groupBy.length > 0);
  return !!groupBy || (q.fields ?? []).some((f) => f.type === 'FieldFunctionExpression' && AGGREGATES.has(f.functionName.toUpperCase()));
}

/** `SELECT COUNT() FROM ...`: the answer is only a totalSize. */
export function isCountOnly(q: Query): boolean {
  const fields = q.fields ?? [];
  return fields.length === 1 && fields[0].type === 'FieldFunctionExpression' && fields[0].functionName.toUpperCase() === 'COUNT' && fields[0].parameters.length === 0;
}

interface Aggregate {
  fn: string;
  path?: FieldPath;
}

function compute(ctx: QueryContext, agg: Aggregate, rows: SfRecord[]): unknown {
  if (!agg.path) return rows.length;
  const path = agg.path;
  const values = rows.map((r) => readPath(ctx, path, r)).filter((v) => v !== null && v !== undefined);
  switch (agg.fn) {
    case 'COUNT': return values.length;
    case 'COUNT_DISTINCT': return new Set(values.map((v) => comparable(path.field, v))).size;
    case 'SUM': return values.length ? values.reduce((a: number, v) => a + Number(v), 0) : null;
    case 'AVG': return values.length ? values.reduce((a: number, v) => a + Number(v), 0) / values.length : null;
    default: {
      if (!values.length) return null;
      const pick = agg.fn === 'MIN' ? -1 : 1;
      return values.reduce((best, v) => {
        const a = comparable(path.field, v) as number | string;
        const b = comparable(path.field, best) as number | string;
        return (a > b ? 1 : a < b ? -1 : 0) === pick ? v : best;
      });
    }
  }
}

function aggregateOf(ctx: QueryContext, obj: ObjectDef, fn: FunctionExp | FieldFunctionExpression, alias?: string): Aggregate {
  const name = (fn.functionName ?? '').toUpperCase();
  if (!AGGREGATES.has(name)) throw malformed(ctx, name, `Unsupported function in aggregate query: ${name}`);
  const param = fn.parameters?.[0];
  if (param === undefined) return { fn: name };
  if (typeof param !== 'string') throw malformed(ctx, name, 'Nested functions are not supported by the emulator');
  return { fn: name, path: resolvePath(ctx, obj, param, alias) };
}

const fnKey = (fn: FunctionExp | FieldFunctionExpression) =>
  `${(fn.functionName ?? '').toUpperCase()}(${(fn.parameters ?? []).map((p) => String(p).toLowerCase()).join(',')})`;

interface Group {
  rows: SfRecord[];
  first: SfRecord;
}

export function runAggregate(ctx: QueryContext, obj: ObjectDef, q: Query, rows: SfRecord[]): SfRecord[] {
  const alias = q.sObjectAlias;
  const groupItems = (q.groupBy === undefined ? [] : Array.isArray(q.groupBy) ? q.groupBy : [q.groupBy]) as GroupByClause[];
  const groupPaths = groupItems.map((g) => {
    if (!('field' in g)) throw malformed(ctx, 'GROUP BY', 'Grouping by a function is not supported by the emulator');
    return resolvePath(ctx, obj, g.field, alias);
  });
  const isGrouped = (p: FieldPath) => groupPaths.some((g) => g.owner === p.owner && g.field === p.field && g.hops.length === p.hops.length);

  // Output columns in SELECT order; unaliased aggregates are named expr0, expr1, ...
  let exprIndex = 0;
  const columns: { key: string; value: (g: Group) => unknown }[] = [];
  const aggregatesByKey = new Map<string, Aggregate>();
  for (const f of (q.fields ?? []) as FieldType[]) {
    if (f.type === 'Field' || f.type === 'FieldRelationship') {
      const text = f.type === 'Field' ? f.field : [...f.relationships, f.field].join('.');
      const path = resolvePath(ctx, obj, text, alias);
      if (!isGrouped(path)) throw malformed(ctx, text, `Field must be grouped or aggregated: ${path.field.name}`);
      const key = ('alias' in f && f.alias) || path.field.name;
      columns.push({ key, value: (g) => readPath(ctx, path, g.first) });
    } else if (f.type === 'FieldFunctionExpression') {
      const agg = aggregateOf(ctx, obj, f, alias);
      aggregatesByKey.set(fnKey(f), agg);
      const key = f.alias ?? `expr${exprIndex++}`;
      columns.push({ key, value: (g) => compute(ctx, agg, g.rows) });
    } else {
      throw malformed(ctx, 'SELECT', 'Subqueries are not allowed in aggregate queries');
    }
  }

  const groups = groupRows(ctx, rows, groupPaths);
  const aggValue = (fn: FunctionExp, g: Group) => compute(ctx, aggregatesByKey.get(fnKey(fn)) ?? aggregateOf(ctx, obj, fn, alias), g.rows);
  const having = q.having
    ? compileBoolTree<Group>(ctx, q.having, (raw) => havingCondition(ctx, obj, raw, alias, aggValue))
    : () => true;
  const orderItems = (q.orderBy === undefined ? [] : Array.isArray(q.orderBy) ? q.orderBy : [q.orderBy]) as OrderByClause[];
  const keys = orderItems.map((o) => {
    if ('fn' in o) return sortKey((g: Group) => aggValue(o.fn, g), o.order, o.nulls);
    const path = resolvePath(ctx, obj, o.field, alias);
    return sortKey((g: Group) => comparable(path.field, readPath(ctx, path, g.first)), o.order, o.nulls);
  });
  const start = q.offset ?? 0;
  const chosen = sortRows(groups.filter(having), keys).slice(start, q.limit === undefined ? undefined : start + q.limit);
  return chosen.map((g) => {
    const out: SfRecord = { attributes: { type: 'AggregateResult' } };
    for (const c of columns) out[c.key] = c.value(g);
    return out;
  });
}

function groupRows(ctx: QueryContext, rows: SfRecord[], paths: FieldPath[]): Group[] {
  if (!paths.length) return [{ rows, first: rows[0] ?? {} }];
  const groups = new Map<string, Group>();
  for (const r of rows) {
    const key = JSON.stringify(paths.map((p) => comparable(p.field, readPath(ctx, p, r))));
    const g = groups.get(key);
    if (g) g.rows.push(r);
    else groups.set(key, { rows: [r], first: r });
  }
  return [...groups.values()];
}

function havingCondition(
  ctx: QueryContext,
  obj: ObjectDef,
  raw: unknown,
  alias: string | undefined,
  aggValue: (fn: FunctionExp, g: Group) => unknown,
): (g: Group) => boolean {
  const cond = raw as { fn?: FunctionExp; field?: string; operator: string; value: string | string[]; literalType?: string | string[] };
  const lt = Array.isArray(cond.literalType) ? cond.literalType[0] : cond.literalType;
  const values = (Array.isArray(cond.value) ? cond.value : [cond.value]).map((v) => parseLiteral(ctx, v, lt));
  const keyOf = (l: (typeof values)[number]) => (l.k === 'string' ? l.v.toLowerCase() : 'v' in l ? l.v : 'ms' in l ? l.ms : null);
  const wanted = values.map(keyOf);
  let get: (g: Group) => unknown;
  if (cond.fn) {
    const fn = cond.fn;
    get = (g) => aggValue(fn, g);
  } else {
    const path = resolvePath(ctx, obj, cond.field ?? '', alias);
    get = (g) => comparable(path.field, readPath(ctx, path, g.first));
  }
  return (g) => {
    const v = get(g) as number | string | null;
    const w = wanted[0] as number | string | null;
    switch (cond.operator.toUpperCase()) {
      case '=': return v === w;
      case '!=': return v !== w;
      case '<': return v !== null && w !== null && v < w;
      case '<=': return v !== null && w !== null && v <= w;
      case '>': return v !== null && w !== null && v > w;
      case '>=': return v !== null && w !== null && v >= w;
      case 'IN': return wanted.includes(v);
      case 'NOT IN': return !wanted.includes(v);
      default: throw malformed(ctx, cond.operator, `unexpected token: ${cond.operator}`);
    }
  };
}
