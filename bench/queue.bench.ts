import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../main/store/db';
import { enqueueMany, claim, complete, createOwnerId, type NewQueueItem } from '../main/sync/queue';

const items = (n: number, offset = 0): NewQueueItem[] =>
  Array.from({ length: n }, (_, i) => ({
    connectionId: 'bench',
    object: 'contacts',
    localKind: 'person',
    localId: offset + i + 1,
    operation: 'upsert',
    direction: 'push' as const,
    priority: i % 11,
    payload: { email: `buyer${offset + i}@example.com` },
  }));

/**
 * Queue bench (issue 6: enqueue 100k items in < 1 s) on a file database with the app's pragmas,
 * then the claim/complete cycle a push runs, in batches of 100.
 */
export const bench = {
  name: 'queue',
  async run(): Promise<Record<string, number | string>> {
    const dir = mkdtempSync(join(tmpdir(), 'tcs-bench-queue-'));
    const { db } = openDatabase(join(dir, 'bench.sqlite'));
    try {
      const batch = items(100_000);
      const t0 = performance.now();
      const res = enqueueMany(db, batch);
      const enqueueMs = performance.now() - t0;

      const t1 = performance.now();
      const again = enqueueMany(db, batch.slice(0, 10_000));
      const coalesceMs = performance.now() - t1;

      const owner = createOwnerId();
      const cycleItems = 20_000;
      const t2 = performance.now();
      for (let done = 0; done < cycleItems; ) {
        const got = claim(db, { owner, limit: 100, leaseMs: 60_000, connectionId: 'bench', object: 'contacts' });
        done += complete(db, owner, got.map((g) => g.id)).length;
      }
      const cycleMs = performance.now() - t2;
      return {
        enqueue100kMs: Math.round(enqueueMs),
        enqueue100kTarget: '< 1000 ms',
        enqueue100kOk: enqueueMs < 1000 ? 'yes' : 'no',
        inserted: res.inserted,
        coalesce10kMs: Math.round(coalesceMs),
        coalesced: again.coalesced,
        claimCompletePerSecond: Math.round(cycleItems / (cycleMs / 1000)),
      };
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

// Runs alone with `tsx bench/queue.bench.ts` until a shared bench runner imports it.
if (import.meta.url === `file://${process.argv[1]}`) {
  void bench.run().then((r) => console.log(JSON.stringify({ [bench.name]: r }, null, 2)));
}
