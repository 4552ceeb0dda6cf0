import { statSync } from 'node:fs';
import type { Db } from '../store/db';

export type CompactMode = 'auto' | 'always' | 'never';

export interface CompactResult {
  /** incremental: free pages handed back in steps; converted: a one-time VACUUM into incremental mode; none: only statistics refreshed. */
  method: 'incremental' | 'converted' | 'none';
  freePagesBefore: number;
  bytesBefore: number;
  bytesAfter: number;
  durationMs: number;
  /** Why it stopped early (another process held the store), if it did. */
  skipped?: string;
}

/** A prune is "big" when this share of the file is free pages (and at least MIN_FREE_BYTES). */
const FREE_SHARE = 0.2;
const MIN_FREE_BYTES = 8 * 1024 * 1024;
/** Pages handed back per step of an incremental vacuum (4 MB at 4 KB pages), with a yield between. */
const PAGES_PER_STEP = 1024;

const pragmaNumber = (db: Db, name: string): number => db.pragma(name, { simple: true }) as number;

/** Store file plus its write-ahead log, as the disk sees them. */
export function storeBytes(db: Db): number {
  if (db.memory) return pragmaNumber(db, 'page_count') * pragmaNumber(db, 'page_size');
  const size = (f: string) => {
    try {
      return statSync(f).size;
    } catch {
      return 0;
    }
  };
  return size(db.name) + size(`${db.name}-wal`);
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Gives the space a prune freed back to the disk, then refreshes the planner's statistics.
 * A store still in the default auto_vacuum mode is rebuilt once (VACUUM) into incremental mode;
 * from then on free pages are returned in short steps that let the app breathe in between.
 */
export async function compactStore(db: Db, mode: CompactMode, signal?: AbortSignal): Promise<CompactResult> {
  const started = performance.now();
  const freePagesBefore = pragmaNumber(db, 'freelist_count');
  const pageSize = pragmaNumber(db, 'page_size');
  const pages = pragmaNumber(db, 'page_count');
  const bytesBefore = storeBytes(db);
  const big = freePagesBefore * pageSize >= MIN_FREE_BYTES && freePagesBefore >= pages * FREE_SHARE;
  const result: CompactResult = { method: 'none', freePagesBefore, bytesBefore, bytesAfter: bytesBefore, durationMs: 0 };
  if (mode === 'never' || (mode === 'auto' && !big) || freePagesBefore === 0) {
    db.pragma('optimize');
    result.durationMs = Math.round(performance.now() - started);
    return result;
  }
  try {
    if (pragmaNumber(db, 'auto_vacuum') === 2) {
      result.method = 'incremental';
      while (pragmaNumber(db, 'freelist_count') > 0 && !signal?.aborted && db.open) {
        db.pragma(`incremental_vacuum(${PAGES_PER_STEP})`);
        await pause();
      }
    } else {
      result.method = 'converted';
      db.pragma('auto_vacuum = INCREMENTAL');
      db.exec('VACUUM');
    }
    if (!db.open) return result;
    if (!db.memory) db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('optimize');
  } catch (err) {
    // SQLITE_BUSY: another process is reading or writing; the next prune tries again.
    if (!db.open) return result;
    result.skipped = err instanceof Error ? err.message : String(err);
  }
  result.bytesAfter = db.open ? storeBytes(db) : bytesBefore;
  result.durationMs = Math.round(performance.now() - started);
  return result;
}
