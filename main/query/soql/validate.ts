import type { FieldType, HavingClause, Query, WhereClause } from 'soql-parser-js';
import type { Diagnostic } from '../../../shared/ipc/channels/query';
import { MetaReader, resolvePath, type MetaSnapshot } from './metadata';
import { lineColumn, parseLocated, type SoqlParser } from './parser';
import { isKeyword, tokenize, type Token } from './tokens';

export interface SoqlValidation {
  diagnostics: Diagnostic[];
  missing: string[];
  wantsObjects: boolean;
}

/**
 * Checks SOQL before it runs: syntax (soql-parser-js, located), then the object and every
 * field path against the describe metadata, each error placed on its token.
 */
export function validateSoql(parser: SoqlParser, text: string, snap: MetaSnapshot): SoqlValidation {
  const reader = new MetaReader(snap);
  const done = (diagnostics: Diagnostic[]): SoqlValidation => ({ diagnostics, missing: [...reader.missing], wantsObjects: reader.wantsObjects });
  if (!text.trim()) return done([]);
  const parsed = parseLocated(parser, text);
  if (!parsed.ok) return done([{ ...parsed.error, severity: 'error', message: parsed.error.message }]);
  const tokens = tokenize(text);
  return done(checkQuery(parsed.query, text, tokens, reader));
}

function checkQuery(query: Query, text: string, tokens: Token[], reader: MetaReader): Diagnostic[] {
  const object = query.sObject;
  if (!object) return [];
  const objects = reader.objects();
  if (objects && !reader.objectName(object)) {
    const at = tokens.find((t, i) => t.text.toLowerCase() === object.toLowerCase() && isKeyword(tokens[i - 1], 'FROM'));
    return [diagnostic(text, at, `There is no object “${object}” in this org (or it cannot be queried).`, 'INVALID_TYPE')];
  }
  const out: Diagnostic[] = [];
  const alias = query.sObjectAlias?.toLowerCase();
  for (const path of fieldPaths(query)) {
    const parts = path.split('.');
    if (alias && parts.length > 1 && parts[0].toLowerCase() === alias) parts.shift();
    const resolved = resolvePath(reader, reader.objectName(object) ?? object, parts);
    if (resolved.ok || resolved.reason === 'missing') continue;
    const at = tokens.find((t) => t.type === 'word' && t.text.toLowerCase() === path.toLowerCase());
    const message =
      resolved.reason === 'field'
        ? `${resolved.object} has no field “${resolved.part}”.`
        : `${resolved.object} has no relationship “${resolved.part}”: follow a lookup by its relationship name (Account for AccountId, Owner for OwnerId).`;
    out.push(diagnostic(text, at, message, 'INVALID_FIELD'));
  }
  for (const sub of semiJoins(query.where)) out.push(...checkQuery(sub, text, tokens, reader));
  return out;
}

function diagnostic(text: string, token: Token | undefined, message: string, code: string): Diagnostic {
  const from = token?.from ?? 0;
  const to = token?.to ?? Math.min(text.length, 1);
  return { from, to, ...lineColumn(text, from), severity: 'error', message, code };
}

/** Every field path the query names (select list, filters, grouping, ordering), subqueries aside. */
export function fieldPaths(query: Query): string[] {
  const out = new Set<string>();
  for (const f of query.fields ?? []) selectPaths(f).forEach((p) => out.add(p));
  conditionPaths(query.where).forEach((p) => out.add(p));
  conditionPaths(query.having).forEach((p) => out.add(p));
  for (const g of list(query.groupBy)) if ('field' in g) out.add(g.field);
  for (const o of list(query.orderBy)) if ('field' in o) out.add(o.field);
  const aliases = new Set((query.fields ?? []).map((f) => ('alias' in f && typeof f.alias === 'string' ? f.alias.toLowerCase() : '')).filter(Boolean));
  return [...out].filter((p) => p && p !== '*' && !aliases.has(p.toLowerCase()));
}

function selectPaths(f: FieldType): string[] {
  switch (f.type) {
    case 'Field':
      return [f.field];
    case 'FieldRelationship':
      return [[...f.relationships, f.field].join('.')];
    case 'FieldFunctionExpression':
      return functionParams(f.parameters);
    default:
      return [];
  }
}

function functionParams(params: Array<string | { parameters?: unknown[] }> | undefined): string[] {
  return (params ?? []).flatMap((p) => (typeof p === 'string' ? (/^[A-Za-z_][\w.]*$/.test(p) ? [p] : []) : functionParams(p.parameters as never)));
}

function conditionPaths(clause: WhereClause | HavingClause | undefined): string[] {
  const out: string[] = [];
  for (let c: WhereClause | HavingClause | undefined = clause; c; c = 'right' in c ? c.right : undefined) {
    const left = c.left as Record<string, unknown> | null;
    if (left && typeof left.field === 'string') out.push(left.field);
    if (left && left.fn && typeof left.fn === 'object') out.push(...functionParams((left.fn as { parameters?: string[] }).parameters));
  }
  return out;
}

function semiJoins(clause: WhereClause | undefined): Query[] {
  const out: Query[] = [];
  for (let c: WhereClause | undefined = clause; c; c = 'right' in c ? c.right : undefined) {
    const left = c.left as { valueQuery?: Query } | null;
    if (left?.valueQuery) out.push(left.valueQuery);
  }
  return out;
}

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
