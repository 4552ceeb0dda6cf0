import type { SaveHooks, SystemWriter } from '../behaviors';
import { DmlFailure, saveError } from '../errors';
import type { Org } from '../org';
import type { SfRecord } from '../store';

/** Campaign: initial member statuses, a hierarchy without loops, opportunity roll-ups. */

/** Walks up from `parentId`; true when the chain reaches `id` (the new parent would close a loop). */
function closesLoop(org: Org, id: unknown, parentId: unknown): boolean {
  const seen = new Set<unknown>();
  for (let cur = parentId; typeof cur === 'string' && !seen.has(cur); cur = org.store.get('Campaign', cur)?.ParentId) {
    if (cur === id) return true;
    seen.add(cur);
  }
  return false;
}

/** Opportunity roll-ups on the campaign an opportunity names (CampaignId, "Primary Campaign Source"). */
export function refreshOpportunityTotals(org: Org, campaignId: unknown, write: SystemWriter): void {
  const campaign = typeof campaignId === 'string' ? org.store.get('Campaign', campaignId) : undefined;
  if (!campaign || campaign.IsDeleted === true) return;
  const opps = org.store.findBy('Opportunity', 'CampaignId', campaignId, true).filter((o) => o.IsDeleted !== true);
  const won = opps.filter((o) => o.IsWon === true);
  const sum = (rows: SfRecord[]) => rows.reduce((n, o) => n + (typeof o.Amount === 'number' ? o.Amount : 0), 0);
  const totals = {
    NumberOfOpportunities: opps.length,
    NumberOfWonOpportunities: won.length,
    AmountAllOpportunities: sum(opps),
    AmountWonOpportunities: sum(won),
  };
  if (Object.entries(totals).every(([k, v]) => campaign[k] === v)) return;
  write('Campaign', { ...campaign, ...totals });
}

export function campaignHooks(write: SystemWriter): SaveHooks {
  return {
    beforeSave(org, rec) {
      if (rec.ParentId && (rec.ParentId === rec.Id || closesLoop(org, rec.Id, rec.ParentId))) {
        throw new DmlFailure([saveError('FIELD_INTEGRITY_EXCEPTION', 'Parent Campaign: a campaign can\'t be its own parent or a parent of its parents.', ['ParentId'])]);
      }
    },
    afterSave(_org, rec, prev) {
      if (prev) return;
      // A new campaign starts with the two member statuses a fresh org gives it (observed; not in the docs).
      write('CampaignMemberStatus', { CampaignId: rec.Id, Label: 'Sent', IsDefault: true, HasResponded: false, SortOrder: 1 });
      write('CampaignMemberStatus', { CampaignId: rec.Id, Label: 'Responded', IsDefault: false, HasResponded: true, SortOrder: 2 });
    },
  };
}

/** Opportunity hooks that keep its campaign's totals (old and new campaign when CampaignId moves). */
export function opportunityCampaignTotals(write: SystemWriter): Pick<SaveHooks, 'afterSave' | 'afterDelete'> {
  return {
    afterSave(org, rec, prev) {
      refreshOpportunityTotals(org, rec.CampaignId, write);
      if (prev && prev.CampaignId !== rec.CampaignId) refreshOpportunityTotals(org, prev.CampaignId, write);
    },
    afterDelete(org, rec) {
      refreshOpportunityTotals(org, rec.CampaignId, write);
    },
  };
}
