/** Retention: old finished history is pruned so the store stays small and fast after seasons of syncs. */
export { RetentionService, type RetentionServiceDeps } from './service';
export { pruneHistory, pruneSummary, prunedRows, type PruneOptions, type PruneReport, type PruneTrigger } from './prune';
export { retentionDaysSetting, cutoffFor, isRetentionDays, DEFAULT_RETENTION_DAYS, MIN_RETENTION_DAYS, MAX_RETENTION_DAYS } from './policy';
export { compactStore, storeBytes, type CompactMode, type CompactResult } from './compact';
