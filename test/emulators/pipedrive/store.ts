import { entityKinds, type EntityKind, type Patch, type RecordOf } from './model';
import { toSecond } from './time';

/** Pipedrive keeps deleted items for 30 days, then no endpoint returns them. */
export const PURGE_AFTER_MS = 30 * 24 * 3600 * 1000;

type Maps = { [K in EntityKind]: Map<number, RecordOf[K]> };

/** In-memory records of persons, organizations and deals, with soft delete and maintained timestamps. */
export class Store {
  private maps = Store.emptyMaps();
  private nextId: Record<EntityKind, number> = { person: 1, organization: 1, deal: 1 };

  constructor(private readonly now: () => number) {}

  /** Every record still known (deleted ones included until purged), by id. */
  all<K extends EntityKind>(kind: K): RecordOf[K][] {
    return [...this.maps[kind].values()].filter((r) => !this.purged(r)).sort((a, b) => a.id - b.id);
  }

  active<K extends EntityKind>(kind: K): RecordOf[K][] {
    return this.all(kind).filter((r) => r.delete_time === null);
  }

  get<K extends EntityKind>(kind: K, id: number): RecordOf[K] | undefined {
    const rec = this.maps[kind].get(id);
    return rec && !this.purged(rec) ? rec : undefined;
  }

  getActive<K extends EntityKind>(kind: K, id: number): RecordOf[K] | undefined {
    const rec = this.get(kind, id);
    return rec && rec.delete_time === null ? rec : undefined;
  }

  /** Stores a new record; `add_time`/`update_time` default to now (seeds may set them). */
  insert<K extends EntityKind>(kind: K, fields: Omit<RecordOf[K], 'id' | 'update_time' | 'delete_time'> & { id?: number; update_time?: number; delete_time?: number | null }): RecordOf[K] {
    const id = fields.id ?? this.nextId[kind];
    if (this.maps[kind].has(id)) throw new Error(`${kind} ${id} already exists`);
    this.nextId[kind] = Math.max(this.nextId[kind], id + 1);
    const record = { delete_time: null, update_time: fields.add_time, ...fields, id } as RecordOf[K];
    this.maps[kind].set(id, record);
    return record;
  }

  update<K extends EntityKind>(kind: K, id: number, patch: Patch<K>): RecordOf[K] {
    const rec = this.getActive(kind, id);
    if (!rec) throw new Error(`${kind} ${id} not found`);
    Object.assign(rec, patch, { update_time: this.stamp() });
    return rec;
  }

  softDelete(kind: EntityKind, id: number): void {
    const rec = this.getActive(kind, id);
    if (!rec) throw new Error(`${kind} ${id} not found`);
    const stamp = this.stamp();
    rec.delete_time = stamp;
    rec.update_time = stamp;
  }

  /** The current time at the precision Pipedrive stores. */
  stamp(): number {
    return toSecond(this.now());
  }

  reset(): void {
    this.maps = Store.emptyMaps();
    this.nextId = { person: 1, organization: 1, deal: 1 };
  }

  private purged(rec: { delete_time: number | null }): boolean {
    return rec.delete_time !== null && this.now() - rec.delete_time > PURGE_AFTER_MS;
  }

  private static emptyMaps(): Maps {
    return Object.fromEntries(entityKinds.map((k) => [k, new Map()])) as unknown as Maps;
  }
}
