import { createRequire } from 'node:module';
import type { Query } from 'soql-parser-js';
import { SfApiError } from '../errors';
import type { ObjectDef } from '../metadata/types';
import type { Org } from '../org';
import type { SfRecord } from '../store';
import { isAggregateQuery, isCountOnly, runAggregate } from './aggregate';
import { queryError, type QueryContext } from './context';
import { checkLimits, compilePlan, compileWhere, selectRows, type SemiJoin } from './plan';
import { readPath, resolvePath } from './paths';

export interface SoqlResult {
  totalSize: number;
  /** Matching rows in answer order, not yet shaped. */
  rows: SfRecord[];
  /** Shapes one row for the answer; callers project page by page so a 25,000-row result stays cheap. */
  project: (row: SfRecord) => SfRecord;
}

const asIs = (row: SfRecord) => row;

export interface SoqlOptions {
  /** queryAll: deleted (recycle bin) records are included. */
  includeDeleted: boolean;
  /** API version of the request, for attribute URLs. */
  version: string;
}

type SoqlParser = typeof import('soql-parser-js');
let parser: SoqlParser | undefined;

/** soql-parser-js builds its grammar when loaded (slow); load it on the first query so startup stays fast. */
function soqlParser(): SoqlParser {
  parser ??= createRequire(import.meta.url)('soql-parser-js') as SoqlParser;
  return parser;
}

/** Parses with soql-parser-js; its errors become MALFORMED_QUERY in Salesforce's layout. */
export function parseSoql(text: string): Query {
  try {
    return soqlParser().parseQuery(text);
  } catch (err) {
    const message = (err as Error).message;
    const found = /but found --> '(.*?)' <--/.exec(message)?.[1] ?? /character: ->(.)<-/.exec(message)?.[1];
    const token = found ?? text.trim().split(/\s+/).pop() ?? '';
    const at = Math.max(0, text.indexOf(token));
    throw new SfApiError(
      400,
      'MALFORMED_QUERY',
      `\n${text}\n${' '.repeat(at)}^\nERROR at Row:1:Column:${at + 1}\nunexpected token: ${found ? `'${found}'` : '<EOF>'}`,
    );
  }
}

function unsupportedObject(ctx: QueryContext, name: string): SfApiError {
  return queryError(
    ctx,
    'INVALID_TYPE',
    name,
    `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
  );
}

function candidates(ctx: QueryContext, obj: ObjectDef): SfRecord[] {
  const rows = ctx.org.store.all(obj.name);
  return ctx.includeDeleted ? rows.filter((r) => !ctx.org.isPurged(r)) : rows;
}

/** Runs a whole SOQL statement and returns every matching row (paging is the caller's job). */
export function runSoql(org: Org, text: string, opts: SoqlOptions): SoqlResult {
  if (!text.trim()) throw new SfApiError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
  const ctx: QueryContext = { org, soql: text, version: opts.version, includeDeleted: opts.includeDeleted, now: org.clock.now() };
  return runQuery(ctx, parseSoql(text));
}

function runQuery(ctx: QueryContext, q: Query): SoqlResult {
  const obj = ctx.org.apiObject(q.sObject ?? '');
  if (!obj) throw unsupportedObject(ctx, q.sObject ?? '');
  const semiJoin: SemiJoin = (sub) => semiJoinValues(ctx, sub);
  if (isAggregateQuery(q)) {
    checkLimits(q);
    const filter = compileWhere(ctx, obj, q.where, q.sObjectAlias, semiJoin);
    const rows = selectRows(ctx, { filter, sortKeys: [] }, candidates(ctx, obj));
    if (isCountOnly(q)) {
      const start = q.offset ?? 0;
      const n = Math.max(0, Math.min(rows.length - start, q.limit ?? Infinity));
      return { totalSize: n, rows: [], project: asIs };
    }
    const records = runAggregate(ctx, obj, q, rows);
    return { totalSize: records.length, rows: records, project: asIs };
  }
  const plan = compilePlan(ctx, obj, q, q.sObjectAlias, semiJoin);
  const selected = selectRows(ctx, plan, candidates(ctx, obj));
  return { totalSize: selected.length, rows: selected, project: plan.project };
}

/** `Id IN (SELECT ContactId FROM ...)`: the values of the inner query's single field. */
function semiJoinValues(ctx: QueryContext, sub: Query): Set<unknown> {
  const obj = ctx.org.apiObject(sub.sObject ?? '');
  if (!obj) throw unsupportedObject(ctx, sub.sObject ?? '');
  const field = sub.fields?.[0];
  if (!field || sub.fields!.length !== 1 || (field.type !== 'Field' && field.type !== 'FieldRelationship')) {
    throw queryError(ctx, 'MALFORMED_QUERY', 'SELECT', 'A semi-join subquery selects exactly one field');
  }
  const text = field.type === 'Field' ? field.field : [...field.relationships, field.field].join('.');
  const path = resolvePath(ctx, obj, text, sub.sObjectAlias);
  const filter = compileWhere(ctx, obj, sub.where, sub.sObjectAlias, (s) => semiJoinValues(ctx, s));
  const inner = { ...ctx, includeDeleted: false };
  return new Set(selectRows(inner, { filter, sortKeys: [], limit: sub.limit }, candidates(ctx, obj)).map((r) => readPath(ctx, path, r)));
}
