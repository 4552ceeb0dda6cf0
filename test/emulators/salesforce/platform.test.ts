import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, create, soql, startSalesforce, type Json, type SfTestEmulator } from './testkit';

let emu: SfTestEmulator;
beforeAll(async () => {
  emu = await startSalesforce();
});
afterAll(() => emu.close());

const admin = (path: string, body: unknown) =>
  fetch(`${emu.url}/__admin/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const get = async (object: string, id: string) => (await call(emu, 'GET', `/sobjects/${object}/${id}`)).body;

describe('campaigns', () => {
  it('gives a new campaign Sent (default) and Responded statuses; members follow them', async () => {
    const campaign = await create(emu, 'Campaign', { Name: 'Launch' });
    const statuses = (await soql(emu, `SELECT Label, IsDefault, HasResponded, SortOrder FROM CampaignMemberStatus WHERE CampaignId = '${campaign}' ORDER BY SortOrder`)).body.records;
    expect(statuses.map((s: Json) => [s.Label, s.IsDefault, s.HasResponded])).toEqual([['Sent', true, false], ['Responded', false, true]]);
    const contact = await create(emu, 'Contact', { FirstName: 'Mia', LastName: 'Member', Email: 'mia@x.test', HasOptedOutOfEmail: true });
    const lead = await create(emu, 'Lead', { LastName: 'Lee', Company: 'L' });
    const m1 = await create(emu, 'CampaignMember', { CampaignId: campaign, ContactId: contact });
    const m2 = await create(emu, 'CampaignMember', { CampaignId: campaign, LeadId: lead, Status: 'Responded' });
    expect(await get('CampaignMember', m1)).toMatchObject({ Status: 'Sent', HasResponded: false, Email: 'mia@x.test', HasOptedOutOfEmail: true, Name: 'Mia Member' });
    expect(await get('CampaignMember', m2)).toMatchObject({ Status: 'Responded', HasResponded: true, FirstRespondedDate: expect.any(String) });
    expect((await call(emu, 'PATCH', `/sobjects/CampaignMember/${m1}`, { Status: 'Responded' })).status).toBe(204);
    expect(await get('CampaignMember', m1)).toMatchObject({ HasResponded: true });
    expect(await get('Campaign', campaign)).toMatchObject({ NumberOfContacts: 1, NumberOfLeads: 1 });
    const createOnly = await call(emu, 'PATCH', `/sobjects/CampaignMember/${m1}`, { ContactId: contact });
    expect(createOnly.body[0].errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
  });
});

describe('opportunities', () => {
  it('derives IsClosed, IsWon, Probability and ForecastCategoryName from the stage', async () => {
    const id = await create(emu, 'Opportunity', { Name: 'Deal', StageName: 'Prospecting', CloseDate: '2025-06-30' });
    expect(await get('Opportunity', id)).toMatchObject({ IsClosed: false, IsWon: false, Probability: 10, ForecastCategoryName: 'Pipeline' });
    await call(emu, 'PATCH', `/sobjects/Opportunity/${id}`, { StageName: 'Closed Won' });
    expect(await get('Opportunity', id)).toMatchObject({ IsClosed: true, IsWon: true, Probability: 100, ForecastCategoryName: 'Closed' });
  });
});

describe('deletes', () => {
  it('cascades from Account to Contacts and Opportunities, and from Contact to its roles and memberships', async () => {
    const acc = await create(emu, 'Account', { Name: 'Cascade' });
    const con = await create(emu, 'Contact', { LastName: 'C', AccountId: acc });
    const opp = await create(emu, 'Opportunity', { Name: 'O', StageName: 'Prospecting', CloseDate: '2025-01-01', AccountId: acc });
    const role = await create(emu, 'OpportunityContactRole', { OpportunityId: opp, ContactId: con });
    await call(emu, 'DELETE', `/sobjects/Account/${acc}`);
    const all = await call(emu, 'GET', `/queryAll?q=${encodeURIComponent(`SELECT Id, IsDeleted FROM OpportunityContactRole WHERE Id = '${role}'`)}`);
    expect(all.body.records[0].IsDeleted).toBe(true);
    for (const [o, id] of [['Contact', con], ['Opportunity', opp]]) expect((await get(o, id))[0].errorCode).toBe('ENTITY_IS_DELETED');
  });
});

describe('merge', () => {
  it('deletes the losers with MasterRecordId and moves their children to the survivor', async () => {
    const master = await create(emu, 'Contact', { LastName: 'Master' });
    const loser = await create(emu, 'Contact', { LastName: 'Loser' });
    const loser2 = await create(emu, 'Contact', { LastName: 'Loser2' });
    const opp = await create(emu, 'Opportunity', { Name: 'O', StageName: 'Prospecting', CloseDate: '2025-01-01' });
    const role = await create(emu, 'OpportunityContactRole', { OpportunityId: opp, ContactId: loser });
    const res = await admin('merge', { object: 'Contact', masterId: master, mergeIds: [loser, loser2] });
    expect(res.status).toBe(200);
    const losers = await call(emu, 'GET', `/queryAll?q=${encodeURIComponent(`SELECT Id, IsDeleted, MasterRecordId FROM Contact WHERE MasterRecordId = '${master}' ORDER BY LastName`)}`);
    expect(losers.body.records.map((r: Json) => [r.Id, r.IsDeleted])).toEqual([[loser, true], [loser2, true]]);
    expect((await get('OpportunityContactRole', role)).ContactId).toBe(master);
    expect((await admin('merge', { object: 'Opportunity', masterId: opp, mergeIds: [opp] })).status).toBe(400);
    expect(() => emu.sf.merge('Contact', master, [loser])).toThrow();
  });
});

describe('replication (getUpdated / getDeleted)', () => {
  it('reports ids changed and deleted within whole-minute windows keyed on SystemModstamp', async () => {
    await admin('clock', { now: '2030-01-01T10:00:30Z' });
    const a = await create(emu, 'Lead', { LastName: 'A', Company: 'X' });
    await admin('clock', { now: '2030-01-01T10:05:10Z' });
    const b = await create(emu, 'Lead', { LastName: 'B', Company: 'X' });
    await call(emu, 'DELETE', `/sobjects/Lead/${a}`);
    await admin('clock', { now: '2030-01-01T10:20:00Z' });
    const window = (kind: string, start: string, end: string) => call(emu, 'GET', `/sobjects/Lead/${kind}/?start=${encodeURIComponent(start)}&end=${encodeURIComponent(end)}`);
    const updated = await window('updated', '2030-01-01T10:00:59Z', '2030-01-01T10:30:00Z');
    expect(updated.body).toEqual({ ids: [b], latestDateCovered: '2030-01-01T10:20:00.000+0000' });
    const early = await window('updated', '2030-01-01T09:00:00Z', '2030-01-01T10:01:00Z');
    expect(early.body.ids).toEqual([]);
    const deleted = await window('deleted', '2030-01-01T10:00:00Z', '2030-01-01T10:10:00Z');
    expect(deleted.body.deletedRecords).toEqual([{ id: a, deletedDate: '2030-01-01T10:05:10.000+0000' }]);
    expect(deleted.body.latestDateCovered).toBe('2030-01-01T10:10:00.000+0000');
    const backwards = await window('updated', '2030-01-01T10:10:30Z', '2030-01-01T10:10:50Z');
    expect(backwards.status).toBe(400);
    expect(backwards.body[0].errorCode).toBe('INVALID_REPLICATION_DATE');
    const tooOld = await window('deleted', '2029-12-01T00:00:00Z', '2030-01-01T10:00:00Z');
    expect(tooOld.body[0].errorCode).toBe('INVALID_REPLICATION_DATE');
  });
});
