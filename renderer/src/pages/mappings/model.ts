import type {
  CrmFieldView,
  FieldMappingDraft,
  LocalFieldView,
  LocalKindView,
  MappingDirection,
  MappingIssueView,
  ObjectMappingDraft,
  TransformDraft,
} from '../../../../shared/ipc/channels/mappings';

/** Plain helpers over the mapping draft: the page edits a copy and main checks every version. */

export type SourceKind = 'local' | 'constant' | 'template' | 'lookup';

export function sourceKind(fm: FieldMappingDraft): SourceKind {
  if (fm.local !== undefined) return 'local';
  if (fm.constant !== undefined) return 'constant';
  if (fm.template !== undefined) return 'template';
  return 'lookup';
}

export const SOURCE_LABELS: Record<SourceKind, string> = { local: 'Field', constant: 'Constant', template: 'Template', lookup: 'Lookup' };

export const DIRECTIONS: Array<{ value: MappingDirection; label: string; arrow: string; help: string }> = [
  { value: 'push', label: 'Push', arrow: '→', help: 'Local value goes to the CRM' },
  { value: 'pull', label: 'Pull', arrow: '←', help: 'CRM value comes back to the local record' },
  { value: 'both', label: 'Both', arrow: '⇄', help: 'Synced both ways; the conflict policy settles edits on both sides' },
];

/** Drops every source, then sets the one asked for. */
function bare(fm: FieldMappingDraft): FieldMappingDraft {
  const { local: _l, constant: _c, template: _t, lookup: _k, ...rest } = fm;
  return rest;
}

/** A first guess at what fills a CRM field: the local field with the closest name, a lookup for ids. */
export function guessLocal(crm: CrmFieldView, fields: LocalFieldView[], pulled: ReadonlySet<string> = new Set()): string {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  // A field the CRM computes is pulled: only local fields a pull may write, and no other field pulls into, can take it.
  const usable = crm.pushable ? fields : fields.filter((f) => f.writable && !pulled.has(f.name));
  const byName = usable.find((f) => norm(f.name) === norm(crm.name) || norm(f.label) === norm(crm.label));
  return (byName ?? usable.find((f) => f.type === crm.type) ?? usable.find((f) => f.type === 'string') ?? fields[0]).name;
}

export interface SourceContext {
  crm?: CrmFieldView;
  local: LocalKindView | undefined;
  kinds: LocalKindView[];
  /** Local fields other mappings already pull into. */
  pulled?: ReadonlySet<string>;
}

export function withSource(fm: FieldMappingDraft, kind: SourceKind, ctx: SourceContext): FieldMappingDraft {
  const base = bare(fm);
  const pushOnly = kind !== 'local' && base.direction !== 'push' ? { direction: 'push' as const } : {};
  switch (kind) {
    case 'local':
      return { ...base, local: ctx.crm && ctx.local ? guessLocal(ctx.crm, ctx.local.fields, ctx.pulled) : (ctx.local?.fields[0]?.name ?? 'email') };
    case 'constant':
      return { ...base, ...pushOnly, constant: ctx.crm?.type === 'boolean' ? true : (ctx.crm?.picklist?.find((o) => o.active)?.value ?? '') };
    case 'template':
      return { ...base, ...pushOnly, template: `{${ctx.local?.fields.find((f) => f.type === 'string')?.name ?? 'id'}}` };
    case 'lookup': {
      const object = ctx.crm?.reference?.targets[0] ?? '';
      const kind = guessKind(object, ctx.kinds);
      return { ...base, ...pushOnly, lookup: { object, localKind: kind, localField: lookupFieldFor(kind, ctx.local) } };
    }
  }
}

/** Which local kind a CRM object probably holds (Account → company, Contact → person). */
export function guessKind(object: string, kinds: LocalKindView[]): string {
  const o = object.toLowerCase();
  if (/account|compan|organi/.test(o)) return 'company';
  if (/contact|person|people|lead/.test(o)) return 'person';
  if (/opportunit|deal|order/.test(o)) return 'order';
  return kinds[0]?.kind ?? 'person';
}

/** The local field of this record that names a linked record of `kind`. */
export function lookupFieldFor(kind: string, local: LocalKindView | undefined): string {
  const names = local?.fields.map((f) => f.name) ?? [];
  if (kind === 'company' && names.includes('company')) return 'company';
  if (kind === 'person' && names.includes('personId')) return 'personId';
  return names.includes('id') ? 'id' : (names[0] ?? 'id');
}

/** A new field mapping for a CRM field: pull only where the CRM computes the value, a lookup for ids. */
export function newFieldMapping(crm: CrmFieldView, ctx: Omit<SourceContext, 'crm'>, from?: string): FieldMappingDraft {
  const direction: MappingDirection = crm.pushable ? 'push' : 'pull';
  if (from) return { crm: crm.name, direction, local: from };
  if (crm.type === 'reference' && crm.pushable) return withSource({ crm: crm.name, direction }, 'lookup', { ...ctx, crm });
  return withSource({ crm: crm.name, direction }, 'local', { ...ctx, crm });
}

/** Local fields the mapping pulls into. */
export const pulledFields = (fields: FieldMappingDraft[]): Set<string> => new Set(fields.filter((f) => f.direction !== 'push' && f.local).map((f) => f.local!));

export const TRANSFORMS: Array<{ key: string; label: string; make: () => TransformDraft }> = [
  { key: 'trim', label: 'Trim spaces', make: () => ({ kind: 'trim' }) },
  { key: 'lower', label: 'lowercase', make: () => ({ kind: 'lower' }) },
  { key: 'upper', label: 'UPPERCASE', make: () => ({ kind: 'upper' }) },
  { key: 'dateFormat', label: 'Date as text', make: () => ({ kind: 'dateFormat', pattern: 'YYYY-MM-DD' }) },
  { key: 'splitFirst', label: 'First name of a full name', make: () => ({ kind: 'splitName', part: 'first' }) },
  { key: 'splitLast', label: 'Last name of a full name', make: () => ({ kind: 'splitName', part: 'last' }) },
  { key: 'default', label: 'Default when blank', make: () => ({ kind: 'default', value: '[not provided]' }) },
];

export function transformLabel(t: TransformDraft): string {
  switch (t.kind) {
    case 'trim':
      return 'Trim';
    case 'lower':
      return 'lowercase';
    case 'upper':
      return 'UPPERCASE';
    case 'dateFormat':
      return `Date as ${t.pattern}`;
    case 'splitName':
      return `${t.part === 'first' ? 'First' : 'Last'} name`;
    case 'default':
      return `Default “${t.value}”`;
  }
}

/** Short type names for badges. */
export const typeLabel = (type: string): string =>
  ({ string: 'text', textarea: 'long text', multipicklist: 'multi-select', picklist: 'picklist', reference: 'lookup', datetime: 'date-time', id: 'id' })[type] ?? type;

/** Issues of one field mapping (by index) and of one CRM field that nothing maps (required, match key). */
export function issuesByRow(issues: MappingIssueView[]): { byIndex: Map<number, MappingIssueView[]>; byCrm: Map<string, MappingIssueView[]>; general: MappingIssueView[] } {
  const byIndex = new Map<number, MappingIssueView[]>();
  const byCrm = new Map<string, MappingIssueView[]>();
  const general: MappingIssueView[] = [];
  for (const i of issues) {
    if (i.index !== undefined) byIndex.set(i.index, [...(byIndex.get(i.index) ?? []), i]);
    else if (i.crmField) byCrm.set(i.crmField, [...(byCrm.get(i.crmField) ?? []), i]);
    else general.push(i);
  }
  return { byIndex, byCrm, general };
}

export const emptyMapping = (object: string, localKind: string): ObjectMappingDraft => ({ version: 1, object, localKind, enabled: true, matchKey: { kind: 'crmId' }, fields: [] });

/** A stable text for comparing drafts (dirty check). */
export const snapshot = (m: ObjectMappingDraft | null): string => JSON.stringify(m);

export const pushes = (fm: FieldMappingDraft): boolean => fm.direction !== 'pull';
