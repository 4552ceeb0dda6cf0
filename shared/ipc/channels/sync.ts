import { z } from 'zod';
import { channel } from '../define';

/**
 * The sync engine: push and pull per connection and object, dry runs, the queue monitor, runs
 * with per-record results, conflicts. Push and pull answer at once with the started run; the
 * run reports itself through `syncProgress` until it finishes.
 */

const ConnectionId = z.string().min(1).max(64);
const ObjectName = z.string().trim().min(1).max(100);
const RunId = z.number().int().positive();

export const SyncRunKind = z.enum(['push', 'pull', 'undo', 'reconcile']);
export type SyncRunKind = z.infer<typeof SyncRunKind>;
export const SyncRunStatus = z.enum(['running', 'ok', 'partial', 'failed', 'cancelled', 'interrupted']);
export type SyncRunStatus = z.infer<typeof SyncRunStatus>;

export const RunCounts = z.object({
  /** Records the run set out to handle (grows while a push enqueues). */
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  deleted: z.number().int(),
  conflicts: z.number().int(),
  /** CRM requests made. */
  requests: z.number().int(),
});
export type RunCounts = z.infer<typeof RunCounts>;

export const SyncRun = RunCounts.extend({
  id: z.number().int(),
  kind: SyncRunKind,
  connectionId: z.string(),
  provider: z.string(),
  /** The object (or local kind) the run was limited to; null: every mapped object. */
  object: z.string().nullable(),
  trigger: z.string(),
  dryRun: z.boolean(),
  status: SyncRunStatus,
  message: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type SyncRun = z.infer<typeof SyncRun>;

/** A run while it runs: what it is doing now and how far it got. */
export const SyncProgress = SyncRun.extend({
  /** enqueue, push company, push person, push order, pull Contact, done, ... */
  phase: z.string(),
  /** Records settled so far (created + updated + unchanged + skipped + failed + deleted). */
  done: z.number().int(),
  /** Records per second over the run so far. */
  perSecond: z.number(),
});
export type SyncProgress = z.infer<typeof SyncProgress>;

export const QueueState = z.enum(['pending', 'running', 'failed', 'done', 'dead', 'cancelled', 'superseded']);
export type QueueState = z.infer<typeof QueueState>;
export const QueueCounts = z.record(QueueState, z.number().int());
export type QueueCounts = z.infer<typeof QueueCounts>;

export const QueueItemView = z.object({
  id: z.number().int(),
  connectionId: z.string(),
  object: z.string(),
  localKind: z.string(),
  localId: z.number().int().nullable(),
  /** Email, order key or company name of the local record, when it still exists. */
  label: z.string().nullable(),
  operation: z.string(),
  direction: z.enum(['push', 'pull']),
  priority: z.number().int(),
  state: QueueState,
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  nextRunAt: z.string(),
  /** The CRM's own message for the last failure. */
  lastError: z.string().nullable(),
  errorCode: z.string().nullable(),
  errorField: z.string().nullable(),
  runId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().nullable(),
});
export type QueueItemView = z.infer<typeof QueueItemView>;

export const ErrorGroupView = z.object({
  object: z.string(),
  errorCode: z.string().nullable(),
  errorField: z.string().nullable(),
  count: z.number().int(),
  sample: z.string().nullable(),
});
export type ErrorGroupView = z.infer<typeof ErrorGroupView>;

export const QueueOverview = z.object({
  counts: QueueCounts,
  throughput: z.object({ completed: z.number().int(), windowMs: z.number().int(), perSecond: z.number() }),
  /** Dead letters grouped by cause, largest first. */
  errorGroups: z.array(ErrorGroupView),
});
export type QueueOverview = z.infer<typeof QueueOverview>;

export const SyncObjectView = z.object({
  object: z.string(),
  label: z.string(),
  localKind: z.string(),
  role: z.string().nullable(),
  enabled: z.boolean(),
  /** No mapping saved: the provider's default is used. */
  isDefault: z.boolean(),
  /** Mapping errors that keep the object from being pushed. */
  errors: z.array(z.string()),
  pushable: z.boolean(),
  pullable: z.boolean(),
});
export type SyncObjectView = z.infer<typeof SyncObjectView>;

export const SyncTargetView = z.object({
  connectionId: z.string(),
  provider: z.string(),
  label: z.string(),
  status: z.string(),
  objects: z.array(SyncObjectView),
  /** Why objects could not be listed (e.g. the connection needs a reconnect). */
  problem: z.string().nullable(),
  running: z.array(z.object({ runId: z.number().int(), kind: SyncRunKind })),
});
export type SyncTargetView = z.infer<typeof SyncTargetView>;

export const DryRunIssue = z.object({
  severity: z.enum(['error', 'warning', 'defer']),
  code: z.string(),
  message: z.string(),
  crmField: z.string().optional(),
});

export const DryRunSample = z.object({
  localId: z.number().int(),
  label: z.string().nullable(),
  operation: z.enum(['create', 'update', 'skip', 'invalid']),
  /** The exact fields that would be sent. */
  fields: z.record(z.string(), z.unknown()),
  /** The CRM record it would update, when known. */
  externalId: z.string().nullable(),
  issues: z.array(DryRunIssue),
});
export type DryRunSample = z.infer<typeof DryRunSample>;

export const DryRunObject = z.object({
  object: z.string(),
  label: z.string(),
  localKind: z.string(),
  create: z.number().int(),
  update: z.number().int(),
  /** Unchanged since the last push: nothing to send. */
  skip: z.number().int(),
  /** Would be refused (a mapping or value problem); the sample says why. */
  invalid: z.number().int(),
  samples: z.array(DryRunSample),
});
export type DryRunObject = z.infer<typeof DryRunObject>;

export const DryRunReport = z.object({
  connectionId: z.string(),
  provider: z.string(),
  objects: z.array(DryRunObject),
  /** CRM reads made to tell creates from updates (no writes are ever sent). */
  reads: z.number().int(),
});
export type DryRunReport = z.infer<typeof DryRunReport>;

export const RunRecordOutcome = z.enum(['created', 'updated', 'unchanged', 'skipped', 'failed', 'deleted']);
export type RunRecordOutcome = z.infer<typeof RunRecordOutcome>;

export const RunRecordView = z.object({
  seq: z.number().int(),
  localKind: z.string(),
  localId: z.number().int().nullable(),
  object: z.string(),
  label: z.string().nullable(),
  externalId: z.string().nullable(),
  outcome: RunRecordOutcome,
  errorCode: z.string().nullable(),
  errorField: z.string().nullable(),
  errorMessage: z.string().nullable(),
  at: z.string(),
});
export type RunRecordView = z.infer<typeof RunRecordView>;

export const ConflictView = z.object({
  id: z.number().int(),
  runId: z.number().int().nullable(),
  connectionId: z.string(),
  object: z.string(),
  localKind: z.string(),
  localId: z.number().int(),
  externalId: z.string(),
  field: z.string(),
  crmField: z.string(),
  baseValue: z.string().nullable(),
  localValue: z.string().nullable(),
  crmValue: z.string().nullable(),
  winner: z.enum(['local', 'crm']),
  policy: z.string(),
  localChangedAt: z.string().nullable(),
  crmChangedAt: z.string().nullable(),
  at: z.string(),
});
export type ConflictView = z.infer<typeof ConflictView>;

const ItemIds = z.array(z.number().int().positive()).max(10_000);

export const syncChannels = {
  'sync:targets': channel(
    z.object({ connectionId: ConnectionId.optional() }).strict(),
    z.array(SyncTargetView),
    'Connections with the objects they sync (mapping saved or default), and the runs going on.',
  ),
  'sync:push': channel(
    z
      .object({
        connectionId: ConnectionId,
        object: ObjectName.optional(),
        /** Only these local records (ids of the object’s local kind). */
        ids: z.array(z.number().int().positive()).max(100_000).optional(),
        /** Every record, not only those changed since the last push. */
        all: z.boolean().default(false),
      })
      .strict(),
    SyncRun,
    'Starts a push: enqueues what changed (or the selection) and drains the queue; answers the started run.',
  ),
  'sync:pull': channel(
    z
      .object({
        connectionId: ConnectionId,
        object: ObjectName.optional(),
        /** CRM records matching no local person become new local people. */
        createPeople: z.boolean().default(false),
      })
      .strict(),
    SyncRun,
    'Starts an incremental pull from the saved cursor; answers the started run.',
  ),
  'sync:dryRun': channel(
    z
      .object({
        connectionId: ConnectionId,
        object: ObjectName.optional(),
        all: z.boolean().default(false),
        samples: z.number().int().min(0).max(20).default(3),
      })
      .strict(),
    DryRunReport,
    'What a push would create, update and skip per object, with sample payloads; reads only.',
  ),
  'sync:cancelRun': channel(z.object({ runId: RunId }).strict(), z.object({ cancelled: z.boolean() }), 'Stops a running push or pull at the next safe point.'),
  'sync:queue': channel(
    z.object({ connectionId: ConnectionId.optional(), windowMs: z.number().int().min(1000).max(3_600_000).default(60_000) }).strict(),
    QueueOverview,
    'Queue counts per state, throughput, and dead letters grouped by cause.',
  ),
  'sync:items': channel(
    z
      .object({
        connectionId: ConnectionId.optional(),
        states: z.array(QueueState).max(7).optional(),
        limit: z.number().int().min(1).max(1000).default(100),
        beforeId: z.number().int().positive().optional(),
      })
      .strict(),
    z.object({ items: z.array(QueueItemView) }),
    'Queue items, newest first, with the CRM’s message for failures.',
  ),
  'sync:retry': channel(
    z
      .object({
        ids: ItemIds.optional(),
        /** Every dead letter and failed item (within connectionId, and one cause when given). */
        all: z.boolean().default(false),
        connectionId: ConnectionId.optional(),
        errorCode: z.string().max(200).nullable().optional(),
        errorField: z.string().max(200).nullable().optional(),
      })
      .strict(),
    z.object({ retried: z.number().int() }),
    'Moves items out of dead letters (or their backoff) to run again now with fresh attempts.',
  ),
  'sync:cancel': channel(
    z
      .object({
        ids: ItemIds.optional(),
        all: z.boolean().default(false),
        connectionId: ConnectionId.optional(),
      })
      .strict(),
    z.object({ cancelled: z.number().int() }),
    'Cancels pending, failed or dead items (running ones finish their attempt).',
  ),
  'sync:runs': channel(
    z.object({ connectionId: ConnectionId.optional(), limit: z.number().int().min(1).max(500).default(20), beforeId: RunId.optional() }).strict(),
    z.array(SyncRun),
    'Recent push and pull runs with their counts, newest first.',
  ),
  'sync:run': channel(z.object({ runId: RunId }).strict(), SyncRun, 'One run.'),
  'sync:runRecords': channel(
    z
      .object({
        runId: RunId,
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(5000).default(200),
        outcome: RunRecordOutcome.optional(),
      })
      .strict(),
    z.object({ records: z.array(RunRecordView), total: z.number().int() }),
    'A run’s per-record results in the order attempted.',
  ),
  'sync:runResults': channel(
    z.object({ runId: RunId }).strict(),
    z.object({ csv: z.string(), fileName: z.string() }),
    'A run’s results file (CSV, UTF-8 with BOM): one row per record attempted, in input order.',
  ),
  'sync:conflicts': channel(
    z.object({ limit: z.number().int().min(1).max(1000).default(100), runId: RunId.optional(), connectionId: ConnectionId.optional() }).strict(),
    z.array(ConflictView),
    'Fields changed on both sides, both values and which one stood, newest first.',
  ),
};

export const syncEvents = {
  /** A run moved on (throttled), or finished. */
  syncProgress: SyncProgress,
  /** Queue counts changed (items settled, retried, cancelled). */
  queueChanged: z.object({ counts: QueueCounts, at: z.string() }),
};
