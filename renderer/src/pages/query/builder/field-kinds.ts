import type { QueryFieldInfo } from '../../../../../shared/ipc/channels/query';
import { OPERATOR_ARITY, type BuilderFilter, type BuilderOperator, type BuilderValue } from '../../../../../shared/query-builder';

/** What kind of input a field's values need. */
export type FieldKind = 'text' | 'picklist' | 'multipicklist' | 'number' | 'boolean' | 'date' | 'datetime' | 'id';

export function fieldKind(field: QueryFieldInfo | undefined): FieldKind {
  switch (field?.type) {
    case 'picklist':
      return 'picklist';
    case 'multipicklist':
      return 'multipicklist';
    case 'number':
    case 'integer':
    case 'currency':
    case 'percent':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    case 'id':
    case 'reference':
      return 'id';
    default:
      return field?.picklist?.length ? 'picklist' : 'text';
  }
}

/** Short type names for the field lists. */
export const KIND_LABEL: Record<FieldKind, string> = {
  text: 'text',
  picklist: 'picklist',
  multipicklist: 'multi-picklist',
  number: 'number',
  boolean: 'yes/no',
  date: 'date',
  datetime: 'date/time',
  id: 'id',
};

/** The operators that make sense for a kind, in the order the menu shows them, with their words. */
const OPERATORS: Record<FieldKind, Array<[BuilderOperator, string]>> = {
  text: [
    ['eq', 'equals'],
    ['neq', 'does not equal'],
    ['contains', 'contains'],
    ['startsWith', 'starts with'],
    ['endsWith', 'ends with'],
    ['like', 'matches pattern'],
    ['in', 'is any of'],
    ['notIn', 'is none of'],
    ['isNull', 'is empty'],
    ['isNotNull', 'is not empty'],
  ],
  picklist: [
    ['eq', 'is'],
    ['neq', 'is not'],
    ['in', 'is any of'],
    ['notIn', 'is none of'],
    ['isNull', 'is empty'],
    ['isNotNull', 'is not empty'],
  ],
  multipicklist: [
    ['includes', 'includes any of'],
    ['excludes', 'excludes all of'],
    ['eq', 'is exactly'],
    ['neq', 'is not exactly'],
    ['isNull', 'is empty'],
    ['isNotNull', 'is not empty'],
  ],
  number: [
    ['eq', 'equals'],
    ['neq', 'does not equal'],
    ['gt', 'greater than'],
    ['gte', 'at least'],
    ['lt', 'less than'],
    ['lte', 'at most'],
    ['in', 'is any of'],
    ['notIn', 'is none of'],
    ['isNull', 'is empty'],
    ['isNotNull', 'is not empty'],
  ],
  boolean: [
    ['eq', 'is'],
    ['neq', 'is not'],
  ],
  date: [
    ['eq', 'is'],
    ['neq', 'is not'],
    ['lt', 'before'],
    ['lte', 'on or before'],
    ['gt', 'after'],
    ['gte', 'on or after'],
    ['isNull', 'is empty'],
    ['isNotNull', 'is not empty'],
  ],
  datetime: [],
  id: [
    ['eq', 'equals'],
    ['neq', 'does not equal'],
    ['in', 'is any of'],
    ['notIn', 'is none of'],
    ['isNull', 'is empty'],
    ['isNotNull', 'is not empty'],
  ],
};
OPERATORS.datetime = OPERATORS.date;

const ALL_LABELS = new Map<BuilderOperator, string>(Object.values(OPERATORS).flat());

/** The operator menu for a kind; an operator read from SOQL that the kind does not list is kept. */
export function operatorOptions(kind: FieldKind, current?: BuilderOperator): Array<{ value: BuilderOperator; label: string }> {
  const own = OPERATORS[kind].map(([value, label]) => ({ value, label }));
  if (current && !own.some((o) => o.value === current)) own.push({ value: current, label: ALL_LABELS.get(current) ?? current });
  return own;
}

export const operatorLabel = (kind: FieldKind, op: BuilderOperator): string => OPERATORS[kind].find(([o]) => o === op)?.[1] ?? ALL_LABELS.get(op) ?? op;

/** A new filter's operator: the one people reach for first with that kind of field. */
export function defaultOperator(kind: FieldKind): BuilderOperator {
  if (kind === 'multipicklist') return 'includes';
  if (kind === 'text') return 'contains';
  return 'eq';
}

/** An empty value of the kind the field takes (a date starts as a relative date). */
export function emptyValue(kind: FieldKind, operator: BuilderOperator): BuilderValue {
  if (operator === 'contains' || operator === 'startsWith' || operator === 'endsWith' || operator === 'like') return { kind: 'string', value: '' };
  switch (kind) {
    case 'number':
      return { kind: 'number', value: '' };
    case 'boolean':
      return { kind: 'boolean', value: true };
    case 'date':
    case 'datetime':
      return { kind: 'dateLiteral', literal: 'LAST_N_DAYS', n: 30 };
    default:
      return { kind: 'string', value: '' };
  }
}

/** Values carried over when the operator changes: a single value becomes a list of one and back. */
export function valuesForOperator(kind: FieldKind, operator: BuilderOperator, previous: BuilderValue[]): BuilderValue[] {
  const arity = OPERATOR_ARITY[operator];
  if (arity === 'none') return [];
  const usable = previous.filter((v) => (operator === 'like' || operator === 'contains' || operator === 'startsWith' || operator === 'endsWith' ? v.kind === 'string' : true));
  if (arity === 'many') return usable.filter((v) => v.kind !== 'dateLiteral' && !(v.kind === 'string' && v.value === ''));
  return [usable[0] ?? emptyValue(kind, operator)];
}

/** A new filter on a field. */
export function newFilter(path: string, field: QueryFieldInfo | undefined): BuilderFilter {
  const kind = fieldKind(field);
  const operator = defaultOperator(kind);
  return { field: path, operator, values: OPERATOR_ARITY[operator] === 'none' ? [] : OPERATOR_ARITY[operator] === 'many' ? [] : [emptyValue(kind, operator)] };
}
