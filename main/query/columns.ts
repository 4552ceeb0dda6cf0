import type { Cell } from '../../shared/ipc/channels/query';
import { flattenRecord } from './flatten';

/**
 * The columns of a run and the rows aligned to them. Declared columns (a SOQL select list,
 * HubSpot's requested properties) come first, in the order the query named them; with
 * `strict` only they are kept (SOQL: a null parent `Account` must not become a column of
 * its own), otherwise keys first seen in later rows are appended.
 */
export class ColumnSet {
  private readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  /** Columns whose spelling came from the CRM's answer rather than the query text. */
  private readonly spelled = new Set<number>();

  constructor(
    declared: string[] = [],
    private readonly strict = false,
  ) {
    for (const d of declared) this.add(d);
  }

  get columns(): string[] {
    return [...this.names];
  }

  /** One CRM row (nested relationships allowed) as cells in column order. */
  align(record: Record<string, unknown>): Cell[] {
    const flat = flattenRecord(record);
    const cells: Cell[] = [];
    for (const [key, value] of Object.entries(flat)) {
      let i = this.index.get(key.toLowerCase());
      if (i === undefined) {
        if (this.strict) continue;
        i = this.add(key);
      }
      // The query may say `firstname`; headers use the CRM's `FirstName`.
      if (!this.spelled.has(i)) {
        this.names[i] = key;
        this.spelled.add(i);
      }
      cells[i] = toCell(value);
    }
    for (let i = 0; i < this.names.length; i++) if (cells[i] === undefined) cells[i] = null;
    return cells;
  }

  private add(name: string): number {
    const key = name.toLowerCase();
    const existing = this.index.get(key);
    if (existing !== undefined) return existing;
    this.names.push(name);
    this.index.set(key, this.names.length - 1);
    return this.names.length - 1;
  }
}

function toCell(v: unknown): Cell {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v as unknown[];
  if (typeof v === 'object') return v as Record<string, unknown>;
  return String(v);
}
