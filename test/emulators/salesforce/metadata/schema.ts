import { addField, buildField, buildObject } from './build';
import { customObjects, standardObjects } from './standard';
import { ObjectSpecSchema, type FieldDef, type FieldSpec, type ObjectDef, type ObjectSpec } from './types';

/** The org's metadata: every sObject the emulator knows, looked up case-insensitively. */
export class Schema {
  private byName = new Map<string, ObjectDef>();
  private byPrefix = new Map<string, ObjectDef>();
  private customPrefixCounter = 0;

  constructor(extraObjects: ObjectSpec[] = [], extraFields: Record<string, FieldSpec[]> = {}) {
    for (const spec of standardObjects) this.add(buildObject(spec, spec.keyPrefix));
    for (const spec of [...customObjects, ...extraObjects]) this.addObject(spec);
    for (const [objectName, fields] of Object.entries(extraFields)) {
      const obj = this.require(objectName);
      for (const f of fields) addField(obj, buildField(f));
    }
    this.linkChildRelationships();
  }

  /** Adds (or replaces) an object from a spec; custom objects get the next free `aNN` key prefix. */
  private addObject(input: ObjectSpec): void {
    const spec = ObjectSpecSchema.parse(input);
    const existing = this.byName.get(spec.name.toLowerCase());
    if (existing) {
      for (const f of spec.fields) addField(existing, buildField(f));
      return;
    }
    this.add(buildObject(spec, spec.keyPrefix ?? this.nextCustomPrefix()));
  }

  private nextCustomPrefix(): string {
    let prefix: string;
    do prefix = `a${String(this.customPrefixCounter++).padStart(2, '0')}`;
    while (this.byPrefix.has(prefix));
    return prefix;
  }

  private add(obj: ObjectDef): void {
    this.byName.set(obj.name.toLowerCase(), obj);
    this.byPrefix.set(obj.keyPrefix, obj);
  }

  private linkChildRelationships(): void {
    for (const obj of this.byName.values()) obj.childRelationships = [];
    for (const child of this.byName.values()) {
      for (const f of child.fields) {
        if (f.type !== 'reference') continue;
        for (const parentName of f.referenceTo) {
          const parent = this.get(parentName);
          if (!parent) continue;
          parent.childRelationships.push({
            childSObject: child.name,
            field: f.name,
            relationshipName: f.childRelationshipName ?? null,
            cascadeDelete: f.cascadeDelete,
          });
        }
      }
    }
  }

  get(name: string): ObjectDef | undefined {
    return this.byName.get(name.toLowerCase());
  }

  require(name: string): ObjectDef {
    const obj = this.get(name);
    if (!obj) throw new Error(`Unknown sObject ${name} in emulator metadata`);
    return obj;
  }

  byKeyPrefix(prefix: string): ObjectDef | undefined {
    return this.byPrefix.get(prefix);
  }

  all(): ObjectDef[] {
    return [...this.byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  static field(obj: ObjectDef, name: string): FieldDef | undefined {
    return obj.fieldIndex.get(name.toLowerCase());
  }

  /** The child relationship named `name` on `parent` (e.g. Account.Contacts). */
  static childRelationship(parent: ObjectDef, name: string) {
    return parent.childRelationships.find((r) => r.relationshipName?.toLowerCase() === name.toLowerCase());
  }
}
