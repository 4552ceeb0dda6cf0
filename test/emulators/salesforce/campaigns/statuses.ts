import type { Org } from '../org';
import type { SfRecord } from '../store';

/** Reads over a campaign's member statuses (CampaignMemberStatus) and members, live rows only. */

const live = (rows: SfRecord[]) => rows.filter((r) => r.IsDeleted !== true);
const sameLabel = (a: unknown, b: unknown) => String(a ?? '').toLowerCase() === String(b ?? '').toLowerCase();

/** The campaign's statuses in SortOrder. */
export function statusesOf(org: Org, campaignId: unknown): SfRecord[] {
  if (typeof campaignId !== 'string') return [];
  return live(org.store.findBy('CampaignMemberStatus', 'CampaignId', campaignId, true)).sort((a, b) => Number(a.SortOrder) - Number(b.SortOrder));
}

export function statusByLabel(org: Org, campaignId: unknown, label: unknown): SfRecord | undefined {
  return statusesOf(org, campaignId).find((s) => sameLabel(s.Label, label));
}

export function defaultStatus(org: Org, campaignId: unknown): SfRecord | undefined {
  const statuses = statusesOf(org, campaignId);
  return statuses.find((s) => s.IsDefault === true) ?? statuses[0];
}

export function membersOf(org: Org, campaignId: unknown): SfRecord[] {
  return typeof campaignId === 'string' ? live(org.store.findBy('CampaignMember', 'CampaignId', campaignId, true)) : [];
}

export function membersWithStatus(org: Org, campaignId: unknown, label: unknown): SfRecord[] {
  return membersOf(org, campaignId).filter((m) => sameLabel(m.Status, label));
}

/** Live memberships of one contact or lead (`personField` is ContactId or LeadId). */
export function membershipsOf(org: Org, personField: 'ContactId' | 'LeadId', personId: unknown): SfRecord[] {
  return typeof personId === 'string' ? live(org.store.findBy('CampaignMember', personField, personId, true)) : [];
}
