import type { Db } from '../../store/db';
import { getMapping, listMappings } from '../../store/mappings';
import type { ObjectMeta, ObjectRoles, Provider } from '../../providers/provider';
import { defaultMappingFor } from '../mapping/defaults';
import { validateMapping } from '../mapping/validate';
import type { MappingIssue } from '../mapping/issues';
import { findByOf, type ObjectMapping } from '../mapping/model';
import type { LocalRecord } from '../mapping/local-fields';

/** One CRM object the engine syncs for a connection: its mapping (saved, or the default) and metadata. */
export interface SyncTarget {
  object: string;
  label: string;
  localKind: string;
  mapping: ObjectMapping;
  meta: ObjectMeta;
  /** The role this object plays for the CRM (person, company, deal, lead), when it is one. */
  role?: keyof ObjectRoles;
  /** The mapping is the provider default (nothing saved). */
  isDefault: boolean;
  enabled: boolean;
  /** Validation errors: an object with errors is not pushed (every record would fail). */
  errors: MappingIssue[];
  /** The upsert key field, when the match key is an email or external-id field. */
  matchField?: string;
  /** The field searched before a create, when the match key names one. */
  findField?: string;
}

export const usable = (t: SyncTarget): boolean => t.enabled && t.errors.length === 0;

function roleOf(roles: ObjectRoles, object: string): keyof ObjectRoles | undefined {
  return (Object.keys(roles) as Array<keyof ObjectRoles>).find((r) => roles[r] === object);
}

/**
 * The connection's sync targets: every role object of the provider plus any object with a saved
 * mapping. Objects the CRM cannot describe are left out with a warning to `onSkip`.
 */
export async function loadTargets(
  db: Db,
  provider: Provider,
  describe: (object: string) => Promise<ObjectMeta>,
  onSkip?: (object: string, reason: string) => void,
): Promise<SyncTarget[]> {
  const roles = provider.capabilities.objectRoles;
  const saved = listSafe(db, provider.connectionId, onSkip);
  const objects = [...new Set([...Object.values(roles).filter((o): o is string => !!o), ...saved.keys()])];
  const metas = await Promise.all(
    objects.map((object) =>
      describe(object).catch((err: unknown) => {
        onSkip?.(object, err instanceof Error ? err.message : String(err));
        return undefined;
      }),
    ),
  );
  const out: SyncTarget[] = [];
  for (const [i, object] of objects.entries()) {
    const meta = metas[i];
    if (!meta) continue;
    const stored = saved.get(object);
    const mapping = stored ?? defaultMappingFor(provider.id, meta);
    if (!mapping) continue;
    const key = mapping.matchKey;
    out.push({
      object,
      label: meta.label || object,
      localKind: mapping.localKind,
      mapping,
      meta,
      role: roleOf(roles, object),
      isDefault: !stored,
      enabled: mapping.enabled,
      errors: validateMapping(mapping, meta).filter((i) => i.severity === 'error'),
      matchField: key.kind === 'crmId' ? undefined : key.crm,
      findField: findByOf(key),
    });
  }
  return out;
}

/** Saved mappings; a row that no longer parses is reported and left out instead of failing every push. */
function listSafe(db: Db, connectionId: string, onSkip?: (object: string, reason: string) => void): Map<string, ObjectMapping> {
  try {
    return new Map(listMappings(db, connectionId).map((m) => [m.object, m.mapping]));
  } catch {
    const objects = db.prepare('SELECT object FROM mappings WHERE connection_id = ?').pluck().all(connectionId) as string[];
    const out = new Map<string, ObjectMapping>();
    for (const o of objects) {
      try {
        const m = getMapping(db, connectionId, o);
        if (m) out.set(o, m.mapping);
      } catch (err) {
        onSkip?.(o, `its saved mapping cannot be read (${err instanceof Error ? err.message : String(err)})`);
      }
    }
    return out;
  }
}

/** Resolves a user's --object: a CRM object name (Contact, contacts) or a local kind (person). */
export function resolveObjectFilter(targets: readonly SyncTarget[], object: string | undefined): { kinds: string[]; objects?: string[] } | undefined {
  if (!object) return { kinds: [...new Set(targets.filter(usable).map((t) => t.localKind))] };
  const byObject = targets.filter((t) => t.object.toLowerCase() === object.toLowerCase());
  if (byObject.length > 0) return { kinds: [byObject[0].localKind], objects: byObject.map((t) => t.object) };
  const byKind = targets.filter((t) => t.localKind === object.toLowerCase() || t.role === object.toLowerCase());
  if (byKind.length > 0) return { kinds: [byKind[0].localKind] };
  return undefined;
}

/**
 * Where one local record goes. A person goes to the lead object (when its mapping is enabled)
 * only while it has no orders and is not already a contact; every other record goes to every
 * usable target of its kind.
 */
export function targetsFor(targets: readonly SyncTarget[], kind: string, record: LocalRecord, linkedObjects: ReadonlySet<string>, only?: readonly string[]): SyncTarget[] {
  const ofKind = targets.filter((t) => t.localKind === kind && usable(t) && (!only || only.includes(t.object)));
  const lead = ofKind.find((t) => t.role === 'lead');
  const main = ofKind.filter((t) => t.role !== 'lead');
  if (!lead || main.length === 0) return ofKind;
  const isCustomer = Number(record.orderCount ?? 0) > 0 || main.some((t) => linkedObjects.has(t.object));
  if (isCustomer) return main;
  return [lead];
}

/** How many up-to-date links make a record of this kind "pushed": one of person/lead, else every target. */
export function linksNeeded(targets: readonly SyncTarget[], kind: string): { objects: string[]; need: number } {
  const ofKind = targets.filter((t) => t.localKind === kind && usable(t));
  const hasLead = ofKind.some((t) => t.role === 'lead') && ofKind.some((t) => t.role !== 'lead');
  return { objects: ofKind.map((t) => t.object), need: hasLead ? 1 : ofKind.length };
}
