import { z } from 'zod';
import { channel } from '../define';
import { BuilderModel, BuilderReading } from '../../query-builder';

/**
 * The query runner: SOQL for Salesforce, search bodies for HubSpot, field filters for
 * Pipedrive. Runs are jobs in main: `run` answers the first page at once, `more` follows the
 * next page (or every page with `all`), `queryProgress` reports counts while pages arrive.
 */

export const QueryLanguage = z.enum(['soql', 'hubspot-search', 'pipedrive-filter', 'list-filter']);
export type QueryLanguage = z.infer<typeof QueryLanguage>;

// ---- HubSpot search: the builder's model is the request body itself ---------------------

/** Every operator HubSpot's CRM search accepts. */
export const HUBSPOT_OPERATORS = [
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
] as const;
export type HubSpotOperator = (typeof HUBSPOT_OPERATORS)[number];

/** What each operator needs besides the property: drives the builder's inputs and validation. */
export const HUBSPOT_OPERATOR_INFO: Record<HubSpotOperator, { label: string; takes: 'value' | 'range' | 'values' | 'nothing' }> = {
  EQ: { label: 'is', takes: 'value' },
  NEQ: { label: 'is not', takes: 'value' },
  LT: { label: 'less than', takes: 'value' },
  LTE: { label: 'at most', takes: 'value' },
  GT: { label: 'greater than', takes: 'value' },
  GTE: { label: 'at least', takes: 'value' },
  BETWEEN: { label: 'between', takes: 'range' },
  IN: { label: 'is any of', takes: 'values' },
  NOT_IN: { label: 'is none of', takes: 'values' },
  HAS_PROPERTY: { label: 'is known', takes: 'nothing' },
  NOT_HAS_PROPERTY: { label: 'is unknown', takes: 'nothing' },
  CONTAINS_TOKEN: { label: 'contains word', takes: 'value' },
  NOT_CONTAINS_TOKEN: { label: 'does not contain word', takes: 'value' },
};

/** HubSpot's documented search limits (search guide; CRM-API-FACTS.md). */
export const HUBSPOT_SEARCH_LIMITS = {
  maxFilterGroups: 5,
  maxFiltersPerGroup: 6,
  maxFilters: 18,
  maxSorts: 1,
  maxLimit: 200,
  maxQueryLength: 3000,
  maxResults: 10_000,
} as const;

export const HubSpotFilter = z.object({
  propertyName: z.string(),
  operator: z.string(),
  value: z.string().optional(),
  highValue: z.string().optional(),
  values: z.array(z.string()).optional(),
});
export type HubSpotFilter = z.infer<typeof HubSpotFilter>;

export const HubSpotSearchBody = z.object({
  filterGroups: z.array(z.object({ filters: z.array(HubSpotFilter) })).optional(),
  sorts: z.array(z.object({ propertyName: z.string(), direction: z.enum(['ASCENDING', 'DESCENDING']) })).optional(),
  properties: z.array(z.string()).optional(),
  query: z.string().optional(),
  limit: z.number().int().optional(),
});
export type HubSpotSearchBody = z.infer<typeof HubSpotSearchBody>;

// ---- Pipedrive: a list with field filters and a search term -----------------------------

export const PIPEDRIVE_FILTER_OPS = ['eq', 'neq', 'contains', 'gt', 'lt', 'empty', 'notEmpty'] as const;
export const PipedriveFilter = z.object({
  field: z.string().min(1).max(100),
  op: z.enum(PIPEDRIVE_FILTER_OPS),
  value: z.string().max(500).optional(),
});
export type PipedriveFilter = z.infer<typeof PipedriveFilter>;

// ---- list endpoints with named filters ---------------------------------------------------

export const ListFilterValue = z.object({
  name: z.string().min(1).max(100),
  value: z.union([z.string().max(500), z.array(z.string().max(500)).max(100)]),
});
export type ListFilterValue = z.infer<typeof ListFilterValue>;

/** A filter an object's list endpoint takes, as the builder shows it. */
export const ListFilterInfo = z.object({
  name: z.string(),
  label: z.string(),
  type: z.enum(['string', 'integer', 'date', 'datetime', 'picklist']),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  multiple: z.boolean().optional(),
});
export type ListFilterInfo = z.infer<typeof ListFilterInfo>;

// ---- what a run asks for ------------------------------------------------------------------

const ObjectName = z.string().trim().min(1).max(100);

export const QueryInput = z.discriminatedUnion('language', [
  z.object({ language: z.literal('soql'), soql: z.string().max(100_000) }).strict(),
  /** `body` is validated in main (and shown back with located errors), so any JSON object passes here. */
  z.object({ language: z.literal('hubspot-search'), object: ObjectName, body: z.record(z.string(), z.unknown()) }).strict(),
  z
    .object({
      language: z.literal('pipedrive-filter'),
      object: ObjectName,
      term: z.string().max(200).optional(),
      filters: z.array(PipedriveFilter).max(20).optional(),
      fields: z.array(z.string().max(100)).max(200).optional(),
    })
    .strict(),
  /** CRMs whose list endpoints take named filters (ObjectMeta.listFilters), ANDed. */
  z
    .object({
      language: z.literal('list-filter'),
      object: ObjectName,
      filters: z.array(ListFilterValue).max(50).optional(),
      fields: z.array(z.string().max(100)).max(200).optional(),
    })
    .strict(),
]);
export type QueryInput = z.infer<typeof QueryInput>;

const ConnectionId = z.string().min(1).max(64);
const RunId = z.string().min(1).max(64);

export const RunRequest = z
  .object({
    connectionId: ConnectionId,
    input: QueryInput,
    /** Salesforce queryAll: deleted and archived rows too. */
    includeDeleted: z.boolean().default(false),
    pageSize: z.number().int().min(1).max(2000).optional(),
    /** Keep the run in the connection's history (default true). */
    remember: z.boolean().default(true),
  })
  .strict();
export type RunRequest = z.input<typeof RunRequest>;

/** A cell as the CRM answered it: null (no value) stays distinct from '' (empty text). */
export const Cell = z.union([z.string(), z.number(), z.boolean(), z.null(), z.record(z.string(), z.unknown()), z.array(z.unknown())]);
export type Cell = z.infer<typeof Cell>;

export const Diagnostic = z.object({
  /** Offsets into the text (or into the JSON text for HubSpot bodies). */
  from: z.number().int(),
  to: z.number().int(),
  /** 1-based, for messages and the CLI. */
  line: z.number().int(),
  column: z.number().int(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  /** The CRM's code when it came from running (MALFORMED_QUERY, INVALID_FIELD, VALIDATION_ERROR). */
  code: z.string().optional(),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

export const RunState = z.enum(['ready', 'loading', 'done', 'cancelled', 'failed']);
export type RunState = z.infer<typeof RunState>;

/** Where a run stands; the counter "2,000 of 48,120" is `loaded` of `total`. */
export const RunStatus = z.object({
  runId: z.string(),
  connectionId: z.string(),
  language: QueryLanguage,
  state: RunState,
  /** Columns so far, named as the query selected them (`FirstName`, `Account.Name`). */
  columns: z.array(z.string()),
  loaded: z.number().int(),
  /** Matching rows the CRM reports; null when it does not say (Pipedrive lists). */
  total: z.number().int().nullable(),
  /** Every page has been read. */
  done: z.boolean(),
  /** The CRM's result cap stopped paging before `total`. */
  capped: z.boolean(),
  /** Why paging stopped short, in words (cap hit, cancelled, failed). */
  notice: z.string().nullable(),
  /** Time spent waiting for the CRM, all pages so far. */
  durationMs: z.number(),
  pages: z.number().int(),
  error: z.string().nullable(),
  /** The CRM's complaint placed on the query text (MALFORMED_QUERY at row and column). */
  diagnostics: z.array(Diagnostic),
  historyId: z.number().int().nullable(),
  /** True when the rows form groups (SOQL GROUP BY): the Chart button offers them directly. */
  grouped: z.boolean(),
});
export type RunStatus = z.infer<typeof RunStatus>;

/** Rows `offset` .. `offset + rows.length - 1` of a run, each aligned with `status.columns`. */
export const RunPage = z.object({
  status: RunStatus,
  offset: z.number().int(),
  rows: z.array(z.array(Cell)),
});
export type RunPage = z.infer<typeof RunPage>;

// ---- editor help ----------------------------------------------------------------------------

export const CompletionKind = z.enum(['object', 'field', 'relationship', 'keyword', 'function', 'value', 'date', 'operator']);
export type CompletionKind = z.infer<typeof CompletionKind>;

export const CompletionOption = z.object({
  label: z.string(),
  kind: CompletionKind,
  /** Type, label or what the value means. */
  detail: z.string().optional(),
  /** Text to insert when it differs from the label (quoted picklist values, `Account.`). */
  apply: z.string().optional(),
  boost: z.number().optional(),
});
export type CompletionOption = z.infer<typeof CompletionOption>;

export const CompletionResult = z.object({
  /** Offsets in the text: the word being completed. */
  from: z.number().int(),
  to: z.number().int(),
  options: z.array(CompletionOption),
});
export type CompletionResult = z.infer<typeof CompletionResult>;


// ---- schema for builders ------------------------------------------------------------------

export const QueryFieldInfo = z.object({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  picklist: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  relationshipName: z.string().optional(),
  referenceTo: z.array(z.string()).optional(),
});
export type QueryFieldInfo = z.infer<typeof QueryFieldInfo>;

export const QuerySchema = z.object({
  connectionId: z.string(),
  provider: z.string(),
  language: QueryLanguage,
  supportsIncludeDeleted: z.boolean(),
  resultCap: z.number().int().nullable(),
  objects: z.array(z.object({ name: z.string(), label: z.string() })),
  /** The fields of `object` when one was asked for. */
  fields: z.array(QueryFieldInfo).optional(),
  /** The filters `object`'s list endpoint takes (language 'list-filter'). */
  listFilters: z.array(ListFilterInfo).optional(),
});
export type QuerySchema = z.infer<typeof QuerySchema>;

// ---- history, saved queries, starters ------------------------------------------------------

export const HistoryEntry = z.object({
  id: z.number().int(),
  connectionId: z.string(),
  name: z.string().nullable(),
  saved: z.boolean(),
  input: QueryInput,
  includeDeleted: z.boolean(),
  /** One line for the sidebar. */
  summary: z.string(),
  rowCount: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  lastRunAt: z.string().nullable(),
  createdAt: z.string(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const StarterQuery = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  input: QueryInput,
  /** Suggests the Chart view (grouped results). */
  chart: z.enum(['bar', 'line']).optional(),
  /** The column to group by when charting (results that are not grouped already). */
  chartGroupBy: z.string().optional(),
});
export type StarterQuery = z.infer<typeof StarterQuery>;

// ---- charts ---------------------------------------------------------------------------------

export const ChartRequest = z
  .object({
    runId: RunId,
    /** Column holding the group labels; default: the first text column. */
    groupBy: z.string().max(300).optional(),
    /** count: rows per group; sum: add up `valueColumn`; value: take `valueColumn` as is (already grouped). */
    measure: z.enum(['count', 'sum', 'value']).optional(),
    valueColumn: z.string().max(300).optional(),
    /** Most groups kept (the rest are summed into "Other"). */
    limit: z.number().int().min(1).max(500).default(30),
  })
  .strict();

export const ChartData = z.object({
  groupBy: z.string(),
  measure: z.enum(['count', 'sum', 'value']),
  valueColumn: z.string().nullable(),
  points: z.array(z.object({ label: z.string(), value: z.number() })),
  /** Columns that hold numbers (choices for the value). */
  numericColumns: z.array(z.string()),
  /** Columns that can label groups. */
  labelColumns: z.array(z.string()),
});
export type ChartData = z.infer<typeof ChartData>;

// ---- channels ---------------------------------------------------------------------------------

const ByRun = z.object({ runId: RunId }).strict();

export const ExportResult = z.object({
  /** True when main wrote the file (Electron save dialog); false: cancelled, or `content` to download. */
  saved: z.boolean(),
  path: z.string().nullable(),
  fileName: z.string(),
  mimeType: z.string(),
  rows: z.number().int(),
  /** The file itself when the shell has no save dialog (browser host): the page downloads it. */
  content: z.string().nullable(),
});
export type ExportResult = z.infer<typeof ExportResult>;

export const PullResult = z.object({
  accepted: z.boolean(),
  queued: z.number().int(),
  object: z.string().nullable(),
  message: z.string(),
});
export type PullResult = z.infer<typeof PullResult>;

const SaveRequest = z
  .object({
    connectionId: ConnectionId,
    name: z.string().trim().min(1).max(120),
    input: QueryInput,
    includeDeleted: z.boolean().default(false),
  })
  .strict();

export const queryChannels = {
  'query:schema': channel(
    z.object({ connectionId: ConnectionId, object: ObjectName.optional(), refresh: z.boolean().optional() }).strict(),
    QuerySchema,
    'The objects (and one object’s fields) a connection can query, and its query language.',
  ),
  'query:run': channel(RunRequest, RunPage, 'Runs a query and answers its first page at once; later pages come with query:more.'),
  'query:more': channel(
    z.object({ runId: RunId, all: z.boolean().default(false) }).strict(),
    RunPage,
    'Reads the next page (or, with all, keeps reading every page in the background with queryProgress events).',
  ),
  'query:rows': channel(
    z.object({ runId: RunId, offset: z.number().int().min(0), limit: z.number().int().min(1).max(20_000).default(5000) }).strict(),
    RunPage,
    'Rows of a run already read, from offset.',
  ),
  'query:cancel': channel(ByRun, RunStatus, 'Stops reading pages; the rows read so far stay.'),
  'query:complete': channel(
    z.object({ connectionId: ConnectionId, text: z.string().max(100_000), cursor: z.number().int().min(0) }).strict(),
    CompletionResult,
    'SOQL autocomplete at the cursor from the connection’s describe metadata.',
  ),
  'query:validate': channel(
    z.object({ connectionId: ConnectionId.optional(), input: QueryInput }).strict(),
    z.object({ diagnostics: z.array(Diagnostic) }),
    'Parse and metadata checks before running: errors with line and column.',
  ),
  'query:history': channel(
    z.object({ connectionId: ConnectionId }).strict(),
    z.object({ recent: z.array(HistoryEntry), saved: z.array(HistoryEntry) }),
    'Recent and saved queries of a connection.',
  ),
  'query:save': channel(SaveRequest, HistoryEntry, 'Saves a query under a name.'),
  'query:rename': channel(z.object({ id: z.number().int(), name: z.string().trim().min(1).max(120) }).strict(), HistoryEntry, 'Renames a saved or recent query (which saves it).'),
  'query:delete': channel(z.object({ id: z.number().int() }).strict(), z.object({ deleted: z.boolean() }), 'Deletes a query from history or saved queries.'),
  'query:export': channel(
    z
      .object({
        runId: RunId,
        format: z.enum(['csv', 'json']),
        /** Only these rows (grid selection); default: every row read. */
        rows: z.array(z.number().int().min(0)).max(1_000_000).optional(),
      })
      .strict(),
    ExportResult,
    'Exports the rows read so far: CSV (formula-safe, UTF-8 with BOM) or JSON, through the save dialog.',
  ),
  'query:starters': channel(z.object({ connectionId: ConnectionId }).strict(), z.array(StarterQuery), 'Ready-made queries for organizers.'),
  'query:chart': channel(ChartRequest, ChartData, 'Groups a run’s rows for a bar or line chart.'),
  'query:pullRecords': channel(
    z.object({ runId: RunId, rows: z.array(z.number().int().min(0)).min(1).max(50_000) }).strict(),
    PullResult,
    'Hands the selected result rows to the pull pipeline for the mapped object.',
  ),
  'query:status': channel(ByRun, RunStatus, 'Where a run stands.'),
  'query:composeBuilder': channel(z.object({ model: BuilderModel }).strict(), z.object({ soql: z.string() }), 'Writes the visual query builder’s model as SOQL.'),
  'query:readBuilder': channel(
    z.object({ soql: z.string().max(100_000) }).strict(),
    BuilderReading,
    'Reads SOQL back into the visual query builder’s model, naming what it cannot show.',
  ),
};

export const queryEvents = {
  /** A run read another page, finished, was cancelled or failed. */
  queryProgress: RunStatus,
};
