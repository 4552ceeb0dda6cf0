import type { ColumnMapping, ImportTarget } from '../../../shared/ipc/channels/import';

/** A mapping turned into column indexes per target, ready for the per-row hot path. */
export interface CompiledMapping {
  headers: readonly string[];
  byTarget: Partial<Record<ImportTarget, number[]>>;
  custom: Array<{ index: number; key: string }>;
  /** Columns whose values are read at all (for length limits and formula counts). */
  used: number[];
  hasCheckInData: boolean;
}

export function compileMapping(headers: readonly string[], columns: readonly ColumnMapping[]): CompiledMapping {
  const byTarget: CompiledMapping['byTarget'] = {};
  const custom: CompiledMapping['custom'] = [];
  const used: number[] = [];
  for (const c of columns) {
    if (c.index >= headers.length || c.target === 'ignore') continue;
    used.push(c.index);
    if (c.target === 'custom') custom.push({ index: c.index, key: headers[c.index] });
    else (byTarget[c.target] ??= []).push(c.index);
  }
  const hasCheckInData = Boolean(byTarget['ticket.checkedIn'] || byTarget['ticket.checkInDate'] || byTarget['ticket.attendeeStatus']);
  return { headers, byTarget, custom, used, hasCheckInData };
}

/** Columns named in the mapping must exist in the file, under the same header. */
export function mappingMismatch(headers: readonly string[], columns: readonly ColumnMapping[]): string | null {
  for (const c of columns) {
    if (c.index >= headers.length) return `The mapping names column ${c.index + 1} ("${c.header}") but the file has ${headers.length} columns.`;
    if (headers[c.index] !== c.header) return `Column ${c.index + 1} is "${headers[c.index]}" in the file, not "${c.header}" as the mapping says.`;
  }
  return null;
}
