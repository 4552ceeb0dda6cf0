import { beforeAll, describe, expect, it } from 'vitest';
import { BuilderModel, newModel, type BuilderFilter, type BuilderModel as Model } from '../../shared/query-builder';
import { loadSoqlLib, type SoqlLib } from '../../main/query/builder/soql-lib';
import { writeSoql } from '../../main/query/builder/write-soql';

let lib: SoqlLib;
beforeAll(async () => {
  lib = await loadSoqlLib();
});

const model = (patch: Partial<Model> = {}): Model => ({ ...newModel('Contact'), ...patch });
const withFilters = (...items: Model['where']['items']): Model => model({ where: { join: 'AND', items } });
/** The WHERE clause the builder writes for one filter. */
const where = (f: BuilderFilter): string => /WHERE (.*)$/m.exec(writeSoql(lib, withFilters(f)))?.[1] ?? '(no WHERE)';
const str = (value: string) => ({ kind: 'string' as const, value });

describe('builder model → SOQL', () => {
  it('writes the issue’s example one clause a line, through composeQuery', () => {
    const soql = writeSoql(lib, {
      object: 'Contact',
      fields: ['Id', 'FirstName', 'LastName', 'Account.Name'],
      where: {
        join: 'AND',
        items: [
          { field: 'LeadSource', operator: 'in', values: [str('Web'), str('Phone Inquiry')] },
          { field: 'CreatedDate', operator: 'eq', values: [{ kind: 'dateLiteral', literal: 'LAST_N_DAYS', n: 30 }] },
        ],
      },
      orderBy: [{ field: 'LastName', direction: 'ASC' }],
      limit: 50,
    });
    expect(soql).toBe(
      ['SELECT Id, FirstName, LastName, Account.Name', 'FROM Contact', "WHERE LeadSource IN ('Web', 'Phone Inquiry')", '  AND CreatedDate = LAST_N_DAYS:30', 'ORDER BY LastName', 'LIMIT 50'].join('\n'),
    );
  });

  it('selects parent relationship paths and falls back to Id with no field ticked', () => {
    expect(writeSoql(lib, model({ fields: ['Name', 'Account.Owner.Name'] }))).toBe('SELECT Name, Account.Owner.Name\nFROM Contact');
    expect(writeSoql(lib, model({ fields: [] }))).toBe('SELECT Id\nFROM Contact');
    expect(writeSoql(lib, model({ fields: ['Id', 'id', 'Email'] }))).toBe('SELECT Id, Email\nFROM Contact');
  });

  it('quotes strings and escapes quotes, backslashes and newlines', () => {
    expect(where({ field: 'LastName', operator: 'eq', values: [str("O'Brien")] })).toBe("LastName = 'O\\'Brien'");
    expect(where({ field: 'Title', operator: 'neq', values: [str('a\\b\nc\td')] })).toBe("Title != 'a\\\\b\\nc\\td'");
    // A quote cannot end the literal early: the rest stays inside the string.
    expect(where({ field: 'Name', operator: 'eq', values: [str("x' OR Name != '")] })).toBe("Name = 'x\\' OR Name != \\''");
  });

  it('writes the LIKE helpers with the text’s own % and _ escaped', () => {
    expect(where({ field: 'Name', operator: 'contains', values: [str('50%_off')] })).toBe("Name LIKE '%50\\%\\_off%'");
    expect(where({ field: 'Name', operator: 'startsWith', values: [str("O'B")] })).toBe("Name LIKE 'O\\'B%'");
    expect(where({ field: 'Email', operator: 'endsWith', values: [str('@example.com')] })).toBe("Email LIKE '%@example.com'");
    // A raw pattern keeps its wildcards; \% stays a literal percent.
    expect(where({ field: 'Name', operator: 'like', values: [str('A_c%\\%')] })).toBe("Name LIKE 'A_c%\\%'");
  });

  it('leaves date literals and dates unquoted', () => {
    expect(where({ field: 'CreatedDate', operator: 'eq', values: [{ kind: 'dateLiteral', literal: 'THIS_QUARTER' }] })).toBe('CreatedDate = THIS_QUARTER');
    expect(where({ field: 'CloseDate', operator: 'lt', values: [{ kind: 'dateLiteral', literal: 'NEXT_N_DAYS', n: 7 }] })).toBe('CloseDate < NEXT_N_DAYS:7');
    expect(where({ field: 'CloseDate', operator: 'gte', values: [{ kind: 'date', value: '2026-01-31' }] })).toBe('CloseDate >= 2026-01-31');
    expect(where({ field: 'CreatedDate', operator: 'gt', values: [{ kind: 'datetime', value: '2026-01-31T09:30:00Z' }] })).toBe('CreatedDate > 2026-01-31T09:30:00Z');
  });

  it('writes numbers and booleans bare', () => {
    expect(where({ field: 'Amount', operator: 'gt', values: [{ kind: 'number', value: '5000' }] })).toBe('Amount > 5000');
    expect(where({ field: 'Probability', operator: 'lte', values: [{ kind: 'number', value: '-0.25' }] })).toBe('Probability <= -0.25');
    expect(where({ field: 'DoNotCall', operator: 'eq', values: [{ kind: 'boolean', value: false }] })).toBe('DoNotCall = false');
  });

  it('writes IN / NOT IN lists, INCLUDES and EXCLUDES', () => {
    expect(where({ field: 'Amount', operator: 'notIn', values: [{ kind: 'number', value: '1' }, { kind: 'number', value: '2.5' }] })).toBe('Amount NOT IN (1, 2.5)');
    expect(where({ field: 'LeadSource', operator: 'in', values: [str('Web')] })).toBe("LeadSource IN ('Web')");
    expect(where({ field: 'Interests__c', operator: 'includes', values: [str('Music;Theatre'), str("Kids' shows")] })).toBe("Interests__c INCLUDES ('Music;Theatre', 'Kids\\' shows')");
    expect(where({ field: 'Interests__c', operator: 'excludes', values: [str('Sports')] })).toBe("Interests__c EXCLUDES ('Sports')");
  });

  it('writes null checks', () => {
    expect(where({ field: 'Email', operator: 'isNull', values: [] })).toBe('Email = null');
    expect(where({ field: 'Account.Name', operator: 'isNotNull', values: [] })).toBe('Account.Name != null');
  });

  it('joins with the top-level AND/OR and puts groups in parentheses', () => {
    const a: BuilderFilter = { field: 'A', operator: 'eq', values: [{ kind: 'number', value: '1' }] };
    const b: BuilderFilter = { field: 'B', operator: 'eq', values: [{ kind: 'number', value: '2' }] };
    const c: BuilderFilter = { field: 'C', operator: 'isNull', values: [] };
    const any = writeSoql(lib, model({ where: { join: 'OR', items: [a, b] } }));
    expect(any).toContain('WHERE A = 1\n  OR B = 2');
    const grouped = writeSoql(lib, model({ where: { join: 'AND', items: [c, { join: 'OR', filters: [a, b] }] } }));
    expect(grouped).toContain('WHERE C = null\n  AND (\n    A = 1\n    OR B = 2\n  )');
    expect(lib.parseQuery(grouped).where).toBeDefined();
  });

  it('leaves out filters still being filled in, and groups left empty or with one filter', () => {
    const done: BuilderFilter = { field: 'A', operator: 'eq', values: [{ kind: 'number', value: '1' }] };
    const soql = writeSoql(
      lib,
      withFilters(
        { field: 'LeadSource', operator: 'in', values: [] },
        { field: 'Name', operator: 'contains', values: [str('')] },
        { field: 'CreatedDate', operator: 'eq', values: [] },
        { join: 'OR', filters: [] },
        { join: 'OR', filters: [done, { field: 'B', operator: 'gt', values: [{ kind: 'number', value: '' }] }] },
      ),
    );
    expect(soql).toBe('SELECT Id\nFROM Contact\nWHERE A = 1');
  });

  it('writes several sorts with direction and nulls, and the limit', () => {
    const soql = writeSoql(lib, model({ orderBy: [{ field: 'LastName', direction: 'ASC', nulls: 'FIRST' }, { field: 'CreatedDate', direction: 'DESC', nulls: 'LAST' }], limit: 10 }));
    expect(soql).toBe('SELECT Id\nFROM Contact\nORDER BY LastName NULLS FIRST, CreatedDate DESC NULLS LAST\nLIMIT 10');
  });

  it('writes SOQL that soql-parser-js parses back', () => {
    const soql = writeSoql(lib, withFilters({ field: 'Name', operator: 'like', values: [str("it's 100\\% \\\\ sure")] }));
    expect(() => lib.parseQuery(soql)).not.toThrow();
  });
});

describe('builder model schema (what crosses IPC)', () => {
  it('refuses field paths and object names that are not identifiers, so nothing is spliced into the SOQL', () => {
    expect(BuilderModel.safeParse(model({ fields: ['Name FROM User --'] })).success).toBe(false);
    expect(BuilderModel.safeParse(model({ object: 'Contact WHERE' })).success).toBe(false);
    expect(BuilderModel.safeParse(withFilters({ field: 'Name = 1 OR Id', operator: 'isNull', values: [] })).success).toBe(false);
    expect(BuilderModel.safeParse(withFilters({ field: 'Amount', operator: 'gt', values: [{ kind: 'number', value: '1) OR (1' }] })).success).toBe(false);
    expect(BuilderModel.safeParse(withFilters({ field: 'D', operator: 'eq', values: [{ kind: 'dateLiteral', literal: 'TODAY OR Id' }] })).success).toBe(false);
    expect(BuilderModel.safeParse(model({ fields: ['Account.Owner.Name'] })).success).toBe(true);
  });
});

describe('what the builder holds but does not write yet', () => {
  it('leaves out filters and sorts with no field chosen', () => {
    const soql = writeSoql(lib, model({ where: { join: 'AND', items: [{ field: '', operator: 'isNull', values: [] }] }, orderBy: [{ field: '', direction: 'ASC' }] }));
    expect(soql).toBe('SELECT Id\nFROM Contact');
  });
});
