import type { FieldMeta, ObjectMeta, ScopeGrants } from '../../providers/provider';
import type { MappingIssue } from '../mapping/issues';
import { pulls, pushes, sourceOf, type ObjectMapping } from '../mapping/model';
import * as say from './wording';

/** What the preflight knows about the connected user beyond the object's describe. */
export interface PermissionFacts {
  /** The CRM's display name, for the messages. */
  crm: string;
  /** Scopes the token carries; undefined where the CRM has none or the token cannot tell. */
  grants?: ScopeGrants;
}

/** Read-only for this user although an admin could allow edits: field-level security at work. */
const lockedByFieldSecurity = (f: FieldMeta): boolean => f.permissionable === true && !f.calculated && !f.createable && !f.updateable;

/** The CRM controls field access per user when its describe says which fields an admin can restrict. */
const hasFieldSecurity = (meta: ObjectMeta): boolean => meta.fields.some((f) => f.permissionable !== undefined);

/**
 * What the connected user may not do that this mapping needs: object permissions, field-level
 * security, OAuth scopes. Each issue carries the fix in words. A switched-off mapping's object
 * and scope problems are warnings (they matter once it is switched on). Field issues reuse the
 * model's codes (UNKNOWN_CRM_FIELD, READ_ONLY_FIELD, MATCH_KEY_INVALID) for the same field, so
 * the mapping service shows the preflight's explanation instead of the model's.
 */
export function permissionIssues(mapping: ObjectMapping, meta: ObjectMeta, facts: PermissionFacts): MappingIssue[] {
  const objectLevel = [...objectIssues(mapping, meta, facts), ...scopeIssues(mapping, meta, facts)];
  const fieldLevel = hasFieldSecurity(meta) ? [...fieldIssues(mapping, meta, facts.crm), ...matchKeyIssues(mapping, meta, facts.crm)] : [];
  const gated = mapping.enabled ? objectLevel : objectLevel.map((i) => ({ ...i, severity: 'warning' as const, message: say.whenSwitchedOn(i.message) }));
  return [...gated, ...fieldLevel];
}

const who = (meta: ObjectMeta, crm: string): say.Who => ({ crm, object: meta.label || meta.name });

function objectIssues(mapping: ObjectMapping, meta: ObjectMeta, facts: PermissionFacts): MappingIssue[] {
  if (!mapping.fields.some(pushes) || (meta.createable && meta.updateable)) return [];
  const w = who(meta, facts.crm);
  if (!meta.createable && !meta.updateable) return [{ severity: 'error', code: 'OBJECT_READ_ONLY', message: say.objectReadOnly(w) }];
  if (!meta.createable) return [{ severity: 'error', code: 'OBJECT_NOT_CREATEABLE', message: say.objectNotCreateable(w) }];
  return [{ severity: 'error', code: 'OBJECT_NOT_UPDATEABLE', message: say.objectNotUpdateable(w) }];
}

function scopeIssues(mapping: ObjectMapping, meta: ObjectMeta, facts: PermissionFacts): MappingIssue[] {
  const grants = facts.grants;
  if (!grants) return [];
  // Every push looks records up before it writes, so it reads as well.
  const read = mapping.fields.some(pulls) || mapping.fields.some(pushes) ? grants.missingFor(meta.name, 'read') : [];
  const write = mapping.fields.some(pushes) ? grants.missingFor(meta.name, 'write') : [];
  const missing = [...new Set([...read, ...write])];
  if (missing.length === 0) return [];
  const access = write.length > 0 && read.length === 0 ? 'write' : read.length > 0 && write.length === 0 ? 'read' : 'both';
  return [{ severity: 'error', code: 'MISSING_SCOPE', message: say.missingScopes(who(meta, facts.crm), missing, access) }];
}

function fieldIssues(mapping: ObjectMapping, meta: ObjectMeta, crm: string): MappingIssue[] {
  const byName = new Map(meta.fields.map((f) => [f.name, f]));
  const out: MappingIssue[] = [];
  mapping.fields.forEach((fm, index) => {
    const field = byName.get(fm.crm);
    const path = say.fieldPath(meta.name, fm.crm);
    if (!field) {
      out.push({ severity: 'error', code: 'UNKNOWN_CRM_FIELD', message: say.fieldHidden(crm, path, pushes(fm)), crmField: fm.crm, index });
    } else if (pushes(fm) && lockedByFieldSecurity(field)) {
      out.push({ severity: 'error', code: 'READ_ONLY_FIELD', message: say.fieldReadOnly(crm, path, sourceOf(fm).kind === 'local'), crmField: fm.crm, index });
    }
  });
  return out;
}

function matchKeyIssues(mapping: ObjectMapping, meta: ObjectMeta, crm: string): MappingIssue[] {
  const key = mapping.matchKey;
  if (key.kind === 'crmId' || !mapping.fields.some(pushes)) return [];
  const field = meta.fields.find((f) => f.name === key.crm);
  const path = say.fieldPath(meta.name, key.crm);
  if (!field) return [{ severity: 'error', code: 'MATCH_KEY_INVALID', message: say.matchFieldHidden(crm, path), crmField: key.crm }];
  // The match value travels in every upsert, so the user must be able to write it.
  if (lockedByFieldSecurity(field)) return [{ severity: 'error', code: 'MATCH_KEY_READ_ONLY', message: say.matchFieldReadOnly(crm, path), crmField: key.crm }];
  return [];
}
