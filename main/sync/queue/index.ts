/** The persisted sync queue: enqueue with coalescing, lease-based claims, retries, dead letters. */
export * from './types';
export { enqueue, enqueueMany, defaultIdempotencyKey, type EnqueueOptions, type EnqueueResult } from './enqueue';
export { claim, recoverAbandoned, renewLeases, type ClaimOptions } from './claim';
export { complete, fail, release, type FailOptions, type FailOutcome } from './settle';
export { retryItems, retryAll, cancelItems, cancelAll, purgeFinished } from './manage';
export { queueCounts, throughput, listItems, getItem, errorGroups, type QueueCounts, type Throughput, type ListOptions, type ErrorGroup } from './read';
export { backoffDelay, defaultBackoff, type BackoffPolicy } from './backoff';
export { createOwnerId, parseOwnerId, isOwnerAlive } from './owner';
export { failureFromError, failureFromRecordError } from './failure';
export { QueueRunner, type JobDefinition, type ClaimedJob, type ItemResult, type RunnerOptions, type BatchSummary } from './runner';
export { maxAttemptsSetting } from './settings';
