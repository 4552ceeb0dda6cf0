import type { Db } from '../../store/db';
import { inTransaction } from '../../store/db';
import type { Logger } from '../../log/logger';
import type { RemoteRecord } from '../../providers/provider';
import { appendAudit } from '../../store/audit-log';
import { insertConflict, type RunRecordInput } from '../../store/sync-runs';
import { applyPull } from '../mapping/apply-pull';
import type { ConflictPolicy } from '../mapping/model';
import type { LookupResolver } from '../mapping/apply-push';
import { asText, looksLikeEmail } from '../mapping/values';
import { enqueueMany } from '../queue/enqueue';
import { insertPerson, loadRecords, personIdByEmail, recordLabel, writeLocal } from '../engine/local-records';
import { linkByExternalId, linksOf, savePulledLink, updatePulledLink, type Link } from '../engine/links';
import { buildPush } from '../engine/payload';
import type { SyncTarget } from '../engine/targets';
import type { RunRecorder } from '../runs/recorder';
import { setCursor } from './cursors';
import { mergeFields } from './merge-fields';

export interface PullContext {
  db: Db;
  logger?: Logger;
  connectionId: string;
  target: SyncTarget;
  recorder: RunRecorder;
  policy: ConflictPolicy;
  /** CRM records matching no local person become new people. */
  createPeople: boolean;
  resolve: LookupResolver;
  now: () => string;
}

/** CRM fields that hold the person's email under this mapping (pushed from it, or matched on it). */
export function emailFields(target: SyncTarget): string[] {
  const key = target.mapping.matchKey;
  const fromKey = key.kind !== 'crmId' && key.local === 'email' ? [key.crm] : [];
  return [...new Set([...target.mapping.fields.filter((f) => f.local === 'email').map((f) => f.crm), ...fromKey])];
}

function emailOf(target: SyncTarget, r: RemoteRecord): string | undefined {
  for (const f of emailFields(target)) {
    const v = asText(r.fields[f]).trim().toLowerCase();
    if (looksLikeEmail(v)) return v;
  }
  return undefined;
}

/**
 * Stores one page of CRM changes in one transaction, with the cursor that follows it: links
 * found by email (or people created), each record merged field by field, conflicts recorded
 * with both values, and a push queued where the local value won.
 */
export function storePage(ctx: PullContext, records: readonly RemoteRecord[], cursor?: string): void {
  inTransaction(ctx.db, () => {
    const rows: RunRecordInput[] = [];
    const pushBack: number[] = [];
    for (const r of records) {
      const row = storeRecord(ctx, r, pushBack);
      if (row) rows.push(row);
    }
    if (pushBack.length > 0) {
      enqueueMany(
        ctx.db,
        pushBack.map((localId) => ({ connectionId: ctx.connectionId, object: ctx.target.localKind, localKind: ctx.target.localKind, localId, operation: 'upsert', direction: 'push' as const, runId: String(ctx.recorder.id) })),
      );
    }
    if (cursor !== undefined) setCursor(ctx.db, ctx.connectionId, ctx.target.object, cursor);
    ctx.recorder.record(rows);
  });
  ctx.recorder.progressed();
}

function storeRecord(ctx: PullContext, r: RemoteRecord, pushBack: number[]): RunRecordInput | undefined {
  const { target } = ctx;
  const kind = target.localKind;
  const base = { localKind: kind, object: target.object, externalId: r.id };
  let link = linkByExternalId(ctx.db, ctx.connectionId, target.object, r.id);
  if (r.deleted) {
    if (!link) return undefined;
    updatePulledLink(ctx.db, { ...keyOf(ctx, link), modstamp: r.modifiedAt ?? null, at: ctx.now(), syncedValues: link.syncedValues ?? {}, status: 'deleted' });
    return { ...base, localId: link.localId, outcome: 'deleted' };
  }
  let created = false;
  if (!link) {
    const found = linkPerson(ctx, r);
    if ('skip' in found) return { ...base, localId: null, label: emailOf(target, r) ?? null, outcome: 'skipped', errorMessage: found.skip };
    link = found.link;
    created = found.created;
  }
  const local = loadRecords(ctx.db, kind, [link.localId]).get(link.localId);
  if (!local) return { ...base, localId: link.localId, outcome: 'skipped', errorMessage: 'The linked local record no longer exists.' };
  const pulled = applyPull(target.mapping, target.meta, r).updates;
  const merge = mergeFields(pulled, local, created ? null : link.syncedValues, ctx.policy, { localChangedAt: String(local.updatedAt ?? ''), remoteChangedAt: r.modifiedAt ?? null });
  const now = ctx.now();
  const changes = created ? pulled : merge.changes;
  const beforeHash = link.lastPushedHash ? buildPush(target, local, ctx.resolve, link).hash : undefined;
  const wrote = writeLocal(ctx.db, kind, link.localId, changes, now);
  for (const c of created ? [] : merge.conflicts) recordConflict(ctx, link, r, c, String(local.updatedAt ?? ''), label(kind, local));
  ctx.recorder.addConflicts(created ? 0 : merge.conflicts.length);
  let pushed: { hash: string; at: string } | undefined;
  if (merge.localWon) {
    // The CRM holds a value the local side overrode: send the local record again.
    pushed = { hash: 'resend', at: link.lastPushedAt ?? now };
    pushBack.push(link.localId);
  } else if (wrote && beforeHash !== undefined && beforeHash === link.lastPushedHash) {
    // Nothing was waiting to be pushed, and the local record now matches the CRM: no echo push.
    const after = loadRecords(ctx.db, kind, [link.localId]).get(link.localId)!;
    pushed = { hash: buildPush(target, after, ctx.resolve, link).hash, at: now };
  }
  updatePulledLink(ctx.db, { ...keyOf(ctx, link), modstamp: r.modifiedAt ?? null, at: now, syncedValues: { ...(link.syncedValues ?? {}), ...merge.agreed, ...(created ? pulled : {}) }, status: 'linked' }, pushed);
  return { ...base, localId: link.localId, label: label(kind, local), outcome: created ? 'created' : wrote ? 'updated' : 'unchanged' };
}

const label = (kind: string, r: Record<string, unknown>) => recordLabel(kind, r);

const keyOf = (ctx: PullContext, link: Link) => ({ connectionId: ctx.connectionId, object: link.object, localKind: link.localKind, localId: link.localId });

/** An unlinked CRM person: the local person with that email, or a new one when asked to create. */
function linkPerson(ctx: PullContext, r: RemoteRecord): { link: Link; created: boolean } | { skip: string } {
  const { target } = ctx;
  if (target.localKind !== 'person') return { skip: 'Not linked to a local record.' };
  const email = emailOf(target, r);
  if (!email) return { skip: 'The CRM record has no email to match a local person by.' };
  let localId = personIdByEmail(ctx.db, email);
  let created = false;
  if (localId === undefined) {
    if (!ctx.createPeople) return { skip: 'No local person has this email (pull with "create people" to add CRM records as people).' };
    localId = insertPerson(ctx.db, email, ctx.now());
    created = true;
  } else {
    const other = linksOf(ctx.db, ctx.connectionId, target.object, 'person', [localId]).get(localId);
    if (other && other.externalId !== r.id && other.status === 'linked') return { skip: `The local person ${email} is already linked to ${target.object} ${other.externalId}.` };
  }
  const at = ctx.now();
  savePulledLink(ctx.db, { connectionId: ctx.connectionId, object: target.object, localKind: 'person', localId, externalId: r.id, modstamp: null, at, syncedValues: {} });
  return { link: linkByExternalId(ctx.db, ctx.connectionId, target.object, r.id)!, created };
}

function recordConflict(ctx: PullContext, link: Link, r: RemoteRecord, c: ReturnType<typeof mergeFields>['conflicts'][number], localChangedAt: string, who: string | null): void {
  const crmField = ctx.target.mapping.fields.find((f) => f.local === c.field)?.crm ?? c.field;
  insertConflict(ctx.db, {
    runId: ctx.recorder.id,
    connectionId: ctx.connectionId,
    object: ctx.target.object,
    localKind: link.localKind,
    localId: link.localId,
    externalId: r.id,
    field: c.field,
    crmField,
    baseValue: c.base,
    localValue: c.local,
    crmValue: c.crm,
    winner: c.winner,
    policy: ctx.policy,
    localChangedAt,
    crmChangedAt: r.modifiedAt ?? null,
  });
  const kept = c.winner === 'crm' ? `kept the CRM value "${asText(c.crm)}" over the local "${asText(c.local)}"` : `kept the local value "${asText(c.local)}" over the CRM's "${asText(c.crm)}"`;
  appendAudit(ctx.db, {
    kind: 'sync',
    action: 'conflict',
    outcome: 'warning',
    connectionId: ctx.connectionId,
    object: ctx.target.object,
    summary: `${crmField} of ${who ?? `${link.localKind} ${link.localId}`} changed on both sides: ${kept} (${ctx.policy})`,
    detail: { runId: ctx.recorder.id, localId: link.localId, externalId: r.id, field: c.field, crmField, base: c.base, local: c.local, crm: c.crm, winner: c.winner, policy: ctx.policy },
  });
}
