import { describe, expect, it } from 'vitest';
import type { QueryFieldInfo } from '../../shared/ipc/channels/query';
import { filterComplete, type BuilderFilter, type BuilderOperator, type BuilderValue } from '../../shared/query-builder';

// Renderer modules (their own TypeScript project): computed paths keep this Node project's tsc
// out of them while vitest loads them, as test/metrics/chart-data.test.ts does.
type Kind = 'text' | 'picklist' | 'multipicklist' | 'number' | 'boolean' | 'date' | 'datetime' | 'id';
const kindsPath = '../../renderer/src/pages/query/builder/field-kinds';
const datesPath = '../../renderer/src/pages/query/builder/dates';
const { defaultOperator, emptyValue, fieldKind, newFilter, operatorOptions, valuesForOperator } = (await import(/* @vite-ignore */ kindsPath)) as {
  defaultOperator: (k: Kind) => BuilderOperator;
  emptyValue: (k: Kind, op: BuilderOperator) => BuilderValue;
  fieldKind: (f: QueryFieldInfo | undefined) => Kind;
  newFilter: (path: string, f: QueryFieldInfo | undefined) => BuilderFilter;
  operatorOptions: (k: Kind, current?: BuilderOperator) => Array<{ value: BuilderOperator; label: string }>;
  valuesForOperator: (k: Kind, op: BuilderOperator, previous: BuilderValue[]) => BuilderValue[];
};
const { LITERAL_GROUPS, fromLocalInput, literalLabel, toLocalInput } = (await import(/* @vite-ignore */ datesPath)) as {
  LITERAL_GROUPS: Array<{ unit: string; literals: Array<{ literal: string }> }>;
  fromLocalInput: (local: string) => string;
  literalLabel: (literal: string) => string;
  toLocalInput: (iso: string) => string;
};

const field = (type: string, extra: Partial<QueryFieldInfo> = {}): QueryFieldInfo => ({ name: 'F', label: 'F', type, ...extra });

describe('type-aware filter inputs', () => {
  it('maps describe types to the input they need', () => {
    expect(fieldKind(field('picklist'))).toBe('picklist');
    expect(fieldKind(field('multipicklist'))).toBe('multipicklist');
    expect(['currency', 'percent', 'integer', 'number'].map((t) => fieldKind(field(t)))).toEqual(['number', 'number', 'number', 'number']);
    expect(fieldKind(field('datetime'))).toBe('datetime');
    expect(fieldKind(field('reference'))).toBe('id');
    expect(fieldKind(field('string', { picklist: [{ value: 'a', label: 'A' }] }))).toBe('picklist');
    expect(fieldKind(undefined)).toBe('text');
  });

  it('offers operators that fit the type: LIKE helpers for text, before/after for dates, INCLUDES for multi-picklists', () => {
    const ops = (t: string) => operatorOptions(fieldKind(field(t))).map((o) => o.value);
    expect(ops('string')).toEqual(expect.arrayContaining(['contains', 'startsWith', 'endsWith', 'like', 'isNull']));
    expect(ops('date')).not.toContain('contains');
    expect(operatorOptions('date').find((o) => o.value === 'lt')?.label).toBe('before');
    expect(ops('multipicklist')).toEqual(expect.arrayContaining(['includes', 'excludes']));
    expect(ops('boolean')).toEqual(['eq', 'neq']);
    // An operator read from SOQL that the menu does not list stays selectable.
    expect(operatorOptions('boolean', 'in').map((o) => o.value)).toEqual(['eq', 'neq', 'in']);
  });

  it('starts new filters with a useful operator and value: a date is the last 30 days, ready to run', () => {
    expect(defaultOperator('multipicklist')).toBe('includes');
    const created = newFilter('CreatedDate', field('datetime'));
    expect(created).toEqual({ field: 'CreatedDate', operator: 'eq', values: [{ kind: 'dateLiteral', literal: 'LAST_N_DAYS', n: 30 }] });
    expect(filterComplete(created)).toBe(true);
    // A picklist filter waits for its value.
    expect(filterComplete(newFilter('LeadSource', field('picklist')))).toBe(false);
  });

  it('carries values across operator changes: one value becomes a list of one and back, none for null checks', () => {
    const web = { kind: 'string' as const, value: 'Web' };
    expect(valuesForOperator('picklist', 'in', [web])).toEqual([web]);
    expect(valuesForOperator('picklist', 'eq', [web, { kind: 'string', value: 'Other' }])).toEqual([web]);
    expect(valuesForOperator('picklist', 'isNull', [web])).toEqual([]);
    expect(valuesForOperator('number', 'gt', [])).toEqual([emptyValue('number', 'gt')]);
    // A relative date cannot be one of an IN list.
    expect(valuesForOperator('date', 'in', [{ kind: 'dateLiteral', literal: 'TODAY' }])).toEqual([]);
  });
});

describe('date inputs', () => {
  it('names and groups every SOQL date literal', () => {
    expect(literalLabel('LAST_N_DAYS')).toBe('Last n days');
    expect(literalLabel('THIS_FISCAL_QUARTER')).toBe('This fiscal quarter');
    const groups = Object.fromEntries(LITERAL_GROUPS.map((g) => [g.unit, g.literals.map((l) => l.literal)]));
    expect(groups.Days).toEqual(expect.arrayContaining(['TODAY', 'LAST_N_DAYS', 'N_DAYS_AGO']));
    expect(groups.Quarters).toContain('THIS_QUARTER');
    expect(groups.Quarters).not.toContain('THIS_FISCAL_QUARTER');
    expect(groups.Fiscal).toEqual(expect.arrayContaining(['THIS_FISCAL_QUARTER', 'LAST_N_FISCAL_YEARS']));
    expect(LITERAL_GROUPS.flatMap((g) => g.literals).length).toBe(44);
  });

  it('shows a SOQL datetime in local time and writes the local input back in UTC', () => {
    const iso = '2026-03-01T09:30:00Z';
    const local = toLocalInput(iso);
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(fromLocalInput(local)).toBe(iso);
    expect(toLocalInput('not a date')).toBe('');
  });
});
