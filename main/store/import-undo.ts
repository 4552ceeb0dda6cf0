import type { Db } from './db';

/**
 * Rows an import may change, with the columns its undo restores. Derived figures are included:
 * an import recomputes them, so undoing it must put the old ones back.
 */
export const undoColumns = {
  person: {
    table: 'people',
    columns: [
      'first_name', 'last_name', 'phone', 'company', 'job_title', 'address_line1', 'address_line2', 'city', 'region',
      'postal_code', 'country', 'marketing_consent', 'custom_fields', 'total_spent', 'order_count', 'first_event_id',
      'last_event_id', 'updated_at',
    ],
  },
  order: { table: 'orders', columns: ['event_id', 'ordered_at', 'total', 'currency', 'status', 'custom_fields', 'updated_at'] },
  ticket: {
    table: 'tickets',
    columns: ['person_id', 'event_id', 'ticket_type', 'quantity', 'price', 'checked_in', 'attendee_status', 'custom_fields', 'updated_at'],
  },
  event: { table: 'events', columns: ['name', 'starts_at', 'venue', 'updated_at'] },
} as const;
export type UndoKind = keyof typeof undoColumns;

const jsonObject = (cols: readonly string[]): string => `json_object(${cols.map((c) => `'${c}', ${c}`).join(', ')})`;

/**
 * Records the row's before-image the first time a run changes it. Rows the run created need
 * none (undo deletes them), and a second change keeps the first image (INSERT OR IGNORE).
 */
export function prepareJournal(db: Db): (runId: number, kind: UndoKind, id: number) => void {
  const stmts = Object.fromEntries(
    (Object.keys(undoColumns) as UndoKind[]).map((kind) => {
      const { table, columns } = undoColumns[kind];
      return [
        kind,
        db.prepare(
          `INSERT OR IGNORE INTO import_undo (run_id, kind, local_id, before)
           SELECT @runId, '${kind}', id, ${jsonObject(columns)} FROM ${table}
            WHERE id = @id AND created_run_id IS NOT @runId`,
        ),
      ];
    }),
  ) as Record<UndoKind, ReturnType<Db['prepare']>>;
  return (runId, kind, id) => void stmts[kind].run({ runId, id });
}

/** Journals many people at once (before derived figures are recomputed for a chunk). */
export function journalPeople(db: Db, runId: number, idsJson: string): void {
  db.prepare(
    `INSERT OR IGNORE INTO import_undo (run_id, kind, local_id, before)
     SELECT @runId, 'person', id, ${jsonObject(undoColumns.person.columns)} FROM people
      WHERE id IN (SELECT value FROM json_each(@ids)) AND created_run_id IS NOT @runId`,
  ).run({ runId, ids: idsJson });
}

/**
 * Puts the store back as it was before the run: before-images restored, created rows deleted
 * children first. Call inside a transaction.
 */
export function undoRun(db: Db, runId: number): { restored: number; deleted: number } {
  let restored = 0;
  for (const kind of Object.keys(undoColumns) as UndoKind[]) {
    const { table, columns } = undoColumns[kind];
    const sets = columns.map((c) => `${c} = json_extract(u.before, '$.${c}')`).join(', ');
    restored += db
      .prepare(
        `UPDATE ${table} SET ${sets}
           FROM import_undo u
          WHERE u.run_id = ? AND u.kind = '${kind}' AND u.local_id = ${table}.id`,
      )
      .run(runId).changes;
  }
  let deleted = 0;
  for (const table of ['tickets', 'orders', 'people', 'events']) {
    deleted += db.prepare(`DELETE FROM ${table} WHERE created_run_id = ?`).run(runId).changes;
  }
  db.prepare('DELETE FROM import_undo WHERE run_id = ?').run(runId);
  return { restored, deleted };
}

export function dropJournal(db: Db, runId: number): void {
  db.prepare('DELETE FROM import_undo WHERE run_id = ?').run(runId);
}

/** People the run created or changed (journaled), for queueing pushes. */
export function peopleTouchedByRun(db: Db, runId: number): number[] {
  return (
    db
      .prepare(
        `SELECT id FROM people WHERE created_run_id = @runId
         UNION SELECT local_id FROM import_undo WHERE run_id = @runId AND kind = 'person'`,
      )
      .pluck()
      .all({ runId }) as number[]
  );
}
