import type { Db } from '../../store/db';
import { readSetting } from '../../store/settings';

/** Attempts before a dead letter, from the setting sync.maxAttempts (default 3), sanitised. */
export function maxAttemptsSetting(db: Db): number {
  const v = readSetting(db, 'sync.maxAttempts');
  return typeof v === 'number' && Number.isFinite(v) && v >= 1 ? Math.min(100, Math.round(v)) : 3;
}
