import { resolveConflict } from '../mapping/conflict';
import type { ConflictPolicy } from '../mapping/model';
import type { LocalRecord } from '../mapping/local-fields';
import { asText } from '../mapping/values';

/** Values compare as trimmed text; blank, null and missing are one value. */
export const sameValue = (a: unknown, b: unknown): boolean => asText(a).trim() === asText(b).trim();

export interface FieldConflict {
  field: string;
  base: unknown;
  local: unknown;
  crm: unknown;
  winner: 'local' | 'crm';
}

export interface Merge {
  /** Local fields to write (the CRM's value stands). */
  changes: Record<string, unknown>;
  conflicts: FieldConflict[];
  /** What both sides hold (or will, once pending pushes land) per pulled field. */
  agreed: Record<string, unknown>;
  /** A local value won a conflict: the record must be pushed again. */
  localWon: boolean;
}

/**
 * Three-way merge of one pulled record against the local one, field by field, using the values
 * agreed at the last sync as the base: changed only in the CRM → taken; changed only here → kept
 * (a push will send it); changed on both sides → a conflict settled by the policy and reported.
 * With no base (a record never synced), a blank local value takes the CRM's and a different
 * non-blank one is a conflict.
 */
export function mergeFields(
  pulled: Record<string, unknown>,
  local: LocalRecord,
  base: Record<string, unknown> | null,
  policy: ConflictPolicy,
  stamps: { localChangedAt?: string | null; remoteChangedAt?: string | null },
): Merge {
  const out: Merge = { changes: {}, conflicts: [], agreed: {}, localWon: false };
  for (const [field, crm] of Object.entries(pulled)) {
    const mine = local[field];
    const known = base !== null && field in base;
    const was = known ? base[field] : undefined;
    if (sameValue(crm, mine)) {
      out.agreed[field] = crm;
      continue;
    }
    const take = () => {
      out.changes[field] = crm;
      out.agreed[field] = crm;
    };
    if (!known) {
      if (asText(mine).trim() === '') take();
      else settle(field, was, mine, crm);
    } else if (sameValue(mine, was)) take();
    else if (sameValue(crm, was)) out.agreed[field] = was;
    else settle(field, was, mine, crm);
  }
  return out;

  function settle(field: string, was: unknown, mine: unknown, crm: unknown): void {
    const winner = resolveConflict(policy, stamps);
    out.conflicts.push({ field, base: was ?? null, local: mine ?? null, crm: crm ?? null, winner });
    out.agreed[field] = crm;
    if (winner === 'crm') out.changes[field] = crm;
    else out.localWon = true;
  }
}
