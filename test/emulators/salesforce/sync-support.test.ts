import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { admin, call, create, soql, startSalesforce, type Json, type SfTestEmulator } from './testkit';

/** What incremental pulls, deletions and merges (issue 11) rely on. */

let emu: SfTestEmulator;
beforeAll(async () => {
  emu = await startSalesforce();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await admin(emu, 'reset', {});
  await admin(emu, 'clock', { now: new Date().toISOString() });
});

const queryAll = (q: string, headers: Record<string, string> = {}) => call(emu, 'GET', `/queryAll?q=${encodeURIComponent(q)}`, undefined, headers);
const batch200 = { 'Sforce-Query-Options': 'batchSize=200' };

/** Follows nextRecordsUrl to the end; returns every page. */
async function allPages(first: Json): Promise<Json[]> {
  const pages = [first];
  while (!pages[pages.length - 1].done) pages.push((await call(emu, 'GET', pages[pages.length - 1].nextRecordsUrl)).body);
  return pages;
}

async function contacts(n: number, prefix: string): Promise<string[]> {
  const res = await call(emu, 'POST', '/composite/sobjects', {
    records: Array.from({ length: n }, (_, i) => ({ attributes: { type: 'Contact' }, LastName: `${prefix}${String(i).padStart(4, '0')}` })),
  });
  return res.body.map((r: Json) => r.id);
}

describe('deletions through queryAll', () => {
  it('returns only recycle-bin rows with WHERE IsDeleted = true, across pages, while query never shows them', async () => {
    const ids = [...(await contacts(200, 'D')), ...(await contacts(200, 'E')), ...(await contacts(50, 'F'))];
    const deleted = ids.filter((_, i) => i % 2 === 0);
    for (let i = 0; i < deleted.length; i += 200) {
      expect((await call(emu, 'DELETE', `/composite/sobjects?ids=${deleted.slice(i, i + 200).join(',')}`)).status).toBe(200);
    }
    const first = await queryAll('SELECT Id, IsDeleted FROM Contact WHERE IsDeleted = true ORDER BY Id', batch200);
    expect(first.body).toMatchObject({ totalSize: deleted.length, done: false });
    expect(first.body.nextRecordsUrl).toMatch(/^\/services\/data\/v60\.0\/query\/01g/);
    const rows = (await allPages(first.body)).flatMap((p) => p.records);
    expect(rows.map((r: Json) => r.Id).sort()).toEqual([...deleted].sort());
    expect(rows.every((r: Json) => r.IsDeleted === true)).toBe(true);
    expect((await soql(emu, 'SELECT COUNT() FROM Contact WHERE IsDeleted = true')).body.totalSize).toBe(0);
    expect((await soql(emu, 'SELECT COUNT() FROM Contact')).body.totalSize).toBe(ids.length - deleted.length);
  });

  it('keeps deleted rows in the recycle bin for 15 days (queryAll, getDeleted), then purges them', async () => {
    const [kept, purged] = await contacts(2, 'Bin');
    await call(emu, 'DELETE', `/sobjects/Contact/${purged}`);
    const inBin = () => queryAll('SELECT Id FROM Contact WHERE IsDeleted = true');
    const window = () => call(emu, 'GET', `/sobjects/Contact/deleted/?start=${encodeURIComponent(new Date(Date.now() - 60 * 60_000).toISOString())}&end=${encodeURIComponent(new Date(Date.now() + 20 * 86_400_000).toISOString())}`);
    expect((await inBin()).body.records.map((r: Json) => r.Id)).toEqual([purged]);
    await admin(emu, 'clock', { advanceMs: 14 * 86_400_000 });
    expect((await inBin()).body.totalSize).toBe(1);
    expect((await window()).body.deletedRecords.map((d: Json) => d.id)).toEqual([purged]);
    await admin(emu, 'clock', { advanceMs: 2 * 86_400_000 });
    expect((await inBin()).body.totalSize).toBe(0);
    expect((await queryAll('SELECT Id FROM Contact')).body.records.map((r: Json) => r.Id)).toEqual([kept]);
  });
});

describe('merges', () => {
  it('leaves losers deleted with MasterRecordId, moves their children and memberships, applies masterFields', async () => {
    const campaign = await create(emu, 'Campaign', { Name: 'Gala' });
    const other = await create(emu, 'Campaign', { Name: 'Other' });
    const master = await create(emu, 'Contact', { FirstName: 'Ann', LastName: 'Keep', Email: 'ann@x.test' });
    const loser = await create(emu, 'Contact', { FirstName: 'Anne', LastName: 'Lose', Email: 'anne@x.test' });
    const keepMember = await create(emu, 'CampaignMember', { CampaignId: campaign, ContactId: master, Status: 'Sent' });
    const dupMember = await create(emu, 'CampaignMember', { CampaignId: campaign, ContactId: loser, Status: 'Responded' });
    const movedMember = await create(emu, 'CampaignMember', { CampaignId: other, ContactId: loser });
    await admin(emu, 'clock', { advanceMs: 5000 });
    const since = (await call(emu, 'GET', '/__admin/clock')).body.now as string;
    const res = await admin(emu, 'merge', { object: 'Contact', masterId: master, mergeIds: [loser], masterFields: { Email: 'anne@x.test' } });
    expect(res.status).toBe(200);

    const losers = await queryAll(`SELECT Id, IsDeleted, MasterRecordId FROM Contact WHERE MasterRecordId = '${master}'`);
    expect(losers.body.records.map((r: Json) => [r.Id, r.IsDeleted, r.MasterRecordId])).toEqual([[loser, true, master]]);
    const recent = await queryAll(`SELECT Id FROM Contact WHERE IsDeleted = true AND MasterRecordId != null AND SystemModstamp >= ${since.replace(/\.\d+Z$/, 'Z')}`);
    expect(recent.body.totalSize).toBe(1);
    expect((await call(emu, 'GET', `/sobjects/Contact/${master}`)).body.Email).toBe('anne@x.test');

    const members = await soql(emu, `SELECT Id, Campaign.Name, Status, Email FROM CampaignMember WHERE ContactId = '${master}' ORDER BY Campaign.Name`);
    expect(members.body.records.map((m: Json) => [m.Id, m.Campaign.Name, m.Status, m.Email])).toEqual([
      [keepMember, 'Gala', 'Sent', 'anne@x.test'],
      [movedMember, 'Other', 'Sent', 'anne@x.test'],
    ]);
    expect((await queryAll(`SELECT IsDeleted FROM CampaignMember WHERE Id = '${dupMember}'`)).body.records[0].IsDeleted).toBe(true);
    expect((await call(emu, 'GET', `/sobjects/Campaign/${campaign}`)).body).toMatchObject({ NumberOfContacts: 1, NumberOfResponses: 0 });
  });

  it('shows merged losers in getDeleted', async () => {
    await admin(emu, 'clock', { now: '2031-05-01T10:00:30Z' });
    const master = await create(emu, 'Lead', { LastName: 'Keep', Company: 'K' });
    const loser = await create(emu, 'Lead', { LastName: 'Lose', Company: 'K' });
    await admin(emu, 'merge', { object: 'Lead', masterId: master, mergeIds: [loser] });
    await admin(emu, 'clock', { now: '2031-05-01T10:05:00Z' });
    const res = await call(emu, 'GET', `/sobjects/Lead/deleted/?start=${encodeURIComponent('2031-05-01T10:00:00Z')}&end=${encodeURIComponent('2031-05-01T10:05:00Z')}`);
    expect(res.body.deletedRecords).toEqual([{ id: loser, deletedDate: '2031-05-01T10:00:30.000+0000' }]);
  });
});

describe('equal SystemModstamps', () => {
  it('stamps many records with one time (/__admin/touch), and a tie-safe pull gets every record once across pages', async () => {
    const ids = [...(await contacts(200, 'T')), ...(await contacts(200, 'U')), ...(await contacts(100, 'V'))];
    const touched = await admin(emu, 'touch', { object: 'Contact', ids: ids.slice(150, 450), at: '2031-01-01T00:00:00Z' });
    expect(touched.body).toEqual({ touched: 300, SystemModstamp: '2031-01-01T00:00:00.000Z' });
    await admin(emu, 'touch', { object: 'Contact', ids: ids.slice(450), at: '2031-01-01T00:00:01Z' });

    const q = 'SELECT Id, SystemModstamp FROM Contact WHERE SystemModstamp >= 2031-01-01T00:00:00Z ORDER BY SystemModstamp, Id';
    const pages = await allPages((await soql(emu, q, batch200)).body);
    expect(pages.map((p) => p.records.length)).toEqual([200, 150]);
    const boundary = [pages[0].records[199], pages[1].records[0]];
    expect(boundary[0].SystemModstamp).toBe('2031-01-01T00:00:00.000+0000');
    expect(boundary[1].SystemModstamp).toBe(boundary[0].SystemModstamp);
    const seen = pages.flatMap((p) => p.records.map((r: Json) => r.Id));
    expect(new Set(seen).size).toBe(350);
    expect([...seen].sort()).toEqual([...ids.slice(150)].sort());
    expect(seen).toEqual([...ids.slice(150, 450)].sort().concat([...ids.slice(450)].sort()));

    const untouched = await admin(emu, 'touch', { object: 'Contact', at: 'not a date' });
    expect(untouched.status).toBe(400);
    expect(emu.sf.touch('Contact', undefined, '2031-02-01T00:00:00Z')).toBe(500);
  });
});

describe('daily API budget', () => {
  it('reports DailyApiRequests Max and Remaining as the calls are counted', async () => {
    await admin(emu, 'limits', { max: 1000, used: 100 });
    const first = (await call(emu, 'GET', '/limits')).body.DailyApiRequests;
    await soql(emu, 'SELECT Id FROM Contact');
    const second = await call(emu, 'GET', '/limits');
    expect(first).toEqual({ Max: 1000, Remaining: 899 });
    expect(second.body.DailyApiRequests).toEqual({ Max: 1000, Remaining: 897 });
    expect(second.headers.get('sforce-limit-info')).toBe('api-usage=103/1000');
  });
});
