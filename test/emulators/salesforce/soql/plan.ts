import type { FieldType, OrderByClause, Query, Subquery } from 'soql-parser-js';
import { SfApiError } from '../errors';
import { Schema } from '../metadata/schema';
import type { ObjectDef } from '../metadata/types';
import { recordUrl } from '../org';
import type { SfRecord } from '../store';
import { compileBoolTree, type Predicate } from './boolTree';
import { comparable, compileCondition } from './conditions';
import { malformed, queryError, type QueryContext } from './context';
import { sortKey, sortRows, type SortKey } from './order';
import { followHops, readPath, resolvePath, type FieldPath } from './paths';

/** A compiled non-aggregate (sub)query: which rows, in what order, and how each row is shown. */
export interface Plan {
  obj: ObjectDef;
  filter: Predicate<SfRecord>;
  sortKeys: SortKey<SfRecord>[];
  limit?: number;
  offset?: number;
  project: (rec: SfRecord) => SfRecord;
}

export type SemiJoin = (q: Query) => Set<unknown>;
type Emit = (rec: SfRecord, out: SfRecord) => void;

const MAX_OFFSET = 2000;

export function compileWhere(ctx: QueryContext, obj: ObjectDef, where: unknown, alias: string | undefined, semiJoin: SemiJoin): Predicate<SfRecord> {
  if (!where) return () => true;
  return compileBoolTree<SfRecord>(ctx, where, (cond) => compileCondition(ctx, obj, alias, cond, semiJoin));
}

export function compileOrder(ctx: QueryContext, obj: ObjectDef, orderBy: OrderByClause | OrderByClause[] | undefined, alias?: string): SortKey<SfRecord>[] {
  const items = orderBy === undefined ? [] : Array.isArray(orderBy) ? orderBy : [orderBy];
  return items.map((item) => {
    if (!('field' in item)) throw malformed(ctx, 'ORDER BY', 'Ordering by a function needs an aggregate query');
    const path = resolvePath(ctx, obj, item.field, alias);
    return sortKey((r: SfRecord) => comparable(path.field, readPath(ctx, path, r)), item.order, item.nulls);
  });
}

export function checkLimits(q: { limit?: number; offset?: number }): void {
  if (q.offset !== undefined && q.offset > MAX_OFFSET) {
    throw new SfApiError(400, 'NUMBER_OUTSIDE_VALID_RANGE', `Maximum SOQL offset allowed is ${MAX_OFFSET}`);
  }
}

/** Puts a path's value into the output record, nesting parent objects (`Account: { attributes, Name }`). */
function emitPath(ctx: QueryContext, path: FieldPath, key?: string): Emit {
  return (rec, out) => {
    let target = out;
    for (let i = 0; i < path.hops.length; i++) {
      const hop = path.hops[i];
      const parent = followHops(ctx, path, rec, i + 1);
      if (!parent) {
        if (!(hop.relationshipName in target)) target[hop.relationshipName] = null;
        return;
      }
      if (!target[hop.relationshipName]) {
        target[hop.relationshipName] = { attributes: { type: hop.target.name, url: recordUrl(ctx.version, hop.target.name, parent.Id as string) } };
      }
      target = target[hop.relationshipName] as SfRecord;
    }
    target[key ?? path.field.name] = readPath(ctx, path, rec);
  };
}

function expandFieldsFunction(ctx: QueryContext, obj: ObjectDef, which: string, limit: number | undefined): Emit[] {
  const kind = which.toUpperCase();
  if (kind !== 'STANDARD' && (limit === undefined || limit > 200)) {
    throw malformed(ctx, 'FIELDS', 'The SOQL FIELDS function must have a LIMIT of at most 200');
  }
  return ctx.org
    .apiFields(obj)
    .filter((f) => kind === 'ALL' || (kind === 'CUSTOM' ? f.custom : !f.custom))
    .map((f) => emitPath(ctx, { hops: [], field: f, owner: obj, text: f.name }));
}

function compileSubquery(ctx: QueryContext, parent: ObjectDef, sub: Subquery, semiJoin: SemiJoin): Emit {
  const rel = Schema.childRelationship(parent, sub.relationshipName);
  const child = rel && ctx.org.permissions.childVisible(rel.childSObject, rel.field) ? ctx.org.schema.get(rel.childSObject) : undefined;
  if (!rel || !child) {
    throw queryError(
      ctx,
      'INVALID_TYPE',
      sub.relationshipName,
      `Didn't understand relationship '${sub.relationshipName}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
    );
  }
  const plan = compilePlan(ctx, child, sub, sub.sObjectAlias, semiJoin);
  return (rec, out) => {
    const rows = ctx.org.store.findBy(child.name, rel.field, rec.Id, true);
    const records = runPlan(ctx, plan, rows);
    out[rel.relationshipName!] = records.length ? { totalSize: records.length, done: true, records } : null;
  };
}

function compileSelect(ctx: QueryContext, obj: ObjectDef, q: Query | Subquery, alias: string | undefined, semiJoin: SemiJoin): Emit[] {
  const seen = new Set<string>();
  const once = (key: string) => {
    if (seen.has(key.toLowerCase())) throw malformed(ctx, key, `duplicate field selected: ${key}`);
    seen.add(key.toLowerCase());
  };
  const emits: Emit[] = [];
  for (const f of (q.fields ?? []) as FieldType[]) {
    switch (f.type) {
      case 'Field':
      case 'FieldRelationship': {
        const text = f.type === 'Field' ? f.field : [...f.relationships, f.field].join('.');
        const path = resolvePath(ctx, obj, text, alias);
        once(path.hops.map((h) => h.relationshipName).concat(path.field.name).join('.'));
        emits.push(emitPath(ctx, path));
        break;
      }
      case 'FieldFunctionExpression': {
        const param = f.parameters[0];
        if (f.functionName.toUpperCase() === 'FIELDS') {
          emits.push(...expandFieldsFunction(ctx, obj, String(param), q.limit));
          break;
        }
        if (typeof param !== 'string') throw malformed(ctx, f.functionName, `unexpected token: ${f.functionName}`);
        // toLabel / FORMAT / convertCurrency show the stored value in this emulator.
        const path = resolvePath(ctx, obj, param, alias);
        emits.push(emitPath(ctx, path, f.alias));
        break;
      }
      case 'FieldSubquery':
        if ('relationshipName' in q) throw malformed(ctx, '(', 'Nesting of subqueries is not supported');
        once(f.subquery.relationshipName);
        emits.push(compileSubquery(ctx, obj, f.subquery, semiJoin));
        break;
      default:
        throw malformed(ctx, 'TYPEOF', 'TYPEOF is not supported by the emulator');
    }
  }
  return emits;
}

export function compilePlan(ctx: QueryContext, obj: ObjectDef, q: Query | Subquery, alias: string | undefined, semiJoin: SemiJoin): Plan {
  checkLimits(q);
  const emits = compileSelect(ctx, obj, q, alias, semiJoin);
  return {
    obj,
    filter: compileWhere(ctx, obj, q.where, alias, semiJoin),
    sortKeys: compileOrder(ctx, obj, q.orderBy, alias),
    limit: q.limit,
    offset: q.offset,
    project: (rec) => {
      const out: SfRecord = { attributes: { type: obj.name, url: recordUrl(ctx.version, obj.name, rec.Id as string) } };
      for (const emit of emits) emit(rec, out);
      return out;
    },
  };
}

/** Filters (dropping deleted rows unless queryAll), sorts, pages and projects candidate rows. */
export function runPlan(ctx: QueryContext, plan: Plan, rows: SfRecord[]): SfRecord[] {
  return selectRows(ctx, plan, rows).map(plan.project);
}

export function selectRows(ctx: QueryContext, plan: Pick<Plan, 'filter' | 'sortKeys' | 'limit' | 'offset'>, rows: SfRecord[]): SfRecord[] {
  const live = rows.filter((r) => (ctx.includeDeleted || r.IsDeleted !== true) && plan.filter(r));
  const sorted = sortRows(live, plan.sortKeys);
  const start = plan.offset ?? 0;
  return sorted.slice(start, plan.limit === undefined ? undefined : start + plan.limit);
}
