import type { Db } from './db';

/** The person columns an import writes, in table order. */
export const personFieldColumns = [
  'first_name', 'last_name', 'phone', 'company', 'job_title', 'address_line1', 'address_line2', 'city', 'region',
  'postal_code', 'country', 'marketing_consent', 'custom_fields',
] as const;
export type PersonFieldColumn = (typeof personFieldColumns)[number];
export type PersonFields = { [K in PersonFieldColumn]: K extends 'marketing_consent' ? number | null : K extends 'custom_fields' ? string : string | null };

export interface PersonRow extends PersonFields {
  id: number;
  email: string;
  created_run_id: number | null;
}

/** Figures derived from a person's orders and tickets. */
export interface DerivedFigures {
  total_spent: number;
  order_count: number;
  first_event_id: number | null;
  last_event_id: number | null;
}

export const noFigures: DerivedFigures = { total_spent: 0, order_count: 0, first_event_id: null, last_event_id: null };

export interface PeopleWrites {
  findByEmail(email: string): PersonRow | undefined;
  /** A new person, with derived figures already known when the caller can work them out. */
  insert(email: string, fields: PersonFields, runId: number | null, now: string, derived?: DerivedFigures): number;
  update(id: number, fields: PersonFields, now: string): void;
  setDerived(id: number, d: DerivedFigures, now: string): void;
}

/** Prepared statements for import's person upserts (lookups by normalised email). */
export function preparePeopleWrites(db: Db): PeopleWrites {
  const cols = personFieldColumns.join(', ');
  const find = db.prepare(`SELECT id, email, created_run_id, ${cols} FROM people WHERE email = ?`);
  const marks = personFieldColumns.map(() => '?').join(', ');
  const insert = db.prepare(
    `INSERT INTO people (email, ${cols}, total_spent, order_count, first_event_id, last_event_id, created_run_id, created_at, updated_at)
     VALUES (?, ${marks}, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare(`UPDATE people SET ${personFieldColumns.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`);
  const derived = db.prepare('UPDATE people SET total_spent = ?, order_count = ?, first_event_id = ?, last_event_id = ?, updated_at = ? WHERE id = ?');
  const values = (f: PersonFields) => personFieldColumns.map((c) => f[c]);
  return {
    findByEmail: (email) => find.get(email) as PersonRow | undefined,
    insert: (email, fields, runId, now, d = noFigures) =>
      Number(insert.run(email, ...values(fields), d.total_spent, d.order_count, d.first_event_id, d.last_event_id, runId, now, now).lastInsertRowid),
    update: (id, fields, now) => void update.run(...values(fields), now, id),
    setDerived: (id, d, now) => void derived.run(d.total_spent, d.order_count, d.first_event_id, d.last_event_id, now, id),
  };
}

/**
 * Derived figures of the given people from their orders and tickets: money (summed in
 * ten-thousandths, so the import's running sums come out identical) and order count
 * from orders they bought that are not refunded or cancelled; first/last event from tickets
 * they hold that are not cancelled or no-shows, by event date (order date when the event has
 * none). Writes only rows whose figures changed (after `beforeWrite` sees their ids, to journal
 * them) and returns those ids.
 */
export function recomputeDerived(db: Db, idsJson: string, now: string, beforeWrite?: (changedJson: string) => void): number[] {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS derived_figures (
    id INTEGER PRIMARY KEY, total_spent REAL, order_count INTEGER, first_event_id INTEGER, last_event_id INTEGER)`);
  db.prepare('DELETE FROM temp.derived_figures').run();
  db.prepare(
    `INSERT INTO temp.derived_figures (id, total_spent, order_count, first_event_id, last_event_id)
     SELECT p.id,
            (SELECT coalesce(sum(round(o.total * 10000)), 0) / 10000.0 FROM orders o
              WHERE o.person_id = p.id AND coalesce(o.status, '') NOT IN ('refunded', 'cancelled')),
            (SELECT count(*) FROM orders o
              WHERE o.person_id = p.id AND coalesce(o.status, '') NOT IN ('refunded', 'cancelled')),
            (SELECT t.event_id FROM tickets t JOIN events e ON e.id = t.event_id JOIN orders o ON o.id = t.order_id
              WHERE t.person_id = p.id AND coalesce(t.attendee_status, '') NOT IN ('Cancelled', 'No-show')
              ORDER BY coalesce(e.starts_at, o.ordered_at) ASC NULLS LAST, e.id ASC LIMIT 1),
            (SELECT t.event_id FROM tickets t JOIN events e ON e.id = t.event_id JOIN orders o ON o.id = t.order_id
              WHERE t.person_id = p.id AND coalesce(t.attendee_status, '') NOT IN ('Cancelled', 'No-show')
              ORDER BY coalesce(e.starts_at, o.ordered_at) DESC NULLS LAST, e.id DESC LIMIT 1)
       FROM people p WHERE p.id IN (SELECT value FROM json_each(?))`,
  ).run(idsJson);
  const changed = db
    .prepare(
      `SELECT d.id FROM temp.derived_figures d JOIN people p ON p.id = d.id
        WHERE p.total_spent IS NOT d.total_spent OR p.order_count IS NOT d.order_count
           OR p.first_event_id IS NOT d.first_event_id OR p.last_event_id IS NOT d.last_event_id`,
    )
    .pluck()
    .all() as number[];
  if (changed.length === 0) return changed;
  const changedJson = JSON.stringify(changed);
  beforeWrite?.(changedJson);
  db.prepare(
    `UPDATE people SET total_spent = d.total_spent, order_count = d.order_count, first_event_id = d.first_event_id,
            last_event_id = d.last_event_id, updated_at = ?
       FROM temp.derived_figures d
      WHERE people.id = d.id AND d.id IN (SELECT value FROM json_each(?))`,
  ).run(now, changedJson);
  return changed;
}
