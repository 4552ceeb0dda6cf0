import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSoqlParser, type SoqlParser } from '../../main/query/soql/parser';
import { validateSoql } from '../../main/query/soql/validate';
import { crmErrorDiagnostic } from '../../main/query/crm-error';
import { ValidationError } from '../../main/providers/errors';
import type { Emulator } from '../emulators/index';
import { connect, emulator, makeApp, type QueryTestApp } from './helpers';

let parser: SoqlParser;
beforeAll(async () => {
  parser = await loadSoqlParser();
});

const noMeta = { describe: () => undefined };
const errorsOf = (text: string) => validateSoql(parser, text, noMeta).diagnostics;
const marked = (text: string, d: { from: number; to: number }) => text.slice(d.from, d.to);

describe('SOQL parse errors, located', () => {
  it('accepts valid SOQL, including aggregates, date literals and semi-joins', () => {
    expect(errorsOf('SELECT Id, Account.Name FROM Contact WHERE CreatedDate = LAST_N_DAYS:30 ORDER BY Name LIMIT 10')).toEqual([]);
    expect(errorsOf('SELECT StageName, SUM(Amount) total FROM Opportunity GROUP BY StageName')).toEqual([]);
    expect(errorsOf('SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact)')).toEqual([]);
    expect(errorsOf('   ')).toEqual([]);
  });

  it('puts an unexpected token at its line and column on a multi-line query', () => {
    const text = "SELECT Id,\n  Name\nFROM Account\nWHERE Name == 'x'";
    const [d] = errorsOf(text);
    expect(d).toMatchObject({ severity: 'error', line: 4, column: 13 });
    expect(marked(text, d)).toBe('=');
    expect(d.message).toMatch(/^Unexpected “=”/);
  });

  it('picks the failing occurrence when the token also appears earlier', () => {
    const text = 'SELECT Name, Name FROM Account WHERE Name = 1 Name';
    const [d] = errorsOf(text);
    expect(d.from).toBe(text.lastIndexOf('Name'));
    expect(d.column).toBe(text.lastIndexOf('Name') + 1);
  });

  it('says when the query ends too early, on the last word', () => {
    const text = 'SELECT Id FROM Contact WHERE';
    const [d] = errorsOf(text);
    expect(d.message).toMatch(/ends too early/);
    expect(marked(text, d)).toBe('WHERE');
    expect(d).toMatchObject({ line: 1, column: 24 });
  });

  it('locates a string that is never closed', () => {
    const text = "SELECT Id FROM Contact\nWHERE Email = 'ada@example.com";
    const [d] = errorsOf(text);
    expect(d).toMatchObject({ line: 2, column: 15 });
    expect(d.message).toMatch(/closing quote/);
  });
});

describe('SOQL checked against describe metadata', () => {
  let emu: Emulator;
  let app: QueryTestApp;
  let conn: string;
  beforeAll(async () => {
    emu = await emulator('salesforce');
    app = makeApp();
    conn = await connect(app.services, emu);
  });
  afterAll(async () => {
    await app.cleanup();
    await emu.close();
  });

  const validate = (soql: string) => app.services.query.validate(conn, { language: 'soql', soql });

  it('flags unknown fields and relationships on their token; aliases and known paths pass', async () => {
    const text = 'SELECT Id, Emial, Account.Nmae, Owner.Name FROM Contact WHERE Account.Industry != NULL ORDER BY LastName';
    const ds = await validate(text);
    expect(ds.map((d) => [marked(text, d), d.code])).toEqual([
      ['Emial', 'INVALID_FIELD'],
      ['Account.Nmae', 'INVALID_FIELD'],
    ]);
    expect(ds[0].message).toBe('Contact has no field “Emial”.');
    expect(ds[1].message).toBe('Account has no field “Nmae”.');
    expect(await validate('SELECT StageName, SUM(Amount) total FROM Opportunity GROUP BY StageName ORDER BY total DESC')).toEqual([]);
    const rel = 'SELECT Accounts.Name FROM Contact';
    const [r] = await validate(rel);
    expect(r.message).toMatch(/has no relationship “Accounts”/);
  });

  it('flags an object the org does not have', async () => {
    const text = 'SELECT Id FROM Contactt';
    const [d] = await validate(text);
    expect(marked(text, d)).toBe('Contactt');
    expect(d.code).toBe('INVALID_TYPE');
  });
});

describe('the CRM’s own error, placed on the query', () => {
  it('reads Salesforce’s Row:Column caret layout, on multi-line text', () => {
    const text = 'SELECT Id\nFROM Contact\nWHERE Foo = 1';
    const err = new ValidationError(`\n${text}\n^\nERROR at Row:3:Column:7\nNo such column 'Foo' on entity 'Contact'.`, { code: 'INVALID_FIELD' });
    const d = crmErrorDiagnostic(err, text)!;
    expect(marked(text, d)).toBe('Foo');
    expect(d).toMatchObject({ line: 3, column: 7, code: 'INVALID_FIELD', message: "No such column 'Foo' on entity 'Contact'." });
  });

  it('places a message without a position on the name it quotes', () => {
    const body = JSON.stringify({ filterGroups: [{ filters: [{ propertyName: 'nope', operator: 'EQ', value: '1' }] }] }, null, 2);
    const d = crmErrorDiagnostic(new ValidationError('Property "nope" does not exist', { code: 'VALIDATION_ERROR' }), body)!;
    expect(marked(body, d)).toBe('nope');
    expect(d.code).toBe('VALIDATION_ERROR');
  });

  it('ignores errors that are not about the query', () => {
    expect(crmErrorDiagnostic(new Error('socket hang up'), 'SELECT Id FROM Contact')).toBeUndefined();
  });
});
