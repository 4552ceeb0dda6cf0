import { createHash } from 'node:crypto';
import { builtinFields, creatableFieldTypes, defaultCustomFields } from './builtin-fields';
import { ApiError } from './errors';
import { entityKinds, type EntityKind } from './model';

export interface FieldOption {
  id: number | string;
  label: string;
  color?: string;
}

/** One field of an entity, standard or custom, with both its v1 key and v2 field_code. */
export interface FieldDef {
  id: number;
  key: string;
  v2Code: string;
  name: string;
  field_type: string;
  options: FieldOption[] | null;
  custom: boolean;
  mandatory: boolean;
  order_nr: number;
  add_time: number;
  update_time: number;
}

export interface NewCustomField {
  name: string;
  field_type: string;
  options?: string[];
  /** A fixed 40-character key (seed files use this to keep keys stable); derived from the name otherwise. */
  key?: string;
}

/**
 * Field metadata per entity. Custom keys are 40 hex characters like Pipedrive's; here they are
 * derived from entity and name so a given field keeps its key across runs.
 */
export class FieldRegistry {
  private catalogs = new Map<EntityKind, FieldDef[]>();
  private nextFieldId = 9000;
  private nextOptionId = 1;

  constructor(private readonly now: () => number) {
    for (const kind of entityKinds) {
      this.catalogs.set(
        kind,
        builtinFields[kind].map((b, i) => this.define(kind, { ...b, custom: false, order_nr: i + 1, options: b.options ?? null })),
      );
      for (const c of defaultCustomFields[kind]) this.addCustom(kind, c);
    }
  }

  list(kind: EntityKind): FieldDef[] {
    return this.catalogs.get(kind) ?? [];
  }

  custom(kind: EntityKind): FieldDef[] {
    return this.list(kind).filter((f) => f.custom);
  }

  /** By v1 key or v2 field_code. */
  byKey(kind: EntityKind, key: string): FieldDef | undefined {
    return this.list(kind).find((f) => f.key === key || f.v2Code === key);
  }

  byId(kind: EntityKind, id: number): FieldDef | undefined {
    return this.list(kind).find((f) => f.id === id);
  }

  /** A custom field by its key or its display name (seed files may use either). */
  customByKeyOrName(kind: EntityKind, keyOrName: string): FieldDef | undefined {
    return this.custom(kind).find((f) => f.key === keyOrName || f.name === keyOrName);
  }

  addCustom(kind: EntityKind, input: NewCustomField): FieldDef {
    if (!input.name?.trim()) throw new ApiError(400, 'Field name must be given.');
    if (!(creatableFieldTypes as readonly string[]).includes(input.field_type)) {
      throw new ApiError(400, `Invalid field type: ${input.field_type}`);
    }
    const hasOptions = input.field_type === 'enum' || input.field_type === 'set';
    if (hasOptions && !input.options?.length) throw new ApiError(400, 'Options must be given for enum and set fields.');
    const key = input.key ?? this.uniqueKey(kind, input.name);
    if (!/^[0-9a-f]{40}$/.test(key)) throw new ApiError(400, `Custom field key must be 40 hex characters: ${key}`);
    if (this.byKey(kind, key)) throw new ApiError(400, `Field key already exists: ${key}`);
    const options = hasOptions ? (input.options ?? []).map((label) => ({ id: this.nextOptionId++, label })) : null;
    const def = this.define(kind, {
      key,
      v2Code: key,
      name: input.name.trim(),
      field_type: input.field_type,
      options,
      custom: true,
      order_nr: this.list(kind).length + 1,
    });
    this.catalogs.get(kind)?.push(def);
    return def;
  }

  private define(
    kind: EntityKind,
    f: Pick<FieldDef, 'key' | 'v2Code' | 'name' | 'field_type' | 'options' | 'custom' | 'order_nr'> & { mandatory?: boolean },
  ): FieldDef {
    const stamp = this.now();
    return { id: this.nextFieldId++, mandatory: false, add_time: stamp, update_time: stamp, ...f };
  }

  private uniqueKey(kind: EntityKind, name: string): string {
    for (let n = 0; ; n++) {
      const key = createHash('sha1').update(`${kind}:${name}:${n}`).digest('hex');
      if (!this.byKey(kind, key)) return key;
    }
  }
}
