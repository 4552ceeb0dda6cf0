/**
 * Query results nest parent relationships (`{ Account: { Name } }`) and carry Salesforce
 * `attributes`; grids and exports want flat columns named as the query selected them
 * (`Account.Name`). Child subquery results become a count column so a row stays a row.
 */
export type FlatRow = Record<string, unknown>;

export function flattenRecord(record: Record<string, unknown>, prefix = '', out: FlatRow = {}): FlatRow {
  for (const [key, value] of Object.entries(record)) {
    if (key === 'attributes') continue;
    const name = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const obj = value as Record<string, unknown>;
      if (Array.isArray(obj.records)) out[name] = (obj.records as unknown[]).length;
      else flattenRecord(obj, name, out);
    } else {
      out[name] = value;
    }
  }
  return out;
}

/** Column order: as first seen across rows, so the selected field order is kept. */
export function columnsOf(rows: FlatRow[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) seen.add(k);
  return [...seen];
}
