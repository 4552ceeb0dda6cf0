import { openDatabase, type Db } from '../../../main/store/db';
import type { NewQueueItem } from '../../../main/sync/queue';

export const memoryDb = (): Db => openDatabase(':memory:').db;

export const item = (localId: number, over: Partial<NewQueueItem> = {}): NewQueueItem => ({
  connectionId: 'hs',
  object: 'contacts',
  localKind: 'person',
  localId,
  operation: 'upsert',
  direction: 'push',
  ...over,
});

/** Owners in tests are all "alive" unless a test says otherwise, so only lease expiry applies. */
export const alive = (): boolean => true;

export const T0 = Date.parse('2026-01-01T00:00:00.000Z');
