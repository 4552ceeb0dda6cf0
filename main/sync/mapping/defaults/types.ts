import type { ObjectMeta } from '../../../providers/provider';
import { ObjectMapping, findByOf, type AssociationSpec, type FieldMapping, type MatchKey } from '../model';

/** A default field mapping; `optional` ones are left out where the org lacks the field. */
export type DefaultField = FieldMapping & { optional?: boolean };

/**
 * A provider's default mapping for one object, as data. It adapts to the org it meets:
 * the first usable match key wins, optional fields the org lacks are dropped, and a field
 * the org makes read-only is pulled instead of pushed.
 */
export interface DefaultObjectMapping {
  object: string;
  localKind: string;
  /** Off by default (e.g. Salesforce Lead: an option for people without orders). */
  enabled?: boolean;
  /** In order of preference; the last should always be usable. */
  matchKeys: MatchKey[];
  fields: DefaultField[];
  associations?: AssociationSpec[];
}

/** Default mappings of one provider, keyed by the provider's object names. */
export type ProviderDefaults = Record<string, DefaultObjectMapping>;

function usableKey(key: MatchKey, meta: ObjectMeta): boolean {
  const findBy = findByOf(key);
  if (findBy !== undefined && !meta.fields.some((f) => f.name === findBy)) return false;
  if (key.kind === 'crmId') return true;
  const f = meta.fields.find((x) => x.name === key.crm);
  if (!f) return false;
  return key.kind === 'email' || f.externalId;
}

function adaptField(d: DefaultField, meta: ObjectMeta): FieldMapping | undefined {
  const { optional, ...fm } = d;
  const crm = meta.fields.find((f) => f.name === fm.crm);
  if (!crm) return optional ? undefined : fm;
  const writable = !crm.calculated && !crm.readOnly && (crm.createable || crm.updateable);
  if (writable) return fm;
  if (fm.direction === 'both' && fm.local !== undefined) return { ...fm, direction: 'pull' };
  return optional ? undefined : fm;
}

/** The default mapping fitted to one org's metadata. */
export function materializeDefault(def: DefaultObjectMapping, meta: ObjectMeta): ObjectMapping {
  const matchKey = def.matchKeys.find((k) => usableKey(k, meta)) ?? def.matchKeys[def.matchKeys.length - 1];
  const fields = def.fields.map((f) => adaptField(f, meta)).filter((f): f is FieldMapping => f !== undefined);
  return ObjectMapping.parse({
    version: 1,
    object: def.object,
    localKind: def.localKind,
    enabled: def.enabled ?? true,
    matchKey,
    fields,
    ...(def.associations ? { associations: def.associations } : {}),
  });
}
