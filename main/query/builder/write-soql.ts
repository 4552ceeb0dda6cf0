import type { Condition, FieldType, ValueCondition, LiteralType, OrderByClause, Query, WhereClause } from 'soql-parser-js';
import {
  LIKE_OPERATORS, OPERATOR_ARITY, dateLiteralText, filterComplete, isGroup, takesN, type BuilderFilter, type BuilderModel, type BuilderOperator, type BuilderValue,
} from '../../../shared/query-builder';
import { helperPattern, parsePatternText, quoteString, writePattern } from './literals';
import type { SoqlLib } from './soql-lib';

const SOQL_OPERATOR: Record<BuilderOperator, string> = {
  eq: '=',
  neq: '!=',
  lt: '<',
  lte: '<=',
  gt: '>',
  gte: '>=',
  in: 'IN',
  notIn: 'NOT IN',
  contains: 'LIKE',
  startsWith: 'LIKE',
  endsWith: 'LIKE',
  like: 'LIKE',
  includes: 'INCLUDES',
  excludes: 'EXCLUDES',
  isNull: '=',
  isNotNull: '!=',
};

/** One value as SOQL writes it, with the literal type soql-parser-js composes it by. */
function literal(v: BuilderValue): { text: string; type: LiteralType } {
  switch (v.kind) {
    case 'string':
      return { text: quoteString(v.value), type: 'STRING' };
    case 'number':
      return { text: v.value, type: v.value.includes('.') ? 'DECIMAL' : 'INTEGER' };
    case 'boolean':
      return { text: String(v.value), type: 'BOOLEAN' };
    case 'date':
      return { text: v.value, type: 'DATE' };
    case 'datetime':
      return { text: v.value, type: 'DATETIME' };
    case 'dateLiteral':
      return { text: dateLiteralText(v), type: takesN(v.literal) ? 'DATE_N_LITERAL' : 'DATE_LITERAL' };
  }
}

function likeLiteral(f: BuilderFilter): string {
  const v = f.values[0];
  const text = v.kind === 'string' ? v.value : '';
  if (f.operator === 'like') return writePattern(parsePatternText(text));
  return writePattern(helperPattern(f.operator as 'contains' | 'startsWith' | 'endsWith', text));
}

/** A complete filter as a soql-parser-js condition. */
export function condition(f: BuilderFilter): Condition {
  const operator = SOQL_OPERATOR[f.operator] as ValueCondition['operator'];
  if (f.operator === 'isNull' || f.operator === 'isNotNull') return { field: f.field, operator, value: 'null', literalType: 'NULL' };
  if (LIKE_OPERATORS.has(f.operator)) return { field: f.field, operator, value: likeLiteral(f), literalType: 'STRING' };
  const values = f.values.map(literal);
  if (OPERATOR_ARITY[f.operator] === 'one') {
    const v = f.values[0];
    const n = v.kind === 'dateLiteral' && takesN(v.literal) ? { dateLiteralVariable: v.n ?? 0 } : {};
    return { field: f.field, operator, value: values[0].text, literalType: values[0].type, ...n } as Condition;
  }
  return { field: f.field, operator, value: values.map((x) => x.text), literalType: values.map((x) => x.type) } as Condition;
}

/**
 * The WHERE chain soql-parser-js composes: items joined by the top-level AND/OR, each group's
 * filters in parentheses joined by the group's own. Incomplete filters and empty groups are left
 * out; a group of one needs no parentheses.
 */
export function whereClause(model: BuilderModel): WhereClause | undefined {
  type Link = { cond: Condition; join: string };
  const links: Link[] = [];
  for (const item of model.where.items) {
    if (!isGroup(item)) {
      if (filterComplete(item)) links.push({ cond: condition(item), join: model.where.join });
      continue;
    }
    const inside = item.filters.filter(filterComplete).map(condition);
    if (inside.length === 0) continue;
    if (inside.length === 1) {
      links.push({ cond: inside[0], join: model.where.join });
      continue;
    }
    inside.forEach((cond, i) => {
      const last = i === inside.length - 1;
      const paren = { ...(i === 0 ? { openParen: 1 } : {}), ...(last ? { closeParen: 1 } : {}) };
      links.push({ cond: { ...cond, ...paren } as Condition, join: last ? model.where.join : item.join });
    });
  }
  let clause: WhereClause | undefined;
  for (let i = links.length - 1; i >= 0; i--) {
    clause = clause ? { left: links[i].cond, operator: links[i].join as 'AND' | 'OR', right: clause } : { left: links[i].cond };
  }
  return clause;
}

function selectField(path: string): FieldType {
  const parts = path.split('.');
  if (parts.length === 1) return { type: 'Field', field: path };
  return { type: 'FieldRelationship', field: parts.at(-1)!, relationships: parts.slice(0, -1) };
}

/** The builder's model as a soql-parser-js query. */
export function modelToQuery(model: BuilderModel): Query {
  const seen = new Set<string>();
  const fields = model.fields.filter((f) => !seen.has(f.toLowerCase()) && seen.add(f.toLowerCase()));
  const where = whereClause(model);
  const orderBy: OrderByClause[] = model.orderBy.filter((s) => s.field).map((s) => ({ field: s.field, ...(s.direction === 'DESC' ? { order: 'DESC' as const } : {}), ...(s.nulls ? { nulls: s.nulls } : {}) }));
  return {
    // SOQL needs a field; Id is what every object has.
    fields: (fields.length ? fields : ['Id']).map(selectField),
    sObject: model.object,
    ...(where ? { where } : {}),
    ...(orderBy.length ? { orderBy } : {}),
    ...(model.limit !== undefined ? { limit: model.limit } : {}),
  };
}

/** One clause a line, conditions under WHERE indented two spaces (soql-parser-js indents with tabs). */
export function writeSoql(lib: Pick<SoqlLib, 'composeQuery'>, model: BuilderModel): string {
  const text = lib.composeQuery(modelToQuery(model), { format: true, formatOptions: { fieldMaxLineLength: 72 } });
  return text.replace(/^\t+/gm, (tabs) => '  '.repeat(tabs.length));
}
