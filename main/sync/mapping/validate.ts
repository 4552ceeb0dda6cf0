import type { FieldMeta, ObjectMeta } from '../../providers/provider';
import { fitForPull, fitForPush, type Fit } from './compat';
import { toCrmValue } from './coerce';
import type { MappingIssue } from './issues';
import { localField, type LocalType } from './local-fields';
import { findByOf, pulls, pushes, sourceOf, templateFields, type FieldMapping, type ObjectMapping } from './model';
import { producesText, pushOnlyTransforms } from './transforms';

/**
 * Checks a mapping against the CRM's live field metadata: fields exist, types fit, read-only
 * and calculated fields are pulled only, required fields are mapped, picklist maps point at
 * allowed values, match key and lookups are usable. Errors block saving and pushing.
 */
export function validateMapping(mapping: ObjectMapping, meta: ObjectMeta): MappingIssue[] {
  const byName = new Map(meta.fields.map((f) => [f.name, f]));
  const issues: MappingIssue[] = [];
  mapping.fields.forEach((fm, index) => {
    const crm = byName.get(fm.crm);
    if (!crm) {
      issues.push({ severity: 'error', code: 'UNKNOWN_CRM_FIELD', message: `${meta.name} has no field ${fm.crm}`, crmField: fm.crm, index });
      return;
    }
    issues.push(...checkField(mapping, fm, crm).map((i) => ({ ...i, crmField: fm.crm, index })));
  });
  issues.push(...checkDuplicates(mapping));
  issues.push(...checkRequired(mapping, meta));
  issues.push(...checkMatchKey(mapping, byName, meta.name));
  return issues;
}

type FieldIssue = Omit<MappingIssue, 'crmField' | 'index'>;

function checkField(mapping: ObjectMapping, fm: FieldMapping, crm: FieldMeta): FieldIssue[] {
  const out: FieldIssue[] = [];
  const label = `${crm.label} (${crm.name})`;
  const src = sourceOf(fm);
  if (pushes(fm) && (crm.calculated || crm.readOnly || (!crm.createable && !crm.updateable))) {
    out.push({ severity: 'error', code: 'READ_ONLY_FIELD', message: `${label} is ${crm.calculated ? 'calculated' : 'read-only'} in the CRM: map it for pull only` });
  } else if (pushes(fm) && crm.createable && !crm.updateable) {
    out.push({ severity: 'warning', code: 'CREATE_ONLY_FIELD', message: `${label} is set when the record is created and not changed after` });
  }
  if (src.kind !== 'local' && fm.direction !== 'push') {
    out.push({ severity: 'error', code: 'PUSH_ONLY_SOURCE', message: `${label}: a ${src.kind} can only be pushed` });
  }
  const oneWay = pushOnlyTransforms(fm.transforms);
  if (oneWay.length > 0 && pulls(fm)) {
    out.push({ severity: 'error', code: 'PUSH_ONLY_TRANSFORM', message: `${label}: splitting a name cannot be undone, so the field cannot be pulled` });
  }
  if (src.kind === 'lookup') return [...out, ...checkLookup(fm, crm, mapping.localKind)];
  if (crm.type === 'reference' && src.kind !== 'constant') {
    out.push({ severity: 'error', code: 'REFERENCE_NEEDS_LOOKUP', message: `${label} holds a CRM id: fill it with a lookup` });
    return out;
  }
  if (src.kind === 'constant') {
    // A constant is one known value: check it now instead of on every record.
    const coerced = toCrmValue(crm, src.value);
    if (!coerced.ok) out.push({ severity: 'error', ...coerced.problem });
    return out;
  }
  const type = valueType(fm, mapping.localKind, out);
  if (type) out.push(...checkTypes(fm, crm, type));
  out.push(...checkPicklist(fm, crm));
  return out;
}

/** The type of the value as it reaches the CRM field, or undefined after reporting why there is none. */
function valueType(fm: FieldMapping, kind: string, out: FieldIssue[]): LocalType | undefined {
  const src = sourceOf(fm);
  if (src.kind === 'template') {
    for (const name of templateFields(src.template)) {
      if (!localField(kind, name)) out.push({ severity: 'error', code: 'UNKNOWN_LOCAL_FIELD', message: `The template uses {${name}}, which ${kind} records do not have`, localField: name });
    }
    return 'string';
  }
  if (src.kind !== 'local') return undefined;
  const lf = localField(kind, src.field);
  if (!lf) {
    out.push({ severity: 'error', code: 'UNKNOWN_LOCAL_FIELD', message: `${kind} records have no field ${src.field}`, localField: src.field });
    return undefined;
  }
  if (pulls(fm) && !lf.writable) {
    out.push({ severity: 'error', code: 'LOCAL_READ_ONLY', message: `${lf.label} is kept by the app and cannot be pulled into: map it for push only`, localField: lf.name });
  }
  if (fm.transforms?.some((t) => t.kind === 'dateFormat') && lf.type !== 'date' && lf.type !== 'datetime') {
    out.push({ severity: 'error', code: 'TRANSFORM_TYPE', message: `${lf.label} is not a date, so it cannot be date-formatted`, localField: lf.name });
  }
  return producesText(fm.transforms) || fm.valueMap ? 'string' : lf.type;
}

function checkTypes(fm: FieldMapping, crm: FieldMeta, type: LocalType): FieldIssue[] {
  const out: FieldIssue[] = [];
  const label = `${crm.label} (${crm.name})`;
  const report = (fit: Fit, dir: 'push' | 'pull') => {
    if (fit === 'no') out.push({ severity: 'error', code: 'TYPE_MISMATCH', message: `A ${type} value cannot ${dir === 'push' ? 'go into' : 'come from'} ${label} (${crm.type})` });
    else if (fit === 'check') out.push({ severity: 'warning', code: 'TYPE_CHECKED_PER_RECORD', message: `${label} is ${crm.type}: each ${type} value is checked before it is sent` });
  };
  if (pushes(fm)) report(fitForPush(type, crm.type), 'push');
  if (pulls(fm)) {
    const fit = fitForPull(crm.type, type);
    if (fit === 'no' || !pushes(fm)) report(fit, 'pull');
  }
  return out;
}

function checkPicklist(fm: FieldMapping, crm: FieldMeta): FieldIssue[] {
  const allowed = new Set((crm.picklist ?? []).filter((o) => o.active).map((o) => o.value));
  if (allowed.size === 0) return [];
  const label = `${crm.label} (${crm.name})`;
  const out: FieldIssue[] = [];
  const targets = [...Object.values(fm.valueMap?.values ?? {}), ...(fm.valueMap?.fallback !== undefined ? [fm.valueMap.fallback] : [])];
  for (const t of targets) {
    const values = crm.type === 'multipicklist' ? t.split(';').map((s) => s.trim()) : [t];
    for (const v of values) {
      if (!allowed.has(v)) out.push({ severity: 'error', code: 'PICKLIST_VALUE_NOT_ALLOWED', message: `"${v}" is not an allowed value of ${label}` });
    }
  }
  return out;
}

function checkLookup(fm: FieldMapping, crm: FieldMeta, kind: string): FieldIssue[] {
  const lk = fm.lookup!;
  const out: FieldIssue[] = [];
  const label = `${crm.label} (${crm.name})`;
  if (crm.type !== 'reference' && crm.type !== 'id' && crm.type !== 'integer' && crm.type !== 'number' && crm.type !== 'string') {
    out.push({ severity: 'error', code: 'LOOKUP_TARGET', message: `${label} cannot hold a record id` });
  }
  const targets = crm.reference?.targets ?? [];
  if (crm.type === 'reference' && targets.length > 0 && !targets.includes(lk.object)) {
    out.push({ severity: 'error', code: 'LOOKUP_TARGET', message: `${label} points to ${targets.join(' or ')}, not ${lk.object}` });
  }
  if (!localField(kind, lk.localField)) {
    out.push({ severity: 'error', code: 'UNKNOWN_LOCAL_FIELD', message: `${kind} records have no field ${lk.localField}`, localField: lk.localField });
  }
  return out;
}

function checkDuplicates(mapping: ObjectMapping): MappingIssue[] {
  const out: MappingIssue[] = [];
  const pushed = new Map<string, number>();
  const pulled = new Map<string, number>();
  mapping.fields.forEach((fm, index) => {
    if (pushes(fm)) {
      if (pushed.has(fm.crm)) out.push({ severity: 'error', code: 'DUPLICATE_TARGET', message: `${fm.crm} is filled by two mappings`, crmField: fm.crm, index });
      pushed.set(fm.crm, index);
    }
    if (pulls(fm) && fm.local) {
      if (pulled.has(fm.local)) out.push({ severity: 'error', code: 'DUPLICATE_TARGET', message: `${fm.local} is pulled from two CRM fields`, localField: fm.local, index });
      pulled.set(fm.local, index);
    }
  });
  return out;
}

function checkRequired(mapping: ObjectMapping, meta: ObjectMeta): MappingIssue[] {
  const filled = new Set(mapping.fields.filter(pushes).map((f) => f.crm));
  if (mapping.matchKey.kind !== 'crmId') filled.add(mapping.matchKey.crm);
  return meta.fields
    .filter((f) => f.required && f.createable && !filled.has(f.name))
    .map((f) => ({ severity: 'error' as const, code: 'REQUIRED_FIELD_UNMAPPED', message: `${f.label} (${f.name}) is required by ${meta.name} and nothing fills it`, crmField: f.name }));
}

function checkMatchKey(mapping: ObjectMapping, byName: Map<string, FieldMeta>, object: string): MappingIssue[] {
  const key = mapping.matchKey;
  const out: MappingIssue[] = [];
  const findBy = findByOf(key);
  if (findBy !== undefined && !mapping.fields.some((f) => f.crm === findBy && pushes(f))) {
    out.push({ severity: 'error', code: 'MATCH_KEY_INVALID', message: `Records are searched by ${findBy}, but nothing is pushed to it`, crmField: findBy });
  }
  if (key.kind === 'crmId') return out;
  const crm = byName.get(key.crm);
  if (!crm) return [...out, { severity: 'error', code: 'MATCH_KEY_INVALID', message: `${object} has no field ${key.crm} to match on`, crmField: key.crm }];
  if (key.kind === 'externalId' && !crm.externalId) {
    out.push({ severity: 'error', code: 'MATCH_KEY_INVALID', message: `${crm.label} (${crm.name}) is not an external id or unique field, so records cannot be matched on it`, crmField: key.crm });
  }
  if (key.kind === 'email' && crm.type !== 'email' && crm.type !== 'string') {
    out.push({ severity: 'error', code: 'MATCH_KEY_INVALID', message: `${crm.label} (${crm.name}) does not hold email addresses`, crmField: key.crm });
  }
  if (!localField(mapping.localKind, key.local)) {
    out.push({ severity: 'error', code: 'UNKNOWN_LOCAL_FIELD', message: `${mapping.localKind} records have no field ${key.local} to match on`, localField: key.local });
  }
  return out;
}
