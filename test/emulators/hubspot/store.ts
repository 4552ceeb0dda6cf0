import { AssociationStore } from './association-store';
import { ListStore } from './list-store';
import { MarketingEventStore } from './marketing-event-store';
import { SubscriptionStore } from './subscription-store';
import { OBJECT_TYPES, objectTypeInfo, type ObjectType } from './object-types';
import { defaultProperties, type PropertyDef } from './properties';

/** One past value of a property, newest first in a record's history. */
export interface HistoryEntry {
  value: string;
  timestamp: string;
  sourceType: 'API' | 'CRM_UI' | 'CALCULATED';
}

export interface StoredRecord {
  type: ObjectType;
  id: string;
  /** Only properties that hold a value; a cleared property is absent. */
  properties: Record<string, string>;
  history: Record<string, HistoryEntry[]>;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
  archivedAt?: number;
}

export type Clock = () => number;

/** In-memory CRM: records, property definitions, associations and merge aliases. */
export class HubStore {
  readonly associations = new AssociationStore();
  readonly lists = new ListStore();
  readonly marketingEvents = new MarketingEventStore();
  readonly subscriptions = new SubscriptionStore();
  private records = new Map<ObjectType, Map<string, StoredRecord>>();
  private properties = new Map<ObjectType, Map<string, PropertyDef>>();
  /** Ids absorbed by a merge, pointing at the record that replaced them. */
  private aliases = new Map<string, string>();
  /** Live records by unique value: `type|property` → lower-cased value → id. */
  private uniqueIndex = new Map<string, Map<string, string>>();
  private nextId = 1001;
  private changes = 0;

  constructor(readonly now: Clock = Date.now) {
    for (const type of OBJECT_TYPES) {
      this.records.set(type, new Map());
      this.properties.set(type, new Map(defaultProperties(type).map((p) => [p.name, p])));
    }
  }

  /** Grows with every change to records or property definitions (lets search cache its results). */
  get version(): number {
    return this.changes;
  }

  /** Empties records, associations, aliases, lists, marketing events and subscription statuses; metadata stays. */
  reset(): void {
    this.changes++;
    for (const type of OBJECT_TYPES) this.records.set(type, new Map());
    this.associations.clear();
    this.lists.clear();
    this.marketingEvents.clear();
    this.subscriptions.clear();
    this.aliases.clear();
    this.uniqueIndex.clear();
    this.nextId = 1001;
  }

  // ---- property definitions

  property(type: ObjectType, name: string): PropertyDef | undefined {
    const def = this.properties.get(type)!.get(name);
    return def && !def.archived ? def : undefined;
  }

  propertyIncludingArchived(type: ObjectType, name: string): PropertyDef | undefined {
    return this.properties.get(type)!.get(name);
  }

  propertyList(type: ObjectType, archived: boolean): PropertyDef[] {
    return [...this.properties.get(type)!.values()].filter((p) => p.archived === archived);
  }

  putProperty(type: ObjectType, def: PropertyDef): void {
    this.changes++;
    this.properties.get(type)!.set(def.name, def);
  }

  /** Properties whose value identifies one record (email on contacts, and every hasUniqueValue property). */
  isUniqueProperty(type: ObjectType, name: string): boolean {
    if (type === 'contacts' && name === 'email') return true;
    if (name === 'hs_object_id') return true;
    return this.property(type, name)?.hasUniqueValue ?? false;
  }

  // ---- records

  allocateId(): string {
    return String(this.nextId++);
  }

  /** Keeps generated ids clear of ids a seed chose. */
  reserveId(id: string): void {
    const n = Number(id);
    if (Number.isInteger(n) && n >= this.nextId) this.nextId = n + 1;
  }

  insert(record: StoredRecord): void {
    this.changes++;
    this.records.get(record.type)!.set(record.id, record);
    this.index(record, true);
  }

  remove(type: ObjectType, id: string): void {
    this.changes++;
    const rec = this.records.get(type)!.get(id);
    if (rec) this.index(rec, false);
    this.records.get(type)!.delete(id);
  }

  /** Runs a change to a stored record's values or archived flag, keeping the unique index right. */
  mutate(rec: StoredRecord, change: () => void): void {
    this.changes++;
    this.index(rec, false);
    change();
    this.index(rec, true);
  }

  private uniqueNames(type: ObjectType): string[] {
    const names = [...this.properties.get(type)!.values()].filter((p) => p.hasUniqueValue && !p.archived).map((p) => p.name);
    return type === 'contacts' ? ['email', ...names] : names;
  }

  private index(rec: StoredRecord, add: boolean): void {
    if (rec.archived) return;
    for (const name of this.uniqueNames(rec.type)) {
      const value = rec.properties[name];
      if (value === undefined) continue;
      const key = `${rec.type}|${name}`;
      let byValue = this.uniqueIndex.get(key);
      if (!byValue) this.uniqueIndex.set(key, (byValue = new Map()));
      const lower = value.toLowerCase();
      if (add) byValue.set(lower, rec.id);
      else if (byValue.get(lower) === rec.id) byValue.delete(lower);
    }
  }

  /** The live or archived record behind an id, following merge aliases. */
  byId(type: ObjectType, id: string): StoredRecord | undefined {
    const map = this.records.get(type)!;
    let current = id;
    for (let hops = 0; hops < 10; hops++) {
      const found = map.get(current);
      if (found) return found;
      const next = this.aliases.get(`${type}|${current}`);
      if (!next) return undefined;
      current = next;
    }
    return undefined;
  }

  /** The non-archived record whose unique property holds `value` (case-insensitive, as HubSpot compares emails). */
  byUnique(type: ObjectType, name: string, value: string): StoredRecord | undefined {
    if (name === 'hs_object_id') {
      const rec = this.byId(type, value);
      return rec && !rec.archived ? rec : undefined;
    }
    const wanted = value.trim().toLowerCase();
    if (this.isUniqueProperty(type, name)) {
      const id = this.uniqueIndex.get(`${type}|${name}`)?.get(wanted);
      const rec = id ? this.records.get(type)!.get(id) : undefined;
      return rec && !rec.archived && rec.properties[name]?.toLowerCase() === wanted ? rec : undefined;
    }
    for (const rec of this.records.get(type)!.values()) {
      if (!rec.archived && rec.properties[name]?.toLowerCase() === wanted) return rec;
    }
    return undefined;
  }

  /** Records in id order (HubSpot's list order). */
  list(type: ObjectType, archived: boolean): StoredRecord[] {
    return [...this.records.get(type)!.values()].filter((r) => r.archived === archived).sort((a, b) => Number(a.id) - Number(b.id));
  }

  /** Live records in no particular order: for callers that sort or filter anyway (search). */
  scan(type: ObjectType): StoredRecord[] {
    const out: StoredRecord[] = [];
    for (const rec of this.records.get(type)!.values()) if (!rec.archived) out.push(rec);
    return out;
  }

  all(type: ObjectType): StoredRecord[] {
    return [...this.records.get(type)!.values()].sort((a, b) => Number(a.id) - Number(b.id));
  }

  addAlias(type: ObjectType, oldId: string, newId: string): void {
    this.aliases.set(`${type}|${oldId}`, newId);
  }

  lastModifiedProperty(type: ObjectType): string {
    return objectTypeInfo(type).lastModified;
  }
}
