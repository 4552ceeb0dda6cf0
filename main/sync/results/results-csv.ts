import type { Db } from '../../store/db';
import { neutraliseFormula } from '../../../shared/csv-safety';

export const RESULTS_HEADERS = ['local id', 'email', 'object', 'operation', 'CRM id', 'error code', 'error field', 'error message'] as const;

const PAGE = 5_000;
const BOM = '\uFEFF';

const cell = (v: string | number | null | undefined): string => {
  const s = v === null || v === undefined ? '' : neutraliseFormula(String(v));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** People carry their email as the label; an order is shown with its buyer's email. */
function orderEmails(db: Db, rows: readonly Row[]): Map<number, string> {
  const ids = rows.filter((r) => r.local_kind === 'order' && r.local_id !== null).map((r) => r.local_id!);
  if (ids.length === 0) return new Map();
  const found = db
    .prepare(`SELECT o.id AS id, p.email AS email FROM orders o JOIN people p ON p.id = o.person_id WHERE o.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as Array<{ id: number; email: string | null }>;
  return new Map(found.filter((r) => r.email).map((r) => [r.id, r.email!]));
}

function emailOf(r: Row, orders: Map<number, string>): string {
  if (r.local_kind === 'person') return r.label ?? '';
  if (r.local_kind === 'order' && r.local_id !== null) return orders.get(r.local_id) ?? '';
  return '';
}

interface Row {
  local_kind: string;
  local_id: number | null;
  object: string;
  label: string | null;
  external_id: string | null;
  outcome: string;
  error_code: string | null;
  error_field: string | null;
  error_message: string | null;
}

/**
 * Workers push a run's claims side by side, so results are recorded claim by claim in whatever
 * order the claims finish. Records are queued in local-id order within a kind and kinds go in
 * turn, so that order is restored here: kinds as the run reached them, then local id.
 */
const ORDERED = `
  WITH kinds AS (SELECT local_kind, min(seq) AS first FROM sync_run_records WHERE run_id = @runId GROUP BY local_kind)
  SELECT r.local_kind, r.local_id, r.object, r.label, r.external_id, r.outcome, r.error_code, r.error_field, r.error_message
  FROM sync_run_records r JOIN kinds k ON k.local_kind = r.local_kind
  WHERE r.run_id = @runId
  ORDER BY k.first, r.local_id IS NULL, r.local_id, r.seq
  LIMIT @limit OFFSET @offset`;

/**
 * A push run's results file: one row per record attempted, in input order (a record retried
 * within the run shows its last outcome). UTF-8 with a BOM so spreadsheet apps read accents
 * right; cells that would run as formulas are neutralised.
 */
export function runResultsCsv(db: Db, runId: number): string {
  const lines = [RESULTS_HEADERS.map(cell).join(',')];
  const page = db.prepare(ORDERED);
  for (let offset = 0; ; offset += PAGE) {
    const rows = page.all({ runId, limit: PAGE, offset }) as Row[];
    const orders = orderEmails(db, rows);
    for (const r of rows) {
      lines.push([r.local_id, emailOf(r, orders), r.object, r.outcome, r.external_id, r.error_code, r.error_field, r.error_message].map(cell).join(','));
    }
    if (rows.length < PAGE) break;
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
