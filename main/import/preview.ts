import type { Db } from '../store/db';
import type { ImportPreview, ValidationSummary } from '../../shared/ipc/channels/import';
import type { ReadStats } from './source/csv-file';
import { readRecordsThreaded } from './source/threaded-reader';
import { compileMapping } from './mapping/compile';
import { buildRow, type RowContext, type WarningKind } from './rows/build-row';
import { nowIso } from '../store/db';
import type { ImportPlan } from './plan';

const SAMPLE_ROWS = 20;
const SAMPLE_CELL_CHARS = 200;
const EXAMPLES = 5;
const FORMULA = /^[=+\-@]/;
const NUMBERISH = /^[+-]?[\d\s().,/-]+$/;

type Example = ValidationSummary['invalidEmailExamples'][number];

function countExisting(db: Db, emails: Iterable<string>): number {
  const stmt = db.prepare('SELECT count(*) FROM people WHERE email IN (SELECT value FROM json_each(?))').pluck();
  let n = 0;
  let batch: string[] = [];
  const flush = () => {
    if (batch.length) n += stmt.get(JSON.stringify(batch)) as number;
    batch = [];
  };
  for (const e of emails) {
    batch.push(e);
    if (batch.length >= 500) flush();
  }
  flush();
  return n;
}

/**
 * Reads the whole file once, as the import would, without writing: what would be rejected and
 * why, values that would not parse, people appearing twice, and how many are already known.
 */
export async function previewImport(db: Db, plan: ImportPlan, signal?: AbortSignal): Promise<ImportPreview> {
  const { layout, mapping } = plan;
  const ctx: RowContext = {
    mapping: compileMapping(layout.headers, mapping.columns),
    dateOrder: mapping.dateOrder,
    decimal: mapping.decimal,
    event: mapping.event ?? null,
    today: nowIso().slice(0, 10),
  };
  const s: ValidationSummary = {
    rows: 0, missingEmail: 0, invalidEmails: 0, invalidEmailExamples: [], unparseableDates: 0, unparseableDateExamples: [],
    unparseableAmounts: 0, unparseableAmountExamples: [], unrecognisedValues: 0, duplicateEmails: 0, duplicateRows: 0,
    distinctPeople: 0, existingPeople: 0, raggedRows: 0, blankLines: 0, formulaCells: 0, tooLongCells: 0,
  };
  const seen = new Map<string, number>();
  const sampleRows: ImportPreview['sampleRows'] = [];
  const stats: ReadStats = { bytesRead: 0, blankRecords: 0, raggedRows: 0 };
  const push = (list: Example[], e: Example) => void (list.length < EXAMPLES && list.push(e));
  const issueLists: Record<WarningKind, { count: 'unparseableDates' | 'unparseableAmounts' | 'unrecognisedValues'; examples?: Example[] }> = {
    date: { count: 'unparseableDates', examples: s.unparseableDateExamples },
    amount: { count: 'unparseableAmounts', examples: s.unparseableAmountExamples },
    value: { count: 'unrecognisedValues' },
  };
  for await (const batch of readRecordsThreaded(layout, { batchSize: 2000, signal, stats })) {
    for (const rec of batch) {
      s.rows++;
      if (sampleRows.length < SAMPLE_ROWS) sampleRows.push({ line: rec.line, cells: rec.cells.map((c) => c.slice(0, SAMPLE_CELL_CHARS)) });
      for (const i of ctx.mapping.used) {
        const v = rec.cells[i];
        if (v && FORMULA.test(v) && !NUMBERISH.test(v)) s.formulaCells++;
      }
      const res = buildRow(rec.line, rec.cells, ctx);
      if (!res.ok) {
        if (res.kind === 'missingEmail') s.missingEmail++;
        else if (res.kind === 'tooLong') s.tooLongCells++;
        else {
          s.invalidEmails++;
          const col = ctx.mapping.byTarget['person.email']?.find((i) => rec.cells[i]?.trim()) ?? 0;
          push(s.invalidEmailExamples, { line: rec.line, column: layout.headers[col], value: rec.cells[col].slice(0, 200) });
        }
        continue;
      }
      seen.set(res.row.email, (seen.get(res.row.email) ?? 0) + 1);
      for (const issue of res.issues) {
        const target = issueLists[issue.kind];
        s[target.count]++;
        if (target.examples) push(target.examples, { line: rec.line, column: issue.column, value: issue.value.slice(0, 200) });
      }
    }
    // Let IPC and the UI breathe between batches of a long read.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  for (const n of seen.values()) {
    if (n > 1) {
      s.duplicateEmails++;
      s.duplicateRows += n - 1;
    }
  }
  s.distinctPeople = seen.size;
  s.existingPeople = countExisting(db, seen.keys());
  s.raggedRows = stats.raggedRows;
  s.blankLines = stats.blankRecords;
  return {
    fileName: layout.fileName,
    size: layout.size,
    encoding: layout.encoding,
    encodingDetected: layout.encodingDetected,
    delimiter: layout.delimiter,
    delimiterDetected: layout.delimiterDetected,
    headerLine: layout.headerLine,
    headers: layout.headers,
    renamedHeaders: layout.renamedHeaders,
    sampleRows,
    preset: mapping.preset,
    mapping,
    formats: plan.formats,
    summary: s,
    notices: plan.notices,
  };
}
