import type { ApiClient } from '../http';
import type { AssociationInput, WriteInput, WriteOp, WriteResult } from '../provider';
import type { RecordError } from '../errors';
import { writeIsolatingFailures } from '../batch-isolate';
import { toHubSpotProperties, type HubSpotObject } from './values';

interface BatchAnswer {
  results?: HubSpotObject[];
  errors?: Array<{ category?: string; message?: string; context?: Record<string, string[]> }>;
}

const lower = (v: unknown) => (v === undefined || v === null ? '' : String(v).toLowerCase());

/**
 * Batch create/update/upsert of up to 100 inputs. HubSpot rejects a whole create or upsert
 * batch for one bad input, so failures are isolated by splitting; results do not come back in
 * input order, so they are matched by id or by the upsert/unique key.
 */
export function writeBatch(api: ApiClient, object: string, op: WriteOp, records: WriteInput[], uniqueKeys: string[], matchField?: string): Promise<WriteResult[]> {
  const indexed = records.map((r, i) => ({ r, i }));
  return writeIsolatingFailures(indexed, async (batch) => {
    const res = await api.request<BatchAnswer>({ method: 'POST', path: `/crm/v3/objects/${encodeURIComponent(object)}/batch/${op}`, json: { inputs: batch.map(({ r }) => toInput(op, r, matchField)) } });
    return matchResults(op, batch.map(({ r }) => r), res.body, uniqueKeys, matchField);
  });
}

function toInput(op: WriteOp, r: WriteInput, matchField?: string): Record<string, unknown> {
  const properties = toHubSpotProperties(r.fields);
  if (op === 'create') return { properties };
  if (op === 'update') return { id: r.id, properties };
  const key = matchField && matchField !== 'hs_object_id' ? matchField : undefined;
  return key ? { id: toHubSpotProperties({ v: r.fields[key] }).v, idProperty: key, properties } : { id: r.id, properties };
}

function matchResults(op: WriteOp, inputs: WriteInput[], answer: BatchAnswer, uniqueKeys: string[], matchField?: string): WriteResult[] {
  const results = answer.results ?? [];
  const used = new Set<HubSpotObject>();
  const take = (pred: (o: HubSpotObject) => boolean) => {
    const hit = results.find((o) => !used.has(o) && pred(o));
    if (hit) used.add(hit);
    return hit;
  };
  const keys = op === 'upsert' && matchField && matchField !== 'hs_object_id' ? [matchField] : uniqueKeys;
  const matched = inputs.map((input) => {
    if (input.id && op !== 'create') return take((o) => o.id === String(input.id));
    for (const k of keys) {
      const want = lower(input.fields[k]);
      if (want) {
        const hit = take((o) => lower(o.properties?.[k]) === want);
        if (hit) return hit;
      }
    }
    return undefined;
  });
  // Inputs with no key to match by take the remaining results in order.
  const rest = results.filter((o) => !used.has(o));
  return matched.map((hit, i) => {
    const obj = hit ?? (failedInput(inputs[i], answer.errors) ? undefined : rest.shift());
    if (obj) return { ok: true, id: obj.id, created: op === 'create' ? true : op === 'upsert' ? obj.new === true : false };
    return { ok: false, id: inputs[i].id, error: errorFor(inputs[i], answer.errors) };
  });
}

function failedInput(input: WriteInput, errors: BatchAnswer['errors']): boolean {
  return !!input.id && (errors ?? []).some((e) => Object.values(e.context ?? {}).some((ids) => ids.includes(String(input.id))));
}

function errorFor(input: WriteInput, errors: BatchAnswer['errors']): RecordError {
  const e = (errors ?? []).find((x) => input.id && Object.values(x.context ?? {}).some((ids) => ids.includes(String(input.id)))) ?? errors?.[0];
  const code = e?.category ?? 'NO_RESULT';
  return { kind: code === 'OBJECT_NOT_FOUND' ? 'fatal' : code === 'VALIDATION_ERROR' ? 'validation' : 'transient', code, message: e?.message ?? 'HubSpot returned no result for this record.', fields: [] };
}

/** Default (unlabelled) associations, batched per object pair. */
export async function associateBatch(api: ApiClient, from: string, to: string, links: AssociationInput[]): Promise<WriteResult[]> {
  const res = await api.request<BatchAnswer>({
    method: 'POST',
    path: `/crm/v4/associations/${encodeURIComponent(from)}/${encodeURIComponent(to)}/batch/associate/default`,
    json: { inputs: links.map((l) => ({ from: { id: l.from.id }, to: { id: l.to.id } })) },
  });
  return links.map((l) => {
    const e = (res.body.errors ?? []).find((x) => Object.values(x.context ?? {}).some((ids) => ids.includes(l.from.id) || ids.includes(l.to.id)));
    return e
      ? { ok: false, error: { kind: e.category === 'OBJECT_NOT_FOUND' ? 'fatal' : 'validation', code: e.category ?? 'ERROR', message: e.message ?? 'Association failed', fields: [] } }
      : { ok: true, id: `${l.from.id}->${l.to.id}` };
  });
}
