import type { Diagnostic, PipedriveFilter } from '../../../shared/ipc/channels/query';
import type { ObjectMeta } from '../../providers/provider';

/**
 * Pipedrive lists have no ad-hoc field filters (only saved filters by id), so field filters
 * run here over the listed rows; the search term goes to Pipedrive's own search.
 */
export function pipedriveRowFilter(filters: PipedriveFilter[]): ((row: Record<string, unknown>) => boolean) | undefined {
  if (filters.length === 0) return undefined;
  const tests = filters.map(filterTest);
  return (row) => tests.every((t) => t(row));
}

function filterTest(f: PipedriveFilter): (row: Record<string, unknown>) => boolean {
  const wanted = (f.value ?? '').trim();
  const text = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  switch (f.op) {
    case 'empty':
      return (row) => text(row[f.field]) === '';
    case 'notEmpty':
      return (row) => text(row[f.field]) !== '';
    case 'eq':
      return (row) => text(row[f.field]).toLowerCase() === wanted.toLowerCase();
    case 'neq':
      return (row) => text(row[f.field]).toLowerCase() !== wanted.toLowerCase();
    case 'contains':
      return (row) => text(row[f.field]).toLowerCase().includes(wanted.toLowerCase());
    case 'gt':
      return (row) => compare(row[f.field], wanted) > 0;
    case 'lt':
      return (row) => compare(row[f.field], wanted) < 0;
  }
}

/** Numbers compare as numbers, everything else (dates as YYYY-MM-DD, text) as text. Empty never matches. */
function compare(value: unknown, wanted: string): number {
  if (value === null || value === undefined || value === '') return Number.NaN;
  const a = Number(value);
  const b = Number(wanted);
  if (wanted !== '' && Number.isFinite(a) && Number.isFinite(b)) return a - b;
  const s = String(value);
  return s < wanted ? -1 : s > wanted ? 1 : 0;
}

/** Filters that name no field of the object, or lack the value their operator needs. */
export function validatePipedriveFilters(filters: PipedriveFilter[], meta: ObjectMeta | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  filters.forEach((f, i) => {
    const at = { from: 0, to: 0, line: 1, column: i + 1 };
    if (meta && !meta.fields.some((m) => m.name === f.field)) out.push({ ...at, severity: 'error', message: `Filter ${i + 1}: ${meta.label} has no field “${f.field}”.` });
    if (f.op !== 'empty' && f.op !== 'notEmpty' && (f.value ?? '').trim() === '') out.push({ ...at, severity: 'error', message: `Filter ${i + 1}: enter a value to compare ${f.field} with.` });
  });
  return out;
}
