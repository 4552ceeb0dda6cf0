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

const statuses = async (campaignId: string) =>
  (await soql(emu, `SELECT Id, Label, IsDefault, HasResponded, SortOrder FROM CampaignMemberStatus WHERE CampaignId = '${campaignId}' ORDER BY SortOrder`)).body.records as Json[];
const status = (list: Json[], label: string) => list.find((s) => s.Label === label);
const addStatus = (campaignId: string, fields: Record<string, unknown>) => call(emu, 'POST', '/sobjects/CampaignMemberStatus', { CampaignId: campaignId, ...fields });

/** An event campaign with the issue-12 statuses; returns the campaign id. */
async function eventCampaign(): Promise<string> {
  const id = await create(emu, 'Campaign', { Name: 'Spring Gala', Type: 'Event', StartDate: '2030-04-01', IsActive: true });
  for (const [i, [Label, HasResponded]] of ([['Registered', false], ['Attended', true], ['No-show', false], ['Cancelled', false]] as const).entries()) {
    expect((await addStatus(id, { Label, HasResponded, SortOrder: 10 + i })).status).toBe(201);
  }
  return id;
}

describe('CampaignMemberStatus', () => {
  it('gives a new campaign Sent (default, sort 1) and Responded (responded, sort 2)', async () => {
    const id = await create(emu, 'Campaign', { Name: 'Fresh' });
    expect((await statuses(id)).map((s) => [s.Label, s.IsDefault, s.HasResponded, s.SortOrder])).toEqual([
      ['Sent', true, false, 1],
      ['Responded', false, true, 2],
    ]);
  });

  it('adds statuses, taking the next sort order when none is given', async () => {
    const id = await create(emu, 'Campaign', { Name: 'C' });
    const res = await addStatus(id, { Label: 'Registered' });
    expect(res.status).toBe(201);
    expect(status(await statuses(id), 'Registered')).toMatchObject({ SortOrder: 3, IsDefault: false, HasResponded: false });
  });

  it('refuses a second status with the same label (any case) or sort order on one campaign, not on another', async () => {
    const id = await create(emu, 'Campaign', { Name: 'C' });
    const other = await create(emu, 'Campaign', { Name: 'D' });
    const sameLabel = await addStatus(id, { Label: 'sent', SortOrder: 9 });
    expect(sameLabel.status).toBe(400);
    expect(sameLabel.body[0]).toEqual({ errorCode: 'DUPLICATE_VALUE', message: 'duplicate value found: <unknown> duplicates value on record with id: <unknown>', fields: [] });
    expect(errorCode(await addStatus(id, { Label: 'Invited', SortOrder: 2 }))).toBe('DUPLICATE_VALUE');
    expect((await addStatus(other, { Label: 'Invited', SortOrder: 5 })).status).toBe(201);
    expect((await statuses(id)).length).toBe(2);
  });

  it('requires CampaignId and Label and caps Label at 765 characters', async () => {
    const noCampaign = await call(emu, 'POST', '/sobjects/CampaignMemberStatus', { Label: 'X' });
    expect(noCampaign.body[0]).toMatchObject({ errorCode: 'REQUIRED_FIELD_MISSING', fields: ['CampaignId'] });
    const id = await create(emu, 'Campaign', { Name: 'C' });
    expect((await addStatus(id, {})).body[0]).toMatchObject({ errorCode: 'REQUIRED_FIELD_MISSING', fields: ['Label'] });
    expect(errorCode(await addStatus(id, { Label: 'x'.repeat(766) }))).toBe('STRING_TOO_LONG');
  });

  it('keeps exactly one default: a new default takes the flag from the old one', async () => {
    const id = await eventCampaign();
    const registered = status(await statuses(id), 'Registered');
    expect((await call(emu, 'PATCH', `/sobjects/CampaignMemberStatus/${registered.Id}`, { IsDefault: true })).status).toBe(204);
    const list = await statuses(id);
    expect(list.filter((s) => s.IsDefault).map((s) => s.Label)).toEqual(['Registered']);
    const unset = await call(emu, 'PATCH', `/sobjects/CampaignMemberStatus/${registered.Id}`, { IsDefault: false });
    expect(unset.body[0]).toMatchObject({ errorCode: 'FIELD_INTEGRITY_EXCEPTION', fields: ['IsDefault'] });
  });

  it('keeps at least one responded status', async () => {
    const id = await create(emu, 'Campaign', { Name: 'C' });
    const responded = status(await statuses(id), 'Responded');
    const res = await call(emu, 'PATCH', `/sobjects/CampaignMemberStatus/${responded.Id}`, { HasResponded: false });
    expect(res.body[0]).toMatchObject({ errorCode: 'FIELD_INTEGRITY_EXCEPTION', fields: ['HasResponded'] });
    expect(errorCode(await call(emu, 'DELETE', `/sobjects/CampaignMemberStatus/${responded.Id}`))).toBe('DELETE_FAILED');
    await addStatus(id, { Label: 'Attended', HasResponded: true });
    expect((await call(emu, 'DELETE', `/sobjects/CampaignMemberStatus/${responded.Id}`)).status).toBe(204);
  });

  it('refuses to delete the default status or one that members use', async () => {
    const id = await eventCampaign();
    const list = await statuses(id);
    expect(errorCode(await call(emu, 'DELETE', `/sobjects/CampaignMemberStatus/${status(list, 'Sent').Id}`))).toBe('DELETE_FAILED');
    const contact = await create(emu, 'Contact', { LastName: 'Guest' });
    await create(emu, 'CampaignMember', { CampaignId: id, ContactId: contact, Status: 'No-show' });
    expect(errorCode(await call(emu, 'DELETE', `/sobjects/CampaignMemberStatus/${status(list, 'No-show').Id}`))).toBe('DELETE_FAILED');
    expect((await call(emu, 'DELETE', `/sobjects/CampaignMemberStatus/${status(list, 'Cancelled').Id}`)).status).toBe(204);
    expect((await statuses(id)).map((s) => s.Label)).not.toContain('Cancelled');
  });

  it('moves members along when a status is renamed or its Responded flag changes', async () => {
    const id = await eventCampaign();
    const contact = await create(emu, 'Contact', { LastName: 'Guest' });
    const member = await create(emu, 'CampaignMember', { CampaignId: id, ContactId: contact, Status: 'No-show' });
    const noShow = status(await statuses(id), 'No-show');
    await call(emu, 'PATCH', `/sobjects/CampaignMemberStatus/${noShow.Id}`, { Label: 'Did not attend', HasResponded: true });
    const after = (await call(emu, 'GET', `/sobjects/CampaignMember/${member}`)).body;
    expect(after).toMatchObject({ Status: 'Did not attend', HasResponded: true, FirstRespondedDate: expect.any(String) });
    expect((await call(emu, 'GET', `/sobjects/Campaign/${id}`)).body.NumberOfResponses).toBe(1);
  });

  it('leaves with its campaign: deleting a campaign deletes its statuses and members', async () => {
    const id = await eventCampaign();
    const contact = await create(emu, 'Contact', { LastName: 'Guest' });
    await create(emu, 'CampaignMember', { CampaignId: id, ContactId: contact });
    expect((await call(emu, 'DELETE', `/sobjects/Campaign/${id}`)).status).toBe(204);
    expect((await statuses(id)).length).toBe(0);
    const bin = await call(emu, 'GET', `/queryAll?q=${encodeURIComponent(`SELECT COUNT() FROM CampaignMemberStatus WHERE CampaignId = '${id}' AND IsDeleted = true`)}`);
    expect(bin.body.totalSize).toBe(6);
    expect((await soql(emu, 'SELECT COUNT() FROM CampaignMember')).body.totalSize).toBe(0);
  });
});
