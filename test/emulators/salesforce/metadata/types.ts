import { z } from 'zod';

export const FIELD_TYPES = [
  'id', 'string', 'textarea', 'email', 'phone', 'url', 'picklist', 'multipicklist', 'reference',
  'boolean', 'date', 'datetime', 'double', 'currency', 'percent', 'int',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

const PicklistEntrySpec = z.union([
  z.string(),
  z.object({ value: z.string(), label: z.string().optional(), active: z.boolean().optional(), default: z.boolean().optional() }),
]);

/** A field as written in default metadata and in seed files (compact; expanded into FieldDef). */
export const FieldSpecSchema = z.object({
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/),
  type: z.enum(FIELD_TYPES),
  label: z.string().optional(),
  length: z.number().int().positive().optional(),
  precision: z.number().int().positive().optional(),
  scale: z.number().int().min(0).optional(),
  /** Not nillable and no default: REQUIRED_FIELD_MISSING when absent on create. */
  required: z.boolean().optional(),
  externalId: z.boolean().optional(),
  unique: z.boolean().optional(),
  caseSensitive: z.boolean().optional(),
  picklist: z.array(PicklistEntrySpec).optional(),
  restricted: z.boolean().optional(),
  referenceTo: z.union([z.string(), z.array(z.string())]).optional(),
  relationshipName: z.string().optional(),
  /** Child relationship name on the referenced object (e.g. `Contacts`). */
  childRelationshipName: z.string().optional(),
  cascadeDelete: z.boolean().optional(),
  /** A formula (calculated, read-only field), e.g. `FirstName & " " & LastName` or `TODAY() - Last_Purchase_Date__c`. */
  formula: z.string().optional(),
  /** Read-only, neither createable nor updateable. */
  readOnly: z.boolean().optional(),
  /** Createable but not updateable. */
  createOnly: z.boolean().optional(),
  defaultValue: z.union([z.string(), z.number(), z.boolean()]).optional(),
  /** Auto-number display format, e.g. `TO-{000000}` (read-only). */
  autoNumber: z.string().optional(),
  nameField: z.boolean().optional(),
});
export type FieldSpec = z.infer<typeof FieldSpecSchema>;

export const ObjectSpecSchema = z.object({
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/),
  label: z.string().optional(),
  labelPlural: z.string().optional(),
  keyPrefix: z.string().regex(/^[a-zA-Z0-9]{3}$/).optional(),
  /** Owned objects get OwnerId (default true). */
  owned: z.boolean().optional(),
  /** Custom objects without a Name field spec get a text Name (80); `autoNumberName` makes it an auto-number. */
  autoNumberName: z.string().optional(),
  mergeable: z.boolean().optional(),
  fields: z.array(FieldSpecSchema).default([]),
});
export type ObjectSpec = z.input<typeof ObjectSpecSchema>;

export interface PicklistValue {
  active: boolean;
  defaultValue: boolean;
  label: string;
  validFor: null;
  value: string;
}

/** A field as the emulator uses it (and describes it). */
export interface FieldDef {
  name: string;
  label: string;
  type: FieldType;
  length: number;
  precision: number;
  scale: number;
  digits: number;
  nillable: boolean;
  createable: boolean;
  updateable: boolean;
  calculated: boolean;
  calculatedFormula: string | null;
  /** Formula source, evaluated on every read (see formula.ts). */
  formula?: string;
  externalId: boolean;
  unique: boolean;
  caseSensitive: boolean;
  custom: boolean;
  defaultedOnCreate: boolean;
  defaultValue: string | number | boolean | null;
  picklistValues: PicklistValue[];
  restrictedPicklist: boolean;
  referenceTo: string[];
  relationshipName: string | null;
  /** Name of the child relationship this reference creates on its parent (e.g. `Contacts`). */
  childRelationshipName?: string;
  /** Deleting the parent deletes the children through this reference. */
  cascadeDelete: boolean;
  autoNumber: boolean;
  autoNumberFormat?: string;
  nameField: boolean;
  idLookup: boolean;
  filterable: boolean;
  sortable: boolean;
  groupable: boolean;
}

export interface ChildRelationship {
  childSObject: string;
  field: string;
  relationshipName: string | null;
  cascadeDelete: boolean;
}

export interface ObjectDef {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  custom: boolean;
  mergeable: boolean;
  fields: FieldDef[];
  /** Lower-cased field name → field. */
  fieldIndex: Map<string, FieldDef>;
  /** Lower-cased relationship name → reference field. */
  parentIndex: Map<string, FieldDef>;
  childRelationships: ChildRelationship[];
}
