import type { FieldMeta, ObjectMeta } from '../../providers/provider';
import { toCrmValue } from './coerce';
import type { MappingIssue } from './issues';
import type { LocalRecord } from './local-fields';
import { findByOf, pushes, sourceOf, type FieldMapping, type ObjectMapping } from './model';
import { applyPushTransforms, TransformError } from './transforms';
import { asText, isBlank } from './values';

/** Finds the CRM id of a linked record (the engine answers from its external-id links). */
export type LookupResolver = (ref: { object: string; localKind: string; key: unknown }) => string | undefined;

export interface PushContext {
  /** create: required fields must be filled; update: create-only fields are left out; upsert: both may happen. */
  operation: 'create' | 'update' | 'upsert';
  resolveLookup?: LookupResolver;
  /** The CRM record's current values, when known: "only fill blanks" needs them. */
  current?: Record<string, unknown>;
}

export interface PushPayload {
  /** Field values by CRM API name, ready for Provider.write. */
  fields: Record<string, unknown>;
  /** The upsert key (field and value) when the match key is an email or external-id field. */
  match?: { field: string; value: string };
  /**
   * Where to look for an existing record before creating one when no link is stored and the
   * upsert key cannot find it: the match key's findBy field and the value this payload has for it.
   */
  find?: { field: string; value: string };
  /** Record-level problems. Any error: do not send (dead-letter with the field named). Any defer: try later. */
  issues: MappingIssue[];
}

/** The raw value a field mapping reads from the local record, before transforms. */
function sourceValue(fm: FieldMapping, record: LocalRecord, kind: string, ctx: PushContext, issues: MappingIssue[]): unknown {
  const src = sourceOf(fm);
  switch (src.kind) {
    case 'local':
      return record[src.field];
    case 'constant':
      return src.value;
    case 'template':
      return src.template.replace(/\{([A-Za-z0-9_.]+)\}/g, (_, name: string) => asText(record[name]).trim()).replace(/\s+/g, ' ').trim();
    case 'lookup': {
      const key = record[src.lookup.localField];
      if (isBlank(key)) return null;
      const id = ctx.resolveLookup?.({ object: src.lookup.object, localKind: src.lookup.localKind, key });
      if (id === undefined) {
        issues.push({
          severity: 'defer',
          code: 'LOOKUP_UNRESOLVED',
          message: `${fm.crm} needs the ${src.lookup.object} of this ${kind} (${asText(key)}), which is not in the CRM yet`,
          crmField: fm.crm,
          localField: src.lookup.localField,
        });
      }
      return id ?? null;
    }
  }
}

function mapValue(fm: FieldMapping, v: unknown): unknown {
  if (!fm.valueMap || isBlank(v)) return v;
  const key = asText(v);
  return fm.valueMap.values[key] ?? fm.valueMap.fallback ?? v;
}

/** One field's CRM value; undefined when the field is to be left out of the payload. */
function pushField(fm: FieldMapping, crm: FieldMeta, record: LocalRecord, kind: string, ctx: PushContext, issues: MappingIssue[]): unknown {
  if (ctx.operation === 'update' && !crm.updateable) return undefined;
  let v: unknown;
  try {
    v = mapValue(fm, applyPushTransforms(sourceValue(fm, record, kind, ctx, issues), fm.transforms));
  } catch (err) {
    if (!(err instanceof TransformError)) throw err;
    issues.push({ severity: 'error', code: 'INVALID_VALUE', message: `${crm.label} (${crm.name}): ${err.message}`, crmField: crm.name, localField: fm.local });
    return undefined;
  }
  if (fm.onlyFillBlanks && ctx.current && !isBlank(ctx.current[crm.name])) return undefined;
  const coerced = toCrmValue(crm, v);
  if (!coerced.ok) {
    issues.push({ severity: 'error', ...coerced.problem, crmField: crm.name, localField: fm.local });
    return undefined;
  }
  // A blank local value leaves the CRM value alone unless the mapping says to clear it.
  if (coerced.value === null && (fm.neverClear ?? true)) return undefined;
  return coerced.value;
}

function matchOf(mapping: ObjectMapping, meta: ObjectMeta, record: LocalRecord, issues: MappingIssue[]): Pick<PushPayload, 'match'> {
  const key = mapping.matchKey;
  if (key.kind === 'crmId') return {};
  const raw = asText(record[key.local]).trim();
  const value = key.kind === 'email' || key.local === 'email' ? raw.toLowerCase() : raw;
  if (!value) {
    issues.push({ severity: 'error', code: 'MATCH_KEY_MISSING', message: `This record has no ${key.local} to match ${key.crm} on`, crmField: key.crm, localField: key.local });
    return {};
  }
  const field = meta.fields.find((f) => f.name === key.crm);
  if (field?.length !== undefined && value.length > field.length) {
    issues.push({ severity: 'error', code: 'STRING_TOO_LONG', message: `${key.crm} takes at most ${field.length} characters`, crmField: key.crm, localField: key.local });
  }
  return { match: { field: key.crm, value } };
}

/** The search to run before a create, from the value the payload carries for the findBy field. */
function findOf(mapping: ObjectMapping, fields: Record<string, unknown>): PushPayload['find'] {
  const field = findByOf(mapping.matchKey);
  if (field === undefined || isBlank(fields[field])) return undefined;
  return { field, value: asText(fields[field]) };
}

/**
 * Turns one local record into the exact payload for the CRM: every pushed field transformed,
 * value-mapped and typed for its CRM field, the match key value included, required fields
 * checked for a create. Nothing is sent when `issues` holds an error.
 */
export function applyPush(mapping: ObjectMapping, meta: ObjectMeta, record: LocalRecord, ctx: PushContext): PushPayload {
  const byName = new Map(meta.fields.map((f) => [f.name, f]));
  const issues: MappingIssue[] = [];
  const fields: Record<string, unknown> = {};
  for (const fm of mapping.fields.filter(pushes)) {
    const crm = byName.get(fm.crm);
    if (!crm) {
      issues.push({ severity: 'error', code: 'UNKNOWN_CRM_FIELD', message: `${meta.name} has no field ${fm.crm}`, crmField: fm.crm });
      continue;
    }
    const v = pushField(fm, crm, record, mapping.localKind, ctx, issues);
    if (v !== undefined) fields[fm.crm] = v;
  }
  const match = matchOf(mapping, meta, record, issues);
  if (match.match) fields[match.match.field] = match.match.value;
  if (ctx.operation !== 'update') issues.push(...missingRequired(meta, fields, issues));
  const find = findOf(mapping, fields);
  return { fields, ...match, ...(find ? { find } : {}), issues };
}

function missingRequired(meta: ObjectMeta, fields: Record<string, unknown>, already: MappingIssue[]): MappingIssue[] {
  const reported = new Set(already.map((i) => i.crmField));
  return meta.fields
    .filter((f) => f.required && f.createable && isBlank(fields[f.name]) && !reported.has(f.name))
    .map((f) => ({ severity: 'error' as const, code: 'REQUIRED_FIELD_MISSING', message: `${f.label} (${f.name}) is required and this record has no value for it`, crmField: f.name }));
}
