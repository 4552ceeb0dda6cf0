import type { Cell, ChartData } from '../../shared/ipc/channels/query';

export interface ChartOptions {
  groupBy?: string;
  measure?: 'count' | 'sum' | 'value';
  valueColumn?: string;
  limit?: number;
  /** The rows are groups already (SOQL GROUP BY): take values as they are. */
  grouped?: boolean;
}

const numeric = (c: Cell): number | undefined => {
  if (typeof c === 'number') return c;
  if (typeof c === 'string' && c.trim() !== '' && Number.isFinite(Number(c))) return Number(c);
  return undefined;
};

/** Columns whose every value is a number (HubSpot sends numbers as text) and which hold at least one. */
export function numericColumns(columns: string[], rows: Cell[][]): string[] {
  return columns.filter((_, i) => {
    let seen = false;
    for (const r of rows) {
      const c = r[i] ?? null;
      if (c === null || c === '') continue;
      if (numeric(c) === undefined) return false;
      seen = true;
    }
    return seen;
  });
}

const looksLikeId = (name: string): boolean => /^(id|hs_object_id)$/i.test(name) || /(^|\.)Id$/.test(name);

/**
 * Groups rows into labelled values for a bar or line chart: rows per group, a column's sum
 * per group, or (for rows that are groups already) the column's value per row. The biggest
 * `limit` groups are kept and the rest summed into "Other", except for date-like labels,
 * which keep their order for line charts.
 */
export function chartData(columns: string[], rows: Cell[][], opts: ChartOptions = {}): ChartData {
  const numbers = numericColumns(columns, rows);
  const labels = columns.filter((c) => !numbers.includes(c) && !looksLikeId(c));
  const groupBy = opts.groupBy && columns.includes(opts.groupBy) ? opts.groupBy : (labels[0] ?? columns[0] ?? '');
  const measure = opts.measure ?? (opts.grouped && numbers.length > 0 ? 'value' : 'count');
  const valueColumn = measure === 'count' ? null : opts.valueColumn && numbers.includes(opts.valueColumn) ? opts.valueColumn : (numbers.find((n) => n !== groupBy) ?? null);
  const gi = columns.indexOf(groupBy);
  const vi = valueColumn ? columns.indexOf(valueColumn) : -1;

  const sums = new Map<string, number>();
  for (const r of rows) {
    const label = labelOf(r[gi] ?? null);
    const add = measure === 'count' ? 1 : (numeric(r[vi] ?? null) ?? 0);
    sums.set(label, (sums.get(label) ?? 0) + add);
  }
  let points = [...sums].map(([label, value]) => ({ label, value }));
  const ordered = points.every((p) => /^\d{4}-\d{2}/.test(p.label) || /^\d+$/.test(p.label));
  if (ordered) points.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  else if (measure !== 'value') points.sort((a, b) => b.value - a.value);
  points = capGroups(points, opts.limit ?? 30, ordered);
  return { groupBy, measure, valueColumn, points, numericColumns: numbers, labelColumns: labels };
}

function labelOf(c: Cell): string {
  if (c === null) return '(none)';
  if (c === '') return '(empty)';
  return typeof c === 'object' ? JSON.stringify(c) : String(c);
}

function capGroups(points: Array<{ label: string; value: number }>, limit: number, ordered: boolean): Array<{ label: string; value: number }> {
  if (ordered || points.length <= limit) return points;
  const kept = points.slice(0, limit - 1);
  const rest = points.slice(limit - 1).reduce((n, p) => n + p.value, 0);
  return [...kept, { label: 'Other', value: rest }];
}
