import { z } from 'zod';

/**
 * The mapping model: how one local kind (person, order, company) becomes one CRM object and
 * back. Stored as JSON per connection and object, exported and imported as the same JSON, so
 * every shape here is a zod schema and the types are inferred from it.
 */

export const Direction = z.enum(['push', 'pull', 'both']);
export type Direction = z.infer<typeof Direction>;

export const ConflictPolicy = z.enum(['crm-wins', 'local-wins', 'newest-wins']);
export type ConflictPolicy = z.infer<typeof ConflictPolicy>;

/** Date pattern tokens: YYYY YY MM M DD D HH H mm ss (UTC). */
export const DatePattern = z.string().min(2).max(40).regex(/(YYYY|YY|MM|M|DD|D)/, 'a date pattern needs a year, month or day token');

/**
 * Value transforms, applied in order on push and undone in reverse order on pull where they
 * can be (trim and case apply again, a date pattern parses back, a blank default becomes blank).
 */
export const Transform = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('trim') }).strict(),
  z.object({ kind: z.literal('lower') }).strict(),
  z.object({ kind: z.literal('upper') }).strict(),
  /** Formats a local date/datetime as text with the pattern (for text fields in the CRM). */
  z.object({ kind: z.literal('dateFormat'), pattern: DatePattern }).strict(),
  /** Takes one part of a full name: first = first word, last = the rest. Push only. */
  z.object({ kind: z.literal('splitName'), part: z.enum(['first', 'last']) }).strict(),
  /** A blank value becomes `value` (e.g. a placeholder for a required last name); pulled back, `value` becomes blank. */
  z.object({ kind: z.literal('default'), value: z.string().min(1).max(255) }).strict(),
]);
export type Transform = z.infer<typeof Transform>;

/** Local value → CRM value for picklists; `fallback` for local values not listed (else they are reported). */
export const ValueMap = z
  .object({
    values: z.record(z.string(), z.string()),
    fallback: z.string().optional(),
  })
  .strict();
export type ValueMap = z.infer<typeof ValueMap>;

/** A reference field filled with the CRM id of another linked record (e.g. Opportunity.AccountId from the buyer's company). */
export const Lookup = z
  .object({
    /** The CRM object the id belongs to. */
    object: z.string().min(1),
    /** The local kind of the linked record. */
    localKind: z.string().min(1),
    /** The local field of this record that identifies the linked one (personId, company, ...). */
    localField: z.string().min(1),
  })
  .strict();
export type Lookup = z.infer<typeof Lookup>;

export const ConstantValue = z.union([z.string().max(4000), z.number(), z.boolean(), z.null()]);

export const FieldMapping = z
  .object({
    /** CRM field API name. */
    crm: z.string().min(1),
    direction: Direction,
    /** Exactly one source: a local field, a constant, a template over local fields, or a lookup. */
    local: z.string().min(1).optional(),
    constant: ConstantValue.optional(),
    /** Text with {localField} placeholders, e.g. "{eventName} – {externalOrderId}". Push only. */
    template: z.string().min(1).max(1000).optional(),
    lookup: Lookup.optional(),
    transforms: z.array(Transform).max(10).optional(),
    valueMap: ValueMap.optional(),
    /** Push only when the CRM value is blank (issue 11 field rules). */
    onlyFillBlanks: z.boolean().optional(),
    /** A blank local value never blanks the CRM value. Default true. */
    neverClear: z.boolean().optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    const sources = [f.local !== undefined, f.constant !== undefined, f.template !== undefined, f.lookup !== undefined].filter(Boolean).length;
    if (sources !== 1) ctx.addIssue({ code: 'custom', message: `${f.crm}: give exactly one of local, constant, template or lookup`, path: ['local'] });
  });
export type FieldMapping = z.infer<typeof FieldMapping>;

/** How a local record finds its CRM record when no link is stored yet. */
export const MatchKey = z.discriminatedUnion('kind', [
  /** By email (HubSpot contacts upsert by email, Pipedrive person search by email). */
  z.object({ kind: z.literal('email'), crm: z.string().min(1), local: z.string().min(1).default('email') }).strict(),
  /** By an external-id / unique field holding a local value (Salesforce upsert by Ticket_Buyer_Id__c). */
  z
    .object({
      kind: z.literal('externalId'),
      crm: z.string().min(1),
      local: z.string().min(1),
      /** Before creating, look for an existing record by the value pushed to this field (records others made). */
      findBy: z.string().min(1).optional(),
    })
    .strict(),
  /**
   * By the CRM id stored from an earlier sync. `findBy` names a field whose pushed value is
   * searched before the first create (company name, deal name) where the CRM has no unique
   * field to upsert on.
   */
  z.object({ kind: z.literal('crmId'), findBy: z.string().min(1).optional() }).strict(),
]);
export type MatchKey = z.infer<typeof MatchKey>;

/** The field searched before a create, when the match key names one. */
export const findByOf = (key: MatchKey): string | undefined => (key.kind === 'email' ? undefined : key.findBy);

/** An association to make after the write (HubSpot contact ↔ company, deal ↔ contact, ...). */
export const AssociationSpec = z
  .object({
    object: z.string().min(1),
    localKind: z.string().min(1),
    localField: z.string().min(1),
    role: z.string().optional(),
  })
  .strict();
export type AssociationSpec = z.infer<typeof AssociationSpec>;

export const ObjectMapping = z
  .object({
    version: z.literal(1).default(1),
    /** The provider's object name (Contact, contacts, persons, Opportunity, ...). */
    object: z.string().min(1),
    /** Which local records this object holds. */
    localKind: z.string().min(1),
    enabled: z.boolean().default(true),
    matchKey: MatchKey,
    /** Unset: the app setting sync.conflictPolicy. */
    conflictPolicy: ConflictPolicy.optional(),
    fields: z.array(FieldMapping).max(500),
    associations: z.array(AssociationSpec).max(20).optional(),
  })
  .strict();
export type ObjectMapping = z.infer<typeof ObjectMapping>;
export type ObjectMappingInput = z.input<typeof ObjectMapping>;

/** The export file: every mapping of one connection. */
export const MappingsExport = z
  .object({
    format: z.literal('ticket-crm-sync/mappings'),
    version: z.literal(1),
    provider: z.string().optional(),
    exportedAt: z.string().optional(),
    mappings: z.array(ObjectMapping),
  })
  .strict();
export type MappingsExport = z.infer<typeof MappingsExport>;

/** Where a field's value comes from, as one tagged value (easier to switch on than four optionals). */
export type FieldSource =
  | { kind: 'local'; field: string }
  | { kind: 'constant'; value: string | number | boolean | null }
  | { kind: 'template'; template: string }
  | { kind: 'lookup'; lookup: Lookup };

export function sourceOf(f: FieldMapping): FieldSource {
  if (f.local !== undefined) return { kind: 'local', field: f.local };
  if (f.constant !== undefined) return { kind: 'constant', value: f.constant };
  if (f.template !== undefined) return { kind: 'template', template: f.template };
  return { kind: 'lookup', lookup: f.lookup! };
}

export const pushes = (f: FieldMapping): boolean => f.direction !== 'pull';
export const pulls = (f: FieldMapping): boolean => f.direction !== 'push';

/** Local fields a template reads. */
export const templateFields = (template: string): string[] => [...template.matchAll(/\{([A-Za-z0-9_.]+)\}/g)].map((m) => m[1]);
