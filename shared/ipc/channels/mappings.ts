import { z } from 'zod';
import { channel } from '../define';

/**
 * The mapping editor: per connection and CRM object, which local fields go to which CRM fields
 * and which way. Main owns the mapping model (main/sync/mapping/model.ts) and checks every
 * mapping against it and against the CRM's live metadata; the shapes below are that model as
 * the renderer sees it (a type test in main keeps the two equal).
 */

// ---- the mapping, as plain data ------------------------------------------------------------

export type MappingDirection = 'push' | 'pull' | 'both';
export type ConflictPolicyName = 'crm-wins' | 'local-wins' | 'newest-wins';

export type TransformDraft =
  | { kind: 'trim' }
  | { kind: 'lower' }
  | { kind: 'upper' }
  | { kind: 'dateFormat'; pattern: string }
  | { kind: 'splitName'; part: 'first' | 'last' }
  | { kind: 'default'; value: string };

export type ValueMapDraft = { values: Record<string, string>; fallback?: string | undefined };
export type LookupDraft = { object: string; localKind: string; localField: string };

export type FieldMappingDraft = {
  crm: string;
  direction: MappingDirection;
  local?: string | undefined;
  constant?: string | number | boolean | null | undefined;
  template?: string | undefined;
  lookup?: LookupDraft | undefined;
  transforms?: TransformDraft[] | undefined;
  valueMap?: ValueMapDraft | undefined;
  onlyFillBlanks?: boolean | undefined;
  neverClear?: boolean | undefined;
};

export type MatchKeyDraft =
  | { kind: 'email'; crm: string; local: string }
  | { kind: 'externalId'; crm: string; local: string; findBy?: string | undefined }
  | { kind: 'crmId'; findBy?: string | undefined };

export type AssociationDraft = { object: string; localKind: string; localField: string; role?: string | undefined };

export type ObjectMappingDraft = {
  version: 1;
  object: string;
  localKind: string;
  enabled: boolean;
  matchKey: MatchKeyDraft;
  conflictPolicy?: ConflictPolicyName | undefined;
  fields: FieldMappingDraft[];
  associations?: AssociationDraft[] | undefined;
};

const isPlainObject = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A mapping crossing the wire; main parses it with the full model before using it. */
export const MappingShape = z.custom<ObjectMappingDraft>(isPlainObject, 'a mapping object');

// ---- what the editor shows -----------------------------------------------------------------

export const CrmFieldView = z.object({
  name: z.string(),
  label: z.string(),
  /** Normalised type: string, email, phone, number, date, picklist, reference, ... */
  type: z.string(),
  /** The CRM's own type name (double, enumeration, ...). */
  vendorType: z.string(),
  length: z.number().optional(),
  required: z.boolean(),
  createable: z.boolean(),
  updateable: z.boolean(),
  calculated: z.boolean(),
  readOnly: z.boolean(),
  unique: z.boolean(),
  externalId: z.boolean(),
  custom: z.boolean(),
  /** False for formula, calculated and read-only fields: they can only be pulled. */
  pushable: z.boolean(),
  picklist: z.array(z.object({ value: z.string(), label: z.string(), active: z.boolean() })).optional(),
  reference: z.object({ targets: z.array(z.string()), relationshipName: z.string().optional() }).optional(),
});
export type CrmFieldView = z.infer<typeof CrmFieldView>;

export const LocalFieldView = z.object({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  /** A pull may write it (false for ids, totals and values the app derives). */
  writable: z.boolean(),
  /** A custom field found in the imported data (custom.<key>). */
  custom: z.boolean(),
});
export type LocalFieldView = z.infer<typeof LocalFieldView>;

export const LocalKindView = z.object({
  kind: z.string(),
  /** Ticket buyer, Order, Company. */
  label: z.string(),
  fields: z.array(LocalFieldView),
});
export type LocalKindView = z.infer<typeof LocalKindView>;

export const MappingIssueView = z.object({
  /** error: blocks saving and pushing. warning: works, but look. defer: waits for a linked record. */
  severity: z.enum(['error', 'warning', 'defer']),
  code: z.string(),
  message: z.string(),
  crmField: z.string().optional(),
  localField: z.string().optional(),
  /** Index in mapping.fields when the issue is about one field mapping. */
  index: z.number().int().optional(),
});
export type MappingIssueView = z.infer<typeof MappingIssueView>;

export const MappingSource = z.enum(['saved', 'default', 'none']);
export type MappingSource = z.infer<typeof MappingSource>;

export const ObjectStatusView = z.object({
  object: z.string(),
  label: z.string(),
  custom: z.boolean(),
  createable: z.boolean(),
  updateable: z.boolean(),
  /** The part this object plays for the app (person, company, deal, lead), when it is one. */
  role: z.string().nullable(),
  /** saved: the user's mapping. default: the provider's default, not saved. none: not mapped. */
  source: MappingSource,
  localKind: z.string().nullable(),
  enabled: z.boolean().nullable(),
  /** Validation errors of the effective mapping; null when the object is not mapped. */
  errors: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
});
export type ObjectStatusView = z.infer<typeof ObjectStatusView>;

export const MappingObjects = z.object({
  connectionId: z.string(),
  provider: z.string(),
  label: z.string(),
  objects: z.array(ObjectStatusView),
});
export type MappingObjects = z.infer<typeof MappingObjects>;

export const MappingState = z.object({
  connectionId: z.string(),
  provider: z.string(),
  object: z.string(),
  label: z.string(),
  source: MappingSource,
  /** The effective mapping (saved, else the default); null when the object has neither. */
  mapping: MappingShape.nullable(),
  /** What Reset would bring back; null when the provider has no default for the object. */
  defaultMapping: MappingShape.nullable(),
  updatedAt: z.string().nullable(),
  fields: z.array(CrmFieldView),
  idField: z.string(),
  /** Fields the CRM can upsert on (external ids, unique fields). */
  matchFields: z.array(z.string()),
  /** Validation of `mapping` against the live metadata. */
  issues: z.array(MappingIssueView),
  /** The local field catalogue, every kind (lookups point at other kinds). */
  localKinds: z.array(LocalKindView),
  /** Every object of the connection, for lookup targets. */
  objects: z.array(z.object({ name: z.string(), label: z.string() })),
  /** The app-wide conflict policy a mapping without its own follows. */
  defaultConflictPolicy: z.string(),
  describedAt: z.string(),
});
export type MappingState = z.infer<typeof MappingState>;

export const SaveResult = z.object({
  saved: z.boolean(),
  /** What happened, naming the fields when the mapping was refused. */
  message: z.string(),
  issues: z.array(MappingIssueView),
  updatedAt: z.string().nullable(),
});
export type SaveResult = z.infer<typeof SaveResult>;

export const PreviewRecord = z.object({
  localId: z.number().int(),
  /** Email, order key or company name. */
  label: z.string(),
});

export const PreviewResult = z.object({
  /** The local record mapped; null when the store has none of this kind (or none match). */
  record: PreviewRecord.nullable(),
  /** Its local values, as the mapping reads them. */
  values: z.record(z.string(), z.unknown()),
  /** Other records the search found (pick one to preview it). */
  candidates: z.array(PreviewRecord),
  /** The exact fields that would be sent, by CRM API name. */
  payload: z.record(z.string(), z.unknown()),
  /** The upsert key, when the match key is an email or external-id field. */
  match: z.object({ field: z.string(), value: z.string() }).nullable(),
  /** The search made before a create, when the match key names one. */
  find: z.object({ field: z.string(), value: z.string() }).nullable(),
  /** The CRM record this local record is linked to, when it was pushed before. */
  externalId: z.string().nullable(),
  issues: z.array(MappingIssueView),
  /** One sentence about the outcome (would be sent, refused because ..., nothing to preview). */
  message: z.string(),
});
export type PreviewResult = z.infer<typeof PreviewResult>;

export const UnmappedValueView = z.object({
  crmField: z.string(),
  localField: z.string(),
  value: z.string(),
  count: z.number().int(),
});
export type UnmappedValueView = z.infer<typeof UnmappedValueView>;

export const LocalValueView = z.object({ value: z.string(), count: z.number().int() });
export type LocalValueView = z.infer<typeof LocalValueView>;

export const MappingExportResult = z.object({
  /** True when main wrote the file (Electron save dialog); false: cancelled, or `content` to download. */
  saved: z.boolean(),
  path: z.string().nullable(),
  fileName: z.string(),
  /** Objects in the file. */
  objects: z.array(z.string()),
  /** The file itself when the shell has no save dialog (browser host): the page downloads it. */
  content: z.string().nullable(),
});
export type MappingExportResult = z.infer<typeof MappingExportResult>;

export const MappingImportResult = z.object({
  imported: z.boolean(),
  objects: z.array(z.string()),
  message: z.string(),
  /** Problems by object, when the file was refused. */
  problems: z.array(z.object({ object: z.string(), issues: z.array(MappingIssueView) })),
});
export type MappingImportResult = z.infer<typeof MappingImportResult>;

// ---- channels ------------------------------------------------------------------------------

const ConnectionId = z.string().min(1).max(64);
const ObjectName = z.string().trim().min(1).max(100);
const Target = { connectionId: ConnectionId, object: ObjectName };

export const mappingChannels = {
  'mappings:objects': channel(
    z.object({ connectionId: ConnectionId }).strict(),
    MappingObjects,
    'The objects of a connection with their mapping status (saved, default, not mapped) and error counts.',
  ),
  'mappings:get': channel(
    z.object({ ...Target, refresh: z.boolean().optional() }).strict(),
    MappingState,
    'One object: its mapping (saved or default), the live CRM fields, validation issues and the local field catalogue.',
  ),
  'mappings:validate': channel(
    z.object({ ...Target, mapping: MappingShape }).strict(),
    z.object({ issues: z.array(MappingIssueView) }),
    'Checks a draft mapping against the model and the live metadata, without saving it.',
  ),
  'mappings:save': channel(
    z.object({ ...Target, mapping: MappingShape }).strict(),
    SaveResult,
    'Saves a mapping; refused (saved: false) while it has errors, with messages naming the fields.',
  ),
  'mappings:reset': channel(z.object(Target).strict(), MappingState, 'Forgets the saved mapping: the object goes back to its default (or to not mapped).'),
  'mappings:preview': channel(
    z
      .object({
        ...Target,
        /** A draft to preview; default: the effective mapping. */
        mapping: MappingShape.optional(),
        /** Email, name, order number or company to pick the record by; default: the first record. */
        search: z.string().trim().max(200).optional(),
        localId: z.number().int().positive().optional(),
      })
      .strict(),
    PreviewResult,
    'Maps one real local record and answers the exact payload a push would send, with its issues.',
  ),
  'mappings:unmappedValues': channel(
    z.object({ ...Target, mapping: MappingShape.optional() }).strict(),
    z.object({ values: z.array(UnmappedValueView), records: z.number().int() }),
    'Local values that would reach a picklist field with no allowed CRM value, counted over the local data.',
  ),
  'mappings:localValues': channel(
    z
      .object({
        localKind: z.string().min(1).max(40),
        localField: z.string().min(1).max(100),
        transforms: z.array(z.custom<TransformDraft>(isPlainObject)).max(10).optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    z.object({ values: z.array(LocalValueView), distinct: z.number().int(), records: z.number().int() }),
    'The distinct values of one local field in the data, most frequent first (for value maps).',
  ),
  'mappings:export': channel(z.object({ connectionId: ConnectionId }).strict(), MappingExportResult, 'Every mapping of a connection (saved or default) as one JSON file.'),
  'mappings:import': channel(
    z.object({ connectionId: ConnectionId, content: z.string().min(1).max(5_000_000) }).strict(),
    MappingImportResult,
    'Reads a mappings JSON file into a connection, all or nothing; refused when a mapping does not fit the CRM.',
  ),
  'mappings:refreshMetadata': channel(
    z.object({ connectionId: ConnectionId, object: ObjectName.optional() }).strict(),
    z.object({ objects: z.number().int(), message: z.string() }),
    'Asks the CRM for its objects and fields again (after adding a custom field, say).',
  ),
};
