import type { Db } from '../../store/db';
import { nowIso } from '../../store/db';
import { appendAudit } from '../../store/audit-log';
import { readSetting } from '../../store/settings';
import { deleteMapping, getMapping, importMappings, listMappings, saveMapping } from '../../store/mappings';
import type { ObjectMeta, ObjectRoles, Provider } from '../../providers/provider';
import type { SaveFile } from '../../query/export';
import type {
  LocalValueView,
  MappingExportResult,
  MappingImportResult,
  MappingObjects,
  MappingState,
  ObjectStatusView,
  PreviewResult,
  SaveResult,
  TransformDraft,
  UnmappedValueView,
} from '../../../shared/ipc/channels/mappings';
import { applyPush } from './apply-push';
import { defaultMappingFor, defaultMappings, defaultObjects } from './defaults';
import { hasErrors, type MappingIssue } from './issues';
import { MappingsExport, Transform, pushes, sourceOf, templateFields, type ObjectMapping } from './model';
import { findUnmappedPicklistValues } from './picklists';
import { applyPushTransforms } from './transforms';
import { validateMapping } from './validate';
import { asText, isBlank } from './values';
import { linkResolver } from '../engine/payload';
import { countRecords, customFieldKeys, distinctValues, distinctValuesSlow, findRecords, linkedId, loadRecord, recordRef } from './editor/local-data';
import { parseDraft } from './editor/parse-draft';
import { crmFieldView, issueView, kindLabels, localCatalogue } from './editor/views';

/** A check beyond the model's own (validateMapping): the permission preflight of issue 9 plugs in here. */
export type MappingCheck = (mapping: ObjectMapping, meta: ObjectMeta, provider: Provider) => MappingIssue[] | Promise<MappingIssue[]>;

/** What the service needs of the connections service. */
export interface MappingProviders {
  provider(target: string): Promise<Provider>;
  resolveId(target: string): string;
  get(target: string): { id: string; provider: string; label: string };
}

export interface MappingServiceDeps {
  db: Db;
  providers: MappingProviders;
  /** Electron's save dialog; absent (browser host, tests, CLI): exports answer the content. */
  saveFile?: SaveFile;
  checks?: MappingCheck[];
}

/** A mistake of the person using the editor or the CLI; its message says what to do. */
export class MappingUserError extends Error {
  override name = 'MappingUserError';
}

interface Effective {
  connectionId: string;
  provider: Provider;
  meta: ObjectMeta;
  mapping: ObjectMapping | null;
  source: 'saved' | 'default' | 'none';
  updatedAt: string | null;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/**
 * The mapping editor's back end: the store's mappings composed with the CRM's live metadata,
 * checked before they are saved, and tried on real local records.
 */
export class MappingService {
  private readonly describedAt = new Map<string, string>();

  constructor(private readonly deps: MappingServiceDeps) {}

  private get db(): Db {
    return this.deps.db;
  }

  // ---- reading ---------------------------------------------------------------------------

  async objects(target: string): Promise<MappingObjects> {
    const conn = this.deps.providers.get(target);
    const provider = await this.deps.providers.provider(conn.id);
    const summaries = await provider.listObjects();
    const saved = new Map(listMappings(this.db, conn.id).map((m) => [m.object, m]));
    const defaults = defaultMappings[provider.id] ?? {};
    const roles = provider.capabilities.objectRoles;
    const out: ObjectStatusView[] = [];
    for (const s of summaries) {
      const stored = saved.get(s.name);
      const hasDefault = s.name in defaults;
      if (!stored && !hasDefault && !s.createable && !s.updateable) continue;
      const status: ObjectStatusView = {
        object: s.name,
        label: s.label || s.name,
        custom: s.custom,
        createable: s.createable,
        updateable: s.updateable,
        role: roleOf(roles, s.name),
        source: stored ? 'saved' : hasDefault ? 'default' : 'none',
        localKind: stored?.mapping.localKind ?? defaults[s.name]?.localKind ?? null,
        enabled: stored ? stored.mapping.enabled : hasDefault ? (defaults[s.name].enabled ?? true) : null,
        errors: null,
        updatedAt: stored?.updatedAt ?? null,
      };
      if (status.source !== 'none') status.errors = await this.errorCount(conn.id, provider, s.name);
      out.push(status);
    }
    // Push order (companies, people, orders), then the objects switched off, then the unmapped ones.
    const rank = (o: ObjectStatusView) => (o.source === 'none' ? 5 : o.enabled === false ? 4 : o.localKind === 'company' ? 0 : o.localKind === 'person' ? 1 : 2);
    out.sort((a, b) => rank(a) - rank(b) || a.label.localeCompare(b.label));
    return { connectionId: conn.id, provider: provider.id, label: conn.label, objects: out };
  }

  private async errorCount(connectionId: string, provider: Provider, object: string): Promise<number | null> {
    try {
      const e = await this.effectiveWith(connectionId, provider, object);
      return e.mapping ? (await this.check(e.mapping, e.meta, provider)).filter((i) => i.severity === 'error').length : null;
    } catch {
      // An object the CRM will not describe (permissions) is listed without a count.
      return null;
    }
  }

  /** The mapping a push would use for an object: the saved one, else the provider's default. */
  async effective(target: string, object: string, refresh = false): Promise<Effective> {
    const connectionId = this.deps.providers.resolveId(target);
    const provider = await this.deps.providers.provider(connectionId);
    return this.effectiveWith(connectionId, provider, object, refresh);
  }

  private async effectiveWith(connectionId: string, provider: Provider, object: string, refresh = false): Promise<Effective> {
    const meta = await this.describe(connectionId, provider, object, refresh);
    const stored = getMapping(this.db, connectionId, meta.name);
    if (stored) return { connectionId, provider, meta, mapping: stored.mapping, source: 'saved', updatedAt: stored.updatedAt };
    const def = defaultMappingFor(provider.id, meta) ?? null;
    return { connectionId, provider, meta, mapping: def, source: def ? 'default' : 'none', updatedAt: null };
  }

  private async describe(connectionId: string, provider: Provider, object: string, refresh = false): Promise<ObjectMeta> {
    const known = (await provider.listObjects()).find((o) => o.name === object || o.name.toLowerCase() === object.toLowerCase());
    if (!known) throw new MappingUserError(`${provider.id} has no object ${object}.`);
    const meta = await provider.describe(known.name, { refresh });
    const key = `${connectionId}\u0000${known.name}`;
    if (refresh || !this.describedAt.has(key)) this.describedAt.set(key, nowIso());
    return meta;
  }

  async get(target: string, object: string, refresh = false): Promise<MappingState> {
    const e = await this.effective(target, object, refresh);
    const conn = this.deps.providers.get(e.connectionId);
    const objects = await e.provider.listObjects();
    return {
      connectionId: e.connectionId,
      provider: e.provider.id,
      object: e.meta.name,
      label: e.meta.label || e.meta.name,
      source: e.source,
      mapping: e.mapping,
      defaultMapping: defaultMappingFor(e.provider.id, e.meta) ?? null,
      updatedAt: e.updatedAt,
      fields: e.meta.fields.map(crmFieldView),
      idField: e.meta.idField,
      matchFields: e.meta.matchFields,
      issues: e.mapping ? (await this.check(e.mapping, e.meta, e.provider)).map(issueView) : [],
      localKinds: localCatalogue(customFieldKeys(this.db)),
      objects: objects.map((o) => ({ name: o.name, label: o.label || o.name })),
      defaultConflictPolicy: String(readSetting(this.db, 'sync.conflictPolicy')),
      describedAt: this.describedAt.get(`${conn.id}\u0000${e.meta.name}`) ?? nowIso(),
    };
  }

  private async check(mapping: ObjectMapping, meta: ObjectMeta, provider: Provider): Promise<MappingIssue[]> {
    const extra: MappingIssue[] = [];
    for (const c of this.deps.checks ?? []) extra.push(...(await c(mapping, meta, provider)));
    // A check that explains a model issue (same code, same field) says it better: show it instead.
    const key = (i: MappingIssue) => `${i.code}\u0000${i.index ?? ''}\u0000${i.crmField ?? ''}`;
    const explained = new Set(extra.map(key));
    return [...validateMapping(mapping, meta).filter((i) => !explained.has(key(i))), ...extra];
  }

  /** A draft checked against the model and the metadata; the mapping when it parses. */
  private async checkDraft(target: string, object: string, draft: unknown): Promise<{ e: Effective; mapping?: ObjectMapping; issues: MappingIssue[] }> {
    const e = await this.effective(target, object);
    const parsed = parseDraft(draft, e.meta.name);
    if (!parsed.ok) return { e, issues: parsed.issues };
    return { e, mapping: parsed.mapping, issues: await this.check(parsed.mapping, e.meta, e.provider) };
  }

  async validate(target: string, object: string, draft: unknown): Promise<MappingIssue[]> {
    return (await this.checkDraft(target, object, draft)).issues;
  }

  // ---- writing ---------------------------------------------------------------------------

  async save(target: string, object: string, draft: unknown): Promise<SaveResult> {
    const { e, mapping, issues } = await this.checkDraft(target, object, draft);
    const errors = issues.filter((i) => i.severity === 'error');
    if (!mapping || errors.length > 0) {
      const message = `Not saved: ${plural(errors.length, 'problem')} to fix first. ${errors.map((i) => i.message).join('; ')}.`;
      return { saved: false, message, issues: issues.map(issueView), updatedAt: null };
    }
    const stored = saveMapping(this.db, e.connectionId, mapping);
    const warnings = issues.length > 0 ? ` (${plural(issues.length, 'warning')})` : '';
    appendAudit(this.db, { kind: 'mapping', action: 'save', outcome: 'ok', connectionId: e.connectionId, object: stored.object, summary: `Saved the ${stored.object} mapping${warnings}` });
    return { saved: true, message: `Saved the ${e.meta.label || stored.object} mapping${warnings}.`, issues: issues.map(issueView), updatedAt: stored.updatedAt };
  }

  async reset(target: string, object: string): Promise<MappingState> {
    const e = await this.effective(target, object);
    if (deleteMapping(this.db, e.connectionId, e.meta.name)) {
      appendAudit(this.db, { kind: 'mapping', action: 'reset', outcome: 'ok', connectionId: e.connectionId, object: e.meta.name, summary: `Reset the ${e.meta.name} mapping to its default` });
    }
    return this.get(e.connectionId, e.meta.name);
  }

  async refresh(target: string, object?: string): Promise<{ objects: number; message: string }> {
    const connectionId = this.deps.providers.resolveId(target);
    const provider = await this.deps.providers.provider(connectionId);
    const objects = await provider.listObjects({ refresh: true });
    const mapped = object ? [object] : [...new Set([...Object.keys(defaultMappings[provider.id] ?? {}), ...listMappings(this.db, connectionId).map((m) => m.object)])];
    let described = 0;
    for (const name of mapped) {
      if (!objects.some((o) => o.name === name)) continue;
      await this.describe(connectionId, provider, name, true);
      described++;
    }
    return { objects: objects.length, message: `Read ${plural(objects.length, 'object')} and the fields of ${plural(described, 'mapped object')} again.` };
  }

  // ---- trying it on local data -----------------------------------------------------------

  /** The mapping to use: a draft (checked), else the effective one. */
  private async mappingFor(target: string, object: string, draft: unknown): Promise<{ e: Effective; mapping: ObjectMapping; issues: MappingIssue[] }> {
    if (draft !== undefined) {
      const checked = await this.checkDraft(target, object, draft);
      if (!checked.mapping) throw new MappingUserError(checked.issues.map((i) => i.message).join('; '));
      return { e: checked.e, mapping: checked.mapping, issues: checked.issues };
    }
    const e = await this.effective(target, object);
    if (!e.mapping) throw new MappingUserError(`${e.meta.name} is not mapped yet: start a mapping for it first.`);
    return { e, mapping: e.mapping, issues: await this.check(e.mapping, e.meta, e.provider) };
  }

  async preview(target: string, object: string, opts: { mapping?: unknown; search?: string; localId?: number } = {}): Promise<PreviewResult> {
    const { e, mapping, issues: mappingIssues } = await this.mappingFor(target, object, opts.mapping);
    const kind = mapping.localKind;
    const candidates = findRecords(this.db, kind, opts.search);
    const chosen = opts.localId !== undefined ? recordRef(this.db, kind, opts.localId) : candidates[0];
    const record = chosen ? loadRecord(this.db, kind, chosen.localId) : undefined;
    const none = { values: {}, candidates, payload: {}, match: null, find: null, externalId: null, issues: [] };
    const what = (kindLabels[kind] ?? kind).toLowerCase();
    if (!chosen || !record) {
      const message = opts.search ? `No ${what} matches "${opts.search}".` : `There is no ${what} in the local store yet: import your ticketing data first.`;
      return { record: null, ...none, message };
    }
    // Built exactly as the engine builds a push: an upsert, lookups answered from the stored links.
    const payload = applyPush(mapping, e.meta, record, { operation: 'upsert', resolveLookup: linkResolver(this.db, e.connectionId) });
    const externalId = linkedId(this.db, e.connectionId, e.meta.name, kind, chosen.localId);
    return {
      record: chosen,
      values: readValues(mapping, record),
      candidates,
      payload: payload.fields,
      match: payload.match ?? null,
      find: payload.find ?? null,
      externalId,
      issues: payload.issues.map(issueView),
      message: previewMessage(payload.issues, hasErrors(mappingIssues), externalId, e.meta.label || e.meta.name),
    };
  }

  /**
   * Local values a push would send to a picklist field that does not allow them (before any push),
   * counted over the whole store: each distinct value is checked once and weighed by its count.
   */
  async unmappedValues(target: string, object: string, draft?: unknown): Promise<{ values: UnmappedValueView[]; records: number }> {
    const { e, mapping } = await this.mappingFor(target, object, draft);
    const kind = mapping.localKind;
    const picklists = new Set(e.meta.fields.filter((f) => (f.type === 'picklist' || f.type === 'multipicklist') && (f.picklist?.length ?? 0) > 0).map((f) => f.name));
    const sources = [...new Set(mapping.fields.filter((f) => pushes(f) && f.local !== undefined && picklists.has(f.crm)).map((f) => f.local!))];
    const found = new Map<string, UnmappedValueView>();
    for (const field of sources) {
      for (const { value, count } of this.distinct(kind, field)) {
        for (const hit of findUnmappedPicklistValues(mapping, e.meta, [{ [field]: value }])) {
          const key = `${hit.crmField}\u0000${hit.value}`;
          const prev = found.get(key);
          found.set(key, { ...hit, count: (prev?.count ?? 0) + count });
        }
      }
    }
    const values = [...found.values()].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    return { values, records: countRecords(this.db, kind) };
  }

  private distinct(kind: string, field: string): Array<{ value: unknown; count: number }> {
    return distinctValues(this.db, kind, field) ?? distinctValuesSlow(this.db, kind, field);
  }

  /** The distinct values one local field holds (after the field's transforms), most frequent first. */
  localValues(kind: string, field: string, transforms: TransformDraft[] = [], limit = 100): { values: LocalValueView[]; distinct: number; records: number } {
    const parsed = Transform.array().safeParse(transforms);
    if (!parsed.success) throw new MappingUserError(`Those transforms are not valid: ${parsed.error.issues[0].message}.`);
    const counts = new Map<string, number>();
    for (const { value, count } of this.distinct(kind, field)) {
      let v: unknown;
      try {
        v = applyPushTransforms(value, parsed.data);
      } catch {
        continue;
      }
      if (isBlank(v)) continue;
      const text = asText(v);
      counts.set(text, (counts.get(text) ?? 0) + count);
    }
    const values = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    return { values: values.slice(0, limit), distinct: values.length, records: countRecords(this.db, kind) };
  }

  countRecords(kind: string): number {
    return countRecords(this.db, kind);
  }

  // ---- files -----------------------------------------------------------------------------

  /** Every mapping of a connection as a push would use it (saved, else default), as one export document. */
  async exportDoc(target: string): Promise<MappingsExport> {
    const connectionId = this.deps.providers.resolveId(target);
    const provider = await this.deps.providers.provider(connectionId);
    const objects = new Set((await provider.listObjects()).map((o) => o.name));
    const names = [...new Set([...defaultObjects(provider.id).map((d) => d.object), ...listMappings(this.db, connectionId).map((m) => m.object)])];
    const mappings: ObjectMapping[] = [];
    for (const name of names.filter((n) => objects.has(n))) {
      const e = await this.effectiveWith(connectionId, provider, name);
      if (e.mapping) mappings.push(e.mapping);
    }
    return { format: 'ticket-crm-sync/mappings', version: 1, provider: provider.id, exportedAt: nowIso(), mappings };
  }

  async exportFile(target: string): Promise<MappingExportResult> {
    const doc = await this.exportDoc(target);
    const connectionId = this.deps.providers.resolveId(target);
    const fileName = `mappings-${connectionId}-${doc.exportedAt!.slice(0, 10)}.json`;
    const content = `${JSON.stringify(doc, null, 2)}\n`;
    const objects = doc.mappings.map((m) => m.object);
    if (!this.deps.saveFile) return { saved: false, path: null, fileName, objects, content };
    const path = await this.deps.saveFile({ defaultName: fileName, content, filters: [{ name: 'JSON', extensions: ['json'] }] });
    return { saved: path !== null, path, fileName, objects, content: null };
  }

  /** Reads an export file into a connection: all or nothing, and only mappings that fit this CRM. */
  async importDoc(target: string, doc: unknown): Promise<MappingImportResult> {
    const connectionId = this.deps.providers.resolveId(target);
    const provider = await this.deps.providers.provider(connectionId);
    const parsed = MappingsExport.safeParse(doc);
    const refuse = (message: string, problems: MappingImportResult['problems'] = []): MappingImportResult => ({ imported: false, objects: [], message, problems });
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      return refuse(`This is not a mappings file of this app: ${first.message} at ${first.path.map(String).join('.') || 'the top'}.`);
    }
    if (parsed.data.provider && parsed.data.provider !== provider.id) return refuse(`This file holds ${parsed.data.provider} mappings; ${connectionId} is a ${provider.id} connection.`);
    const problems: MappingImportResult['problems'] = [];
    for (const m of parsed.data.mappings) {
      let issues: MappingIssue[];
      try {
        const meta = await this.describe(connectionId, provider, m.object);
        const parsedOne = parseDraft(m, meta.name);
        issues = parsedOne.ok ? (await this.check(parsedOne.mapping, meta, provider)).filter((i) => i.severity === 'error') : parsedOne.issues;
      } catch (err) {
        if (!(err instanceof MappingUserError)) throw err;
        issues = [{ severity: 'error', code: 'UNKNOWN_OBJECT', message: err.message }];
      }
      if (issues.length > 0) problems.push({ object: m.object, issues: issues.map(issueView) });
    }
    if (problems.length > 0) {
      const lines = problems.flatMap((p) => p.issues.map((i) => `${p.object}: ${i.message}`));
      return refuse(`Nothing imported: ${plural(lines.length, 'problem')} to fix in the file. ${lines.join('; ')}.`, problems);
    }
    const objects = importMappings(this.db, connectionId, parsed.data);
    appendAudit(this.db, { kind: 'mapping', action: 'import', outcome: 'ok', connectionId, summary: `Imported mappings for ${objects.join(', ') || 'no object'}` });
    return { imported: true, objects, message: objects.length ? `Imported the mappings of ${objects.join(', ')}.` : 'The file holds no mappings.', problems: [] };
  }
}

function roleOf(roles: ObjectRoles, object: string): string | null {
  return (Object.keys(roles) as Array<keyof ObjectRoles>).find((r) => roles[r] === object) ?? null;
}

/** The local fields a mapping reads, with this record's values. */
function readValues(mapping: ObjectMapping, record: Record<string, unknown>): Record<string, unknown> {
  const names: string[] = [];
  if (mapping.matchKey.kind !== 'crmId') names.push(mapping.matchKey.local);
  for (const fm of mapping.fields.filter(pushes)) {
    const src = sourceOf(fm);
    if (src.kind === 'local') names.push(src.field);
    else if (src.kind === 'template') names.push(...templateFields(src.template));
    else if (src.kind === 'lookup') names.push(src.lookup.localField);
  }
  return Object.fromEntries([...new Set(names)].map((n) => [n, record[n] ?? null]));
}

function previewMessage(issues: MappingIssue[], mappingHasErrors: boolean, externalId: string | null, object: string): string {
  const error = issues.find((i) => i.severity === 'error');
  if (error) return `This record would be refused: ${error.message}.`;
  if (mappingHasErrors) return 'The mapping has errors: nothing is pushed until they are fixed. This is what the record would send.';
  const defer = issues.find((i) => i.severity === 'defer');
  if (defer) return `This record waits: ${defer.message}. It is sent once that record is pushed.`;
  return externalId ? `A push sends this to ${object} ${externalId}, the record it is linked to.` : `A push sends this to ${object}: it updates the matching record, or creates one.`;
}
