import type { ProviderCapabilities, WriteOp } from '../../providers/provider';

/**
 * Where a push batch gets split. One write call carries at most the provider's batch limit
 * for the operation (Salesforce 200, HubSpot 100, Pipedrive 1); a bulk job carries far more.
 */
export function splitBatches<T>(items: readonly T[], size: number): T[][] {
  const n = Math.max(1, Math.floor(size));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += n) out.push(items.slice(i, i + n));
  return out;
}

/** Records per write call for one operation. */
export const batchSizeFor = (caps: ProviderCapabilities, op: WriteOp): number => Math.max(1, caps.batchLimits[op]);

/** Records per Bulk API job: large enough to be worth a job, small enough to finish and settle often. */
export const BULK_JOB_RECORDS = 5_000;

/** Write calls' worth of items claimed at once: fewer, larger claims and settles cost less. */
const CALLS_PER_CLAIM = 5;

/**
 * How many queue items one worker claims at a time: several write calls' worth (sent side by
 * side; at least 20, so one-at-a-time CRMs still claim in useful groups), or a bulk job's worth.
 */
export function claimSizeFor(caps: ProviderCapabilities, bulk: boolean): number {
  if (bulk) return BULK_JOB_RECORDS;
  return Math.max(20, CALLS_PER_CLAIM * Math.max(caps.batchLimits.upsert, caps.batchLimits.create));
}

/**
 * Bulk API pays off above the threshold (setting sync.bulkThreshold, default 10,000) when the
 * provider offers it and records are matched by a key field (results are matched back by it).
 */
export const useBulk = (pending: number, threshold: number, providerHasBulk: boolean, hasMatchField: boolean): boolean =>
  providerHasBulk && hasMatchField && threshold > 0 && pending > threshold;
