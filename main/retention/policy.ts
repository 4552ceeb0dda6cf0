import type { Db } from '../store/db';
import { readSetting } from '../store/settings';

export const DEFAULT_RETENTION_DAYS = 90;
/** The Settings page accepts 1 to 3,650 days; the CLI's --days the same. */
export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 3650;

const DAY_MS = 86_400_000;

export const isRetentionDays = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= MIN_RETENTION_DAYS && v <= MAX_RETENTION_DAYS;

/**
 * The setting retention.days. A value the Settings page would refuse (hand-edited store, older
 * version) falls back to the default instead of pruning everything or nothing.
 */
export function retentionDaysSetting(db: Db): number {
  const v = readSetting(db, 'retention.days');
  return isRetentionDays(v) ? v : DEFAULT_RETENTION_DAYS;
}

/** Rows last touched before this instant are old enough to prune (ISO, as the store writes times). */
export const cutoffFor = (days: number, now: number): string => new Date(now - days * DAY_MS).toISOString();
