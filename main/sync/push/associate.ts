import type { AssociationInput } from '../../providers/provider';
import { failureFromError, failureFromRecordError } from '../queue/failure';
import type { Failure } from '../queue/types';
import type { LookupResolver } from '../mapping/apply-push';
import type { LocalRecord } from '../mapping/local-fields';
import { isBlank } from '../mapping/values';
import { callWithRetry, needsReconnect } from '../engine/calls';
import { newAssociations, type AssociationKey } from '../engine/links';
import type { SyncTarget } from '../engine/targets';
import type { PushContext } from './context';
import { splitBatches } from './split-batches';

export interface Written {
  /** Which part of the batch this is (the caller's key). */
  key: string;
  record: LocalRecord;
  externalId: string;
}

type Candidate = AssociationKey & { key: string; role?: string };

/**
 * Makes the links a mapping asks for after its records are written (HubSpot deal ↔ contact and
 * company, Salesforce OpportunityContactRole). Links made before are skipped, so a second push
 * makes none. A link whose other record is not in the CRM yet fails its record for a retry.
 */
export async function associateWritten(
  ctx: PushContext,
  target: SyncTarget,
  written: readonly Written[],
  resolve: LookupResolver,
): Promise<{ failures: Map<string, Failure>; made: AssociationKey[] }> {
  const failures = new Map<string, Failure>();
  const made: AssociationKey[] = [];
  const specs = target.mapping.associations ?? [];
  if (specs.length === 0 || written.length === 0) return { failures, made };
  const candidates: Candidate[] = [];
  for (const w of written) {
    for (const spec of specs) {
      const key = w.record[spec.localField];
      if (isBlank(key)) continue;
      const toId = resolve({ object: spec.object, localKind: spec.localKind, key });
      if (!toId) {
        failures.set(w.key, {
          kind: 'retry',
          code: 'LOOKUP_UNRESOLVED',
          message: `${target.object} needs its ${spec.object} (${String(key)}) linked, which is not in the CRM yet`,
          field: spec.localField,
        });
        continue;
      }
      candidates.push({ key: w.key, fromObject: target.object, fromId: w.externalId, toObject: spec.object, toId, role: spec.role });
    }
  }
  const fresh = newAssociations(ctx.db, ctx.connectionId, candidates);
  for (const chunk of splitBatches(fresh, ctx.provider.capabilities.associationBatchLimit)) {
    const links: AssociationInput[] = chunk.map((c) => ({ from: { object: c.fromObject, id: c.fromId }, to: { object: c.toObject, id: c.toId }, ...(c.role ? { role: c.role } : {}) }));
    try {
      const results = await callWithRetry(ctx.call, () => ctx.provider.associate(links));
      chunk.forEach((c, i) => {
        const r = results[i];
        if (r?.ok) made.push(c);
        else failures.set(c.key, r ? failureFromRecordError(r.error) : { kind: 'retry', code: 'NO_RESULT', message: 'The CRM answered no result for this link.' });
      });
    } catch (err) {
      if (needsReconnect(err)) throw err;
      const failure = failureFromError(err);
      for (const c of chunk) failures.set(c.key, failure);
    }
  }
  return { failures, made };
}
