import type { FieldDef, ObjectDef } from '../metadata/types';
import type { SfRecord } from '../store';
import { noSuchColumn, unknownRelationship, type QueryContext } from './context';

/** A field reached from the queried object, possibly through parent relationships (Account.Owner.Name). */
export interface FieldPath {
  /** Reference fields followed, with the object each one leads to. */
  hops: { ref: FieldDef; relationshipName: string; target: ObjectDef }[];
  field: FieldDef;
  owner: ObjectDef;
  /** How the query wrote it, e.g. `Account.Name`. */
  text: string;
}

/** Resolves `A.B.Field` from `obj`; a leading object name or alias (`Contact.Email`, `c.Email`) is dropped. */
export function resolvePath(ctx: QueryContext, obj: ObjectDef, text: string, alias?: string): FieldPath {
  let parts = text.split('.');
  const first = parts[0].toLowerCase();
  if (parts.length > 1 && (first === obj.name.toLowerCase() || first === alias?.toLowerCase()) && !obj.parentIndex.has(first)) {
    parts = parts.slice(1);
  }
  const hops: FieldPath['hops'] = [];
  let current = obj;
  for (const rel of parts.slice(0, -1)) {
    const ref = current.parentIndex.get(rel.toLowerCase());
    const target = ref && ctx.org.permissions.visible(current, ref) ? ctx.org.apiObject(ref.referenceTo[0]) : undefined;
    if (!ref || !target) throw unknownRelationship(ctx, rel);
    hops.push({ ref, relationshipName: ref.relationshipName!, target });
    current = target;
  }
  const name = parts[parts.length - 1];
  // Field-level security hides a field from SOQL as if it did not exist.
  const field = ctx.org.apiField(current, name);
  if (!field) throw noSuchColumn(ctx, current, name);
  return { hops, field, owner: current, text };
}

/** The parent record a path's hops lead to (undefined when a link is empty or the parent is gone). */
export function followHops(ctx: QueryContext, path: FieldPath, rec: SfRecord, hopCount = path.hops.length): SfRecord | undefined {
  let current: SfRecord | undefined = rec;
  for (let i = 0; i < hopCount && current; i++) {
    const { ref, target } = path.hops[i];
    const id: unknown = current[ref.name];
    const parent: SfRecord | undefined = typeof id === 'string' ? ctx.org.store.get(target.name, id) : undefined;
    current = parent && (ctx.includeDeleted || parent.IsDeleted !== true) ? parent : undefined;
  }
  return current;
}

/** The value at the end of a path for one record (null when any link is empty). */
export function readPath(ctx: QueryContext, path: FieldPath, rec: SfRecord): unknown {
  const owner = followHops(ctx, path, rec);
  return owner ? ctx.org.read(path.owner, owner, path.field) : null;
}
