import type { Provider } from '../../providers/provider';
import { callWithRetry, needsReconnect, type CallContext } from '../engine/calls';
import type { SyncTarget } from '../engine/targets';
import { pushes } from '../mapping/model';
import { isBlank } from '../mapping/values';
import { splitBatches } from './split-batches';
import type { WriteEntry } from './write-records';

const READ_BATCH = 100;
const lower = (v: string) => v.trim().toLowerCase();

/** CRM fields the mapping only fills when the CRM has no value yet. */
export const fillBlankFields = (target: SyncTarget): string[] => target.mapping.fields.filter((fm) => fm.onlyFillBlanks && pushes(fm)).map((fm) => fm.crm);

/**
 * "Only fill blanks": drops, per record, the fields whose CRM value is already filled. The
 * current values are read only for those fields, in batches: by id for linked records, by the
 * find key for the rest. When the read fails the fields are left out altogether, so a value is
 * never overwritten for want of knowing it.
 */
export async function withoutFilledFields(provider: Provider, target: SyncTarget, entries: WriteEntry[], ctx: CallContext): Promise<WriteEntry[]> {
  const fields = fillBlankFields(target).filter((f) => entries.some((e) => f in e.fields));
  if (fields.length === 0) return entries;
  let current: Array<Record<string, unknown> | undefined>;
  try {
    current = await currentValues(provider, target, entries, fields, ctx);
  } catch (err) {
    if (needsReconnect(err)) throw err;
    const unknown = Object.fromEntries(fields.map((f) => [f, true]));
    current = entries.map(() => unknown);
  }
  return entries.map((e, i) => {
    const now = current[i];
    if (!now) return e;
    const kept = Object.entries(e.fields).filter(([name]) => !fields.includes(name) || isBlank(now[name]));
    return kept.length === Object.keys(e.fields).length ? e : { ...e, fields: Object.fromEntries(kept) };
  });
}

/** Each entry's CRM record (only the asked fields), or undefined when it has none yet. */
async function currentValues(provider: Provider, target: SyncTarget, entries: WriteEntry[], fields: string[], ctx: CallContext): Promise<Array<Record<string, unknown> | undefined>> {
  const byId = new Map<string, Record<string, unknown>>();
  const ids = [...new Set(entries.flatMap((e) => (e.linkedId ? [e.linkedId] : [])))];
  for (const chunk of splitBatches(ids, READ_BATCH)) {
    for (const r of await callWithRetry(ctx, () => provider.getByIds(target.object, chunk, fields))) byId.set(r.id, r.fields);
  }
  // The engine updates a record found by its findBy key first, else upserts by the match key.
  const keys = (e: WriteEntry) => (e.linkedId ? [] : [e.find, e.match].filter((k): k is { field: string; value: string } => k !== undefined));
  const byKey = new Map<string, Record<string, unknown>>();
  for (const [field, values] of groupValues(entries.flatMap(keys))) {
    for (const chunk of splitBatches(values, READ_BATCH)) {
      const found = await callWithRetry(ctx, () => provider.findBy(target.object, field, chunk, [target.meta.idField, field, ...fields]));
      for (const r of found.sort((a, b) => a.id.localeCompare(b.id))) {
        const key = `${field}|${lower(String(r.fields[field] ?? ''))}`;
        if (!byKey.has(key)) byKey.set(key, r.fields);
      }
    }
  }
  return entries.map((e) => (e.linkedId ? byId.get(e.linkedId) : keys(e).map((k) => byKey.get(`${k.field}|${lower(k.value)}`)).find((r) => r !== undefined)));
}

/** The distinct values to look up, per field. */
function groupValues(keys: ReadonlyArray<{ field: string; value: string }>): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const k of keys) out.set(k.field, (out.get(k.field) ?? new Set()).add(k.value));
  return new Map([...out].map(([f, v]) => [f, [...v]]));
}
