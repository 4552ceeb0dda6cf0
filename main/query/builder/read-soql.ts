import type { ConditionWithValueQuery, FieldType, LiteralType, Query, WhereClause } from 'soql-parser-js';
import {
  BuilderModel, MAX_BUILDER_LIMIT, OPERATOR_ARITY, emptyWhere, isSoqlDate, isSoqlDateTime, isSoqlNumber, isDateLiteral, takesN,
  type BuilderFilter, type BuilderGroup, type BuilderItem, type BuilderJoin, type BuilderOperator, type BuilderReading, type BuilderSort, type BuilderValue, type BuilderWhere,
} from '../../../shared/query-builder';
import { likeShape, readQuoted, unquoteString } from './literals';
import type { SoqlLib } from './soql-lib';

/** What could not be taken over, in words the builder shows ("GROUP BY", "COUNT(Id)"). */
type Refusal = { refused: string };
const refuse = (refused: string): Refusal => ({ refused });
const isRefusal = (x: unknown): x is Refusal => typeof x === 'object' && x !== null && 'refused' in x;

const OPERATORS: Record<string, BuilderOperator> = {
  '=': 'eq',
  '!=': 'neq',
  '<>': 'neq',
  '<': 'lt',
  '<=': 'lte',
  '>': 'gt',
  '>=': 'gte',
  IN: 'in',
  'NOT IN': 'notIn',
  INCLUDES: 'includes',
  EXCLUDES: 'excludes',
};

/**
 * Reads SOQL back into the builder's model. Whatever the builder cannot show (aggregates,
 * subqueries, NOT, deeper parentheses, GROUP BY ...) is left out of the model and named in
 * `unsupported`; the model is the whole query only when that list is empty.
 */
export function readSoql(lib: Pick<SoqlLib, 'parseQuery'>, text: string): BuilderReading {
  let query: Query;
  try {
    query = lib.parseQuery(text);
  } catch (err) {
    return { model: null, unsupported: [], error: firstLine(err) };
  }
  if (!query.sObject) return { model: null, unsupported: [], error: 'The query has no FROM object.' };
  const unsupported: string[] = [];
  const note = (r: Refusal) => void (unsupported.includes(r.refused) || unsupported.push(r.refused));

  const alias = query.sObjectAlias;
  if (alias) note(refuse(`the object alias “${alias}”`));
  const unalias = (path: string) => (alias && path.toLowerCase().startsWith(`${alias.toLowerCase()}.`) ? path.slice(alias.length + 1) : path);

  const fields: string[] = [];
  for (const f of query.fields ?? []) {
    const read = selectPath(f);
    if (isRefusal(read)) note(read);
    else fields.push(unalias(read));
  }
  const where = query.where ? readWhere(query.where, unalias, note) : emptyWhere();
  const orderBy: BuilderSort[] = [];
  for (const o of list(query.orderBy)) {
    if ('field' in o) orderBy.push({ field: unalias(o.field), direction: o.order === 'DESC' ? 'DESC' : 'ASC', ...(o.nulls ? { nulls: o.nulls } : {}) });
    else note(refuse(`ORDER BY ${o.fn.rawValue ?? o.fn.functionName ?? 'a function'}`));
  }
  for (const clause of otherClauses(query)) note(refuse(clause));
  let limit = query.limit;
  if (limit !== undefined && (limit < 1 || limit > MAX_BUILDER_LIMIT)) {
    note(refuse(`LIMIT ${limit}`));
    limit = undefined;
  }

  const parsed = BuilderModel.safeParse({ object: query.sObject, fields, where, orderBy, ...(limit !== undefined ? { limit } : {}) });
  if (!parsed.success) return { model: null, unsupported, error: 'The builder cannot show this query.' };
  return { model: parsed.data, unsupported, error: null };
}

function firstLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0].slice(0, 200) || 'The SOQL does not parse.';
}

function selectPath(f: FieldType): string | Refusal {
  switch (f.type) {
    case 'Field':
      return f.alias ? refuse(`the alias “${f.alias}”`) : f.field;
    case 'FieldRelationship':
      return 'alias' in f && f.alias ? refuse(`the alias “${String(f.alias)}”`) : [...f.relationships, f.field].join('.');
    case 'FieldFunctionExpression':
      return refuse(f.rawValue ?? `${f.functionName}()`);
    case 'FieldSubquery':
      return refuse(`the subquery on ${f.subquery.relationshipName}`);
    case 'FieldTypeof':
      return refuse(`TYPEOF ${f.field}`);
  }
}

function otherClauses(q: Query): string[] {
  const out: string[] = [];
  if (q.groupBy) out.push('GROUP BY');
  if (q.having) out.push('HAVING');
  if (q.offset !== undefined) out.push('OFFSET');
  if (q.usingScope) out.push('USING SCOPE');
  if (q.withDataCategory) out.push('WITH DATA CATEGORY');
  if (q.withSecurityEnforced) out.push('WITH SECURITY_ENFORCED');
  if (q.withAccessLevel) out.push(`WITH ${q.withAccessLevel}`);
  if (q.for) out.push(`FOR ${q.for}`);
  if (q.update) out.push(`UPDATE ${q.update}`);
  return out;
}

// ---- WHERE -----------------------------------------------------------------------------------

interface Link {
  cond: ConditionWithValueQuery | null;
  /** The operator to the next condition. */
  next?: string;
}

function links(clause: WhereClause): Link[] {
  const out: Link[] = [];
  for (let c: WhereClause | undefined = clause; c; c = 'right' in c ? c.right : undefined) {
    out.push({ cond: c.left as ConditionWithValueQuery | null, next: 'operator' in c ? c.operator : undefined });
  }
  return out;
}

/**
 * The condition chain soql-parser-js gives, back into items and groups. The builder has one
 * level of parentheses and one AND/OR per level; anything else is refused as a whole.
 */
function readWhere(clause: WhereClause, unalias: (p: string) => string, note: (r: Refusal) => void): BuilderWhere {
  const chain = links(clause);
  const items: BuilderItem[] = [];
  let topJoin: BuilderJoin | undefined;
  let group: (BuilderGroup & { joined?: boolean }) | undefined;
  let depth = 0;
  const structural = (why: string): BuilderWhere => (note(refuse(why)), emptyWhere());

  for (const { cond, next } of chain) {
    if (!cond || next === 'NOT' || !('field' in cond || 'fn' in cond)) return structural('NOT');
    const open = cond.openParen ?? 0;
    if (depth + open > 1) return structural('parentheses inside parentheses');
    if (open === 1 && depth === 0) group = { join: 'AND', filters: [] };
    depth += open;
    const filter = readCondition(cond, unalias);
    if (isRefusal(filter)) note(filter);
    else if (group) group.filters.push(filter);
    else items.push(filter);
    depth -= cond.closeParen ?? 0;
    if (depth < 0) return structural('an unmatched “)”');
    if (group && depth === 0) {
      if (group.filters.length > 0) items.push({ join: group.join, filters: group.filters });
      group = undefined;
    }
    if (!next) continue;
    const join = next as BuilderJoin;
    if (group) {
      if (group.joined && group.join !== join) return structural('AND and OR mixed without parentheses');
      group.join = join;
      group.joined = true;
    } else {
      if (topJoin && topJoin !== join) return structural('AND and OR mixed without parentheses');
      topJoin = join;
    }
  }
  return { join: topJoin ?? 'AND', items };
}

function readCondition(cond: ConditionWithValueQuery, unalias: (p: string) => string): BuilderFilter | Refusal {
  if ('valueQuery' in cond) return refuse(`the subquery on ${cond.field}`);
  if ('fn' in cond) return refuse(cond.fn.rawValue ?? `${cond.fn.functionName ?? 'a function'}()`);
  if (!('field' in cond)) return refuse('NOT');
  const field = unalias(cond.field);
  const raw = Array.isArray(cond.value) ? cond.value : [cond.value];
  const types: LiteralType[] = Array.isArray(cond.literalType) ? cond.literalType : raw.map(() => (cond.literalType as LiteralType | undefined) ?? 'STRING');
  const soqlOp = cond.operator.toUpperCase();
  const whole = `${field} ${soqlOp} ${Array.isArray(cond.value) ? `(${raw.join(', ')})` : raw[0]}`;

  if (types.includes('NULL')) {
    if (raw.length === 1 && soqlOp === '=') return { field, operator: 'isNull', values: [] };
    if (raw.length === 1 && (soqlOp === '!=' || soqlOp === '<>')) return { field, operator: 'isNotNull', values: [] };
    return refuse(whole);
  }
  if (soqlOp === 'LIKE') {
    if (raw.length !== 1 || types[0] !== 'STRING') return refuse(whole);
    const shape = likeShape(readQuoted(raw[0], true));
    const value = shape.operator === 'like' ? shape.pattern : shape.text;
    return { field, operator: shape.operator, values: [{ kind: 'string', value }] };
  }
  const operator = OPERATORS[soqlOp];
  if (!operator) return refuse(whole);
  const variable = 'dateLiteralVariable' in cond ? cond.dateLiteralVariable : undefined;
  const values: BuilderValue[] = [];
  for (let i = 0; i < raw.length; i++) {
    const v = readValue(raw[i], types[i], Array.isArray(variable) ? variable[i] : variable);
    if (!v) return refuse(whole);
    values.push(v);
  }
  if (OPERATOR_ARITY[operator] === 'one' && values.length !== 1) return refuse(whole);
  return { field, operator, values };
}

function readValue(raw: string, type: LiteralType, n: number | undefined): BuilderValue | undefined {
  switch (type) {
    case 'STRING':
      return { kind: 'string', value: unquoteString(raw) };
    case 'INTEGER':
    case 'DECIMAL':
      return isSoqlNumber(raw) ? { kind: 'number', value: raw } : undefined;
    case 'BOOLEAN':
      return { kind: 'boolean', value: raw.toLowerCase() === 'true' };
    case 'DATE':
      return isSoqlDate(raw) ? { kind: 'date', value: raw } : undefined;
    case 'DATETIME':
      return isSoqlDateTime(raw) ? { kind: 'datetime', value: raw } : undefined;
    case 'DATE_LITERAL':
      return isDateLiteral(raw.toUpperCase()) && !takesN(raw.toUpperCase()) ? { kind: 'dateLiteral', literal: raw.toUpperCase() } : undefined;
    case 'DATE_N_LITERAL': {
      const literal = raw.split(':')[0].toUpperCase();
      const count = n ?? Number(raw.split(':')[1]);
      return takesN(literal) && Number.isInteger(count) ? { kind: 'dateLiteral', literal, n: count } : undefined;
    }
    default:
      // Currency-prefixed numbers, bind variables: nothing the builder can edit.
      return undefined;
  }
}

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
