import { z } from 'zod';
import { channel } from '../define';
import { ApiUsageInfo, ConnectionStatusSchema } from './connections';
import { SyncRun } from './sync';

/**
 * The Home dashboard: per connection, records synced per day, success and failure, queue depth
 * and API usage over time, the last runs, and what needs attention with the action that fixes it.
 */

export const DASHBOARD_RANGES = [7, 30, 90] as const;
export const DashboardRange = z.union([z.literal(7), z.literal(30), z.literal(90)]);
export type DashboardRange = z.infer<typeof DashboardRange>;

/** An IANA time zone the runtime knows ("Europe/Berlin"); days are counted in it. */
const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone such as Europe/Berlin');

const Int = z.number().int();

/** One local day of one connection's runs (dry runs left out). */
export const DayMetrics = z.object({
  /** YYYY-MM-DD in the requested time zone. */
  day: z.string(),
  /** Records written: created + updated + deleted, both directions. */
  synced: Int,
  /** Of those, by direction (pushes to the CRM, pulls from it). */
  pushed: Int,
  pulled: Int,
  created: Int,
  updated: Int,
  deleted: Int,
  unchanged: Int,
  skipped: Int,
  failed: Int,
  /** Records handled without an error (synced + unchanged). */
  succeeded: Int,
  runs: Int,
  /** Runs that ended failed or partial. */
  failedRuns: Int,
});
export type DayMetrics = z.infer<typeof DayMetrics>;

/** A time bucket of the queue series; null: no sample in it (the app was not running). */
export const QueuePoint = z.object({
  at: z.string(),
  /** The deepest the queue was (pending + running + retrying). */
  depth: Int.nullable(),
  dead: Int.nullable(),
});
export type QueuePoint = z.infer<typeof QueuePoint>;

/** A time bucket of the API usage series: the highest share of the limit the CRM reported. */
export const UsagePoint = z.object({
  at: z.string(),
  percent: z.number().nullable(),
  used: z.number().nullable(),
  max: z.number().nullable(),
});
export type UsagePoint = z.infer<typeof UsagePoint>;

export const MetricTotals = z.object({
  synced: Int,
  succeeded: Int,
  failed: Int,
  runs: Int,
  failedRuns: Int,
  /** succeeded / (succeeded + failed); null when nothing was handled. */
  successRate: z.number().nullable(),
});
export type MetricTotals = z.infer<typeof MetricTotals>;

export const ConnectionMetrics = z.object({
  connectionId: z.string(),
  provider: z.string(),
  providerName: z.string(),
  label: z.string(),
  status: ConnectionStatusSchema,
  days: z.array(DayMetrics),
  totals: MetricTotals,
  queue: z.array(QueuePoint),
  usage: z.array(UsagePoint),
  /** 'day': a daily allowance (Salesforce); 'window': a rolling burst limit (HubSpot's 10 s). */
  usagePeriod: z.enum(['day', 'window']).nullable(),
  /** The queue as it is now. */
  queueNow: z.object({ pending: Int, running: Int, failed: Int, dead: Int }),
  usageNow: ApiUsageInfo.nullable(),
  lastRun: SyncRun.nullable(),
});
export type ConnectionMetrics = z.infer<typeof ConnectionMetrics>;

export const DashboardOverview = z.object({
  range: DashboardRange,
  timeZone: z.string(),
  /** The range's local days, oldest first (the x axis of the daily charts). */
  days: z.array(z.string()),
  /** Width of a queue / usage bucket. */
  bucketMs: Int,
  generatedAt: z.string(),
  connections: z.array(ConnectionMetrics),
  totals: MetricTotals,
  /** Newest first, every connection. */
  lastRuns: z.array(SyncRun),
  /** Any sync run kept at all (else Home shows the first steps instead of empty charts). */
  hasHistory: z.boolean(),
});
export type DashboardOverview = z.infer<typeof DashboardOverview>;

/** What one click on an attention item does. */
export const AttentionAction = z.discriminatedUnion('kind', [
  /** The dead letters of one cause, in the Sync page's queue, filtered (and Retry them from Home). */
  z.object({
    kind: z.literal('dead-letters'),
    connectionId: z.string(),
    object: z.string(),
    errorCode: z.string().nullable(),
    errorField: z.string().nullable(),
  }),
  /** Sign in again (the Connections page's reconnect dialog). */
  z.object({ kind: z.literal('reconnect'), connectionId: z.string(), provider: z.string() }),
  /** The mapping editor on the object whose mapping has errors. */
  z.object({ kind: z.literal('mapping'), connectionId: z.string(), object: z.string() }),
  /** The failed run on the Sync page (and Run again from Home). */
  z.object({ kind: z.literal('run'), connectionId: z.string(), runId: Int, runKind: z.enum(['push', 'pull', 'undo', 'reconcile']) }),
]);
export type AttentionAction = z.infer<typeof AttentionAction>;

export const AttentionItem = z.object({
  /** Stable across refreshes (kind + what it is about). */
  id: z.string(),
  kind: z.enum(['dead-letters', 'reconnect', 'mapping-errors', 'failed-run']),
  severity: z.enum(['error', 'warning']),
  connectionId: z.string(),
  connectionLabel: z.string(),
  title: z.string(),
  /** The CRM's or the validator's own words, when there are some. */
  detail: z.string().nullable(),
  count: Int.nullable(),
  at: z.string().nullable(),
  action: AttentionAction,
});
export type AttentionItem = z.infer<typeof AttentionItem>;

export const DashboardAttention = z.object({
  items: z.array(AttentionItem),
  /** Connections whose mappings could not be checked (offline CRM, say), with why. */
  unchecked: z.array(z.object({ connectionId: z.string(), reason: z.string() })),
  checkedAt: z.string(),
});
export type DashboardAttention = z.infer<typeof DashboardAttention>;

export const dashboardChannels = {
  'dashboard:overview': channel(
    z.object({ range: DashboardRange.default(30), timeZone: TimeZone.optional() }).strict(),
    DashboardOverview,
    'Per connection: records synced per day, success and failure, queue depth and API usage over the range; the last runs.',
  ),
  'dashboard:attention': channel(
    z.object({}).strict(),
    DashboardAttention,
    'What needs attention: dead letters by cause, connections to reconnect, mappings with errors, failed last runs.',
  ),
};
