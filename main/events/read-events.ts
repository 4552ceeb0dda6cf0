import type { Db } from '../store/db';
import type { Attendee, EventDetail, EventQuery, EventSummary } from '../../shared/ipc/channels/events';
import { HOLDER_RANK, rankSql, statusOfRank } from './attendance';

interface EventCountsRow {
  id: number;
  name: string;
  date: string | null;
  venue: string | null;
  people: number;
  tickets: number;
  checkedIn: number;
  registered: number;
  attended: number;
  cancelled: number;
  noShow: number;
  orders: number;
  revenue: number;
  refunds: number;
  currency: string | null;
}

// One row per event; holders' statuses are the strongest of their tickets (see attendance.ts).
const COUNTS_SQL = `
  WITH holders AS (
    SELECT event_id, person_id, max(${rankSql('attendee_status')}) AS rank
      FROM tickets WHERE event_id IS NOT NULL AND person_id IS NOT NULL GROUP BY event_id, person_id
  ),
  holder_counts AS (
    SELECT event_id,
           sum(rank = 3) AS registered, sum(rank = 4) AS attended, sum(rank = 1) AS cancelled, sum(rank = 2) AS noShow
      FROM holders GROUP BY event_id
  ),
  ticket_counts AS (
    SELECT event_id, sum(coalesce(quantity, 1)) AS tickets,
           sum(CASE WHEN checked_in = 1 OR attendee_status = 'Attended' THEN coalesce(quantity, 1) ELSE 0 END) AS checkedIn
      FROM tickets WHERE event_id IS NOT NULL GROUP BY event_id
  ),
  -- A live order's cancelled attendees are not revenue (an Eventbrite "Not Attending" row of a completed order).
  order_amounts AS (
    SELECT o.event_id, o.status, o.currency, coalesce(o.total, 0) AS total,
           coalesce((SELECT sum(coalesce(t.price, 0) * coalesce(t.quantity, 1)) FROM tickets t
                      WHERE t.order_id = o.id AND t.attendee_status = 'Cancelled'), 0) AS voided
      FROM orders o WHERE o.event_id IS NOT NULL
  ),
  order_counts AS (
    SELECT event_id, count(*) AS orders,
           sum(CASE WHEN coalesce(status, '') NOT IN ('refunded', 'cancelled') THEN max(total - voided, 0) ELSE 0 END) AS revenue,
           sum(CASE WHEN status = 'refunded' THEN total ELSE 0 END) AS refunds,
           CASE WHEN count(DISTINCT currency) = 1 THEN max(currency) END AS currency
      FROM order_amounts GROUP BY event_id
  ),
  people_counts AS (
    SELECT event_id, count(DISTINCT person_id) AS people FROM (
      SELECT event_id, person_id FROM tickets WHERE event_id IS NOT NULL AND person_id IS NOT NULL
      UNION SELECT event_id, person_id FROM orders WHERE event_id IS NOT NULL
    ) GROUP BY event_id
  )
  SELECT e.id, e.name, e.starts_at AS date, e.venue,
         coalesce(p.people, 0) AS people, coalesce(t.tickets, 0) AS tickets, coalesce(t.checkedIn, 0) AS checkedIn,
         coalesce(h.registered, 0) AS registered, coalesce(h.attended, 0) AS attended,
         coalesce(h.cancelled, 0) AS cancelled, coalesce(h.noShow, 0) AS noShow,
         coalesce(o.orders, 0) AS orders, round(coalesce(o.revenue, 0), 2) AS revenue, round(coalesce(o.refunds, 0), 2) AS refunds, o.currency
    FROM events e
    LEFT JOIN holder_counts h ON h.event_id = e.id
    LEFT JOIN ticket_counts t ON t.event_id = e.id
    LEFT JOIN order_counts o ON o.event_id = e.id
    LEFT JOIN people_counts p ON p.event_id = e.id`;

interface SyncRow {
  event_id: number;
  connection_id: string;
  provider: string;
  label: string;
  external_id: string | null;
}

/** Per event and connection: the CRM id of the pushed event, if any (CRM-side pushes come later). */
function syncsOf(db: Db, ids: number[]): Map<number, EventSummary['syncs']> {
  const out = new Map<number, EventSummary['syncs']>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT e.id AS event_id, c.id AS connection_id, c.provider, c.label,
              (SELECT l.external_id FROM external_links l WHERE l.connection_id = c.id AND l.local_kind = 'event' AND l.local_id = e.id LIMIT 1) AS external_id
         FROM events e CROSS JOIN connections c
        WHERE e.id IN (SELECT value FROM json_each(?)) ORDER BY c.created_at, c.rowid`,
    )
    .all(JSON.stringify(ids)) as SyncRow[];
  for (const r of rows) out.get(r.event_id)?.push({ connectionId: r.connection_id, provider: r.provider, label: r.label, externalId: r.external_id });
  return out;
}

function withSyncs(db: Db, rows: EventCountsRow[]): EventSummary[] {
  const syncs = syncsOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, syncs: syncs.get(r.id) ?? [] }));
}

/** Every event, the latest first (undated ones last). */
export function listEvents(db: Db): EventSummary[] {
  const rows = db.prepare(`${COUNTS_SQL} ORDER BY e.starts_at DESC NULLS LAST, e.id DESC`).all() as EventCountsRow[];
  return withSyncs(db, rows);
}

interface AttendeeRow {
  personId: number;
  email: string;
  firstName: string | null;
  lastName: string | null;
  rank: number;
  tickets: number;
  ticketTypes: string | null;
  checkedIn: number;
  spent: number;
}

/** One event with a page of its ticket holders (one row per person, strongest status). */
export function getEvent(db: Db, q: EventQuery): EventDetail | null {
  const row = db.prepare(`${COUNTS_SQL} WHERE e.id = ?`).get(q.id) as EventCountsRow | undefined;
  if (!row) return null;
  const rank = q.status ? HOLDER_RANK[q.status] : null;
  const holders = `
    SELECT t.person_id, max(${rankSql('t.attendee_status')}) AS rank, sum(coalesce(t.quantity, 1)) AS tickets,
           group_concat(DISTINCT t.ticket_type) AS ticketTypes, max(coalesce(t.checked_in, 0) = 1 OR t.attendee_status = 'Attended') AS checkedIn
      FROM tickets t WHERE t.event_id = ? AND t.person_id IS NOT NULL GROUP BY t.person_id`;
  const filter = rank ? `WHERE h.rank = ${rank}` : '';
  const total = db.prepare(`SELECT count(*) FROM (${holders}) h ${filter}`).pluck().get(q.id) as number;
  const rows = db
    .prepare(
      `SELECT p.id AS personId, p.email, p.first_name AS firstName, p.last_name AS lastName, h.rank, h.tickets, h.ticketTypes, h.checkedIn,
              (SELECT round(coalesce(sum(o.total), 0), 2) FROM orders o
                WHERE o.event_id = ? AND o.person_id = p.id AND coalesce(o.status, '') NOT IN ('refunded', 'cancelled')) AS spent
         FROM (${holders}) h JOIN people p ON p.id = h.person_id ${filter}
        ORDER BY h.rank DESC, lower(coalesce(p.last_name, '')), lower(p.email) LIMIT ? OFFSET ?`,
    )
    .all(q.id, q.id, q.limit ?? 500, q.offset ?? 0) as AttendeeRow[];
  const attendees: Attendee[] = rows.map(({ rank: r, checkedIn, ...a }) => ({ ...a, status: statusOfRank(r), checkedIn: checkedIn === 1 }));
  return { event: withSyncs(db, [row])[0], attendees: { rows: attendees, total } };
}
