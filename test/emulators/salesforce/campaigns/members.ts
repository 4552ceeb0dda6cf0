import type { SaveHooks, SystemWriter } from '../behaviors';
import { formatDate } from '../dates';
import { DmlFailure, saveError } from '../errors';
import type { Org } from '../org';
import type { SfRecord } from '../store';
import { defaultStatus, membersOf, membershipsOf, statusByLabel } from './statuses';

/** CampaignMember: one membership per person and campaign, a status from the campaign's list, person fields mirrored. */

/** Person fields a member shows as its own (read-only, kept in step with the contact or lead). */
const MIRRORED = ['FirstName', 'LastName', 'Name', 'Email', 'HasOptedOutOfEmail'] as const;

function mirror(person: SfRecord | undefined): SfRecord {
  const out: SfRecord = {};
  for (const f of MIRRORED) out[f] = f === 'HasOptedOutOfEmail' ? person?.[f] === true : (person?.[f] ?? null);
  return out;
}

function personOf(org: Org, member: SfRecord): SfRecord | undefined {
  if (typeof member.ContactId === 'string') return org.store.get('Contact', member.ContactId);
  return typeof member.LeadId === 'string' ? org.store.get('Lead', member.LeadId) : undefined;
}

/** After a contact or lead changes: its memberships show the new values (the member's own stamps stay). */
export function refreshMirrors(org: Org, personField: 'ContactId' | 'LeadId', person: SfRecord): void {
  const values = mirror(person);
  for (const m of membershipsOf(org, personField, person.Id)) {
    if (MIRRORED.every((f) => m[f] === values[f])) continue;
    org.store.put('CampaignMember', { ...m, ...values });
  }
}

/** The Campaign roll-ups of its members. */
export function refreshMemberCounts(org: Org, campaignId: unknown, write: SystemWriter): void {
  const campaign = typeof campaignId === 'string' ? org.store.get('Campaign', campaignId) : undefined;
  if (!campaign || campaign.IsDeleted === true) return;
  const members = membersOf(org, campaignId);
  const counts = {
    NumberOfContacts: members.filter((m) => m.ContactId).length,
    NumberOfLeads: members.filter((m) => !m.ContactId && m.LeadId).length,
    NumberOfResponses: members.filter((m) => m.HasResponded === true).length,
  };
  if (Object.entries(counts).every(([k, v]) => campaign[k] === v)) return;
  write('Campaign', { ...campaign, ...counts });
}

/** Status and HasResponded from the campaign's list: an unknown label takes the default status (see README). */
export function applyStatus(org: Org, member: SfRecord): void {
  const chosen = statusByLabel(org, member.CampaignId, member.Status) ?? defaultStatus(org, member.CampaignId);
  if (chosen) member.Status = chosen.Label;
  member.HasResponded = chosen?.HasResponded === true;
  if (member.HasResponded && !member.FirstRespondedDate) member.FirstRespondedDate = formatDate(org.clock.now());
}

function checkNewMembership(org: Org, rec: SfRecord): void {
  // With both ids only the contact is kept.
  if (rec.ContactId && rec.LeadId) rec.LeadId = null;
  if (!rec.ContactId && !rec.LeadId) {
    throw new DmlFailure([saveError('REQUIRED_FIELD_MISSING', 'Required fields are missing: [ContactId, LeadId]', ['ContactId', 'LeadId'])]);
  }
  const personField = rec.ContactId ? 'ContactId' : 'LeadId';
  if (membershipsOf(org, personField, rec[personField]).some((m) => m.CampaignId === rec.CampaignId)) {
    throw new DmlFailure([saveError('DUPLICATE_VALUE', 'Already a campaign member.')]);
  }
}

export function campaignMemberHooks(write: SystemWriter): SaveHooks {
  return {
    beforeSave(org, rec, prev) {
      if (!prev) checkNewMembership(org, rec);
      applyStatus(org, rec);
      Object.assign(rec, mirror(personOf(org, rec)));
    },
    afterSave(org, rec) {
      refreshMemberCounts(org, rec.CampaignId, write);
    },
    afterDelete(org, rec) {
      refreshMemberCounts(org, rec.CampaignId, write);
    },
    mergeChild(org, child, field, survivorId) {
      // The survivor keeps its own membership of a campaign both were in; the loser's is deleted.
      const personField = field === 'LeadId' ? 'LeadId' : 'ContactId';
      return membershipsOf(org, personField, survivorId).some((m) => m.CampaignId === child.CampaignId) ? 'drop' : 'move';
    },
  };
}
