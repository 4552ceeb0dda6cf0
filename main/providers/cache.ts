/** Memoises async lookups by key (describe metadata); `refresh` drops the entry first. Failures are not cached. */
export class AsyncCache<T> {
  private readonly entries = new Map<string, Promise<T>>();

  get(key: string, load: () => Promise<T>, refresh = false): Promise<T> {
    if (refresh) this.entries.delete(key);
    let hit = this.entries.get(key);
    if (!hit) {
      hit = load();
      this.entries.set(key, hit);
      hit.catch(() => this.entries.delete(key));
    }
    return hit;
  }

  clear(): void {
    this.entries.clear();
  }
}
