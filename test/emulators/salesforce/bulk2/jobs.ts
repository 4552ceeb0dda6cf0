import { formatDateTime } from '../dates';
import { SfApiError } from '../errors';
import type { Dml } from '../dml';
import type { ObjectDef } from '../metadata/types';
import type { Org } from '../org';
import { DELIMITERS, writeCsv } from './csv';
import { processJob, uploadedRows } from './process';

/** Bulk API 2.0 ingest jobs: Open → UploadComplete → InProgress → JobComplete / Failed (or Aborted). */

export type JobState = 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
const OPERATIONS = ['insert', 'update', 'upsert', 'delete', 'hardDelete'] as const;
type Operation = (typeof OPERATIONS)[number];

export interface Results {
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

export class BulkJobs {
  private jobs = new Map<string, IngestJob>();

  constructor(
    private readonly org: Org,
    private readonly dml: Dml,
  ) {}

  create(body: Record<string, unknown>, version: string): IngestJob {
    const obj = typeof body.object === 'string' ? this.org.apiObject(body.object) : undefined;
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
      const field = this.org.apiField(obj, body.externalIdFieldName);
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

  private unprocessedOnly(job: IngestJob): Results {
    const { columns, rows } = uploadedRows(job);
    return { columns, successful: [], failed: [], unprocessed: rows };
  }

  private process(job: IngestJob): void {
    const started = Date.now();
    this.transition(job, 'InProgress');
    processJob(this.org, this.dml, job);
    job.processingMs = Date.now() - started;
  }
}
