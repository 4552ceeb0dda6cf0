import { inTransaction, nowIso } from '../../store/db';
import type { RunRecordInput } from '../../store/sync-runs';
import type { ClaimedJob, ItemResult, JobDefinition } from '../queue/runner';
import type { Failure, QueueItem } from '../queue/types';
import type { LocalRecord } from '../mapping/local-fields';
import { loadRecords, recordLabel } from '../engine/local-records';
import { dropLink, linksOf, saveAssociations, savePushedLinks, type AssociationKey, type Link, type PushedLink } from '../engine/links';
import { buildPush, linkResolver, type BuiltPush } from '../engine/payload';
import { targetsFor, usable, type SyncTarget } from '../engine/targets';
import { associateWritten, type Written } from './associate';
import type { PushContext } from './context';
import { writeEntries, type WriteEntry, type WriteOutcome } from './write-records';
import { withoutFilledFields } from './fill-blanks';

/** One record bound for one object. */
interface Part {
  key: string;
  item: QueueItem;
  record: LocalRecord;
  target: SyncTarget;
  link?: Link;
  built: BuiltPush;
}

/** A push limited to some objects limits their kind only; records they depend on go where they always go. */
export const onlyOf = (only: readonly string[] | undefined, kindTargets: readonly SyncTarget[]): readonly string[] | undefined =>
  only && kindTargets.some((t) => only.includes(t.object)) ? only : undefined;

const cancelled: Failure = { kind: 'defer', delayMs: 0, code: 'CANCELLED', message: 'The run was cancelled before this record was sent.' };

/**
 * The queue job that pushes local records: for each claimed item, the record is loaded, sent
 * to its target objects through the mapping (unchanged records are not sent), the external
 * links and per-record results are stored in one transaction, and each item is settled.
 */
export function pushJob(ctx: PushContext, scope: { object: string }, bulk: boolean): JobDefinition<null> {
  return {
    name: 'push',
    scope: { connectionId: ctx.connectionId, object: scope.object, direction: 'push' },
    parsePayload: () => null,
    run: (batch) => pushBatch(ctx, batch, bulk),
  };
}

async function pushBatch(ctx: PushContext, batch: ClaimedJob<null>[], bulk: boolean): Promise<ItemResult[]> {
  const results = new Map<number, ItemResult>();
  const kinds = new Map<string, ClaimedJob<null>[]>();
  for (const item of batch) kinds.set(item.localKind, [...(kinds.get(item.localKind) ?? []), item]);
  for (const [kind, items] of kinds) {
    if (ctx.signal.aborted) {
      for (const i of items) results.set(i.id, { id: i.id, ok: false, failure: cancelled });
      continue;
    }
    for (const r of await pushKind(ctx, kind, items, bulk)) results.set(r.id, r);
  }
  return batch.map((b) => results.get(b.id)!);
}

async function pushKind(ctx: PushContext, kind: string, items: ClaimedJob<null>[], bulk: boolean): Promise<ItemResult[]> {
  const ids = items.map((i) => i.localId).filter((id): id is number => id !== null);
  const records = loadRecords(ctx.db, kind, ids);
  const resolve = linkResolver(ctx.db, ctx.connectionId);
  const kindTargets = ctx.targets.filter((t) => t.localKind === kind);
  const links = new Map(kindTargets.map((t) => [t.object, linksOf(ctx.db, ctx.connectionId, t.object, kind, ids)]));
  const rows: RunRecordInput[] = [];
  const failures = new Map<number, Failure>();
  const fail = (item: QueueItem, f: Failure, object: string, label: string | null, externalId?: string) => {
    if (!failures.has(item.id)) failures.set(item.id, f);
    rows.push({ localKind: kind, localId: item.localId, object, label, externalId, outcome: 'failed', errorCode: f.code, errorField: f.field, errorMessage: f.message });
  };
  const toSend: Part[] = [];
  const ok: Array<Part & { externalId: string }> = [];
  for (const item of items) {
    const record = item.localId === null ? undefined : records.get(item.localId);
    if (!record) {
      rows.push({ localKind: kind, localId: item.localId, object: item.object, outcome: 'skipped', errorMessage: 'The local record no longer exists.' });
      continue;
    }
    const label = recordLabel(kind, record);
    const linked = new Set(kindTargets.filter((t) => links.get(t.object)?.has(item.localId!)).map((t) => t.object));
    const only = kindTargets.some((t) => t.object === item.object) ? [item.object] : onlyOf(ctx.onlyObjects, kindTargets);
    const targets = targetsFor(ctx.targets, kind, record, linked, only);
    if (targets.length === 0) {
      const broken = kindTargets.find((t) => t.enabled && !usable(t));
      if (broken) fail(item, { kind: 'permanent', code: 'MAPPING_INVALID', message: `The ${broken.object} mapping has errors: ${broken.errors[0]?.message ?? 'fix it on the Mappings page'}`, field: broken.errors[0]?.crmField }, broken.object, label);
      else rows.push({ localKind: kind, localId: item.localId, object: item.object, label, outcome: 'skipped', errorMessage: `No enabled mapping sends ${kind} records to this CRM.` });
      continue;
    }
    for (const target of targets) {
      const link = links.get(target.object)?.get(item.localId!);
      const built = buildPush(target, record, resolve, link);
      const part: Part = { key: `${item.id}|${target.object}`, item, record, target, link, built };
      if (built.error) fail(item, { kind: 'permanent', code: built.error.code, field: built.error.crmField, message: built.error.message }, target.object, label);
      else if (built.deferred) fail(item, { kind: 'retry', code: built.deferred.code, field: built.deferred.crmField, message: built.deferred.message }, target.object, label);
      else if (link?.status === 'linked' && link.lastPushedHash === built.hash) {
        ok.push({ ...part, externalId: link.externalId });
        rows.push({ localKind: kind, localId: item.localId, object: target.object, label, externalId: link.externalId, outcome: 'unchanged' });
      } else toSend.push(part);
    }
  }

  const pushed: PushedLink[] = [];
  const gone: Part[] = [];
  const at = nowIso();
  for (const target of kindTargets) {
    const parts = toSend.filter((p) => p.target === target);
    if (parts.length === 0) continue;
    const built: WriteEntry[] = parts.map((p) => ({
      localId: p.item.localId!,
      fields: p.built.payload.fields,
      match: p.built.payload.match,
      find: p.built.payload.find,
      linkedId: p.link?.status === 'linked' ? p.link.externalId : undefined,
    }));
    const entries = ctx.signal.aborted ? built : await withoutFilledFields(ctx.provider, target, built, ctx.call);
    const outcomes: WriteOutcome[] = ctx.signal.aborted ? parts.map(() => ({ ok: false as const, failure: cancelled })) : await writeEntries(ctx.provider, target, entries, ctx.call, {
          bulk,
          findIndex: ctx.findIndexes?.get(target.object),
          onIndexStale: () => ctx.findIndexes?.delete(target.object),
        });
    parts.forEach((p, i) => {
      const o = outcomes[i];
      const label = recordLabel(kind, p.record);
      if (!o.ok) {
        if (o.dropLink) gone.push(p);
        fail(p.item, ctx.signal.aborted && o.failure.kind !== 'permanent' ? cancelled : o.failure, target.object, label, p.link?.externalId);
        return;
      }
      ok.push({ ...p, externalId: o.id });
      pushed.push({ connectionId: ctx.connectionId, object: target.object, localKind: kind, localId: p.item.localId!, externalId: o.id, pushedAt: at, hash: p.built.hash, syncedValues: p.built.synced });
      rows.push({ localKind: kind, localId: p.item.localId, object: target.object, label, externalId: o.id, outcome: o.created ? 'created' : 'updated' });
    });
  }

  // Links first (the associations resolve ids through them), then the associations themselves.
  inTransaction(ctx.db, () => savePushedLinks(ctx.db, pushed));
  const made: AssociationKey[] = [];
  for (const target of kindTargets) {
    const written: Written[] = ok.filter((p) => p.target === target).map((p) => ({ key: p.key, record: p.record, externalId: p.externalId }));
    const result = await associateWritten(ctx, target, written, resolve);
    made.push(...result.made);
    for (const [key, f] of result.failures) {
      const part = ok.find((p) => p.key === key)!;
      fail(part.item, f, target.object, recordLabel(kind, part.record), part.externalId);
    }
  }
  inTransaction(ctx.db, () => {
    for (const p of gone) dropLink(ctx.db, ctx.connectionId, p.target.object, kind, p.item.localId!);
    saveAssociations(ctx.db, ctx.connectionId, made, at);
    ctx.recorder.record(inInputOrder(rows, items));
  });
  ctx.recorder.progressed();
  return items.map((i) => {
    const f = failures.get(i.id);
    return f ? { id: i.id, ok: false as const, failure: f } : { id: i.id, ok: true as const };
  });
}

/** Results in the order the records were claimed (refusals found before sending come out first otherwise). */
function inInputOrder(rows: RunRecordInput[], items: readonly QueueItem[]): RunRecordInput[] {
  const position = new Map(items.map((item, i) => [item.localId, i]));
  const at = (r: RunRecordInput) => position.get(r.localId) ?? items.length;
  return rows.map((r, i) => ({ r, i })).sort((a, b) => at(a.r) - at(b.r) || a.i - b.i).map(({ r }) => r);
}
