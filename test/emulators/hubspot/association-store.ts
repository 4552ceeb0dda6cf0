import { associationType } from './association-types';
import { OBJECT_TYPES, type ObjectType } from './object-types';

const edgeKey = (fromType: ObjectType, fromId: string, toType: ObjectType) => `${fromType}|${fromId}|${toType}`;

/** Associations kept in both directions, each pair holding its set of association type ids. */
export class AssociationStore {
  private edges = new Map<string, Map<string, Set<number>>>();

  add(fromType: ObjectType, fromId: string, toType: ObjectType, toId: string, typeId: number): void {
    this.link(fromType, fromId, toType, toId, typeId);
    const inverse = associationType(typeId)?.inverse;
    if (inverse !== undefined) this.link(toType, toId, fromType, fromId, inverse);
  }

  /** Removes every type between the pair (both directions); true when something was there. */
  removeAll(fromType: ObjectType, fromId: string, toType: ObjectType, toId: string): boolean {
    const a = this.edges.get(edgeKey(fromType, fromId, toType))?.delete(toId) ?? false;
    const b = this.edges.get(edgeKey(toType, toId, fromType))?.delete(fromId) ?? false;
    return a || b;
  }

  /** Removes the given types (and their inverses) between the pair. */
  removeTypes(fromType: ObjectType, fromId: string, toType: ObjectType, toId: string, typeIds: number[]): void {
    for (const typeId of typeIds) {
      this.unlink(fromType, fromId, toType, toId, typeId);
      const inverse = associationType(typeId)?.inverse;
      if (inverse !== undefined) this.unlink(toType, toId, fromType, fromId, inverse);
    }
  }

  /** Associated ids of one object toward one type, in id order, each with its type ids. */
  list(fromType: ObjectType, fromId: string, toType: ObjectType): Array<{ toId: string; typeIds: number[] }> {
    const targets = this.edges.get(edgeKey(fromType, fromId, toType));
    if (!targets) return [];
    return [...targets.entries()]
      .filter(([, types]) => types.size > 0)
      .map(([toId, types]) => ({ toId, typeIds: [...types].sort((x, y) => x - y) }))
      .sort((x, y) => Number(x.toId) - Number(y.toId));
  }

  /** Moves every association of `oldId` onto `newId` (used by merges). */
  reassign(type: ObjectType, oldId: string, newId: string): void {
    for (const toType of OBJECT_TYPES) {
      for (const { toId, typeIds } of this.list(type, oldId, toType)) {
        this.removeAll(type, oldId, toType, toId);
        for (const typeId of typeIds) this.add(type, newId, toType, toId, typeId);
      }
    }
  }

  clear(): void {
    this.edges.clear();
  }

  private link(fromType: ObjectType, fromId: string, toType: ObjectType, toId: string, typeId: number): void {
    const key = edgeKey(fromType, fromId, toType);
    let targets = this.edges.get(key);
    if (!targets) this.edges.set(key, (targets = new Map()));
    let types = targets.get(toId);
    if (!types) targets.set(toId, (types = new Set()));
    types.add(typeId);
  }

  private unlink(fromType: ObjectType, fromId: string, toType: ObjectType, toId: string, typeId: number): void {
    const targets = this.edges.get(edgeKey(fromType, fromId, toType));
    const types = targets?.get(toId);
    if (!types) return;
    types.delete(typeId);
    if (types.size === 0) targets!.delete(toId);
  }
}
