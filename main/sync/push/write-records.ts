import { RateLimitError, TransientError, type RecordError } from '../../providers/errors';
import type { Provider, WriteInput, WriteOp, WriteResult } from '../../providers/provider';
import { failureFromError, failureFromRecordError } from '../queue/failure';
import type { Failure } from '../queue/types';
import { call, callWithRetry, needsReconnect, type CallContext } from '../engine/calls';
import type { SyncTarget } from '../engine/targets';
import { BULK_JOB_RECORDS, batchSizeFor, splitBatches } from './split-batches';
import type { FindIndex } from './find-index';

/** One record to write to one object. */
export interface WriteEntry {
  localId: number;
  fields: Record<string, unknown>;
  match?: { field: string; value: string };
  find?: { field: string; value: string };
  /** The CRM id from the stored link. */
  linkedId?: string;
}

export type WriteOutcome =
  | { ok: true; id: string; created: boolean }
  | {
      ok: false;
      failure: Failure;
      /** The linked record is gone from the CRM: forget the link. */
      dropLink?: boolean;
      /** The CRM says the record exists already; the id when it said which. */
      duplicate?: { existingId?: string };
    };

export interface WriteOptions {
  /** Send upserts as Bulk API jobs (provider.bulkWrite). */
  bulk?: boolean;
  /** Every record of the object by findBy value, read up front: finds need no request. */
  findIndex?: FindIndex;
  /** A create may have landed unanswered: the index no longer holds every record. */
  onIndexStale?: () => void;
}

const GONE = new Set(['NOT_FOUND', 'ENTITY_IS_DELETED', 'OBJECT_NOT_FOUND', 'INVALID_CROSS_REFERENCE_KEY']);
const lower = (v: string) => v.trim().toLowerCase();

/**
 * Writes records to one object, exactly once in effect: records with a match key are upserted by
 * it; records found by their findBy field (or linked before) are updated by id; only the rest
 * are created, after a search, so a retried or crashed push never duplicates. A record the CRM
 * calls a duplicate is found and updated. One bad record never fails the others.
 */
export async function writeEntries(provider: Provider, target: SyncTarget, entries: readonly WriteEntry[], ctx: CallContext, opts: WriteOptions = {}): Promise<WriteOutcome[]> {
  const out: WriteOutcome[] = new Array(entries.length);
  const found = await findExisting(provider, target, entries, entries.map((_, i) => i).filter((i) => !entries[i].linkedId && entries[i].find), ctx, opts.findIndex);
  const upserts: number[] = [];
  const updates: Array<{ i: number; id: string }> = [];
  const creates: number[] = [];
  entries.forEach((e, i) => {
    const id = found.get(i);
    if (id) updates.push({ i, id });
    else if (e.match && target.matchField) upserts.push(i);
    else if (e.linkedId) updates.push({ i, id: e.linkedId });
    else creates.push(i);
  });
  await writeUpserts(provider, target, entries, upserts, out, ctx, opts);
  await writeUpdates(provider, target, entries, updates, out, ctx);
  await writeCreates(provider, target, entries, creates, out, ctx, opts);
  await resolveDuplicates(provider, target, entries, out, ctx);
  return out;
}

/** CRM ids of records others made, found by the findBy field's value (first match wins). */
async function findExisting(provider: Provider, target: SyncTarget, entries: readonly WriteEntry[], indexes: number[], ctx: CallContext, index?: FindIndex): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  if (indexes.length === 0) return found;
  if (index) {
    for (const i of indexes) {
      const id = index.get(lower(entries[i].find!.value));
      if (id) found.set(i, id);
    }
    return found;
  }
  const field = entries[indexes[0]].find!.field;
  const values = [...new Set(indexes.map((i) => entries[i].find!.value))];
  const byValue = new Map<string, string>();
  const pages = await Promise.all(splitBatches(values, 200).map((chunk) => callWithRetry(ctx, () => provider.findBy(target.object, field, chunk, [target.meta.idField, field]))));
  for (const r of pages.flat().sort((a, b) => a.id.localeCompare(b.id))) {
    const v = r.fields[field];
    if (typeof v === 'string' && !byValue.has(lower(v))) byValue.set(lower(v), r.id);
  }
  for (const i of indexes) {
    const id = byValue.get(lower(entries[i].find!.value));
    if (id) found.set(i, id);
  }
  return found;
}

function settle(out: WriteOutcome[], indexes: readonly number[], results: readonly WriteResult[], op: WriteOp): void {
  indexes.forEach((i, k) => {
    const r = results[k];
    if (!r) out[i] = { ok: false, failure: { kind: 'retry', code: 'NO_RESULT', message: 'The CRM answered no result for this record.' } };
    else if (r.ok) out[i] = { ok: true, id: r.id, created: r.created ?? op === 'create' };
    else out[i] = outcomeOfError(r.error, op);
  });
}

function outcomeOfError(e: RecordError, op: WriteOp): WriteOutcome {
  if (e.kind === 'duplicate') return { ok: false, failure: failureFromRecordError(e), duplicate: { existingId: e.existingIds?.[0] } };
  if (op === 'update' && GONE.has(e.code)) return { ok: false, dropLink: true, failure: { kind: 'retry', code: e.code, message: `${e.message} (the linked CRM record is gone; it is found or created again on the next try)` } };
  return { ok: false, failure: failureFromRecordError(e) };
}

function failAll(out: WriteOutcome[], indexes: readonly number[], err: unknown): void {
  if (needsReconnect(err)) throw err;
  const failure = failureFromError(err);
  for (const i of indexes) out[i] = { ok: false, failure };
}

async function writeUpserts(provider: Provider, target: SyncTarget, entries: readonly WriteEntry[], indexes: number[], out: WriteOutcome[], ctx: CallContext, opts: WriteOptions): Promise<void> {
  if (indexes.length === 0) return;
  const matchField = target.matchField!;
  const bulk = opts.bulk && provider.bulkWrite ? provider.bulkWrite.bind(provider) : undefined;
  const size = bulk ? BULK_JOB_RECORDS : batchSizeFor(provider.capabilities, 'upsert');
  await eachChunk(splitBatches(indexes, size), async (chunk) => {
    const inputs: WriteInput[] = chunk.map((i) => ({ fields: entries[i].fields }));
    try {
      const results = bulk
        ? await callWithRetry(ctx, () => bulk(target.object, 'upsert', inputs, { matchField, signal: ctx.signal }))
        : await callWithRetry(ctx, () => provider.write(target.object, 'upsert', inputs, { matchField }));
      settle(out, chunk, results, 'upsert');
    } catch (err) {
      failAll(out, chunk, err);
    }
  });
}

/**
 * Sends a claim's write calls side by side; the connection's limiter decides how many are in
 * flight. A "reconnect" failure stops the lot (the run ends); any other failure stays with its chunk.
 */
async function eachChunk<T>(chunks: T[][], fn: (chunk: T[]) => Promise<void>): Promise<void> {
  const settled = await Promise.allSettled(chunks.map(fn));
  const fatal = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (fatal) throw fatal.reason;
}

/** Updates by id leave out fields the CRM does not let change after create. */
function updatable(target: SyncTarget, fields: Record<string, unknown>): Record<string, unknown> {
  const byName = new Map(target.meta.fields.map((f) => [f.name, f]));
  return Object.fromEntries(Object.entries(fields).filter(([name]) => byName.get(name)?.updateable !== false));
}

async function writeUpdates(provider: Provider, target: SyncTarget, entries: readonly WriteEntry[], items: Array<{ i: number; id: string }>, out: WriteOutcome[], ctx: CallContext): Promise<void> {
  await eachChunk(splitBatches(items, batchSizeFor(provider.capabilities, 'update')), async (chunk) => {
    const inputs: WriteInput[] = chunk.map(({ i, id }) => ({ id, fields: updatable(target, entries[i].fields) }));
    const indexes = chunk.map((c) => c.i);
    try {
      settle(out, indexes, await callWithRetry(ctx, () => provider.write(target.object, 'update', inputs)), 'update');
    } catch (err) {
      failAll(out, indexes, err);
    }
  });
}

/**
 * Creates are not safe to resend blindly (the first may have landed before the answer was
 * lost), so after passing trouble the records are searched again and only those still missing
 * are created.
 */
async function writeCreates(provider: Provider, target: SyncTarget, entries: readonly WriteEntry[], indexes: number[], out: WriteOutcome[], ctx: CallContext, opts: WriteOptions): Promise<void> {
  await eachChunk(splitBatches(indexes, batchSizeFor(provider.capabilities, 'create')), async (chunk) => {
    let pending = chunk;
    for (let attempt = 0; pending.length > 0; attempt++) {
      try {
        const results = await call(ctx, () => provider.write(target.object, 'create', pending.map((i) => ({ fields: entries[i].fields }))));
        settle(out, pending, results, 'create');
        break;
      } catch (err) {
        const passing = err instanceof TransientError || err instanceof RateLimitError;
        if (err instanceof TransientError) opts.onIndexStale?.();
        if (!passing || attempt >= 4) {
          failAll(out, pending, err);
          break;
        }
        if (err instanceof TransientError) await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
        const again = await findExisting(provider, target, entries, pending.filter((i) => entries[i].find), ctx);
        for (const [i, id] of again) out[i] = { ok: true, id, created: false };
        pending = pending.filter((i) => !again.has(i));
      }
    }
  });
}

/** "Already exists": update the record that holds the value instead (ids from the error, else a search). */
async function resolveDuplicates(provider: Provider, target: SyncTarget, entries: readonly WriteEntry[], out: WriteOutcome[], ctx: CallContext): Promise<void> {
  const dupes = out.map((o, i) => ({ o, i })).filter(({ o }) => isDuplicate(o));
  if (dupes.length === 0) return;
  const updates: Array<{ i: number; id: string }> = [];
  for (const { o, i } of dupes) {
    const known = o.ok ? undefined : o.duplicate?.existingId;
    const key = entries[i].match ?? entries[i].find;
    let id = known;
    if (!id && key) {
      try {
        const hits = await callWithRetry(ctx, () => provider.findBy(target.object, key.field, [key.value], [target.meta.idField, key.field]));
        id = hits.sort((a, b) => a.id.localeCompare(b.id))[0]?.id;
      } catch (err) {
        if (needsReconnect(err)) throw err;
      }
    }
    if (id) updates.push({ i, id });
  }
  await writeUpdates(provider, target, entries, updates, out, ctx);
}

const isDuplicate = (o: WriteOutcome): boolean => !o.ok && o.duplicate !== undefined;
