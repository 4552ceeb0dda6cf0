import type { Db } from './db';
import { nowIso } from './db';

/** What a run did to one record (a results-file row). */
export type RecordOutcome = 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed' | 'deleted';
export const recordOutcomes: readonly RecordOutcome[] = ['created', 'updated', 'unchanged', 'skipped', 'failed', 'deleted'];

export type RunKind = 'push' | 'pull' | 'undo' | 'reconcile';
export type RunStatus = 'running' | 'ok' | 'partial' | 'failed' | 'cancelled' | 'interrupted';

export interface RunCounts {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
  deleted: number;
  conflicts: number;
  requests: number;
}

export const emptyCounts = (): RunCounts => ({ total: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0, deleted: 0, conflicts: 0, requests: 0 });

export interface SyncRunRow extends RunCounts {
  id: number;
  kind: RunKind;
  connectionId: string;
  provider: string;
  object: string | null;
  trigger: string;
  dryRun: boolean;
  status: RunStatus;
  owner: string | null;
  message: string | null;
  detail: unknown;
  startedAt: string;
  finishedAt: string | null;
}

interface RunRow {
  id: number;
  kind: string;
  connection_id: string;
  provider: string;
  object: string | null;
  trigger: string;
  dry_run: number;
  status: string;
  owner: string | null;
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
  deleted: number;
  conflicts: number;
  requests: number;
  message: string | null;
  detail: string | null;
  started_at: string;
  finished_at: string | null;
}

const toRun = (r: RunRow): SyncRunRow => ({
  id: r.id,
  kind: r.kind as RunKind,
  connectionId: r.connection_id,
  provider: r.provider,
  object: r.object,
  trigger: r.trigger,
  dryRun: r.dry_run === 1,
  status: r.status as RunStatus,
  owner: r.owner,
  total: r.total,
  created: r.created,
  updated: r.updated,
  unchanged: r.unchanged,
  skipped: r.skipped,
  failed: r.failed,
  deleted: r.deleted,
  conflicts: r.conflicts,
  requests: r.requests,
  message: r.message,
  detail: r.detail === null ? null : (JSON.parse(r.detail) as unknown),
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});

export interface NewRun {
  kind: RunKind;
  connectionId: string;
  provider: string;
  object?: string | null;
  trigger: string;
  dryRun?: boolean;
  owner: string;
}

export function insertRun(db: Db, r: NewRun): number {
  const info = db
    .prepare(
      `INSERT INTO sync_runs (kind, connection_id, provider, object, trigger, dry_run, status, owner, started_at)
       VALUES (?, ?, ?, ?, ?, ?, 'running', ?, ?)`,
    )
    .run(r.kind, r.connectionId, r.provider, r.object ?? null, r.trigger, r.dryRun ? 1 : 0, r.owner, nowIso());
  return Number(info.lastInsertRowid);
}

export function updateRunCounts(db: Db, id: number, c: RunCounts): void {
  db.prepare(
    `UPDATE sync_runs SET total = @total, created = @created, updated = @updated, unchanged = @unchanged, skipped = @skipped,
            failed = @failed, deleted = @deleted, conflicts = @conflicts, requests = @requests WHERE id = @id`,
  ).run({ ...c, id });
}

export function finishRun(db: Db, id: number, status: RunStatus, message: string, detail?: unknown): void {
  db.prepare('UPDATE sync_runs SET status = ?, message = ?, detail = ?, finished_at = ? WHERE id = ?').run(
    status,
    message,
    detail === undefined ? null : JSON.stringify(detail),
    nowIso(),
    id,
  );
}

export function getRun(db: Db, id: number): SyncRunRow | undefined {
  const row = db.prepare('SELECT * FROM sync_runs WHERE id = ?').get(id) as RunRow | undefined;
  return row ? toRun(row) : undefined;
}

export function listRuns(db: Db, opts: { limit: number; connectionId?: string; kind?: RunKind; beforeId?: number }): SyncRunRow[] {
  const where: string[] = [];
  const args: Record<string, unknown> = { limit: opts.limit };
  const add = (sql: string, key: string, value: unknown) => {
    where.push(sql);
    args[key] = value;
  };
  if (opts.connectionId) add('connection_id = @connectionId', 'connectionId', opts.connectionId);
  if (opts.kind) add('kind = @kind', 'kind', opts.kind);
  if (opts.beforeId) add('id < @beforeId', 'beforeId', opts.beforeId);
  const sql = `SELECT * FROM sync_runs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT @limit`;
  return (db.prepare(sql).all(args) as RunRow[]).map(toRun);
}

/** Runs still marked running whose owner is not alive: a crash or kill left them. */
export function markInterruptedRuns(db: Db, isAlive: (owner: string) => boolean): number[] {
  const rows = db.prepare("SELECT id, owner FROM sync_runs WHERE status = 'running'").all() as Array<{ id: number; owner: string | null }>;
  const dead = rows.filter((r) => !r.owner || !isAlive(r.owner)).map((r) => r.id);
  for (const id of dead) finishRun(db, id, 'interrupted', 'The process running this stopped before it finished (crash, kill or quit); its queued work continues in the next run.');
  return dead;
}

// ---- per-record results ----------------------------------------------------------------------

export interface RunRecordInput {
  localKind: string;
  localId: number | null;
  object: string;
  label?: string | null;
  externalId?: string | null;
  outcome: RecordOutcome;
  errorCode?: string | null;
  errorField?: string | null;
  errorMessage?: string | null;
  before?: unknown;
}

export interface RunRecord extends Required<Omit<RunRecordInput, 'before'>> {
  seq: number;
  at: string;
}

/**
 * Appends results; a record attempted again in the same run keeps its place (first seq) and
 * takes the newer outcome, so the results file has one row per record in the order first tried.
 */
export function recordResults(db: Db, runId: number, startSeq: number, rows: readonly RunRecordInput[]): number {
  const stmt = db.prepare(
    `INSERT INTO sync_run_records (run_id, seq, local_kind, local_id, object, label, external_id, outcome, error_code, error_field, error_message, before, at)
     VALUES (@runId, @seq, @localKind, @localId, @object, @label, @externalId, @outcome, @errorCode, @errorField, @errorMessage, @before, @at)
     ON CONFLICT (run_id, object, local_kind, local_id) DO UPDATE SET
       external_id = coalesce(excluded.external_id, external_id), outcome = excluded.outcome, label = coalesce(excluded.label, label),
       error_code = excluded.error_code, error_field = excluded.error_field, error_message = excluded.error_message,
       before = coalesce(before, excluded.before), at = excluded.at`,
  );
  const at = nowIso();
  let seq = startSeq;
  for (const r of rows) {
    stmt.run({
      runId,
      seq: seq++,
      localKind: r.localKind,
      localId: r.localId,
      object: r.object,
      label: r.label ?? null,
      externalId: r.externalId ?? null,
      outcome: r.outcome,
      errorCode: r.errorCode ?? null,
      errorField: r.errorField ?? null,
      errorMessage: r.errorMessage ?? null,
      before: r.before === undefined ? null : JSON.stringify(r.before),
      at,
    });
  }
  return seq;
}

interface RecordRow {
  seq: number;
  local_kind: string;
  local_id: number | null;
  object: string;
  label: string | null;
  external_id: string | null;
  outcome: string;
  error_code: string | null;
  error_field: string | null;
  error_message: string | null;
  at: string;
}

export function listRunRecords(db: Db, runId: number, opts: { offset: number; limit: number; outcome?: RecordOutcome }): { records: RunRecord[]; total: number } {
  const filter = opts.outcome ? 'AND outcome = @outcome' : '';
  const args = { runId, outcome: opts.outcome, offset: opts.offset, limit: opts.limit };
  const { n } = db.prepare(`SELECT COUNT(*) AS n FROM sync_run_records WHERE run_id = @runId ${filter}`).get(args) as { n: number };
  const rows = db.prepare(`SELECT * FROM sync_run_records WHERE run_id = @runId ${filter} ORDER BY seq LIMIT @limit OFFSET @offset`).all(args) as RecordRow[];
  return {
    total: n,
    records: rows.map((r) => ({
      seq: r.seq,
      localKind: r.local_kind,
      localId: r.local_id,
      object: r.object,
      label: r.label,
      externalId: r.external_id,
      outcome: r.outcome as RecordOutcome,
      errorCode: r.error_code,
      errorField: r.error_field,
      errorMessage: r.error_message,
      at: r.at,
    })),
  };
}

/** Outcome counts of a run from its results (exact, whatever retries happened in between). */
export function countRunRecords(db: Db, runId: number): Record<RecordOutcome, number> {
  const rows = db.prepare('SELECT outcome, COUNT(*) AS n FROM sync_run_records WHERE run_id = ? GROUP BY outcome').all(runId) as Array<{ outcome: RecordOutcome; n: number }>;
  const out = Object.fromEntries(recordOutcomes.map((o) => [o, 0])) as Record<RecordOutcome, number>;
  for (const r of rows) out[r.outcome] = r.n;
  return out;
}

export const maxSeq = (db: Db, runId: number): number =>
  (db.prepare('SELECT coalesce(max(seq), 0) AS m FROM sync_run_records WHERE run_id = ?').get(runId) as { m: number }).m;

// ---- conflicts --------------------------------------------------------------------------------

export interface ConflictInput {
  runId: number | null;
  connectionId: string;
  object: string;
  localKind: string;
  localId: number;
  externalId: string;
  field: string;
  crmField: string;
  baseValue: unknown;
  localValue: unknown;
  crmValue: unknown;
  winner: 'local' | 'crm';
  policy: string;
  localChangedAt: string | null;
  crmChangedAt: string | null;
}

export interface ConflictRow extends Omit<ConflictInput, 'baseValue' | 'localValue' | 'crmValue'> {
  id: number;
  baseValue: string | null;
  localValue: string | null;
  crmValue: string | null;
  at: string;
}

const asStored = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));

export function insertConflict(db: Db, c: ConflictInput): number {
  return Number(
    db
      .prepare(
        `INSERT INTO sync_conflicts (run_id, connection_id, object, local_kind, local_id, external_id, field, crm_field,
                                     base_value, local_value, crm_value, winner, policy, local_changed_at, crm_changed_at, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        c.runId, c.connectionId, c.object, c.localKind, c.localId, c.externalId, c.field, c.crmField,
        asStored(c.baseValue), asStored(c.localValue), asStored(c.crmValue), c.winner, c.policy, c.localChangedAt, c.crmChangedAt, nowIso(),
      ).lastInsertRowid,
  );
}

export function listConflicts(db: Db, opts: { limit: number; runId?: number; connectionId?: string }): ConflictRow[] {
  const where: string[] = [];
  const args: Record<string, unknown> = { limit: opts.limit };
  if (opts.runId !== undefined) {
    where.push('run_id = @runId');
    args.runId = opts.runId;
  }
  if (opts.connectionId) {
    where.push('connection_id = @connectionId');
    args.connectionId = opts.connectionId;
  }
  const rows = db
    .prepare(`SELECT * FROM sync_conflicts ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT @limit`)
    .all(args) as Array<Record<string, unknown>>;
  return rows.map((r) => ({
    id: r.id as number,
    runId: (r.run_id as number | null) ?? null,
    connectionId: r.connection_id as string,
    object: r.object as string,
    localKind: r.local_kind as string,
    localId: r.local_id as number,
    externalId: r.external_id as string,
    field: r.field as string,
    crmField: r.crm_field as string,
    baseValue: r.base_value as string | null,
    localValue: r.local_value as string | null,
    crmValue: r.crm_value as string | null,
    winner: r.winner as 'local' | 'crm',
    policy: r.policy as string,
    localChangedAt: r.local_changed_at as string | null,
    crmChangedAt: r.crm_changed_at as string | null,
    at: r.at as string,
  }));
}
