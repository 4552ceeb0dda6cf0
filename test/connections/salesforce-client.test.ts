import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp, setFaults, start, type TestApp } from './helpers';
import type { Emulator } from '../emulators/index';
import { MemorySecretStore } from '../../main/auth/secret-store';
import { DuplicateError, RateLimitError, TransientError, ValidationError } from '../../main/providers/errors';
import type { Provider } from '../../main/providers/provider';

const TOKEN = '00D000000000001!AQ.static-session-for-client-tests';

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('Salesforce provider client against the emulator', () => {
  let emu: Emulator;
  let app: TestApp;
  let sf: Provider;

  beforeAll(async () => {
    emu = await start('salesforce', { token: TOKEN });
    app = makeApp({ secrets: new MemorySecretStore() });
    await app.services.connections.connectWithToken({ provider: 'salesforce', loginUrl: emu.url, token: TOKEN });
    sf = await app.services.connections.provider('salesforce');
  });
  afterAll(async () => {
    await app.cleanup();
    await emu.close();
  });

  it('exposes its limits and roles as data', () => {
    expect(sf.capabilities.batchLimits).toEqual({ create: 200, update: 200, upsert: 200 });
    expect(sf.capabilities.objectRoles).toMatchObject({ person: 'Contact', company: 'Account', deal: 'Opportunity', lead: 'Lead' });
  });

  it('describes Contact with normalised field metadata', async () => {
    const meta = await sf.describe('Contact');
    const f = (n: string) => meta.fields.find((x) => x.name === n)!;
    expect(meta).toMatchObject({ name: 'Contact', idField: 'Id', modifiedField: 'SystemModstamp' });
    expect(meta.matchFields).toContain('Ticket_Buyer_Id__c');
    expect(f('Email')).toMatchObject({ type: 'email', createable: true, updateable: true, required: false });
    expect(f('LastName')).toMatchObject({ type: 'string', required: true, length: 80 });
    expect(f('Ticket_Buyer_Id__c')).toMatchObject({ externalId: true, unique: true, custom: true });
    expect(f('Full_Name__c')).toMatchObject({ calculated: true, readOnly: true, createable: false });
    expect(f('AccountId')).toMatchObject({ type: 'reference', reference: { targets: ['Account'], relationshipName: 'Account' } });
    expect(f('Id')).toMatchObject({ type: 'id', readOnly: true });
    const picklist = meta.fields.find((x) => x.type === 'picklist' && x.picklist?.length);
    expect(picklist?.picklist?.[0]).toMatchObject({ value: expect.any(String), label: expect.any(String), active: expect.any(Boolean) });
    // Cached: the same object until refreshed.
    expect(await sf.describe('Contact')).toBe(meta);
    expect(await sf.describe('Contact', { refresh: true })).not.toBe(meta);
  });

  it('creates 450 records in 200-record collections and pages a query over 3 batches in order', async () => {
    const records = Array.from({ length: 450 }, (_, i) => ({ fields: { LastName: `Paged ${String(i).padStart(3, '0')}`, Email: `p${i}@example.com` } }));
    const results = await sf.write('Contact', 'create', records);
    expect(results).toHaveLength(450);
    expect(results.every((r) => r.ok && r.created)).toBe(true);
    const pages = await collect(sf.query({ language: 'soql', soql: "SELECT Id, LastName, Account.Name FROM Contact WHERE LastName LIKE 'Paged%' ORDER BY LastName" }, { pageSize: 200 }));
    expect(pages.map((p) => p.rows.length)).toEqual([200, 200, 50]);
    expect(pages.map((p) => p.done)).toEqual([false, false, true]);
    expect(pages[0].total).toBe(450);
    const names = pages.flatMap((p) => p.rows.map((r) => r.LastName));
    expect(names).toEqual(records.map((r) => r.fields.LastName));
    expect(pages[0].rows[0]).not.toHaveProperty('attributes');
  });

  it('upserts by external id with one result per record, created or updated, and names the missing field', async () => {
    const first = await sf.write(
      'Contact',
      'upsert',
      [
        { fields: { Ticket_Buyer_Id__c: 'B-1', LastName: 'One', Email: 'one@example.com' } },
        { fields: { Ticket_Buyer_Id__c: 'B-2', Email: 'two@example.com' } },
        { fields: { Ticket_Buyer_Id__c: 'B-3', LastName: 'Three' } },
      ],
      { matchField: 'Ticket_Buyer_Id__c' },
    );
    expect(first[0]).toMatchObject({ ok: true, created: true });
    expect(first[1]).toMatchObject({ ok: false, error: { kind: 'validation', code: 'REQUIRED_FIELD_MISSING', fields: ['LastName'] } });
    expect(first[2]).toMatchObject({ ok: true, created: true });
    const again = await sf.write('Contact', 'upsert', [{ fields: { Ticket_Buyer_Id__c: 'B-1', LastName: 'Uno' } }], { matchField: 'Ticket_Buyer_Id__c' });
    expect(again[0]).toMatchObject({ ok: true, created: false, id: (first[0] as { id: string }).id });
    const found = await sf.findBy('Contact', 'Ticket_Buyer_Id__c', ['B-1', 'B-3'], ['LastName']);
    expect(found.map((r) => r.fields.LastName).sort()).toEqual(['Three', 'Uno']);
  });

  it('reports a duplicate external id per record', async () => {
    const res = await sf.write('Contact', 'create', [{ fields: { LastName: 'Dup', Ticket_Buyer_Id__c: 'B-1' } }]);
    expect(res[0]).toMatchObject({ ok: false, error: { kind: 'duplicate', code: 'DUPLICATE_VALUE' } });
  });

  it('links a contact to an account (lookup) and an opportunity to a contact (contact role)', async () => {
    const [acc] = await sf.write('Account', 'create', [{ fields: { Name: 'Acme Events' } }]);
    const [contact] = await sf.findBy('Contact', 'Ticket_Buyer_Id__c', ['B-1'], ['Id']);
    const [opp] = await sf.write('Opportunity', 'create', [{ fields: { Name: 'Group sale', StageName: 'Prospecting', CloseDate: '2030-01-01' } }]);
    const accId = (acc as { id: string }).id;
    const oppId = (opp as { id: string }).id;
    const links = await sf.associate([
      { from: { object: 'Contact', id: contact.id }, to: { object: 'Account', id: accId } },
      { from: { object: 'Opportunity', id: oppId }, to: { object: 'Contact', id: contact.id }, role: 'Decision Maker' },
    ]);
    expect(links.every((l) => l.ok)).toBe(true);
    const [again] = await sf.getByIds('Contact', [contact.id], ['AccountId']);
    expect(again.fields.AccountId).toBe(accId);
    const roles = await collect(sf.query({ language: 'soql', soql: `SELECT ContactId, Role FROM OpportunityContactRole WHERE OpportunityId = '${oppId}'` }));
    expect(roles[0].rows).toEqual([{ ContactId: contact.id, Role: 'Decision Maker' }]);
  });

  it('pulls changes since a cursor without repeating records', async () => {
    const all = await collect(sf.changes('Contact', { fields: ['LastName'] }));
    const cursor = all.at(-1)!.cursor;
    expect(all.flatMap((p) => p.records).length).toBeGreaterThanOrEqual(452);
    expect((await collect(sf.changes('Contact', { fields: ['LastName'], cursor }))).flatMap((p) => p.records)).toEqual([]);
    await sf.write('Contact', 'upsert', [{ fields: { Ticket_Buyer_Id__c: 'B-3', LastName: 'Tres' } }], { matchField: 'Ticket_Buyer_Id__c' });
    const changed = (await collect(sf.changes('Contact', { fields: ['LastName'], cursor }))).flatMap((p) => p.records);
    expect(changed.map((r) => r.fields.LastName)).toEqual(['Tres']);
  });

  it('turns vendor errors into typed errors', async () => {
    const malformed = await collect(sf.query({ language: 'soql', soql: 'SELEC Id FROM Contact' })).catch((e: unknown) => e);
    expect(malformed).toBeInstanceOf(ValidationError);
    expect((malformed as ValidationError).code).toBe('MALFORMED_QUERY');

    await setFaults(emu, { burst429: 1 });
    const limited = await sf.write('Contact', 'create', [{ fields: { LastName: 'Limited' } }]).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimitError);
    expect((limited as RateLimitError).retryAfterMs).toBe(1000);

    // Reads wait out a short rate limit by themselves.
    await setFaults(emu, { burst429: 1 });
    expect((await sf.listObjects({ refresh: true })).length).toBeGreaterThan(3);

    await setFaults(emu, { errorRate: 1 });
    const down = await sf.write('Contact', 'create', [{ fields: { LastName: 'Down' } }]).catch((e: unknown) => e);
    await setFaults(emu, { errorRate: 0 });
    expect(down).toBeInstanceOf(TransientError);
    expect(new DuplicateError('x').kind).toBe('duplicate');
  });

  it('bulk-upserts through Bulk API 2.0 and matches every result back to its input', async () => {
    expect(sf.bulkWrite).toBeDefined();
    const records = Array.from({ length: 1200 }, (_, i) => ({ fields: { Ticket_Buyer_Id__c: `BULK-${i}`, LastName: i === 7 ? null : `Bulk ${i}`, Email: `bulk${i}@example.com` } }));
    const progress: string[] = [];
    const results = await sf.bulkWrite!('Contact', 'upsert', records, { matchField: 'Ticket_Buyer_Id__c', onProgress: (p) => progress.push(p.state) });
    expect(results).toHaveLength(1200);
    expect(results[7]).toMatchObject({ ok: false, error: { kind: 'validation', code: 'REQUIRED_FIELD_MISSING', fields: ['LastName'] } });
    expect(results.filter((r) => r.ok && r.created)).toHaveLength(1199);
    expect(progress.at(-1)).toBe('JobComplete');
    const [b5] = await sf.findBy('Contact', 'Ticket_Buyer_Id__c', ['BULK-5'], ['LastName']);
    expect(results[5]).toMatchObject({ ok: true, id: b5.id });
    const again = await sf.bulkWrite!('Contact', 'upsert', records.slice(0, 3), { matchField: 'Ticket_Buyer_Id__c' });
    expect(again.map((r) => r.ok && r.created)).toEqual([false, false, false]);
  });

  it('reports API usage from the Sforce-Limit-Info header', async () => {
    const usage = await sf.usage();
    expect(usage).toMatchObject({ period: 'day', max: 15000 });
    expect(usage!.used).toBeGreaterThan(0);
  });
});
