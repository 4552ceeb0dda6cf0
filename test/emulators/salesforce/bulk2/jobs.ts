import { formatDateTime } from '../dates';
import { DmlFailure, SfApiError, type SaveError } from '../errors';
import type { Dml } from '../dml';
import { Schema } from '../metadata/schema';
import type { ObjectDef } from '../metadata/types';
import type { Org } from '../org';
import { DELIMITERS, parseCsv, writeCsv } from './csv';

/** Bulk API 2.0 ingest jobs: Open → UploadComplete → InProgress → JobComplete / Failed (or Aborted). */

export type JobState = 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
const OPERATIONS = ['insert', 'update', 'upsert', 'delete', 'hardDelete'] as const;
type Operation = (typeof OPERATIONS)[number];

interface Results {
  columns: string[];
  successful: string[][];
  failed: string[][];
  unprocessed: string[][];
}

export interface IngestJob {
  id: string;
  operation: Operation;
  object: ObjectDef;
  externalIdFieldName?: string;
  lineEnding: 'LF' | 'CRLF';
  columnDelimiter: string;
  apiVersion: number;
  state: JobState;
  createdDate: string;
  systemModstamp: string;
  uploads: string[];
  results?: Results;
  errorMessage?: string;
  processingMs: number;
}

const jobError = (status: number, errorCode: string, message: string) => new SfApiError(status, errorCode, message);

/** `#N/A` sets a field to null; an empty cell means "leave unchanged" on update/upsert. */
const NULL_MARKER = '#N/A';

export class BulkJobs {
  private jobs = new Map<string, IngestJob>();

  constructor(
    private readonly org: Org,
    private readonly dml: Dml,
  ) {}

  create(body: Record<string, unknown>, version: string): IngestJob {
    const obj = typeof body.object === 'string' ? this.org.object(body.object) : undefined;
    if (!obj) throw jobError(400, 'INVALIDJOB', `Unable to find object: ${String(body.object ?? '')}`);
    const operation = OPERATIONS.find((op) => op === body.operation);
    if (!operation) throw jobError(400, 'INVALIDJOB', `InvalidJob : Invalid job operation: ${String(body.operation ?? '')}`);
    if ((body.contentType ?? 'CSV') !== 'CSV') throw jobError(400, 'INVALIDJOB', `InvalidJob : Unsupported content type: ${String(body.contentType)}`);
    const lineEnding = (body.lineEnding ?? 'LF') as string;
    if (lineEnding !== 'LF' && lineEnding !== 'CRLF') throw jobError(400, 'INVALIDJOB', `InvalidJob : Invalid line ending: ${lineEnding}`);
    const columnDelimiter = String(body.columnDelimiter ?? 'COMMA');
    if (!DELIMITERS[columnDelimiter]) throw jobError(400, 'INVALIDJOB', `InvalidJob : Invalid column delimiter: ${columnDelimiter}`);
    let externalIdFieldName: string | undefined;
    if (operation === 'upsert') {
      if (typeof body.externalIdFieldName !== 'string' || !body.externalIdFieldName) {
        throw jobError(400, 'INVALIDJOB', `InvalidJob : External ID was blank for ${obj.name}. An External ID must be specified for upsert.`);
      }
      const field = Schema.field(obj, body.externalIdFieldName);
      if (!field || !(field.externalId || field.name === 'Id')) {
        throw jobError(400, 'INVALIDJOB', `InvalidJob : Field name provided, ${body.externalIdFieldName} is not an External ID or indexed field for ${obj.name}`);
      }
      externalIdFieldName = field.name;
    }
    const now = formatDateTime(this.org.clock.stamp());
    const job: IngestJob = {
      id: this.org.ids.next('750'),
      operation,
      object: obj,
      externalIdFieldName,
      lineEnding,
      columnDelimiter,
      apiVersion: Number(version),
      state: 'Open',
      createdDate: now,
      systemModstamp: now,
      uploads: [],
      processingMs: 0,
    };
    this.jobs.set(job.id, job);
    return job;
  }

  get(id: string): IngestJob {
    const job = this.jobs.get(id);
    if (!job) throw jobError(404, 'NOT_FOUND', 'The requested resource does not exist');
    return job;
  }

  list(): IngestJob[] {
    return [...this.jobs.values()];
  }

  upload(id: string, csv: string): void {
    const job = this.get(id);
    if (job.state !== 'Open') throw jobError(409, 'INVALIDJOBSTATE', `Job's current state is ${job.state}; data can only be uploaded to an Open job`);
    job.uploads.push(csv);
  }

  setState(id: string, wanted: unknown): IngestJob {
    const job = this.get(id);
    if (wanted === 'UploadComplete') {
      if (job.state !== 'Open') throw jobError(409, 'INVALIDJOBSTATE', `Job's current state is ${job.state}, not Open`);
      this.transition(job, 'UploadComplete');
    } else if (wanted === 'Aborted') {
      if (!['Open', 'UploadComplete', 'InProgress'].includes(job.state)) throw jobError(409, 'INVALIDJOBSTATE', `Job's current state is ${job.state}; it cannot be aborted`);
      this.transition(job, 'Aborted');
    } else {
      throw jobError(400, 'INVALIDJOBSTATE', `Invalid state: ${String(wanted)}`);
    }
    return job;
  }

  /**
   * Polling moves a closed job along one step: the first look after UploadComplete finds it
   * InProgress (its rows are processed then), the next finds JobComplete or Failed.
   */
  poll(id: string): IngestJob {
    const job = this.get(id);
    if (job.state === 'UploadComplete') this.process(job);
    else if (job.state === 'InProgress') this.transition(job, job.errorMessage ? 'Failed' : 'JobComplete');
    return job;
  }

  delete(id: string): void {
    const job = this.get(id);
    if (job.state === 'Open' || job.state === 'InProgress') throw jobError(409, 'INVALIDJOBSTATE', `Job's current state is ${job.state}; it cannot be deleted`);
    this.jobs.delete(id);
  }

  /** The results CSV of one kind; processing finishes first if the job is still running. */
  resultCsv(id: string, kind: 'successful' | 'failed' | 'unprocessed'): string {
    const job = this.get(id);
    if (job.state === 'UploadComplete') this.process(job);
    if (job.state === 'InProgress') this.transition(job, job.errorMessage ? 'Failed' : 'JobComplete');
    const results = job.results ?? this.unprocessedOnly(job);
    const header =
      kind === 'successful' ? ['sf__Id', 'sf__Created', ...results.columns] : kind === 'failed' ? ['sf__Id', 'sf__Error', ...results.columns] : results.columns;
    return writeCsv(header, results[kind], job.lineEnding);
  }

  reset(): void {
    this.jobs.clear();
  }

  private transition(job: IngestJob, state: JobState): void {
    job.state = state;
    job.systemModstamp = formatDateTime(this.org.clock.stamp());
  }

  private rows(job: IngestJob): { columns: string[]; rows: string[][] } {
    const delimiter = DELIMITERS[job.columnDelimiter];
    let columns: string[] = [];
    const rows: string[][] = [];
    for (const upload of job.uploads) {
      const [header, ...body] = parseCsv(upload, delimiter);
      if (!header) continue;
      columns = header.map((h) => h.trim());
      rows.push(...body);
    }
    return { columns, rows };
  }

  private unprocessedOnly(job: IngestJob): Results {
    const { columns, rows } = this.rows(job);
    return { columns, successful: [], failed: [], unprocessed: rows };
  }

  private process(job: IngestJob): void {
    const started = Date.now();
    this.transition(job, 'InProgress');
    let parsed: { columns: string[]; rows: string[][] };
    try {
      parsed = this.rows(job);
    } catch (err) {
      job.errorMessage = `InvalidBatch : Failed to parse CSV: ${(err as Error).message}`;
      job.results = { columns: [], successful: [], failed: [], unprocessed: [] };
      return;
    }
    const unknown = parsed.columns.find((c) => !c.includes('.') && !Schema.field(job.object, c));
    if (unknown !== undefined) {
      job.errorMessage = `InvalidBatch : Field name not found : ${unknown}`;
      job.results = { columns: parsed.columns, successful: [], failed: [], unprocessed: parsed.rows };
      return;
    }
    const results: Results = { columns: parsed.columns, successful: [], failed: [], unprocessed: [] };
    for (const row of parsed.rows) this.processRow(job, parsed.columns, row, results);
    job.results = results;
    job.processingMs = Date.now() - started;
  }

  private processRow(job: IngestJob, columns: string[], row: string[], results: Results): void {
    const input = rowInput(job, columns, row);
    const idCell = String(input.Id ?? '');
    try {
      const { id, created } = this.apply(job, input);
      results.successful.push([id, String(created), ...row]);
    } catch (err) {
      const errors: SaveError[] =
        err instanceof DmlFailure ? err.errors : err instanceof SfApiError ? [{ statusCode: err.errorCode, message: err.message, fields: err.fields ?? [] }] : [];
      if (!errors.length) throw err;
      const text = errors.map((e) => `${e.statusCode}:${e.message}:${e.fields.join(',')} --`).join(' ');
      results.failed.push([job.operation === 'insert' ? '' : idCell, text, ...row]);
    }
  }

  private apply(job: IngestJob, input: Record<string, unknown>): { id: string; created: boolean } {
    switch (job.operation) {
      case 'insert':
        return { id: this.dml.create(job.object, input).Id as string, created: true };
      case 'update':
        if (!input.Id) throw new SfApiError(400, 'MISSING_ARGUMENT', 'Id not specified in an update call', []);
        return { id: this.dml.update(job.object, input.Id, input).Id as string, created: false };
      case 'upsert': {
        const ext = job.externalIdFieldName!;
        const value = input[ext];
        if (value === undefined || value === null || value === '') throw new SfApiError(400, 'MISSING_ARGUMENT', `${ext} not specified`, [ext]);
        const out = this.dml.upsert(job.object, ext, String(value), input);
        if (out.kind === 'multiple') {
          throw new SfApiError(400, 'DUPLICATE_EXTERNAL_ID', `${ext}: more than one record found for external id field: [${out.ids.join(', ')}]`, [ext]);
        }
        return { id: out.id, created: out.created };
      }
      default:
        return { id: this.dml.delete(input.Id, job.object).Id as string, created: false };
    }
  }
}

/** One CSV row as a DML payload; `Parent.ExtId__c` columns become parent references by external id. */
function rowInput(job: IngestJob, columns: string[], row: string[]): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  columns.forEach((col, i) => {
    const cell = row[i] ?? '';
    if (cell === '' && job.operation !== 'insert') return;
    const value = cell === NULL_MARKER || cell === '' ? null : cell;
    const dot = col.indexOf('.');
    if (dot > 0) {
      if (value !== null) input[col.slice(0, dot)] = { [col.slice(dot + 1)]: value };
      return;
    }
    input[col] = value;
  });
  return input;
}

export function jobInfo(job: IngestJob, detailed: boolean) {
  const info: Record<string, unknown> = {
    id: job.id,
    operation: job.operation,
    object: job.object.name,
    createdById: '',
    createdDate: job.createdDate,
    systemModstamp: job.systemModstamp,
    state: job.state,
    ...(job.externalIdFieldName ? { externalIdFieldName: job.externalIdFieldName } : {}),
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: job.apiVersion,
    contentUrl: `services/data/v${job.apiVersion.toFixed(1)}/jobs/ingest/${job.id}/batches`,
    lineEnding: job.lineEnding,
    columnDelimiter: job.columnDelimiter,
  };
  if (!detailed) return info;
  const processed = job.results ? job.results.successful.length + job.results.failed.length : 0;
  return {
    ...info,
    jobType: 'V2Ingest',
    numberRecordsProcessed: processed,
    numberRecordsFailed: job.results?.failed.length ?? 0,
    retries: 0,
    totalProcessingTime: job.processingMs,
    apiActiveProcessingTime: job.processingMs,
    apexProcessingTime: 0,
    ...(job.state === 'Failed' && job.errorMessage ? { errorMessage: job.errorMessage } : {}),
  };
}
