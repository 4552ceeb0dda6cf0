// Conformance: jsforce, unchanged, on what sync relies on (issue 11) and the permission preflight (issue 9).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Connection } from 'jsforce';
import { startEmulator, type Emulator } from '../emulators/index';
import type { SalesforceBackend } from '../emulators/salesforce/backend';

const VERSION = '60.0';
const TOKEN = 'static-session-for-sync';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator('salesforce', { token: TOKEN });
});
afterAll(async () => emu?.close());

const connection = () => new Connection({ instanceUrl: emu.url, accessToken: TOKEN, version: VERSION });
const sf = () => emu.backend as SalesforceBackend;

async function rejection(p: PromiseLike<unknown>): Promise<Error & { errorCode?: string }> {
  const err = await Promise.resolve(p).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(Error);
  return err as Error & { errorCode?: string };
}

describe('jsforce and incremental sync', () => {
  it('reads deletions and merges with scanAll (queryAll), following nextRecordsUrl across pages', async () => {
    const conn = connection();
    const rows = Array.from({ length: 400 }, (_, i) => ({ LastName: `Del${String(i).padStart(3, '0')}`, Department: 'sync' }));
    const ids: string[] = [];
    for (let i = 0; i < rows.length; i += 200) ids.push(...(await conn.sobject('Contact').create(rows.slice(i, i + 200))).map((r) => r.id!));
    const gone = ids.filter((_, i) => i % 4 !== 0);
    for (let i = 0; i < gone.length; i += 200) await conn.sobject('Contact').destroy(gone.slice(i, i + 200));
    sf().merge('Contact', ids[0], [ids[4]]);

    const before = emu.stats.requests;
    const deleted = await conn.query<{ Id: string; IsDeleted: boolean; MasterRecordId: string | null }>(
      "SELECT Id, IsDeleted, MasterRecordId FROM Contact WHERE IsDeleted = true AND Department = 'sync' ORDER BY Id",
      { scanAll: true, autoFetch: true, maxFetch: 10_000, headers: { 'Sforce-Query-Options': 'batchSize=200' } },
    );
    expect(emu.stats.requests - before).toBe(2);
    expect(deleted.totalSize).toBe(gone.length + 1);
    expect(deleted.records).toHaveLength(gone.length + 1);
    expect(deleted.records.every((r) => r.IsDeleted)).toBe(true);
    expect(deleted.records.find((r) => r.Id === ids[4])?.MasterRecordId).toBe(ids[0]);
    const live = await conn.query("SELECT COUNT() FROM Contact WHERE Department = 'sync'");
    expect(live.totalSize).toBe(99);
  });

  it('sees records sharing one SystemModstamp on both sides of a page boundary', async () => {
    const conn = connection();
    const created = await conn.sobject('Lead').create(Array.from({ length: 150 }, (_, i) => ({ LastName: `Tie${i}`, Company: 'T' })));
    const more = await conn.sobject('Lead').create(Array.from({ length: 150 }, (_, i) => ({ LastName: `Tie${150 + i}`, Company: 'T' })));
    const ids = [...created, ...more].map((r) => r.id!);
    expect(sf().touch('Lead', ids, '2032-01-01T00:00:00Z')).toBe(300);
    const res = await conn.query<{ Id: string; SystemModstamp: string }>(
      'SELECT Id, SystemModstamp FROM Lead WHERE SystemModstamp >= 2032-01-01T00:00:00Z ORDER BY SystemModstamp, Id',
      { autoFetch: true, maxFetch: 10_000, headers: { 'Sforce-Query-Options': 'batchSize=200' } },
    );
    expect(res.records).toHaveLength(300);
    expect(new Set(res.records.map((r) => r.SystemModstamp))).toEqual(new Set(['2032-01-01T00:00:00.000+0000']));
    expect(res.records.map((r) => r.Id)).toEqual([...ids].sort());
  });
});

describe('jsforce and the permission profile', () => {
  it('shows hidden and read-only fields and object permissions in describe, and surfaces the write errors', async () => {
    const set = await fetch(`${emu.url}/__admin/permissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ objects: { Opportunity: { create: false } }, fields: { Contact: { Phone: 'readOnly', Birthdate: 'hidden' } } }),
    });
    expect(set.status).toBe(200);
    try {
      const conn = connection();
      const contact = await conn.sobject('Contact').describe();
      const fields = new Map(contact.fields.map((f) => [f.name, f]));
      expect(fields.has('Birthdate')).toBe(false);
      expect(fields.get('Phone')).toMatchObject({ createable: false, updateable: false });
      expect((await conn.sobject('Opportunity').describe()).createable).toBe(false);

      expect((await rejection(conn.sobject('Contact').create({ LastName: 'P', Phone: '1' }))).errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
      expect((await rejection(conn.sobject('Contact').create({ LastName: 'B', Birthdate: '2000-01-01' }))).errorCode).toBe('INVALID_FIELD');
      expect((await rejection(conn.query('SELECT Birthdate FROM Contact'))).errorCode).toBe('INVALID_FIELD');
      const opp = await rejection(conn.sobject('Opportunity').create({ Name: 'O', StageName: 'Prospecting', CloseDate: '2030-01-01' }));
      expect(opp.errorCode).toBe('CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY');
    } finally {
      await fetch(`${emu.url}/__admin/permissions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    }
  });
});
