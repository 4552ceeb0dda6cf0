/** In-memory record storage per sObject, with soft deletes, lazy field indexes and an undo journal. */

export type SfRecord = Record<string, unknown>;

interface Meta {
  deletedAt?: number;
}

interface Index {
  key: (rec: SfRecord) => string | undefined;
  map: Map<string, Set<string>>;
}

interface Table {
  rows: Map<string, SfRecord>;
  indexes: Map<string, Index>;
}

interface JournalEntry {
  table: Table;
  id: string;
  before: SfRecord | undefined;
  metaBefore: Meta | undefined;
}

/** Wall clock of the emulated org; tests can move it (seconds precision, as Salesforce stamps). */
export class Clock {
  offsetMs = 0;
  now(): number {
    return Date.now() + this.offsetMs;
  }
  /** Now truncated to the second: audit fields carry `.000` milliseconds like the real service. */
  stamp(): number {
    return Math.floor(this.now() / 1000) * 1000;
  }
}

const indexKey = (caseSensitive: boolean) => (value: unknown) =>
  value === null || value === undefined ? undefined : caseSensitive ? String(value) : String(value).toLowerCase();

export class Store {
  private tables = new Map<string, Table>();
  private meta = new Map<string, Meta>();
  private journals: JournalEntry[][] = [];

  private table(objectName: string): Table {
    let t = this.tables.get(objectName);
    if (!t) {
      t = { rows: new Map(), indexes: new Map() };
      this.tables.set(objectName, t);
    }
    return t;
  }

  get(objectName: string, id: string): SfRecord | undefined {
    return this.table(objectName).rows.get(id);
  }

  /** Every stored record of an object, deleted ones included, in insertion order. */
  all(objectName: string): SfRecord[] {
    return [...this.table(objectName).rows.values()];
  }

  count(objectName: string): number {
    return this.table(objectName).rows.size;
  }

  /** Records whose `field` equals `value` (case-insensitive unless asked), deleted ones included. */
  findBy(objectName: string, field: string, value: unknown, caseSensitive = false): SfRecord[] {
    const t = this.table(objectName);
    const name = `${field}|${caseSensitive ? 'cs' : 'ci'}`;
    let index = t.indexes.get(name);
    if (!index) {
      const toKey = indexKey(caseSensitive);
      index = { key: (rec) => toKey(rec[field]), map: new Map() };
      for (const rec of t.rows.values()) addToIndex(index, rec);
      t.indexes.set(name, index);
    }
    const k = indexKey(caseSensitive)(value);
    if (k === undefined) return [];
    const ids = index.map.get(k);
    return ids ? [...ids].map((id) => t.rows.get(id)!).filter(Boolean) : [];
  }

  put(objectName: string, record: SfRecord): void {
    const t = this.table(objectName);
    const id = record.Id as string;
    this.log(t, id);
    this.set(t, id, record);
  }

  markDeleted(objectName: string, id: string, at: number): void {
    this.log(this.table(objectName), id);
    this.meta.set(id, { ...this.meta.get(id), deletedAt: at });
  }

  deletedAt(id: string): number | undefined {
    return this.meta.get(id)?.deletedAt;
  }

  /** Runs `fn`; when it throws, every write made inside is undone and the error rethrown. */
  transaction<T>(fn: () => T): T {
    const journal: JournalEntry[] = [];
    this.journals.push(journal);
    try {
      const out = fn();
      this.journals.pop();
      this.journals.at(-1)?.push(...journal);
      return out;
    } catch (err) {
      this.journals.pop();
      this.undo(journal);
      throw err;
    }
  }

  reset(keep: (objectName: string) => boolean = () => false): void {
    for (const name of [...this.tables.keys()]) if (!keep(name)) this.tables.delete(name);
    this.meta.clear();
  }

  private set(t: Table, id: string, record: SfRecord | undefined): void {
    const before = t.rows.get(id);
    for (const index of t.indexes.values()) {
      if (before) removeFromIndex(index, before);
      if (record) addToIndex(index, record);
    }
    if (record) t.rows.set(id, record);
    else t.rows.delete(id);
  }

  private log(table: Table, id: string): void {
    const journal = this.journals.at(-1);
    if (!journal) return;
    const meta = this.meta.get(id);
    journal.push({ table, id, before: table.rows.get(id), metaBefore: meta && { ...meta } });
  }

  private undo(journal: JournalEntry[]): void {
    for (const e of journal.reverse()) {
      this.set(e.table, e.id, e.before);
      if (e.metaBefore) this.meta.set(e.id, e.metaBefore);
      else this.meta.delete(e.id);
    }
  }
}

function addToIndex(index: Index, rec: SfRecord): void {
  const k = index.key(rec);
  if (k === undefined) return;
  let ids = index.map.get(k);
  if (!ids) index.map.set(k, (ids = new Set()));
  ids.add(rec.Id as string);
}

function removeFromIndex(index: Index, rec: SfRecord): void {
  const k = index.key(rec);
  if (k !== undefined) index.map.get(k)?.delete(rec.Id as string);
}
