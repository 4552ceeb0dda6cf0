import type { RemoteRecord } from '../provider';

/** v1 time `YYYY-MM-DD HH:MM:SS` (UTC) ↔ ISO 8601. */
export const v1TimeToIso = (t: string): string => (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(t) ? `${t.replace(' ', 'T')}Z` : t);
export const isoToV1Time = (iso: string): string => new Date(Date.parse(iso)).toISOString().slice(0, 19).replace('T', ' ');

/**
 * v1 answers nest some values (emails and phones as lists, org_id/person_id/owner as objects
 * with `value`); flatten them to what a mapping reads and writes: the primary value or the id.
 */
export function flatten(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) out[k] = flattenValue(v);
  return out;
}

function flattenValue(v: unknown): unknown {
  if (Array.isArray(v) && v.length > 0 && v.every((x) => x && typeof x === 'object' && 'value' in x)) {
    const list = v as Array<{ value: unknown; primary?: boolean }>;
    return (list.find((x) => x.primary) ?? list[0]).value;
  }
  if (Array.isArray(v) && v.length === 0) return null;
  if (v && typeof v === 'object' && !Array.isArray(v) && 'value' in v) return (v as { value: unknown }).value;
  return v;
}

export function toRemote(record: Record<string, unknown>): RemoteRecord {
  const fields = flatten(record);
  const updated = typeof record.update_time === 'string' ? v1TimeToIso(record.update_time) : undefined;
  const deleted = record.active_flag === false || record.deleted === true || record.is_deleted === true || record.status === 'deleted';
  return { id: String(record.id), fields, modifiedAt: updated, deleted: deleted ? true : undefined };
}

/** Pipedrive's list envelope. */
export interface V1List<T = Record<string, unknown>> {
  success: boolean;
  data: T[] | null;
  additional_data?: { pagination?: { start: number; limit: number; more_items_in_collection: boolean; next_start?: number }; last_timestamp_on_page?: string };
}
