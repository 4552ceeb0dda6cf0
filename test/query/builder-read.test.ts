import { beforeAll, describe, expect, it } from 'vitest';
import type { BuilderModel } from '../../shared/query-builder';
import { loadSoqlLib, type SoqlLib } from '../../main/query/builder/soql-lib';
import { readSoql } from '../../main/query/builder/read-soql';
import { writeSoql } from '../../main/query/builder/write-soql';
import { composeBuilder, readBuilder } from '../../main/query/builder/service';

let lib: SoqlLib;
beforeAll(async () => {
  lib = await loadSoqlLib();
});

const str = (value: string) => ({ kind: 'string' as const, value });
const num = (value: string) => ({ kind: 'number' as const, value });

/** Models the builder can show, one per kind of filter, with groups and sorts. */
const MODELS: Record<string, BuilderModel> = {
  'fields, parents, sort and limit': {
    object: 'Contact',
    fields: ['Id', 'FirstName', 'Account.Name', 'Account.Owner.Name'],
    where: { join: 'AND', items: [] },
    orderBy: [{ field: 'LastName', direction: 'ASC' }, { field: 'Account.Name', direction: 'DESC', nulls: 'LAST' }],
    limit: 50,
  },
  'picklist IN and a date literal': {
    object: 'Contact',
    fields: ['Id'],
    where: {
      join: 'AND',
      items: [
        { field: 'LeadSource', operator: 'in', values: [str('Web'), str('Phone Inquiry')] },
        { field: 'CreatedDate', operator: 'eq', values: [{ kind: 'dateLiteral', literal: 'LAST_N_DAYS', n: 30 }] },
        { field: 'LastModifiedDate', operator: 'lt', values: [{ kind: 'dateLiteral', literal: 'THIS_QUARTER' }] },
      ],
    },
    orderBy: [],
  },
  'strings with quotes, backslashes, newlines and LIKE helpers': {
    object: 'Account',
    fields: ['Name'],
    where: {
      join: 'OR',
      items: [
        { field: 'Name', operator: 'eq', values: [str("O'Brien \\ Sons\nLtd")] },
        { field: 'Name', operator: 'contains', values: [str('50%_off')] },
        { field: 'Name', operator: 'startsWith', values: [str("L'")] },
        { field: 'Website', operator: 'endsWith', values: [str('.org')] },
        { field: 'Name', operator: 'like', values: [str('A_c\\%d%')] },
        { field: 'Industry', operator: 'notIn', values: [str('Banking'), str('Media')] },
      ],
    },
    orderBy: [],
  },
  'numbers, booleans, dates, datetimes, nulls': {
    object: 'Opportunity',
    fields: ['Id', 'Amount'],
    where: {
      join: 'AND',
      items: [
        { field: 'Amount', operator: 'gte', values: [num('5000.50')] },
        { field: 'Probability', operator: 'in', values: [num('10'), num('90')] },
        { field: 'IsWon', operator: 'neq', values: [{ kind: 'boolean', value: true }] },
        { field: 'CloseDate', operator: 'lte', values: [{ kind: 'date', value: '2026-12-31' }] },
        { field: 'CreatedDate', operator: 'gt', values: [{ kind: 'datetime', value: '2026-01-01T08:00:00Z' }] },
        { field: 'NextStep', operator: 'isNull', values: [] },
        { field: 'Account.Name', operator: 'isNotNull', values: [] },
      ],
    },
    orderBy: [{ field: 'CloseDate', direction: 'DESC', nulls: 'FIRST' }],
    limit: 200,
  },
  'groups under a top-level OR, multi-select picklists': {
    object: 'Contact',
    fields: ['Id'],
    where: {
      join: 'OR',
      items: [
        { join: 'AND', filters: [{ field: 'LeadSource', operator: 'eq', values: [str('Web')] }, { field: 'DoNotCall', operator: 'eq', values: [{ kind: 'boolean', value: false }] }] },
        { field: 'Interests__c', operator: 'includes', values: [str('Music;Theatre'), str('Comedy')] },
        { join: 'AND', filters: [{ field: 'Interests__c', operator: 'excludes', values: [str('Sports')] }, { field: 'Email', operator: 'isNotNull', values: [] }] },
      ],
    },
    orderBy: [],
  },
};

describe('SOQL → builder model', () => {
  for (const [name, model] of Object.entries(MODELS)) {
    it(`round-trips ${name}`, () => {
      const soql = writeSoql(lib, model);
      const back = readSoql(lib, soql);
      expect(back.unsupported).toEqual([]);
      expect(back.error).toBeNull();
      expect(back.model).toEqual(model);
      // And the SOQL it writes again is the same text.
      expect(writeSoql(lib, back.model!)).toBe(soql);
    });
  }

  it('reads hand-written SOQL: any case, <>, explicit ASC, a single value in IN', () => {
    const r = readSoql(lib, "select id, account.name from contact where name <> 'x' and leadsource in ('Web') order by name asc limit 5");
    expect(r.unsupported).toEqual([]);
    expect(r.model).toEqual({
      object: 'contact',
      fields: ['id', 'account.name'],
      where: { join: 'AND', items: [{ field: 'name', operator: 'neq', values: [str('x')] }, { field: 'leadsource', operator: 'in', values: [str('Web')] }] },
      orderBy: [{ field: 'name', direction: 'ASC' }],
      limit: 5,
    });
  });

  it('keeps a hand-written group of one in parentheses, and reads \\u escapes', () => {
    const r = readSoql(lib, "SELECT Id FROM Contact WHERE (LastName = 'Caf\\u00e9')");
    expect(r.model?.where).toEqual({ join: 'AND', items: [{ join: 'AND', filters: [{ field: 'LastName', operator: 'eq', values: [str('Café')] }] }] });
  });

  it('reads a LIKE pattern that is not a helper as a raw pattern', () => {
    const r = readSoql(lib, "SELECT Id FROM Contact WHERE Name LIKE 'A%b%'");
    expect(r.model?.where.items).toEqual([{ field: 'Name', operator: 'like', values: [str('A%b%')] }]);
  });

  it('strips the object alias from paths but says the alias is not kept', () => {
    const r = readSoql(lib, 'SELECT c.Id, c.Account.Name FROM Contact c ORDER BY c.Name');
    expect(r.model?.fields).toEqual(['Id', 'Account.Name']);
    expect(r.model?.orderBy).toEqual([{ field: 'Name', direction: 'ASC' }]);
    expect(r.unsupported).toEqual(['the object alias “c”']);
  });
});

describe('SOQL the builder cannot show', () => {
  const cases: Array<[string, string[]]> = [
    ['SELECT StageName, COUNT(Id) FROM Opportunity GROUP BY StageName', ['COUNT(Id)', 'GROUP BY']],
    ['SELECT StageName, SUM(Amount) total FROM Opportunity GROUP BY StageName HAVING SUM(Amount) > 10', ['SUM(Amount)', 'GROUP BY', 'HAVING']],
    ['SELECT Id, (SELECT Id FROM Contacts) FROM Account', ['the subquery on Contacts']],
    ['SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact)', ['the subquery on Id']],
    ["SELECT Id FROM Contact WHERE NOT Name = 'x'", ['NOT']],
    ["SELECT Id FROM Contact WHERE Id != null AND (NOT Name = 'x')", ['NOT']],
    ['SELECT Id FROM Contact WHERE ((A = 1 OR B = 2) AND C = 3)', ['parentheses inside parentheses']],
    ['SELECT Id FROM Contact WHERE A = 1 OR B = 2 AND C = 3', ['AND and OR mixed without parentheses']],
    ['SELECT Id FROM Contact WHERE CALENDAR_YEAR(CreatedDate) = 2026', ['CALENDAR_YEAR(CreatedDate)']],
    ['SELECT Id FROM Opportunity WHERE Amount > USD5000', ['Amount > USD5000']],
    ['SELECT Id FROM Contact WHERE Name IN (null)', ['Name IN (null)']],
    ['SELECT Name n FROM Contact', ['the alias “n”']],
    ['SELECT Id FROM Contact ORDER BY Name LIMIT 5 OFFSET 10', ['OFFSET']],
    ['SELECT Id FROM Contact WITH SECURITY_ENFORCED', ['WITH SECURITY_ENFORCED']],
    ['SELECT Id FROM Contact FOR UPDATE', ['FOR UPDATE']],
  ];
  for (const [soql, unsupported] of cases) {
    it(`names what it leaves out: ${soql}`, () => {
      const r = readSoql(lib, soql);
      expect(r.error).toBeNull();
      expect(r.unsupported).toEqual(unsupported);
      // What is left is still a model the builder can show and write.
      expect(r.model).not.toBeNull();
      expect(() => lib.parseQuery(writeSoql(lib, r.model!))).not.toThrow();
    });
  }

  it('keeps the parts it can show when it leaves a condition out', () => {
    const r = readSoql(lib, "SELECT Id FROM Contact WHERE LastName = 'A' AND CALENDAR_YEAR(CreatedDate) = 2026 ORDER BY LastName");
    expect(r.unsupported).toEqual(['CALENDAR_YEAR(CreatedDate)']);
    expect(r.model?.where.items).toEqual([{ field: 'LastName', operator: 'eq', values: [str('A')] }]);
    expect(r.model?.orderBy).toEqual([{ field: 'LastName', direction: 'ASC' }]);
  });

  it('answers no model for SOQL that does not parse', () => {
    for (const soql of ['SELECT Id FROM', 'SELECT FROM Contact', "SELECT Id FROM Contact WHERE Name = 'open"]) {
      const r = readSoql(lib, soql);
      expect(r.model).toBeNull();
      expect(r.error).toEqual(expect.any(String));
    }
  });
});

describe('the IPC entry points', () => {
  it('compose and read through the lazily loaded parser', async () => {
    const model = MODELS['picklist IN and a date literal'];
    const { soql } = await composeBuilder(model);
    expect(soql).toContain('CreatedDate = LAST_N_DAYS:30');
    expect((await readBuilder(soql)).model).toEqual(model);
  });
});
