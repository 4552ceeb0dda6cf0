import { DuplicateError, isProviderError, type ProviderError, type RecordError } from './errors';
import type { WriteInput, WriteResult } from './provider';

/** A typed error as one record's failure inside a batch answer. */
export function toRecordError(err: ProviderError): RecordError {
  return { kind: err.kind, code: err.code, message: err.message, fields: err.fields, existingIds: err instanceof DuplicateError ? err.existingIds : undefined };
}

/**
 * For CRMs without batch writes: sends the records one at a time and answers one result each,
 * in order. A record the CRM refuses (validation, duplicate, not found) fails alone. Trouble that
 * would fail every record (auth, rate limit, network) throws when nothing was written yet;
 * otherwise what was written stays and the rest carry that retryable error.
 */
export async function writeOneByOne(records: WriteInput[], writeOne: (r: WriteInput) => Promise<WriteResult>): Promise<WriteResult[]> {
  const results: WriteResult[] = [];
  for (let i = 0; i < records.length; i++) {
    try {
      results.push(await writeOne(records[i]));
    } catch (err) {
      if (!isProviderError(err)) throw err;
      if (err.kind === 'validation' || err.kind === 'duplicate' || err.kind === 'fatal') {
        results.push({ ok: false, id: records[i].id, error: toRecordError(err) });
        continue;
      }
      if (i === 0) throw err;
      for (let j = i; j < records.length; j++) results.push({ ok: false, id: records[j].id, error: toRecordError(err) });
      break;
    }
  }
  return results;
}

/** Local equality filters for read() on CRMs whose list endpoints cannot filter by any field. */
export function matchesWhere(actual: unknown, op: string, want: unknown): boolean {
  const a = actual === null || actual === undefined ? '' : String(actual).toLowerCase();
  if (op === 'in') return (Array.isArray(want) ? want : [want]).some((w) => String(w).toLowerCase() === a);
  const w = String(want).toLowerCase();
  const n = Number(a) - Number(w);
  const cmp = a !== '' && w !== '' && !Number.isNaN(n) ? Math.sign(n) : a.localeCompare(w);
  return op === 'eq' ? a === w : op === 'neq' ? a !== w : op === 'gt' ? cmp > 0 : op === 'gte' ? cmp >= 0 : op === 'lt' ? cmp < 0 : cmp <= 0;
}
