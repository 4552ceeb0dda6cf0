import type { Db } from '../../store/db';
import { listRunRecords, type RunRecord } from '../../store/sync-runs';
import { neutraliseFormula } from '../../../shared/csv-safety';

export const RESULTS_HEADERS = ['local id', 'email', 'object', 'operation', 'CRM id', 'error code', 'error field', 'error message'] as const;

const PAGE = 5_000;
const BOM = '\uFEFF';

const cell = (v: string | number | null | undefined): string => {
  const s = v === null || v === undefined ? '' : neutraliseFormula(String(v));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** People carry their email as the label; an order is shown with its buyer's email. */
function orderEmails(db: Db, records: readonly RunRecord[]): Map<number, string> {
  const ids = records.filter((r) => r.localKind === 'order' && r.localId !== null).map((r) => r.localId!);
  if (ids.length === 0) return new Map();
  const rows = db
    .prepare(`SELECT o.id AS id, p.email AS email FROM orders o JOIN people p ON p.id = o.person_id WHERE o.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as Array<{ id: number; email: string | null }>;
  return new Map(rows.filter((r) => r.email).map((r) => [r.id, r.email!]));
}

function emailOf(r: RunRecord, orders: Map<number, string>): string {
  if (r.localKind === 'person') return r.label ?? '';
  if (r.localKind === 'order' && r.localId !== null) return orders.get(r.localId) ?? '';
  return '';
}

/**
 * A push run's results file: one row per record attempted, in the order first attempted (a
 * record retried within the run keeps its place and shows its last outcome). UTF-8 with a BOM so
 * spreadsheet apps read accents right; cells that would run as formulas are neutralised.
 */
export function runResultsCsv(db: Db, runId: number): string {
  const lines = [RESULTS_HEADERS.map(cell).join(',')];
  for (let offset = 0; ; offset += PAGE) {
    const { records } = listRunRecords(db, runId, { offset, limit: PAGE });
    const orders = orderEmails(db, records);
    for (const r of records) {
      lines.push([r.localId, emailOf(r, orders), r.object, r.outcome, r.externalId, r.errorCode, r.errorField, r.errorMessage].map(cell).join(','));
    }
    if (records.length < PAGE) break;
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
