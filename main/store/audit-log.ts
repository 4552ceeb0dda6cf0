import type { Db } from './db';
import { nowIso } from './db';
import type { AuditEntry } from '../../shared/ipc/channels/log';
import { redactDeep, redactText } from '../log/redact';

export interface NewAuditEntry {
  kind: string;
  action: string;
  outcome: AuditEntry['outcome'];
  summary: string;
  connectionId?: string | null;
  object?: string | null;
  detail?: unknown;
}

interface AuditRow {
  id: number;
  at: string;
  kind: string;
  connection_id: string | null;
  object: string | null;
  action: string;
  outcome: AuditEntry['outcome'];
  summary: string;
  detail: string | null;
}

const toEntry = (r: AuditRow): AuditEntry => ({
  id: r.id,
  at: r.at,
  kind: r.kind,
  connectionId: r.connection_id,
  object: r.object,
  action: r.action,
  outcome: r.outcome,
  // Redacted again on the way out: an entry written before a token was known (or by an older
  // version) still reaches the log viewer and exports scrubbed.
  summary: redactText(r.summary),
  detail: r.detail === null ? null : redactDeep(JSON.parse(r.detail) as unknown),
});

/** Appends one entry; summary and details are redacted here so no caller can leak a secret into the store. */
export function appendAudit(db: Db, e: NewAuditEntry): number {
  const detail = e.detail === undefined ? null : JSON.stringify(redactDeep(e.detail));
  const info = db
    .prepare(
      `INSERT INTO audit_log (at, kind, connection_id, object, action, outcome, summary, detail)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(nowIso(), e.kind, e.connectionId ?? null, e.object ?? null, e.action, e.outcome, redactText(e.summary), detail);
  return Number(info.lastInsertRowid);
}

export interface AuditFilter {
  limit: number;
  beforeId?: number;
  kind?: string;
  outcome?: AuditEntry['outcome'];
  search?: string;
}

export function listAudit(db: Db, f: AuditFilter): { entries: AuditEntry[]; total: number } {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.kind) {
    where.push('kind = ?');
    args.push(f.kind);
  }
  if (f.outcome) {
    where.push('outcome = ?');
    args.push(f.outcome);
  }
  if (f.search) {
    where.push('(summary LIKE ? OR action LIKE ?)');
    args.push(`%${f.search}%`, `%${f.search}%`);
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM audit_log ${filter}`).get(...args) as { n: number }).n;
  const page = f.beforeId ? `${filter ? `${filter} AND` : 'WHERE'} id < ?` : filter;
  const rows = db
    .prepare(`SELECT * FROM audit_log ${page} ORDER BY id DESC LIMIT ?`)
    .all(...args, ...(f.beforeId ? [f.beforeId] : []), f.limit) as AuditRow[];
  return { entries: rows.map(toEntry), total };
}
