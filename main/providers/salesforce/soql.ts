import type { ReadOptions } from '../provider';
import { ValidationError } from '../errors';

/** A SOQL string literal: quotes and backslashes escaped (SOQL injection safe). */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

/** A literal for a filter value: numbers and booleans bare, ISO date-times bare, everything else quoted. */
export function soqlLiteral(value: string | number | boolean): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) return value;
  return soqlString(value);
}

const IDENT = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;

/** Field and object names go into SOQL unquoted, so they must be plain identifiers. */
export function ident(name: string): string {
  if (!IDENT.test(name)) throw new ValidationError(`"${name}" is not a valid Salesforce field or object name.`, { fields: [name] });
  return name;
}

const OPS: Record<string, string> = { eq: '=', neq: '!=', gt: '>', gte: '>=', lt: '<', lte: '<=' };

export function whereClause(where: ReadOptions['where']): string {
  if (!where?.length) return '';
  const parts = where.map((w) => {
    if (w.op === 'in') {
      const values = Array.isArray(w.value) ? w.value : [w.value as string];
      return `${ident(w.field)} IN (${values.map((v) => soqlLiteral(v)).join(', ')})`;
    }
    if (Array.isArray(w.value)) throw new ValidationError(`Filter "${w.op}" on ${w.field} takes one value.`, { fields: [w.field] });
    return `${ident(w.field)} ${OPS[w.op]} ${soqlLiteral(w.value)}`;
  });
  return ` WHERE ${parts.join(' AND ')}`;
}

export function selectList(fields: string[], always: string[]): string {
  return [...new Set([...always, ...fields])].map(ident).join(', ');
}

/** A date-time literal to the second (SOQL's documented form); callers dedupe the sub-second overlap. */
export function soqlDateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new ValidationError(`"${iso}" is not a date-time.`);
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
