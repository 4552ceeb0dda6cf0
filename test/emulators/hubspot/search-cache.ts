import type { HubStore, StoredRecord } from './store';

const MAX_ENTRIES = 8;

/**
 * The ordered hits of recent searches, kept until the store changes. Paging through a large result (an
 * incremental pull of 25,000 records is 125 pages of 200) then costs one filter and sort, not one per page.
 */
class SearchCache {
  private entries = new Map<string, StoredRecord[]>();
  private version = -1;

  hits(store: HubStore, key: string, compute: () => StoredRecord[]): StoredRecord[] {
    if (store.version !== this.version) {
      this.entries.clear();
      this.version = store.version;
    }
    let hits = this.entries.get(key);
    if (hits) this.entries.delete(key);
    else hits = compute();
    // Re-inserting keeps the Map in least-recently-used order, oldest first.
    this.entries.set(key, hits);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return hits;
  }
}

const caches = new WeakMap<HubStore, SearchCache>();

export function searchCache(store: HubStore): SearchCache {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new SearchCache()));
  return cache;
}
