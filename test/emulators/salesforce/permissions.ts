import { z } from 'zod';
import { Schema } from './metadata/schema';
import type { FieldDef, ObjectDef } from './metadata/types';

/**
 * The connected user's profile: object permissions (Read, Create, Edit, Delete) and field-level
 * security (hidden, read-only). Everything is allowed unless the profile says otherwise.
 */

export const FIELD_ACCESS = ['hidden', 'readOnly', 'editable'] as const;
export type FieldAccess = (typeof FIELD_ACCESS)[number];

const ObjectAccessSchema = z.object({ read: z.boolean(), create: z.boolean(), edit: z.boolean(), delete: z.boolean() }).partial().strict();
export type ObjectAccess = z.infer<typeof ObjectAccessSchema>;

export const PermissionsSchema = z
  .object({
    /** `{ "Campaign": { "create": false } }`. */
    objects: z.record(z.string(), ObjectAccessSchema).default({}),
    /** `{ "Contact": { "Phone": "readOnly", "Birthdate": "hidden" } }`. */
    fields: z.record(z.string(), z.record(z.string(), z.enum(FIELD_ACCESS))).default({}),
  })
  .strict();
export type PermissionProfile = z.infer<typeof PermissionsSchema>;

const AUDIT_FIELDS = new Set(['Id', 'IsDeleted', 'OwnerId', 'CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById', 'SystemModstamp']);

/** Whether an admin can set field-level security on the field (required and system fields are always visible). */
export function isPermissionable(f: FieldDef): boolean {
  if (AUDIT_FIELDS.has(f.name) || f.nameField) return false;
  const required = !f.nillable && f.type !== 'boolean' && (f.createable || f.updateable);
  return !required;
}

/** The flags describe shows for an object under the profile. */
export interface ObjectFlags {
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
}

export class Permissions {
  private profile: PermissionProfile = { objects: {}, fields: {} };
  private objects = new Map<string, ObjectAccess>();
  private fields = new Map<string, FieldAccess>();

  constructor(private readonly schema: Schema) {}

  /** Replaces the profile; throws an Error naming the first unknown object/field or unpermissionable field. */
  set(input: unknown): PermissionProfile {
    const profile = PermissionsSchema.parse(input ?? {});
    const objects = new Map<string, ObjectAccess>();
    const fields = new Map<string, FieldAccess>();
    for (const [name, access] of Object.entries(profile.objects)) objects.set(this.object(name).name, access);
    for (const [objectName, entries] of Object.entries(profile.fields)) {
      const obj = this.object(objectName);
      for (const [fieldName, access] of Object.entries(entries)) {
        const field = Schema.field(obj, fieldName);
        if (!field) throw new Error(`Unknown field ${obj.name}.${fieldName}`);
        if (!isPermissionable(field)) throw new Error(`Field-level security cannot be set on ${obj.name}.${field.name} (required or system field)`);
        fields.set(`${obj.name}.${field.name}`, access);
      }
    }
    this.profile = profile;
    this.objects = objects;
    this.fields = fields;
    return profile;
  }

  get(): PermissionProfile {
    return this.profile;
  }

  private object(name: string): ObjectDef {
    const obj = this.schema.get(name);
    if (!obj) throw new Error(`Unknown object ${name}`);
    return obj;
  }

  canRead(obj: ObjectDef): boolean {
    return this.objects.get(obj.name)?.read !== false;
  }

  canCreate(obj: ObjectDef): boolean {
    return this.canRead(obj) && this.objects.get(obj.name)?.create !== false;
  }

  canEdit(obj: ObjectDef): boolean {
    return this.canRead(obj) && this.objects.get(obj.name)?.edit !== false;
  }

  canDelete(obj: ObjectDef): boolean {
    return this.canEdit(obj) && this.objects.get(obj.name)?.delete !== false;
  }

  flags(obj: ObjectDef, writable: boolean): ObjectFlags {
    return { createable: writable && this.canCreate(obj), updateable: writable && this.canEdit(obj), deletable: writable && this.canDelete(obj) };
  }

  access(obj: ObjectDef, field: FieldDef): FieldAccess {
    return this.fields.get(`${obj.name}.${field.name}`) ?? 'editable';
  }

  visible(obj: ObjectDef, field: FieldDef): boolean {
    return this.access(obj, field) !== 'hidden';
  }

  /** A child relationship counts when its field is visible on a readable child object. */
  childVisible(childObject: string, fieldName: string): boolean {
    const child = this.schema.get(childObject);
    const field = child && Schema.field(child, fieldName);
    return !!child && !!field && this.canRead(child) && this.visible(child, field);
  }

  /** A field as describe shows it to this user: read-only FLS clears createable and updateable. */
  describedField(obj: ObjectDef, field: FieldDef): FieldDef {
    return this.access(obj, field) === 'readOnly' ? { ...field, createable: false, updateable: false } : field;
  }
}
