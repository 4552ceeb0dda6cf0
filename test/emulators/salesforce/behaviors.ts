import { formatDate } from './dates';
import { DmlFailure, saveError } from './errors';
import { STAGE_PROBABILITY } from './metadata/standard';
import type { Org } from './org';
import type { SfRecord } from './store';

/** Standard-object side effects Salesforce applies on save, kept apart from generic DML. */
export interface SaveHooks {
  /** Adjusts the merged record before validation of required/unique fields; may throw DmlFailure. */
  beforeSave?(org: Org, rec: SfRecord, prev: SfRecord | undefined, changes: SfRecord): void;
  afterSave?(org: Org, rec: SfRecord, prev: SfRecord | undefined): void;
  afterDelete?(org: Org, rec: SfRecord): void;
}

/** Writes a record the platform itself maintains (no validation, audit fields stamped). */
export type SystemWriter = (objectName: string, values: SfRecord) => SfRecord;

const personName = (rec: SfRecord) => [rec.FirstName, rec.LastName].filter((v) => typeof v === 'string' && v).join(' ') || null;

const personHooks: SaveHooks = {
  beforeSave(_org, rec) {
    rec.Name = personName(rec);
  },
};

function closedStage(stage: unknown): { closed: boolean; won: boolean; forecast: string } {
  if (stage === 'Closed Won') return { closed: true, won: true, forecast: 'Closed' };
  if (stage === 'Closed Lost') return { closed: true, won: false, forecast: 'Omitted' };
  return { closed: false, won: false, forecast: 'Pipeline' };
}

const opportunityHooks: SaveHooks = {
  beforeSave(_org, rec, prev, changes) {
    if (prev && prev.StageName === rec.StageName) return;
    const s = closedStage(rec.StageName);
    rec.IsClosed = s.closed;
    rec.IsWon = s.won;
    if (!('Probability' in changes)) rec.Probability = STAGE_PROBABILITY.get(String(rec.StageName)) ?? rec.Probability ?? null;
    if (!('ForecastCategoryName' in changes)) rec.ForecastCategoryName = s.forecast;
  },
};

function memberStatuses(org: Org, campaignId: unknown): SfRecord[] {
  return org.store
    .findBy('CampaignMemberStatus', 'CampaignId', campaignId, true)
    .filter((s) => s.IsDeleted !== true)
    .sort((a, b) => Number(a.SortOrder) - Number(b.SortOrder));
}

function refreshCampaignCounts(org: Org, campaignId: unknown, write: SystemWriter): void {
  const campaign = typeof campaignId === 'string' ? org.store.get('Campaign', campaignId) : undefined;
  if (!campaign) return;
  const members = org.store.findBy('CampaignMember', 'CampaignId', campaignId, true).filter((m) => m.IsDeleted !== true);
  write('Campaign', {
    ...campaign,
    NumberOfContacts: members.filter((m) => m.ContactId).length,
    NumberOfLeads: members.filter((m) => !m.ContactId && m.LeadId).length,
  });
}

function campaignMemberHooks(write: SystemWriter): SaveHooks {
  return {
    beforeSave(org, rec, prev) {
      if (!prev) {
        if (rec.ContactId && rec.LeadId) rec.LeadId = null;
        if (!rec.ContactId && !rec.LeadId) throw new DmlFailure([saveError('REQUIRED_FIELD_MISSING', 'Required fields are missing: [ContactId, LeadId]', ['ContactId', 'LeadId'])]);
        const personField = rec.ContactId ? 'ContactId' : 'LeadId';
        const dup = org.store
          .findBy('CampaignMember', personField, rec[personField], true)
          .find((m) => m.IsDeleted !== true && m.CampaignId === rec.CampaignId);
        if (dup) throw new DmlFailure([saveError('DUPLICATE_VALUE', 'Already a campaign member.')]);
      }
      const statuses = memberStatuses(org, rec.CampaignId);
      const match = statuses.find((s) => String(s.Label).toLowerCase() === String(rec.Status ?? '').toLowerCase());
      const chosen = match ?? statuses.find((s) => s.IsDefault === true) ?? statuses[0];
      if (chosen) rec.Status = chosen.Label;
      rec.HasResponded = chosen?.HasResponded === true;
      if (rec.HasResponded && !rec.FirstRespondedDate) rec.FirstRespondedDate = formatDate(org.clock.now());
      const person = rec.ContactId ? org.store.get('Contact', String(rec.ContactId)) : org.store.get('Lead', String(rec.LeadId));
      if (person) {
        rec.FirstName = person.FirstName ?? null;
        rec.LastName = person.LastName ?? null;
        rec.Name = person.Name ?? null;
        rec.Email = person.Email ?? null;
        rec.HasOptedOutOfEmail = person.HasOptedOutOfEmail === true;
      }
    },
    afterSave(org, rec) {
      refreshCampaignCounts(org, rec.CampaignId, write);
    },
    afterDelete(org, rec) {
      refreshCampaignCounts(org, rec.CampaignId, write);
    },
  };
}

function campaignHooks(write: SystemWriter): SaveHooks {
  return {
    afterSave(_org, rec, prev) {
      if (prev) return;
      // A new campaign starts with the two member statuses orgs commonly ship with.
      write('CampaignMemberStatus', { CampaignId: rec.Id, Label: 'Sent', IsDefault: true, HasResponded: false, SortOrder: 1 });
      write('CampaignMemberStatus', { CampaignId: rec.Id, Label: 'Responded', IsDefault: false, HasResponded: true, SortOrder: 2 });
    },
  };
}

export function saveHooks(write: SystemWriter): Record<string, SaveHooks> {
  return {
    Contact: personHooks,
    Lead: personHooks,
    User: personHooks,
    Opportunity: opportunityHooks,
    Campaign: campaignHooks(write),
    CampaignMember: campaignMemberHooks(write),
  };
}
