import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldMeta, ObjectMeta, ObjectSummary } from '../../main/providers/provider';
import { completeSoql } from '../../main/query/soql/complete';
import type { MetaSnapshot } from '../../main/query/soql/metadata';
import type { Emulator } from '../emulators/index';
import { connect, emulator, makeApp, type QueryTestApp } from './helpers';

const field = (name: string, type: FieldMeta['type'], extra: Partial<FieldMeta> = {}): FieldMeta => ({
  name,
  label: name,
  type,
  vendorType: type,
  required: false,
  createable: true,
  updateable: true,
  calculated: false,
  readOnly: false,
  unique: false,
  externalId: false,
  custom: name.endsWith('__c'),
  ...extra,
});

const object = (name: string, fields: FieldMeta[]): ObjectMeta => ({
  name,
  label: name,
  custom: false,
  queryable: true,
  createable: true,
  updateable: true,
  fields,
  idField: 'Id',
  modifiedField: 'SystemModstamp',
  matchFields: [],
});

const contact = object('Contact', [
  field('Id', 'id'),
  field('FirstName', 'string'),
  field('Email', 'email'),
  field('Birthdate', 'date'),
  field('HasOptedOutOfEmail', 'boolean'),
  field('Ticket_Tier__c', 'picklist', { picklist: [{ value: 'VIP', label: 'VIP', active: true }, { value: "Early 'Bird'", label: 'Early bird', active: true }, { value: 'Old', label: 'Old', active: false }] }),
  field('AccountId', 'reference', { reference: { targets: ['Account'], relationshipName: 'Account' } }),
]);
const account = object('Account', [
  field('Id', 'id'),
  field('Name', 'string'),
  field('Industry', 'picklist', { picklist: [{ value: 'Entertainment', label: 'Entertainment', active: true }] }),
  field('OwnerId', 'reference', { reference: { targets: ['User'], relationshipName: 'Owner' } }),
]);
const user = object('User', [field('Id', 'id'), field('Username', 'string'), field('LastLoginDate', 'datetime')]);
const objects: ObjectSummary[] = [contact, account, user, { ...object('Ticket_Order__c', []), custom: true }];

const snap: MetaSnapshot = { objects, describe: (n) => [contact, account, user].find((o) => o.name.toLowerCase() === n.toLowerCase()) };
const today = new Date('2026-11-22T10:00:00Z');

/** Completes at the `|` in `text`. */
function at(text: string) {
  const cursor = text.indexOf('|');
  const clean = text.replace('|', '');
  const out = completeSoql(clean, cursor, snap, { today });
  return { ...out.result, labels: out.result.options.map((o) => o.label), kinds: new Set(out.result.options.map((o) => o.kind)), text: clean, missing: out.missing };
}

describe('SOQL autocomplete from describe metadata', () => {
  it('offers SELECT in an empty editor', () => {
    expect(at('|').labels).toEqual(['SELECT']);
  });

  it('offers queryable objects after FROM, replacing the word typed', () => {
    const r = at('SELECT Id FROM Con|');
    expect(r.labels).toEqual(expect.arrayContaining(['Contact', 'Account', 'User', 'Ticket_Order__c']));
    expect(r.kinds).toEqual(new Set(['object']));
    expect(r.text.slice(r.from, r.to)).toBe('Con');
  });

  it('offers the FROM object’s fields, relationships and aggregate functions in the select list, even before FROM is reached', () => {
    const r = at('SELECT Id, Fir| FROM Contact');
    expect(r.labels).toEqual(expect.arrayContaining(['FirstName', 'Email', 'Ticket_Tier__c', 'Account.', 'COUNT()', 'SUM()']));
    expect(r.options.find((o) => o.label === 'Account.')).toMatchObject({ kind: 'relationship', detail: '→ Account' });
    expect(r.text.slice(r.from, r.to)).toBe('Fir');
  });

  it('follows relationship paths: Account. gives Account fields, Account.Owner. gives User fields', () => {
    const r = at('SELECT Account.Na| FROM Contact');
    expect(r.labels).toEqual(expect.arrayContaining(['Name', 'Industry', 'Owner.']));
    expect(r.labels).not.toContain('FirstName');
    expect(r.text.slice(r.from, r.to)).toBe('Na');
    const deep = at('SELECT Account.Owner.| FROM Contact');
    expect(deep.labels).toEqual(expect.arrayContaining(['Username', 'LastLoginDate']));
    expect(deep.from).toBe(deep.to);
  });

  it('suggests FROM after a complete select list', () => {
    expect(at('SELECT Id, Name |').labels).toEqual(['FROM']);
  });

  it('offers fields after WHERE / AND / OR and operators after a field', () => {
    expect(at('SELECT Id FROM Contact WHERE |').labels).toEqual(expect.arrayContaining(['Email', 'Account.', 'NOT']));
    expect(at("SELECT Id FROM Contact WHERE Email = 'a' AND Acc|").labels).toContain('AccountId');
    const ops = at('SELECT Id FROM Contact WHERE Email |').labels;
    expect(ops).toEqual(expect.arrayContaining(['=', '!=', 'LIKE', 'IN', 'NOT IN']));
    expect(at('SELECT Id FROM Contact WHERE Birthdate |').labels).not.toContain('LIKE');
  });

  it('offers active picklist values, quoted and escaped, after Field = and inside IN (', () => {
    const eq = at('SELECT Id FROM Contact WHERE Ticket_Tier__c = |');
    expect(eq.labels).toEqual(expect.arrayContaining(["'VIP'", "'Early \\'Bird\\''", 'NULL']));
    expect(eq.labels).not.toContain("'Old'");
    const inList = at("SELECT Id FROM Contact WHERE Ticket_Tier__c IN ('VIP', |");
    expect(inList.labels).toContain("'VIP'");
    const typed = at("SELECT Id FROM Contact WHERE Ticket_Tier__c = 'V|");
    expect(typed.text.slice(typed.from, typed.to)).toBe("'V");
    expect(typed.labels).toContain("'VIP'");
    const path = at('SELECT Id FROM Contact WHERE Account.Industry = |');
    expect(path.labels).toContain("'Entertainment'");
  });

  it('offers date literals (and an example date) for date and datetime fields, TRUE/FALSE for booleans', () => {
    const date = at('SELECT Id FROM Contact WHERE Birthdate > |');
    expect(date.labels).toEqual(expect.arrayContaining(['TODAY', 'LAST_MONTH', 'THIS_FISCAL_YEAR', 'LAST_N_DAYS:30', '2026-11-22']));
    expect(date.kinds.has('date')).toBe(true);
    const dt = at('SELECT Id FROM Contact WHERE Account.Owner.LastLoginDate >= |');
    expect(dt.labels).toEqual(expect.arrayContaining(['YESTERDAY', '2026-11-22T00:00:00Z']));
    expect(at('SELECT Id FROM Contact WHERE HasOptedOutOfEmail = |').labels).toEqual(expect.arrayContaining(['TRUE', 'FALSE']));
  });

  it('offers the next clauses after a condition and ordering words after ORDER BY field', () => {
    expect(at("SELECT Id FROM Contact WHERE Email = 'x' |").labels).toEqual(expect.arrayContaining(['AND', 'OR', 'ORDER BY', 'LIMIT']));
    expect(at('SELECT Id FROM Contact |').labels).toEqual(expect.arrayContaining(['WHERE', 'ORDER BY', 'GROUP BY', 'LIMIT']));
    expect(at('SELECT Id FROM Contact ORDER BY |').labels).toContain('FirstName');
    expect(at('SELECT Id FROM Contact ORDER BY FirstName |').labels).toEqual(expect.arrayContaining(['ASC', 'DESC', 'NULLS LAST']));
  });

  it('uses the subquery’s own object inside a semi-join', () => {
    const r = at('SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact WHERE Fi|)');
    expect(r.labels).toContain('FirstName');
    expect(r.labels).not.toContain('Industry');
  });

  it('reports objects it needs described instead of guessing', () => {
    const r = completeSoql('SELECT | FROM Lead', 7, { objects, describe: () => undefined });
    expect(r.result.options.filter((o) => o.kind === 'field')).toEqual([]);
    expect(r.missing).toEqual(['Lead']);
  });
});

describe('SOQL autocomplete through the service, from the emulator’s describe', () => {
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

  it('completes objects, fields, relationship paths and picklist values of the org', async () => {
    const q = app.services.query;
    const objectsAfterFrom = await q.complete(conn, 'SELECT Id FROM Opp', 18);
    expect(objectsAfterFrom.options.map((o) => o.label)).toEqual(expect.arrayContaining(['Opportunity', 'Contact', 'Ticket_Order__c']));

    const text = 'SELECT Id, Account. FROM Contact';
    const rel = await q.complete(conn, text, text.indexOf('. FROM') + 1);
    expect(rel.options.map((o) => o.label)).toEqual(expect.arrayContaining(['Name', 'Industry', 'Owner.']));

    const custom = await q.complete(conn, 'SELECT Id FROM Contact WHERE Tot', 32);
    expect(custom.options.map((o) => o.label)).toEqual(expect.arrayContaining(['Total_Spent__c', 'Ticket_Buyer_Id__c']));

    const stage = 'SELECT Id FROM Opportunity WHERE StageName = ';
    const values = await q.complete(conn, stage, stage.length);
    expect(values.options.map((o) => o.label)).toEqual(expect.arrayContaining(["'Closed Won'", "'Prospecting'"]));
  });
});
