// Conformance: jsforce, unchanged, against the Salesforce emulator's campaigns (issue 12).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Connection } from 'jsforce';
import { startEmulator, type Emulator } from '../emulators/index';

const VERSION = '60.0';
const TOKEN = 'static-session-for-campaigns';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator('salesforce', { token: TOKEN });
});
afterAll(async () => emu?.close());

const connection = () => new Connection({ instanceUrl: emu.url, accessToken: TOKEN, version: VERSION });

async function rejection(p: PromiseLike<unknown>): Promise<Error & { errorCode?: string }> {
  const err = await Promise.resolve(p).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(Error);
  return err as Error & { errorCode?: string };
}

interface StatusCount {
  Status: string;
  expr0: number;
}

describe('jsforce and campaigns for events', () => {
  it('creates an event campaign with its statuses, members and orders, and reads the attendance counts', async () => {
    const conn = connection();
    const campaign = await conn.sobject('Campaign').create({ Name: 'Jazz Night 2030', Type: 'Event', StartDate: '2030-06-01', IsActive: true });
    expect(campaign.success).toBe(true);
    const campaignId = campaign.id!;

    const statuses = await conn.sobject('CampaignMemberStatus').create([
      { CampaignId: campaignId, Label: 'Registered', SortOrder: 3, IsDefault: true },
      { CampaignId: campaignId, Label: 'Attended', SortOrder: 4, HasResponded: true },
      { CampaignId: campaignId, Label: 'No-show', SortOrder: 5 },
      { CampaignId: campaignId, Label: 'Cancelled', SortOrder: 6 },
    ]);
    expect(statuses.every((s) => s.success)).toBe(true);
    const list = await conn.query<{ Label: string; IsDefault: boolean; HasResponded: boolean }>(
      `SELECT Label, IsDefault, HasResponded FROM CampaignMemberStatus WHERE CampaignId = '${campaignId}' ORDER BY SortOrder`,
    );
    expect(list.records.map((s) => [s.Label, s.IsDefault, s.HasResponded])).toEqual([
      ['Sent', false, false],
      ['Responded', false, true],
      ['Registered', true, false],
      ['Attended', false, true],
      ['No-show', false, false],
      ['Cancelled', false, false],
    ]);

    const people = await conn.sobject('Contact').create(
      ['Ann', 'Ben', 'Cy', 'Dee', 'Eve'].map((FirstName, i) => ({ FirstName, LastName: 'Guest', Email: `g${i}@x.test`, HasOptedOutOfEmail: i === 4 })),
    );
    const plan = ['Attended', 'Attended', 'No-show', 'Cancelled', undefined];
    const members = await conn.sobject('CampaignMember').create(
      people.map((p, i) => ({ CampaignId: campaignId, ContactId: p.id, ...(plan[i] ? { Status: plan[i] } : {}) })),
    );
    expect(members.every((m) => m.success)).toBe(true);

    const counts = await conn.query<StatusCount>(`SELECT Status, COUNT(Id) FROM CampaignMember WHERE CampaignId = '${campaignId}' GROUP BY Status`);
    const byStatus = Object.fromEntries(counts.records.map((r) => [r.Status, r.expr0]));
    expect(byStatus).toEqual({ Attended: 2, 'No-show': 1, Cancelled: 1, Registered: 1 });
    const optedOut = await conn.query<{ Email: string }>(`SELECT Email FROM CampaignMember WHERE CampaignId = '${campaignId}' AND HasOptedOutOfEmail = true`);
    expect(optedOut.records.map((r) => r.Email)).toEqual(['g4@x.test']);

    const order = await conn.sobject('Opportunity').create({ Name: 'Order 1', StageName: 'Closed Won', CloseDate: '2030-05-01', Amount: 60, CampaignId: campaignId });
    expect(order.success).toBe(true);
    const stats = await conn.sobject('Campaign').retrieve(campaignId);
    expect(stats).toMatchObject({ NumberOfContacts: 5, NumberOfResponses: 2, NumberOfOpportunities: 1, AmountWonOpportunities: 60 });
  });

  it('updates a status in place and refuses a second membership with DUPLICATE_VALUE', async () => {
    const conn = connection();
    const campaignId = (await conn.sobject('Campaign').create({ Name: 'Second show', Type: 'Event' })).id!;
    await conn.sobject('CampaignMemberStatus').create({ CampaignId: campaignId, Label: 'Attended', SortOrder: 3, HasResponded: true });
    const contactId = (await conn.sobject('Contact').create({ LastName: 'Once' })).id!;
    const member = await conn.sobject('CampaignMember').create({ CampaignId: campaignId, ContactId: contactId });
    const dup = await rejection(conn.sobject('CampaignMember').create({ CampaignId: campaignId, ContactId: contactId, Status: 'Attended' }));
    expect(dup.errorCode).toBe('DUPLICATE_VALUE');
    expect(dup.message).toContain('Already a campaign member.');
    const found = await conn.sobject('CampaignMember').findOne<{ Id: string }>({ CampaignId: campaignId, ContactId: contactId }, ['Id']);
    expect(found?.Id).toBe(member.id);
    await conn.sobject('CampaignMember').update({ Id: member.id!, Status: 'Attended' });
    const after = await conn.sobject('CampaignMember').retrieve(member.id!);
    expect(after).toMatchObject({ Status: 'Attended', HasResponded: true });
    const used = await rejection(conn.sobject('CampaignMemberStatus').destroy(
      (await conn.query<{ Id: string }>(`SELECT Id FROM CampaignMemberStatus WHERE CampaignId = '${campaignId}' AND Label = 'Attended'`)).records[0].Id,
    ));
    expect(used.errorCode).toBe('DELETE_FAILED');
  });

  it('describes the campaign objects', async () => {
    const conn = connection();
    const campaign = await conn.sobject('Campaign').describe();
    const type = campaign.fields.find((f) => f.name === 'Type')!;
    expect(type.picklistValues!.map((p) => p.value)).toContain('Event');
    expect(campaign.fields.find((f) => f.name === 'ParentId')).toMatchObject({ type: 'reference', referenceTo: ['Campaign'] });
    const member = await conn.sobject('CampaignMember').describe();
    expect(member.fields.find((f) => f.name === 'HasResponded')).toMatchObject({ createable: false, updateable: false });
    expect(member.fields.find((f) => f.name === 'CampaignId')).toMatchObject({ createable: true, updateable: false, nillable: false });
    const status = await conn.sobject('CampaignMemberStatus').describe();
    expect(status.fields.map((f) => f.name)).toEqual(expect.arrayContaining(['CampaignId', 'Label', 'IsDefault', 'HasResponded', 'SortOrder']));
    const opp = await conn.sobject('Opportunity').describe();
    expect(opp.fields.find((f) => f.name === 'CampaignId')).toMatchObject({ referenceTo: ['Campaign'] });
  });
});
