import type { ObjectMeta, RemoteRecord } from '../../providers/provider';
import { toLocalValue } from './coerce';
import type { MappingIssue } from './issues';
import { localField } from './local-fields';
import { pulls, type FieldMapping, type ObjectMapping } from './model';
import { applyPullTransforms, TransformError } from './transforms';
import { asText, isBlank } from './values';

export interface PullUpdates {
  /** New values by local field name (null clears), for fields mapped pull or both. */
  updates: Record<string, unknown>;
  issues: MappingIssue[];
}

/** CRM value → local value through the value map read backwards (first local value that maps to it). */
function unmapValue(fm: FieldMapping, v: unknown): unknown {
  if (!fm.valueMap || isBlank(v)) return v;
  const text = asText(v);
  const hit = Object.entries(fm.valueMap.values).find(([, crm]) => crm === text);
  return hit ? hit[0] : v;
}

/**
 * Turns one CRM record into local field updates: for every field mapped pull or both, the
 * value map read backwards, the transforms undone, the value typed for the local field.
 * Fields the record does not carry are left out (not cleared).
 */
export function applyPull(mapping: ObjectMapping, meta: ObjectMeta, remote: RemoteRecord): PullUpdates {
  const known = new Set(meta.fields.map((f) => f.name));
  const updates: Record<string, unknown> = {};
  const issues: MappingIssue[] = [];
  for (const fm of mapping.fields.filter(pulls)) {
    if (fm.local === undefined || !known.has(fm.crm) || !(fm.crm in remote.fields)) continue;
    const lf = localField(mapping.localKind, fm.local);
    if (!lf || !lf.writable) continue;
    try {
      const v = applyPullTransforms(unmapValue(fm, remote.fields[fm.crm]), fm.transforms);
      const typed = toLocalValue(lf.type, v);
      if (typed.ok) updates[lf.name] = typed.value;
      else issues.push({ severity: 'warning', ...typed.problem, message: `${fm.crm} → ${lf.label}: ${typed.problem.message}`, crmField: fm.crm, localField: lf.name });
    } catch (err) {
      if (!(err instanceof TransformError)) throw err;
      issues.push({ severity: 'warning', code: 'INVALID_VALUE', message: `${fm.crm} → ${lf.label}: ${err.message}`, crmField: fm.crm, localField: lf.name });
    }
  }
  return { updates, issues };
}

/** CRM fields a pull must ask for under this mapping (plus the id and modified fields). */
export function pullFields(mapping: ObjectMapping, meta: ObjectMeta): string[] {
  const names = mapping.fields.filter(pulls).map((f) => f.crm);
  return [...new Set([meta.idField, meta.modifiedField, ...names])];
}
