// Conformance: jsforce, unchanged, against the Salesforce emulator (OAuth, REST, collections, query, Bulk 2.0).
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Connection, OAuth2 } from 'jsforce';
import { startEmulator, type Emulator } from '../emulators/index';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from '../emulators/salesforce/auth';
import type { SalesforceBackend } from '../emulators/salesforce/backend';

const VERSION = '60.0';
const REDIRECT = 'http://127.0.0.1:47999/oauth/callback';
const STATIC_TOKEN = 'static-session-for-conformance';
const jsforceVersion = (createRequire(import.meta.url)('jsforce/package.json') as { version: string }).version;

let emu: Emulator;

const seed = {
  fields: { Contact: [{ name: 'Legacy_Id__c', type: 'string', length: 40, externalId: true }] },
};

beforeAll(async () => {
  emu = await startEmulator('salesforce', { autoApprove: true, token: STATIC_TOKEN, seed });
});
afterAll(async () => emu?.close());

const staticConnection = () => new Connection({ instanceUrl: emu.url, accessToken: STATIC_TOKEN, version: VERSION });

function oauth2(): OAuth2 {
  return new OAuth2({ loginUrl: emu.url, clientId: DEFAULT_CLIENT_ID, clientSecret: DEFAULT_CLIENT_SECRET, redirectUri: REDIRECT, useVerifier: true });
}

/** Follows the (auto-approved) authorize redirect the way a browser would, returning the code. */
async function authorize(client: OAuth2, state: string): Promise<string> {
  const res = await fetch(client.getAuthorizationUrl({ scope: 'api refresh_token', state }), { redirect: 'manual' });
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location')!);
  expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
  expect(location.searchParams.get('state')).toBe(state);
  return location.searchParams.get('code')!;
}

async function rejection(p: PromiseLike<unknown>): Promise<Error & { errorCode?: string; data?: unknown }> {
  const err = await Promise.resolve(p).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(Error);
  return err as Error & { errorCode?: string; data?: unknown };
}

describe(`jsforce ${jsforceVersion} against the Salesforce emulator`, () => {
  it('exchanges a PKCE code, reads identity, and refreshes by itself after INVALID_SESSION_ID', async () => {
    const client = oauth2();
    const conn = new Connection({ oauth2: client, version: VERSION });
    const code = await authorize(client, 'state-1');
    const userInfo = await conn.authorize(code);
    expect(conn.instanceUrl).toBe(emu.url);
    expect(conn.refreshToken).toBeTruthy();
    expect(userInfo.organizationId).toMatch(/^00D/);
    expect(userInfo.id).toMatch(/^005/);

    const identity = await conn.identity();
    expect(identity.user_id).toBe(userInfo.id);
    expect(identity.organization_id).toBe(userInfo.organizationId);

    const before = conn.accessToken;
    let refreshed = '';
    conn.on('refresh', (token: string) => (refreshed = token));
    emu.backend.expireTokens();
    const res = await conn.query<{ Id: string }>('SELECT Id FROM Contact LIMIT 1');
    expect(res.done).toBe(true);
    expect(refreshed).toBeTruthy();
    expect(conn.accessToken).toBe(refreshed);
    expect(conn.accessToken).not.toBe(before);
  });

  it('revokes a refresh token, after which a refresh is refused with invalid_grant', async () => {
    const client = oauth2();
    const conn = new Connection({ oauth2: client, version: VERSION });
    await conn.authorize(await authorize(client, 'state-2'));
    const refreshToken = conn.refreshToken!;
    await client.revokeToken(refreshToken);
    const err = await rejection(client.refreshToken(refreshToken));
    expect(err.name).toBe('invalid_grant');
  });

  it('creates, retrieves, updates and deletes one record', async () => {
    const conn = staticConnection();
    const created = await conn.sobject('Contact').create({ FirstName: 'Ada', LastName: 'Lovelace', Email: 'ada@example.com' });
    expect(created.success).toBe(true);
    const id = created.id!;
    const rec = await conn.sobject('Contact').retrieve(id);
    expect(rec.Name).toBe('Ada Lovelace');
    expect(rec.Full_Name__c).toBe('Ada Lovelace');
    expect(rec.attributes?.type).toBe('Contact');
    const updated = await conn.sobject('Contact').update({ Id: id, Title: 'Countess' });
    expect(updated).toMatchObject({ id, success: true });
    expect((await conn.sobject('Contact').retrieve(id)).Title).toBe('Countess');
    expect(await conn.sobject('Contact').destroy(id)).toMatchObject({ id, success: true });
    const err = await rejection(conn.sobject('Contact').retrieve(id));
    expect(err.errorCode).toBe('ENTITY_IS_DELETED');
  });

  it('uses sObject collections for arrays (create, update, upsert, destroy)', async () => {
    const conn = staticConnection();
    const rows = Array.from({ length: 5 }, (_, i) => ({ LastName: `Coll${i}`, Ticket_Buyer_Id__c: `coll-${i}` }));
    const created = await conn.sobject('Contact').create(rows);
    expect(created).toHaveLength(5);
    expect(created.every((r) => r.success && r.id)).toBe(true);
    const updated = await conn.sobject('Contact').update(created.map((r) => ({ Id: r.id!, Title: 'Buyer' })));
    expect(updated.every((r) => r.success)).toBe(true);
    const upserted = await conn.sobject('Contact').upsert(
      [
        { Ticket_Buyer_Id__c: 'coll-0', LastName: 'Coll0b' },
        { Ticket_Buyer_Id__c: 'coll-new', LastName: 'CollNew' },
      ],
      'Ticket_Buyer_Id__c',
    );
    expect(upserted.map((r) => (r as { created?: boolean }).created)).toEqual([false, true]);
    const partial = await conn.sobject('Contact').create([{ LastName: 'Ok' }, { FirstName: 'NoLastName' }]);
    expect(partial[0].success).toBe(true);
    expect(partial[1].success).toBe(false);
    expect((partial[1] as { errors: { statusCode: string }[] }).errors[0].statusCode).toBe('REQUIRED_FIELD_MISSING');
    const destroyed = await conn.sobject('Contact').destroy(created.map((r) => r.id!));
    expect(destroyed.every((r) => r.success)).toBe(true);
  });

  it('upserts one record by external id: created, updated, multiple choices', async () => {
    const conn = staticConnection();
    const first = await conn.sobject('Contact').upsert({ Ticket_Buyer_Id__c: 'single-1', LastName: 'Upsert' }, 'Ticket_Buyer_Id__c');
    expect(first).toMatchObject({ success: true, created: true });
    const second = await conn.sobject('Contact').upsert({ Ticket_Buyer_Id__c: 'single-1', LastName: 'Upsert2' }, 'Ticket_Buyer_Id__c');
    expect(second).toMatchObject({ success: true, created: false, id: (first as { id: string }).id });
    await conn.sobject('Contact').create([{ LastName: 'Dup1', Legacy_Id__c: 'L-1' }, { LastName: 'Dup2', Legacy_Id__c: 'L-1' }]);
    const err = await rejection(conn.sobject('Contact').upsert({ Legacy_Id__c: 'L-1', LastName: 'X' }, 'Legacy_Id__c'));
    expect(err.errorCode).toBe('MULTIPLE_CHOICES');
    expect(err.data).toHaveLength(2);
  });

  it('follows nextRecordsUrl with autoFetch and returns every row once, in order', async () => {
    const conn = staticConnection();
    const rows = Array.from({ length: 450 }, (_, i) => ({ LastName: `Page${String(i).padStart(3, '0')}`, Department: 'paging' }));
    for (let i = 0; i < rows.length; i += 200) await conn.sobject('Contact').create(rows.slice(i, i + 200));
    const before = emu.stats.requests;
    const result = await conn.query<{ LastName: string }>("SELECT LastName FROM Contact WHERE Department = 'paging' ORDER BY LastName", {
      autoFetch: true,
      maxFetch: 10_000,
      headers: { 'Sforce-Query-Options': 'batchSize=200' },
    });
    expect(result.totalSize).toBe(450);
    expect(result.records.map((r) => r.LastName)).toEqual(rows.map((r) => r.LastName));
    expect(emu.stats.requests - before).toBe(3);
  });

  it('queries parent fields and child subqueries, and counts', async () => {
    const conn = staticConnection();
    const acc = await conn.sobject('Account').create({ Name: 'Conformance Co' });
    await conn.sobject('Contact').create([
      { LastName: 'Kid1', AccountId: acc.id },
      { LastName: 'Kid2', AccountId: acc.id },
    ]);
    const res = await conn.query<{ Name: string; Contacts: { totalSize: number; records: { LastName: string }[] } }>(
      `SELECT Name, (SELECT LastName FROM Contacts ORDER BY LastName) FROM Account WHERE Id = '${acc.id}'`,
    );
    expect(res.records[0].Contacts.records.map((c) => c.LastName)).toEqual(['Kid1', 'Kid2']);
    const kids = await conn.query<{ Account: { Name: string } }>(`SELECT Account.Name FROM Contact WHERE AccountId = '${acc.id}'`);
    expect(kids.records.map((k) => k.Account.Name)).toEqual(['Conformance Co', 'Conformance Co']);
    const count = await conn.sobject('Contact').count({ AccountId: acc.id! });
    expect(count).toBe(2);
  });

  it('describes objects and the global list', async () => {
    const conn = staticConnection();
    const desc = await conn.sobject('Contact').describe();
    const byName = new Map(desc.fields.map((f) => [f.name, f]));
    expect(byName.get('Ticket_Buyer_Id__c')).toMatchObject({ externalId: true, unique: true, type: 'string' });
    expect(byName.get('Full_Name__c')).toMatchObject({ calculated: true, createable: false, updateable: false });
    expect(byName.get('AccountId')).toMatchObject({ type: 'reference', referenceTo: ['Account'], relationshipName: 'Account' });
    const global = await conn.describeGlobal();
    expect(global.sobjects.map((s) => s.name)).toEqual(expect.arrayContaining(['Contact', 'Lead', 'Campaign', 'Ticket_Order__c']));
  });

  it('loads CSV through Bulk API 2.0 and reads successful and failed results', async () => {
    const conn = staticConnection();
    conn.bulk2.pollInterval = 10;
    const input = [
      { FirstName: 'Bulk', LastName: 'One', Ticket_Buyer_Id__c: 'bulk-1' },
      { FirstName: 'Bulk', LastName: 'Two', Ticket_Buyer_Id__c: 'bulk-2' },
      { FirstName: 'NoLast', Ticket_Buyer_Id__c: 'bulk-3' },
    ];
    const results = await conn.bulk2.loadAndWaitForResults({ object: 'Contact', operation: 'insert', input });
    expect(results.successfulResults).toHaveLength(2);
    expect(results.successfulResults.every((r) => r.sf__Created === 'true' && String(r.sf__Id).startsWith('003'))).toBe(true);
    expect(results.failedResults).toHaveLength(1);
    expect(String(results.failedResults[0].sf__Error)).toMatch(/^REQUIRED_FIELD_MISSING:/);
    expect(results.unprocessedRecords).toHaveLength(0);

    const upsert = await conn.bulk2.loadAndWaitForResults({
      object: 'Contact',
      operation: 'upsert',
      externalIdFieldName: 'Ticket_Buyer_Id__c',
      input: [{ Ticket_Buyer_Id__c: 'bulk-1', LastName: 'OneAgain' }, { Ticket_Buyer_Id__c: 'bulk-9', LastName: 'Nine' }],
    });
    expect(upsert.successfulResults.map((r) => r.sf__Created).sort()).toEqual(['false', 'true']);
  });

  it('surfaces Salesforce errors as jsforce errors with the errorCode', async () => {
    const conn = staticConnection();
    const missing = await rejection(conn.sobject('Account').create({ Website: 'x' }));
    expect(missing.errorCode).toBe('REQUIRED_FIELD_MISSING');
    const picklist = await rejection(conn.sobject('Lead').create({ LastName: 'L', Company: 'C', Status: 'Nope' }));
    expect(picklist.errorCode).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
    const bad = await rejection(conn.query('SELECT Id FRM Contact'));
    expect(bad.errorCode).toBe('MALFORMED_QUERY');
    const expired = await rejection(new Connection({ instanceUrl: emu.url, accessToken: 'nope', version: VERSION }).query('SELECT Id FROM Contact'));
    expect(expired.errorCode).toBe('INVALID_SESSION_ID');
  });

  it('reads limits and the updated/deleted replication windows', async () => {
    const conn = staticConnection();
    const limits = await conn.limits();
    expect(limits.DailyApiRequests.Max).toBe(15000);
    expect(limits.DailyApiRequests.Remaining).toBeLessThan(15000);
    const c = await conn.sobject('Contact').create({ LastName: 'Replicated' });
    await conn.sobject('Contact').destroy(c.id!);
    // Replication answers cover whole minutes up to now; move the org clock past this minute.
    (emu.backend as SalesforceBackend).advanceClock(2 * 60_000);
    const start = new Date(Date.now() - 10 * 60_000);
    const end = new Date(Date.now() + 5 * 60_000);
    const deleted = await conn.sobject('Contact').deleted(start, end);
    expect(deleted.deletedRecords.map((d) => d.id)).toContain(c.id);
    const updated = await conn.sobject('Contact').updated(start, end);
    expect(updated.ids.length).toBeGreaterThan(0);
  });
});
