import { parse } from 'csv-parse/sync';
import type { ApiClient } from '../http';
import type { WriteInput, WriteOp, WriteResult } from '../provider';
import { FatalError, TransientError, ValidationError } from '../errors';
import { toRecordError } from './errors';

interface JobInfo {
  id: string;
  state: 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
  errorMessage?: string;
  numberRecordsProcessed?: number;
  numberRecordsFailed?: number;
}

export interface BulkOptions {
  matchField?: string;
  /** Called after each poll with what Salesforce reports. */
  onProgress?: (p: { state: string; processed: number; failed: number }) => void;
  /** Longest wait for the job (default 30 minutes). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Bulk API 2.0 ingest: one job, one CSV upload, poll, then results matched back to each input. */
export async function bulkWrite(api: ApiClient, base: string, object: string, op: WriteOp, records: WriteInput[], opts: BulkOptions = {}): Promise<WriteResult[]> {
  if (records.length === 0) return [];
  if (op === 'upsert' && !opts.matchField) throw new ValidationError('A bulk upsert needs an external id field.', { fields: ['matchField'] });
  const columns = columnsOf(op, records);
  const rows = records.map((r) => columns.map((c) => cell(c === 'Id' ? r.id : r.fields[c])));
  const job = await api.request<JobInfo>({
    method: 'POST',
    path: `${base}/jobs/ingest`,
    json: { object, operation: op, contentType: 'CSV', lineEnding: 'LF', columnDelimiter: 'COMMA', ...(op === 'upsert' ? { externalIdFieldName: opts.matchField } : {}) },
  });
  const jobPath = `${base}/jobs/ingest/${job.body.id}`;
  await api.request({ method: 'PUT', path: `${jobPath}/batches`, text: toCsv([columns, ...rows]), contentType: 'text/csv' });
  await api.request({ method: 'PATCH', path: jobPath, json: { state: 'UploadComplete' } });
  const done = await poll(api, jobPath, opts);
  if (done.state !== 'JobComplete') throw new FatalError(`The Salesforce bulk job ${done.state === 'Failed' ? 'failed' : 'was aborted'}: ${done.errorMessage ?? 'no reason given'}`, { code: `BULK_${done.state.toUpperCase()}` });
  const [ok, failed, unprocessed] = await Promise.all(
    ['successfulResults', 'failedResults', 'unprocessedrecords'].map(async (kind) => parseCsv((await api.request<string>({ method: 'GET', path: `${jobPath}/${kind}`, headers: { accept: 'text/csv' } })).body)),
  );
  return matchBack(columns, rows, ok, failed, unprocessed, op);
}

function columnsOf(op: WriteOp, records: WriteInput[]): string[] {
  const names = new Set<string>();
  if (op === 'update') names.add('Id');
  for (const r of records) for (const k of Object.keys(r.fields)) if (r.fields[k] !== undefined && k !== 'Id') names.add(k);
  return [...names];
}

/** Bulk CSV: `#N/A` clears a field, everything else as text. */
function cell(v: unknown): string {
  if (v === null) return '#N/A';
  if (v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const toCsv = (rows: string[][]): string => `${rows.map((r) => r.map(quote).join(',')).join('\n')}\n`;

function parseCsv(text: unknown): Array<Record<string, string>> {
  if (typeof text !== 'string' || !text.trim()) return [];
  return parse(text, { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
}

async function poll(api: ApiClient, jobPath: string, opts: BulkOptions): Promise<JobInfo> {
  const deadline = Date.now() + (opts.timeoutMs ?? 30 * 60_000);
  for (let wait = 250; ; wait = Math.min(wait * 2, 5000)) {
    opts.signal?.throwIfAborted();
    const info = (await api.request<JobInfo>({ method: 'GET', path: jobPath })).body;
    opts.onProgress?.({ state: info.state, processed: info.numberRecordsProcessed ?? 0, failed: info.numberRecordsFailed ?? 0 });
    if (info.state === 'JobComplete' || info.state === 'Failed' || info.state === 'Aborted') return info;
    if (Date.now() > deadline) throw new TransientError(`The Salesforce bulk job ${info.id} is still ${info.state}; look again later.`, { code: 'BULK_TIMEOUT' });
    await new Promise((r) => setTimeout(r, wait));
  }
}

/** Result files come in no particular order but echo the input columns: match on them. */
function matchBack(columns: string[], rows: string[][], ok: Array<Record<string, string>>, failed: Array<Record<string, string>>, unprocessed: Array<Record<string, string>>, op: WriteOp): WriteResult[] {
  const waiting = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const key = JSON.stringify(r);
    waiting.set(key, [...(waiting.get(key) ?? []), i]);
  });
  const take = (row: Record<string, string>): number | undefined => waiting.get(JSON.stringify(columns.map((c) => row[c] ?? '')))?.shift();
  const results: Array<WriteResult | undefined> = new Array(rows.length);
  for (const row of ok) {
    const i = take(row);
    if (i !== undefined) results[i] = { ok: true, id: row.sf__Id, created: op === 'create' || row.sf__Created === 'true' };
  }
  for (const row of failed) {
    const i = take(row);
    if (i !== undefined) results[i] = { ok: false, id: row.sf__Id || undefined, error: toRecordError(parseBulkError(row.sf__Error)) };
  }
  for (const row of unprocessed) {
    const i = take(row);
    if (i !== undefined) results[i] = { ok: false, error: { kind: 'transient', code: 'UNPROCESSED', message: 'Salesforce did not process this record (the job stopped early).', fields: [] } };
  }
  return results.map((r) => r ?? { ok: false, error: { kind: 'transient', code: 'NO_RESULT', message: 'The bulk job returned no result for this record.', fields: [] } });
}

/** `REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --` → error items. */
function parseBulkError(text: string | undefined): Array<{ statusCode: string; message: string; fields: string[] }> {
  if (!text) return [{ statusCode: 'UNKNOWN', message: 'Failed without a reason.', fields: [] }];
  return text
    .split(/\s*--\s*/)
    .filter(Boolean)
    .map((part) => {
      const first = part.indexOf(':');
      const last = part.lastIndexOf(':');
      if (first < 0) return { statusCode: 'UNKNOWN', message: part, fields: [] };
      const statusCode = part.slice(0, first);
      const message = last > first ? part.slice(first + 1, last) : part.slice(first + 1);
      const fields = last > first ? part.slice(last + 1).split(',').map((f) => f.trim()).filter(Boolean) : [];
      return { statusCode, message, fields };
    });
}
