import type { RecordError } from './errors';

/**
 * The one interface the sync engine and the query runner use to talk to a CRM. Nothing outside
 * main/providers/<provider>/ knows which CRM is behind it: differences are data (limits,
 * capabilities, field metadata), never branches on a provider name.
 */
export interface Provider {
  readonly id: ProviderId;
  readonly connectionId: string;
  readonly capabilities: ProviderCapabilities;

  /** Who is connected and where (shown on the Connections page); also a cheap "test connection". */
  account(): Promise<AccountInfo>;
  /** API usage against the vendor's limit, from the last response's headers or a limits call. */
  usage(opts?: { refresh?: boolean }): Promise<ApiUsage | undefined>;
  /** Rate and usage information as each response reports it (for the sync engine's limiter). */
  onRateInfo(listener: (info: RateInfo) => void): () => void;

  /** The objects this connection can see. Cached per client; `refresh` asks the CRM again. */
  listObjects(opts?: { refresh?: boolean }): Promise<ObjectSummary[]>;
  /** One object's fields, normalised. Cached per client; `refresh` asks the CRM again. */
  describe(object: string, opts?: { refresh?: boolean }): Promise<ObjectMeta>;

  /** Every record of an object (optionally filtered), page by page. */
  read(object: string, opts: ReadOptions): AsyncIterable<Page<RemoteRecord>>;
  /** Records by CRM id (missing ids are simply absent from the answer). */
  getByIds(object: string, ids: string[], fields: string[]): Promise<RemoteRecord[]>;
  /** Records whose `field` equals one of `values` (match-key lookups, e.g. by email). */
  findBy(object: string, field: string, values: string[], fields: string[]): Promise<RemoteRecord[]>;
  /**
   * The provider's own query language (capabilities.queryLanguage), page by page, for the
   * query runner: SOQL text, a HubSpot search body, or a Pipedrive filter.
   */
  query(input: NativeQuery, opts?: QueryOptions): AsyncIterable<QueryPage>;

  /**
   * Creates, updates or upserts up to `capabilities.batchLimits[op]` records in one call and
   * answers one result per input, in input order. One bad record never fails its batch: its
   * result says why. Throws only when the whole call failed (auth, rate limit, network).
   */
  write(object: string, op: WriteOp, records: WriteInput[], opts?: WriteOptions): Promise<WriteResult[]>;
  /**
   * Present where the CRM has a bulk API (Salesforce Bulk API 2.0): same contract as `write`,
   * for any number of records, slower to start but far cheaper in API calls. The caller decides
   * when (the sync.bulkThreshold setting); it never branches on the provider.
   */
  bulkWrite?(object: string, op: WriteOp, records: WriteInput[], opts?: WriteOptions & BulkWriteOptions): Promise<WriteResult[]>;
  /** Links records (contact ↔ company, deal ↔ contact, ...); one result per link, in order. */
  associate(links: AssociationInput[]): Promise<WriteResult[]>;

  /**
   * Records changed since `cursor` (undefined: from the beginning), oldest first, page by page.
   * Each page carries the cursor to save once that page is stored locally.
   */
  changes(object: string, opts: ChangesOptions): AsyncIterable<ChangePage>;

  /**
   * Present where the CRM grants API access by OAuth scopes (HubSpot): the scopes the current
   * token carries and which an object needs. Undefined when the token cannot tell.
   */
  grantedScopes?(): Promise<ScopeGrants | undefined>;

  /** Releases sockets. */
  close(): Promise<void>;
}

/** What a token was granted, and what it lacks for one object (the permission preflight asks). */
export interface ScopeGrants {
  granted: string[];
  /** Scopes to grant so the token may read or write `object`; empty when it may already. */
  missingFor(object: string, access: 'read' | 'write'): string[];
}

/** A provider's id as its definition declares it; known ids are the registry's (isProviderId). */
export type ProviderId = string;

export type WriteOp = 'create' | 'update' | 'upsert';

export interface ProviderCapabilities {
  /** Most records per write call, per operation (Salesforce 200, HubSpot 100, Pipedrive 1). */
  batchLimits: Record<WriteOp, number>;
  /** Most links per associate call. */
  associationBatchLimit: number;
  /**
   * Which editor the query runner shows and what `query()` accepts. 'list-filter': the CRM's
   * list endpoints with the filters each object's describe() names in `listFilters`.
   */
  queryLanguage: 'soql' | 'hubspot-search' | 'pipedrive-filter' | 'list-filter';
  /** Largest page `read`/`query` can ask for. */
  maxPageSize: number;
  /** Search-style queries stop after this many results in total (HubSpot 10,000). */
  queryResultCap?: number;
  /** `includeDeleted` is honoured by read/query (Salesforce queryAll, HubSpot archived). */
  supportsIncludeDeleted: boolean;
  /** Upsert happens server-side by a unique/external-id field; false: the client looks the record up first. */
  nativeUpsert: boolean;
  /** Where the CRM keeps each role the app syncs (buyer → Contact, company → Account, ...). */
  objectRoles: ObjectRoles;
  /**
   * How `changes()` finds what changed: 'incremental' asks the CRM for records changed since
   * the cursor; 'reconcile' lists every record again (the CRM has no change filter) so a pull
   * is a full comparison. The UI says which.
   */
  changeTracking: 'incremental' | 'reconcile';
}

export interface ObjectRoles {
  person: string;
  company: string;
  deal: string;
  /** Salesforce Lead; absent where the CRM has no separate lead object. */
  lead?: string;
}

export interface AccountInfo {
  /** The user's name or e-mail as the CRM knows it. */
  user: string;
  userId?: string;
  /** Org / portal / company. */
  orgId?: string;
  orgName?: string;
  /** Where the API is reached (Salesforce instance URL, HubSpot hub domain, Pipedrive company domain). */
  instanceUrl?: string;
  /** Extra labelled facts for the card: "Portal id", "Hub domain", ... */
  details: Array<{ label: string; value: string }>;
}

export interface ApiUsage {
  used: number;
  max: number;
  /** 'day' for Salesforce/private apps, 'window' for HubSpot's rolling 10 s. */
  period: 'day' | 'window';
  windowMs?: number;
  observedAt: string;
}

export interface RateInfo {
  /** Requests left in the current window, when the vendor says. */
  remaining?: number;
  max?: number;
  windowMs?: number;
  dailyUsed?: number;
  dailyMax?: number;
  observedAt: number;
}

// ---- metadata ----------------------------------------------------------------------------

export interface ObjectSummary {
  name: string;
  label: string;
  labelPlural?: string;
  custom: boolean;
  queryable: boolean;
  createable: boolean;
  updateable: boolean;
}

export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'email'
  | 'phone'
  | 'url'
  | 'number'
  | 'integer'
  | 'currency'
  | 'percent'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'time'
  | 'picklist'
  | 'multipicklist'
  | 'reference'
  | 'other';

export interface PicklistOption {
  value: string;
  label: string;
  active: boolean;
  default?: boolean;
}

export interface FieldMeta {
  name: string;
  label: string;
  type: FieldType;
  /** The CRM's own type name (Salesforce `double`, HubSpot `enumeration`/`select`, ...). */
  vendorType: string;
  /** Longest string the CRM accepts; undefined when unlimited or unknown. */
  length?: number;
  precision?: number;
  scale?: number;
  /** Must be given on create (not nillable, no default). */
  required: boolean;
  createable: boolean;
  updateable: boolean;
  /** Formula / calculated by the CRM: pull only. */
  calculated: boolean;
  /** Neither createable nor updateable (system, formula, audit fields). */
  readOnly: boolean;
  /**
   * An admin can change this user's access to the field (Salesforce field-level security), so a
   * field that is read-only here may be editable for others. Undefined where the CRM has no such control.
   */
  permissionable?: boolean;
  unique: boolean;
  /** Usable as an upsert key (Salesforce externalId, HubSpot unique property, email). */
  externalId: boolean;
  custom: boolean;
  picklist?: PicklistOption[];
  /** For lookups: the objects it may point to and the relationship name for paths (Account.Name). */
  reference?: { targets: string[]; relationshipName?: string };
}

export interface ObjectMeta extends ObjectSummary {
  fields: FieldMeta[];
  /** The CRM id field (Id, hs_object_id, id). */
  idField: string;
  /** The field `changes()` orders by (SystemModstamp, hs_lastmodifieddate, update_time). */
  modifiedField: string;
  /** Fields usable as `matchField` for upserts. */
  matchFields: string[];
  /** The filters the CRM's list endpoint takes for this object (queryLanguage 'list-filter'). */
  listFilters?: ListFilter[];
}

/** One filter of a list endpoint, as the CRM names it (an API query parameter). */
export interface ListFilter {
  /** The query parameter (`tipo_pessoa`, `dataAlteracaoInicial`). */
  name: string;
  /** As the CRM names it, with an English hint: "Tipo de pessoa (person type)". */
  label: string;
  type: 'string' | 'integer' | 'date' | 'datetime' | 'picklist';
  options?: PicklistOption[];
  /** Takes several values (sent as `name[]=a&name[]=b`). */
  multiple?: boolean;
}

// ---- reading -----------------------------------------------------------------------------

/** A record as read from the CRM: id plus field values by API name (relationship paths nested). */
export interface RemoteRecord {
  id: string;
  fields: Record<string, unknown>;
  /** The modifiedField's value, ISO 8601, when read. */
  modifiedAt?: string;
  deleted?: boolean;
}

export interface Page<T> {
  records: T[];
  /** Total matching records, when the CRM says. */
  total?: number;
  done: boolean;
}

export interface ReadOptions {
  fields: string[];
  /** Equality filters ANDed together. */
  where?: Array<{ field: string; op: 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'in'; value: string | number | boolean | Array<string | number> }>;
  pageSize?: number;
  includeDeleted?: boolean;
  signal?: AbortSignal;
}

export type NativeQuery =
  /** Salesforce: SOQL text. */
  | { language: 'soql'; soql: string }
  /** HubSpot: a search body for one object ({ filterGroups, sorts, properties, query, limit }). */
  | { language: 'hubspot-search'; object: string; body: Record<string, unknown> }
  /** Pipedrive: one object listed, optionally filtered by a saved filter id or a search term. */
  | { language: 'pipedrive-filter'; object: string; term?: string; filterId?: number; fields?: string[] }
  /** A list endpoint with the filters its describe() names (ObjectMeta.listFilters), ANDed. */
  | { language: 'list-filter'; object: string; filters?: Array<{ name: string; value: string | string[] }>; fields?: string[] };

export interface QueryOptions {
  pageSize?: number;
  includeDeleted?: boolean;
  signal?: AbortSignal;
}

export interface QueryPage {
  /** Rows as the CRM answered them, vendor envelope (attributes, properties wrapper) removed. */
  rows: Array<Record<string, unknown>>;
  /** Total matching rows, when known (SOQL totalSize, HubSpot total). */
  total?: number;
  done: boolean;
  /** True when the CRM's result cap was hit and more rows exist than can be paged to. */
  capped?: boolean;
}

export interface ChangesOptions {
  fields: string[];
  /** Opaque: what the previous page's `cursor` said. */
  cursor?: string;
  pageSize?: number;
  includeDeleted?: boolean;
  signal?: AbortSignal;
}

export interface ChangePage {
  records: RemoteRecord[];
  /** Save this after storing the page; resuming from it never skips a record (ties included). */
  cursor: string;
  done: boolean;
}

// ---- writing -----------------------------------------------------------------------------

export interface WriteInput {
  /** CRM id: required for update, ignored for create. */
  id?: string;
  /** Field values by API name. null clears a field. */
  fields: Record<string, unknown>;
}

export interface WriteOptions {
  /** Upsert key: an external-id / unique field whose value is in each record's fields. */
  matchField?: string;
}

export type WriteResult =
  | { ok: true; id: string; created?: boolean }
  | { ok: false; error: RecordError; id?: string };

export interface BulkWriteOptions {
  onProgress?: (p: { state: string; processed: number; failed: number }) => void;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface AssociationInput {
  from: { object: string; id: string };
  to: { object: string; id: string };
  /** A role where the CRM keeps one (Salesforce OpportunityContactRole.Role). */
  role?: string;
}
