import type { FieldMeta, ObjectMeta, ObjectSummary } from '../../providers/provider';

/**
 * What editor help knows about the org at one moment. Lookups never fetch: a name that is not
 * loaded yet is recorded in `missing`, the caller loads it and asks again (see with-metadata.ts).
 */
export interface MetaSnapshot {
  objects?: ObjectSummary[];
  describe(object: string): ObjectMeta | undefined;
}

export class MetaReader {
  readonly missing = new Set<string>();
  private objectsWanted = false;

  constructor(private readonly snap: MetaSnapshot) {}

  get wantsObjects(): boolean {
    return this.objectsWanted;
  }

  objects(): ObjectSummary[] | undefined {
    if (!this.snap.objects) this.objectsWanted = true;
    return this.snap.objects;
  }

  /** The object as the org spells it, when the list is loaded. */
  objectName(name: string): string | undefined {
    return this.objects()?.find((o) => o.name.toLowerCase() === name.toLowerCase())?.name;
  }

  describe(object: string): ObjectMeta | undefined {
    const meta = this.snap.describe(object);
    if (!meta) this.missing.add(object);
    return meta;
  }
}

export const fieldNamed = (meta: ObjectMeta, name: string): FieldMeta | undefined => meta.fields.find((f) => f.name.toLowerCase() === name.toLowerCase());

/** Reference fields that can be followed by name (Account, Owner, Contact__r). */
export const relationshipsOf = (meta: ObjectMeta): FieldMeta[] => meta.fields.filter((f) => f.reference?.relationshipName && f.reference.targets.length > 0);

export const relationshipNamed = (meta: ObjectMeta, name: string): FieldMeta | undefined =>
  relationshipsOf(meta).find((f) => f.reference!.relationshipName!.toLowerCase() === name.toLowerCase());

export type PathResolution =
  | { ok: true; object: ObjectMeta; field?: FieldMeta }
  | { ok: false; reason: 'missing' }
  | { ok: false; reason: 'relationship' | 'field'; part: string; object: string };

/**
 * Follows `Account.Owner.Name` from `base`: every part but the last is a relationship name,
 * the last a field (or nothing, for a path that ends in a dot while typing).
 */
export function resolvePath(reader: MetaReader, base: string, parts: string[]): PathResolution {
  let meta = reader.describe(base);
  if (!meta) return { ok: false, reason: 'missing' };
  for (const part of parts.slice(0, -1)) {
    const rel = relationshipNamed(meta, part);
    if (!rel) return { ok: false, reason: 'relationship', part, object: meta.name };
    const next: ObjectMeta | undefined = reader.describe(rel.reference!.targets[0]);
    if (!next) return { ok: false, reason: 'missing' };
    meta = next;
  }
  const last = parts.at(-1);
  if (!last) return { ok: true, object: meta };
  const field = fieldNamed(meta, last);
  if (!field) return { ok: false, reason: 'field', part: last, object: meta.name };
  return { ok: true, object: meta, field };
}
