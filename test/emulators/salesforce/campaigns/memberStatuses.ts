import type { SaveHooks, SystemWriter } from '../behaviors';
import { DmlFailure, saveError } from '../errors';
import type { Org } from '../org';
import type { SfRecord } from '../store';
import { applyStatus, refreshMemberCounts } from './members';
import { membersWithStatus, statusesOf } from './statuses';

/**
 * CampaignMemberStatus: each campaign keeps its own list with unique labels and sort orders, exactly
 * one default and at least one responded status (API 39.0+); a default or used status can't be
 * deleted. The error codes for the keep-one rules are the emulator's choice (see README).
 */

const fail = (code: string, message: string, fields: string[] = []): never => {
  throw new DmlFailure([saveError(code, message, fields)]);
};

// The platform's answer to a clash on its hidden unique index over (CampaignId, Label|SortOrder).
const duplicate = () => fail('DUPLICATE_VALUE', 'duplicate value found: <unknown> duplicates value on record with id: <unknown>');

function others(org: Org, rec: SfRecord): SfRecord[] {
  return statusesOf(org, rec.CampaignId).filter((s) => s.Id !== rec.Id);
}

function checkUniqueness(org: Org, rec: SfRecord): void {
  const rest = others(org, rec);
  if (rest.some((s) => String(s.Label).toLowerCase() === String(rec.Label ?? '').toLowerCase())) duplicate();
  if (rec.SortOrder === null || rec.SortOrder === undefined) {
    rec.SortOrder = Math.max(0, ...rest.map((s) => Number(s.SortOrder) || 0)) + 1;
  } else if (rest.some((s) => s.SortOrder === rec.SortOrder)) duplicate();
}

function checkKeepOne(org: Org, rec: SfRecord, prev: SfRecord): void {
  const rest = others(org, rec);
  if (prev.IsDefault === true && rec.IsDefault !== true && !rest.some((s) => s.IsDefault === true)) {
    fail('FIELD_INTEGRITY_EXCEPTION', 'A campaign must have one default member status.', ['IsDefault']);
  }
  if (prev.HasResponded === true && rec.HasResponded !== true && !rest.some((s) => s.HasResponded === true)) {
    fail('FIELD_INTEGRITY_EXCEPTION', 'A campaign must have at least one member status marked Responded.', ['HasResponded']);
  }
}

/** Members follow a renamed status and a changed Responded flag. */
function updateMembers(org: Org, rec: SfRecord, prev: SfRecord, write: SystemWriter): void {
  if (prev.Label === rec.Label && prev.HasResponded === rec.HasResponded) return;
  for (const m of membersWithStatus(org, rec.CampaignId, prev.Label)) {
    const next = { ...m, Status: rec.Label };
    applyStatus(org, next);
    write('CampaignMember', next);
  }
  refreshMemberCounts(org, rec.CampaignId, write);
}

export function memberStatusHooks(write: SystemWriter): SaveHooks {
  return {
    beforeSave(org, rec, prev) {
      if (typeof rec.CampaignId !== 'string') return; // REQUIRED_FIELD_MISSING follows
      checkUniqueness(org, rec);
      if (prev) checkKeepOne(org, rec, prev);
    },
    afterSave(org, rec, prev) {
      // Setting a new default moves the flag: the campaign keeps exactly one.
      if (rec.IsDefault === true && prev?.IsDefault !== true) {
        for (const s of others(org, rec).filter((o) => o.IsDefault === true)) write('CampaignMemberStatus', { ...s, IsDefault: false });
      }
      if (prev) updateMembers(org, rec, prev, write);
    },
    beforeDelete(org, rec) {
      if (rec.IsDefault === true) fail('DELETE_FAILED', 'You can\'t delete the default member status of a campaign.');
      if (membersWithStatus(org, rec.CampaignId, rec.Label).length) fail('DELETE_FAILED', 'You can\'t delete a member status that campaign members use.');
      if (rec.HasResponded === true && !others(org, rec).some((s) => s.HasResponded === true)) {
        fail('DELETE_FAILED', 'A campaign must have at least one member status marked Responded.');
      }
    },
  };
}
