import type { ObjectType } from './object-types';

export type ProcessingType = 'MANUAL' | 'SNAPSHOT' | 'DYNAMIC';

/** A CRM list (segment) with its memberships: record id → when it was added. */
export interface StoredList {
  listId: string;
  name: string;
  objectType: ObjectType;
  processingType: ProcessingType;
  createdAt: number;
  updatedAt: number;
  listVersion: number;
  createdById: string;
  deletedAt?: number;
  members: Map<string, number>;
}

export interface MembershipChange {
  added: string[];
  removed: string[];
  missing: string[];
}

/** Lists v3 state: definitions (deleted ones kept for restore) and static memberships. */
export class ListStore {
  private lists = new Map<string, StoredList>();
  private nextId = 1;

  clear(): void {
    this.lists.clear();
    this.nextId = 1;
  }

  create(init: Omit<StoredList, 'listId' | 'listVersion' | 'members' | 'updatedAt'>): StoredList {
    const list: StoredList = { ...init, listId: String(this.nextId++), listVersion: 1, updatedAt: init.createdAt, members: new Map() };
    this.lists.set(list.listId, list);
    return list;
  }

  /** A list that is not deleted (or, asked for, a deleted one too). */
  get(listId: string, includeDeleted = false): StoredList | undefined {
    const list = this.lists.get(listId);
    return list && (includeDeleted || list.deletedAt === undefined) ? list : undefined;
  }

  byName(objectType: ObjectType, name: string): StoredList | undefined {
    return this.live().find((l) => l.objectType === objectType && l.name === name);
  }

  live(): StoredList[] {
    return [...this.lists.values()].filter((l) => l.deletedAt === undefined);
  }

  /** Every list, deleted ones too (admin inspection). */
  all(): StoredList[] {
    return [...this.lists.values()];
  }

  /** Adds existing records; ids already in the list are ignored, as HubSpot ignores them. */
  add(list: StoredList, ids: string[], exists: (id: string) => string | undefined, at: number): MembershipChange {
    const change: MembershipChange = { added: [], removed: [], missing: [] };
    for (const raw of ids) {
      const id = exists(raw);
      if (id === undefined) change.missing.push(raw);
      else if (!list.members.has(id)) {
        list.members.set(id, at);
        change.added.push(id);
      }
    }
    if (change.added.length > 0) touch(list, at);
    return change;
  }

  remove(list: StoredList, ids: string[], at: number): MembershipChange {
    const change: MembershipChange = { added: [], removed: [], missing: [] };
    for (const id of ids) {
      if (list.members.delete(id)) change.removed.push(id);
      else change.missing.push(id);
    }
    if (change.removed.length > 0) touch(list, at);
    return change;
  }
}

function touch(list: StoredList, at: number): void {
  list.updatedAt = at;
}
