import type { ObjectMeta } from '../../providers/provider';
import type { LocalRecord } from './local-fields';
import { pushes, sourceOf, type ObjectMapping } from './model';
import { applyPushTransforms } from './transforms';
import { toCrmValue } from './coerce';
import { asText, isBlank } from './values';

export interface UnmappedValue {
  crmField: string;
  localField: string;
  /** The local value that has no allowed CRM value. */
  value: string;
  /** Records carrying it. */
  count: number;
}

/**
 * Local values that would reach a picklist field with no allowed CRM value, counted over the
 * records about to be pushed: shown before any push so the user can add value-map entries.
 */
export function findUnmappedPicklistValues(mapping: ObjectMapping, meta: ObjectMeta, records: Iterable<LocalRecord>): UnmappedValue[] {
  const byName = new Map(meta.fields.map((f) => [f.name, f]));
  const checks = mapping.fields
    .filter((fm) => pushes(fm) && sourceOf(fm).kind === 'local')
    .map((fm) => ({ fm, crm: byName.get(fm.crm) }))
    .filter(({ crm }) => (crm?.type === 'picklist' || crm?.type === 'multipicklist') && (crm.picklist?.length ?? 0) > 0);
  const found = new Map<string, UnmappedValue>();
  for (const record of records) {
    for (const { fm, crm } of checks) {
      let v: unknown;
      try {
        v = applyPushTransforms(record[fm.local!], fm.transforms);
      } catch {
        continue;
      }
      if (isBlank(v)) continue;
      const mapped = fm.valueMap ? (fm.valueMap.values[asText(v)] ?? fm.valueMap.fallback ?? v) : v;
      if (toCrmValue(crm!, mapped).ok) continue;
      const key = `${fm.crm}\u0000${asText(v)}`;
      const hit = found.get(key) ?? { crmField: fm.crm, localField: fm.local!, value: asText(v), count: 0 };
      hit.count++;
      found.set(key, hit);
    }
  }
  return [...found.values()].sort((a, b) => b.count - a.count);
}
