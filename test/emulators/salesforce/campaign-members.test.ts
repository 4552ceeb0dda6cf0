import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { admin, call, create, errorCode, soql, startSalesforce, type Json, type SfTestEmulator } from './testkit';

let emu: SfTestEmulator;
beforeAll(async () => {
  emu = await startSalesforce();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await admin(emu, 'reset', {});
});

const get = async (object: string, id: string) => (await call(emu, 'GET', `/sobjects/${object}/${id}`)).body;
const records = async (object: string): Promise<Json[]> => (await call(emu, 'GET', `/__admin/records/${object}`)).body;

async function eventCampaign(name = 'Gala'): Promise<string> {
  const id = await create(emu, 'Campaign', { Name: name, Type: 'Event', StartDate: '2030-04-01', IsActive: true });
  for (const [SortOrder, Label, HasResponded] of [[10, 'Registered', false], [11, 'Attended', true], [12, 'No-show', false], [13, 'Cancelled', false]] as const) {
    await create(emu, 'CampaignMemberStatus', { CampaignId: id, Label, HasResponded, SortOrder });
  }
  return id;
}

describe('Campaign', () => {
  it('takes the event fields and a parent campaign, but no loop in the hierarchy', async () => {
    const series = await create(emu, 'Campaign', { Name: 'Concert series 2030', Type: 'Event' });
    const id = await create(emu, 'Campaign', { Name: 'Opening night', Type: 'Event', Status: 'Planned', StartDate: '2030-04-01', EndDate: '2030-04-02', IsActive: true, ParentId: series });
    expect(await get('Campaign', id)).toMatchObject({ Type: 'Event', StartDate: '2030-04-01', EndDate: '2030-04-02', IsActive: true, ParentId: series, NumberOfContacts: 0 });
    const child = await soql(emu, `SELECT Name, Parent.Name FROM Campaign WHERE ParentId = '${series}'`);
    expect(child.body.records[0].Parent.Name).toBe('Concert series 2030');
    const loop = await call(emu, 'PATCH', `/sobjects/Campaign/${series}`, { ParentId: id });
    expect(loop.body[0]).toMatchObject({ errorCode: 'FIELD_INTEGRITY_EXCEPTION', fields: ['ParentId'] });
    expect(errorCode(await call(emu, 'PATCH', `/sobjects/Campaign/${id}`, { ParentId: id }))).toBe('FIELD_INTEGRITY_EXCEPTION');
  });

  it('describes Type with Event among its values and requires a Name of at most 80 characters', async () => {
    const describe = (await call(emu, 'GET', '/sobjects/Campaign/describe')).body;
    const type = describe.fields.find((f: Json) => f.name === 'Type');
    expect(type.picklistValues.map((p: Json) => p.value)).toContain('Event');
    expect(describe.fields.find((f: Json) => f.name === 'Name')).toMatchObject({ length: 80, nillable: false });
    expect((await call(emu, 'POST', '/sobjects/Campaign', { Type: 'Event' })).body[0]).toMatchObject({ errorCode: 'REQUIRED_FIELD_MISSING', fields: ['Name'] });
    expect(errorCode(await call(emu, 'POST', '/sobjects/Campaign', { Name: 'x'.repeat(81) }))).toBe('STRING_TOO_LONG');
  });

  it('rolls up the opportunities that name it as their campaign', async () => {
    const id = await eventCampaign();
    const opp = (amount: number, stage: string) => create(emu, 'Opportunity', { Name: `Order ${amount}`, StageName: stage, CloseDate: '2030-03-01', Amount: amount, CampaignId: id });
    await opp(120, 'Closed Won');
    const refunded = await opp(80, 'Closed Won');
    await call(emu, 'PATCH', `/sobjects/Opportunity/${refunded}`, { StageName: 'Closed Lost' });
    expect(await get('Campaign', id)).toMatchObject({ NumberOfOpportunities: 2, NumberOfWonOpportunities: 1, AmountAllOpportunities: 200, AmountWonOpportunities: 120 });
    const linked = await soql(emu, `SELECT Name, Campaign.Name FROM Opportunity WHERE CampaignId = '${id}' ORDER BY Name`);
    expect(linked.body.records.map((r: Json) => r.Campaign.Name)).toEqual(['Gala', 'Gala']);
  });
});

describe('CampaignMember', () => {
  it('needs a contact or a lead, keeps only the contact when both come, and refuses a second membership', async () => {
    const id = await eventCampaign();
    const contact = await create(emu, 'Contact', { FirstName: 'Ada', LastName: 'Guest', Email: 'ada@x.test' });
    const lead = await create(emu, 'Lead', { LastName: 'Prospect', Company: 'P' });
    const none = await call(emu, 'POST', '/sobjects/CampaignMember', { CampaignId: id });
    expect(none.body[0]).toMatchObject({ errorCode: 'REQUIRED_FIELD_MISSING', fields: ['ContactId', 'LeadId'] });
    const both = await create(emu, 'CampaignMember', { CampaignId: id, ContactId: contact, LeadId: lead, Status: 'Registered' });
    expect(await get('CampaignMember', both)).toMatchObject({ ContactId: contact, LeadId: null });
    const again = await call(emu, 'POST', '/sobjects/CampaignMember', { CampaignId: id, ContactId: contact, Status: 'Attended' });
    expect(again.status).toBe(400);
    expect(again.body).toEqual([{ errorCode: 'DUPLICATE_VALUE', message: 'Already a campaign member.', fields: [] }]);
    expect((await get('CampaignMember', both)).Status).toBe('Registered');
    expect((await call(emu, 'POST', '/sobjects/CampaignMember', { CampaignId: id, LeadId: lead })).status).toBe(201);
    expect(errorCode(await call(emu, 'POST', '/sobjects/CampaignMember', { ContactId: contact }))).toBe('REQUIRED_FIELD_MISSING');
  });

  it('takes its Status from the campaign list: a known label (any case) as written there, an unknown one becomes the default', async () => {
    const id = await eventCampaign();
    const a = await create(emu, 'Contact', { LastName: 'A' });
    const b = await create(emu, 'Contact', { LastName: 'B' });
    const m1 = await create(emu, 'CampaignMember', { CampaignId: id, ContactId: a, Status: 'attended' });
    const m2 = await create(emu, 'CampaignMember', { CampaignId: id, ContactId: b, Status: 'Waitlisted' });
    expect(await get('CampaignMember', m1)).toMatchObject({ Status: 'Attended', HasResponded: true, FirstRespondedDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(await get('CampaignMember', m2)).toMatchObject({ Status: 'Sent', HasResponded: false, FirstRespondedDate: null });
  });

  it('makes HasResponded follow the status and keeps the first responded date', async () => {
    const id = await eventCampaign();
    const c = await create(emu, 'Contact', { LastName: 'C' });
    const m = await create(emu, 'CampaignMember', { CampaignId: id, ContactId: c, Status: 'Attended' });
    const first = (await get('CampaignMember', m)).FirstRespondedDate;
    await admin(emu, 'clock', { advanceMs: 3 * 86_400_000 });
    await call(emu, 'PATCH', `/sobjects/CampaignMember/${m}`, { Status: 'Cancelled' });
    expect(await get('CampaignMember', m)).toMatchObject({ Status: 'Cancelled', HasResponded: false, FirstRespondedDate: first });
    const direct = await call(emu, 'PATCH', `/sobjects/CampaignMember/${m}`, { HasResponded: true });
    expect(direct.body[0]).toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['HasResponded'] });
    for (const field of ['CampaignId', 'ContactId', 'LeadId']) {
      expect(errorCode(await call(emu, 'PATCH', `/sobjects/CampaignMember/${m}`, { [field]: null }))).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    }
  });

  it('mirrors the person, HasOptedOutOfEmail included, and keeps up when the person changes', async () => {
    const id = await eventCampaign();
    const c = await create(emu, 'Contact', { FirstName: 'Oona', LastName: 'Out', Email: 'oona@x.test' });
    const l = await create(emu, 'Lead', { LastName: 'Lee', Company: 'L', HasOptedOutOfEmail: true });
    const mc = await create(emu, 'CampaignMember', { CampaignId: id, ContactId: c });
    const ml = await create(emu, 'CampaignMember', { CampaignId: id, LeadId: l });
    expect(await get('CampaignMember', mc)).toMatchObject({ Name: 'Oona Out', Email: 'oona@x.test', HasOptedOutOfEmail: false });
    expect((await get('CampaignMember', ml)).HasOptedOutOfEmail).toBe(true);
    await call(emu, 'PATCH', `/sobjects/Contact/${c}`, { HasOptedOutOfEmail: true, Email: 'oona@y.test' });
    expect(await get('CampaignMember', mc)).toMatchObject({ Email: 'oona@y.test', HasOptedOutOfEmail: true });
    const optedOut = await soql(emu, `SELECT COUNT() FROM CampaignMember WHERE CampaignId = '${id}' AND HasOptedOutOfEmail = true`);
    expect(optedOut.body.totalSize).toBe(2);
    const describe = (await call(emu, 'GET', '/sobjects/Contact/describe')).body;
    expect(describe.fields.find((f: Json) => f.name === 'HasOptedOutOfEmail')).toMatchObject({ type: 'boolean', label: 'Email Opt Out', nillable: false, updateable: true });
  });

  it('answers attendance counts with GROUP BY Status, and keeps the campaign counters', async () => {
    const id = await eventCampaign();
    const other = await eventCampaign('Other');
    const plan: [string, string][] = [['a', 'Registered'], ['b', 'Attended'], ['c', 'Attended'], ['d', 'No-show'], ['e', 'Attended']];
    for (const [name, Status] of plan) {
      const contact = await create(emu, 'Contact', { LastName: name });
      await create(emu, 'CampaignMember', { CampaignId: id, ContactId: contact, Status });
      await create(emu, 'CampaignMember', { CampaignId: other, ContactId: contact });
    }
    await create(emu, 'CampaignMember', { CampaignId: id, LeadId: await create(emu, 'Lead', { LastName: 'f', Company: 'F' }), Status: 'Cancelled' });
    const grouped = await soql(emu, `SELECT Status, COUNT(Id) FROM CampaignMember WHERE CampaignId = '${id}' GROUP BY Status ORDER BY Status`);
    expect(grouped.body.records.map((r: Json) => [r.Status, r.expr0])).toEqual([['Attended', 3], ['Cancelled', 1], ['No-show', 1], ['Registered', 1]]);
    expect(grouped.body.records[0].attributes.type).toBe('AggregateResult');
    const responded = await soql(emu, `SELECT COUNT() FROM CampaignMember WHERE CampaignId = '${id}' AND HasResponded = true`);
    expect(responded.body.totalSize).toBe(3);
    expect(await get('Campaign', id)).toMatchObject({ NumberOfContacts: 5, NumberOfLeads: 1, NumberOfResponses: 3 });
    const byPerson = await soql(emu, `SELECT Contact.LastName, Campaign.Name, Status FROM CampaignMember WHERE Contact.LastName = 'b' ORDER BY Campaign.Name`);
    expect(byPerson.body.records.map((r: Json) => [r.Campaign.Name, r.Status])).toEqual([['Gala', 'Attended'], ['Other', 'Sent']]);
  });

  it('lists campaigns, members and statuses through admin inspection', async () => {
    const id = await eventCampaign();
    const contact = await create(emu, 'Contact', { LastName: 'Inspect' });
    await create(emu, 'CampaignMember', { CampaignId: id, ContactId: contact, Status: 'Registered' });
    expect((await records('Campaign')).map((c) => c.Name)).toEqual(['Gala']);
    expect(await records('CampaignMember')).toEqual([expect.objectContaining({ CampaignId: id, ContactId: contact, Status: 'Registered', HasResponded: false, IsDeleted: false })]);
    expect((await records('CampaignMemberStatus')).map((s) => s.Label)).toEqual(['Sent', 'Responded', 'Registered', 'Attended', 'No-show', 'Cancelled']);
  });
});
