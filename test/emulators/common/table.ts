/** One resource's records by id, with ids handed out in increasing order (seeds may set their own). */
export class Table<T extends { id: number }> {
  private rows = new Map<number, T>();
  private nextId: number;

  constructor(private readonly firstId = 1) {
    this.nextId = firstId;
  }

  all(): T[] {
    return [...this.rows.values()].sort((a, b) => a.id - b.id);
  }

  get(id: number): T | undefined {
    return this.rows.get(id);
  }

  insert(fields: Omit<T, 'id'> & { id?: number }): T {
    const id = fields.id ?? this.nextId;
    if (this.rows.has(id)) throw new Error(`record ${id} already exists`);
    this.nextId = Math.max(this.nextId, id + 1);
    const row = { ...fields, id } as T;
    this.rows.set(id, row);
    return row;
  }

  replace(row: T): T {
    if (!this.rows.has(row.id)) throw new Error(`record ${row.id} not found`);
    this.rows.set(row.id, row);
    return row;
  }

  delete(id: number): boolean {
    return this.rows.delete(id);
  }

  reset(): void {
    this.rows.clear();
    this.nextId = this.firstId;
  }
}
