import type { Db } from './db';

export interface EventInput {
  name: string;
  /** YYYY-MM-DD or an ISO date-time. */
  date: string | null;
  venue: string | null;
}

export interface EventRow {
  id: number;
  event_key: string;
  name: string;
  starts_at: string | null;
  venue: string | null;
  created_run_id: number | null;
}

/** Same event = same name (case and spacing ignored) on the same day. */
export function eventKey(name: string, date: string | null): string {
  return `${name.trim().toLowerCase().replace(/\s+/g, ' ')}|${date ? date.slice(0, 10) : ''}`;
}

export interface ResolvedEvent {
  id: number;
  startsAt: string | null;
  created: boolean;
  changed: boolean;
}

export interface EventWrites {
  /** The event for an import row; created when new. `journal` is called before an existing one changes. */
  resolve(input: EventInput, runId: number | null, now: string, journal: (id: number) => void): ResolvedEvent;
}

export function prepareEventWrites(db: Db): EventWrites {
  const byKey = db.prepare('SELECT id, event_key, name, starts_at, venue, created_run_id FROM events WHERE event_key = ?');
  // Without a date, an event of that name is the one meant (an attendee report names no date).
  const byName = db.prepare(
    `SELECT id, event_key, name, starts_at, venue, created_run_id FROM events
      WHERE lower(name) = lower(?) ORDER BY starts_at DESC NULLS LAST, id DESC LIMIT 1`,
  );
  const insert = db.prepare(
    `INSERT INTO events (event_key, name, starts_at, venue, created_run_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const setVenue = db.prepare('UPDATE events SET venue = ?, updated_at = ? WHERE id = ?');
  return {
    resolve(input, runId, now, journal) {
      const name = input.name.trim().replace(/\s+/g, ' ');
      const key = eventKey(name, input.date);
      const found = (byKey.get(key) ?? (input.date ? undefined : byName.get(name))) as EventRow | undefined;
      if (!found) {
        const id = Number(insert.run(key, name, input.date, input.venue, runId, now, now).lastInsertRowid);
        return { id, startsAt: input.date, created: true, changed: true };
      }
      if (input.venue && input.venue !== found.venue) {
        journal(found.id);
        setVenue.run(input.venue, now, found.id);
        return { id: found.id, startsAt: found.starts_at, created: false, changed: true };
      }
      return { id: found.id, startsAt: found.starts_at, created: false, changed: false };
    },
  };
}
