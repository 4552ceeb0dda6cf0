import { DmlFailure, SfApiError, type SaveError } from '../errors';
import type { Dml } from '../dml';
import type { Org } from '../org';
import { DELIMITERS, parseCsv } from './csv';
import type { IngestJob, Results } from './jobs';

/** Turns a closed job's CSV into DML calls and result rows, one row at a time. */

/** `#N/A` sets a field to null; an empty cell means "leave unchanged" on update/upsert. */
const NULL_MARKER = '#N/A';

export function uploadedRows(job: IngestJob): { columns: string[]; rows: string[][] } {
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

/** Runs every row; sets `job.results`, or `job.errorMessage` when the upload itself is unusable. */
export function processJob(org: Org, dml: Dml, job: IngestJob): void {
  let parsed: { columns: string[]; rows: string[][] };
  try {
    parsed = uploadedRows(job);
  } catch (err) {
    job.errorMessage = `InvalidBatch : Failed to parse CSV: ${(err as Error).message}`;
    job.results = { columns: [], successful: [], failed: [], unprocessed: [] };
    return;
  }
  const unknown = parsed.columns.find((c) => !c.includes('.') && !org.apiField(job.object, c));
  if (unknown !== undefined) {
    job.errorMessage = `InvalidBatch : Field name not found : ${unknown}`;
    job.results = { columns: parsed.columns, successful: [], failed: [], unprocessed: parsed.rows };
    return;
  }
  const results: Results = { columns: parsed.columns, successful: [], failed: [], unprocessed: [] };
  for (const row of parsed.rows) processRow(dml, job, parsed.columns, row, results);
  job.results = results;
}

function processRow(dml: Dml, job: IngestJob, columns: string[], row: string[], results: Results): void {
  const input = rowInput(job, columns, row);
  const idCell = String(input.Id ?? '');
  try {
    const { id, created } = apply(dml, job, input);
    results.successful.push([id, String(created), ...row]);
  } catch (err) {
    const errors: SaveError[] =
      err instanceof DmlFailure ? err.errors : err instanceof SfApiError ? [{ statusCode: err.errorCode, message: err.message, fields: err.fields ?? [] }] : [];
    if (!errors.length) throw err;
    const text = errors.map((e) => `${e.statusCode}:${e.message}:${e.fields.join(',')} --`).join(' ');
    results.failed.push([job.operation === 'insert' ? '' : idCell, text, ...row]);
  }
}

function apply(dml: Dml, job: IngestJob, input: Record<string, unknown>): { id: string; created: boolean } {
  switch (job.operation) {
    case 'insert':
      return { id: dml.create(job.object, input).Id as string, created: true };
    case 'update':
      if (!input.Id) throw new SfApiError(400, 'MISSING_ARGUMENT', 'Id not specified in an update call', []);
      return { id: dml.update(job.object, input.Id, input).Id as string, created: false };
    case 'upsert': {
      const ext = job.externalIdFieldName!;
      const value = input[ext];
      if (value === undefined || value === null || value === '') throw new SfApiError(400, 'MISSING_ARGUMENT', `${ext} not specified`, [ext]);
      const out = dml.upsert(job.object, ext, String(value), input);
      if (out.kind === 'multiple') {
        throw new SfApiError(400, 'DUPLICATE_EXTERNAL_ID', `${ext}: more than one record found for external id field: [${out.ids.join(', ')}]`, [ext]);
      }
      return { id: out.id, created: out.created };
    }
    default:
      return { id: dml.delete(input.Id, job.object).Id as string, created: false };
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
