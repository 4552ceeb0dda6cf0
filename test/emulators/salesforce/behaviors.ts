import { campaignHooks, opportunityCampaignTotals } from './campaigns/campaigns';
import { memberStatusHooks } from './campaigns/memberStatuses';
import { campaignMemberHooks, refreshMirrors } from './campaigns/members';
import { STAGE_PROBABILITY } from './metadata/standard';
import type { Org } from './org';
import type { SfRecord } from './store';

/** Standard-object side effects Salesforce applies on save, kept apart from generic DML. */
export interface SaveHooks {
  /** Adjusts the merged record before validation of required/unique fields; may throw DmlFailure. */
  beforeSave?(org: Org, rec: SfRecord, prev: SfRecord | undefined, changes: SfRecord): void;
  afterSave?(org: Org, rec: SfRecord, prev: SfRecord | undefined): void;
  /** A delete asked for through the API (not a cascade); may refuse with DmlFailure. */
  beforeDelete?(org: Org, rec: SfRecord): void;
  afterDelete?(org: Org, rec: SfRecord): void;
  /** Merge: whether a loser's child moves to the survivor through `field` or is deleted instead. */
  mergeChild?(org: Org, child: SfRecord, field: string, survivorId: string): 'move' | 'drop';
}

/** Writes a record the platform itself maintains (no validation, audit fields stamped). */
export type SystemWriter = (objectName: string, values: SfRecord) => SfRecord;

const personName = (rec: SfRecord) => [rec.FirstName, rec.LastName].filter((v) => typeof v === 'string' && v).join(' ') || null;

const personHooks = (memberField?: 'ContactId' | 'LeadId'): SaveHooks => ({
  beforeSave(_org, rec) {
    rec.Name = personName(rec);
  },
  afterSave(org, rec) {
    if (memberField) refreshMirrors(org, memberField, rec);
  },
});

function closedStage(stage: unknown): { closed: boolean; won: boolean; forecast: string } {
  if (stage === 'Closed Won') return { closed: true, won: true, forecast: 'Closed' };
  if (stage === 'Closed Lost') return { closed: true, won: false, forecast: 'Omitted' };
  return { closed: false, won: false, forecast: 'Pipeline' };
}

const opportunityStage: SaveHooks['beforeSave'] = (_org, rec, prev, changes) => {
  if (prev && prev.StageName === rec.StageName) return;
  const s = closedStage(rec.StageName);
  rec.IsClosed = s.closed;
  rec.IsWon = s.won;
  if (!('Probability' in changes)) rec.Probability = STAGE_PROBABILITY.get(String(rec.StageName)) ?? rec.Probability ?? null;
  if (!('ForecastCategoryName' in changes)) rec.ForecastCategoryName = s.forecast;
};

export function saveHooks(write: SystemWriter): Record<string, SaveHooks> {
  return {
    Contact: personHooks('ContactId'),
    Lead: personHooks('LeadId'),
    User: personHooks(),
    Opportunity: { beforeSave: opportunityStage, ...opportunityCampaignTotals(write) },
    Campaign: campaignHooks(write),
    CampaignMember: campaignMemberHooks(write),
    CampaignMemberStatus: memberStatusHooks(write),
  };
}
