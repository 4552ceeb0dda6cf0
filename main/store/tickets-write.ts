import type { Db } from './db';

export interface TicketFields {
  person_id: number;
  event_id: number | null;
  ticket_type: string | null;
  quantity: number | null;
  price: number | null;
  checked_in: number | null;
  attendee_status: string | null;
}

export interface TicketRow extends TicketFields {
  id: number;
  created_run_id: number | null;
}

export interface TicketWrites {
  find(orderId: number, attendeeKey: string): TicketRow | undefined;
  insert(orderId: number, attendeeKey: string, fields: TicketFields, runId: number | null, now: string): number;
  update(id: number, fields: TicketFields, now: string): void;
}

/** One ticket per (order, attendee key): a re-import updates it in place, never adds a second. */
export function prepareTicketWrites(db: Db): TicketWrites {
  const find = db.prepare(
    `SELECT id, person_id, event_id, ticket_type, quantity, price, checked_in, attendee_status, created_run_id
       FROM tickets WHERE order_id = ? AND attendee_key = ?`,
  );
  const insert = db.prepare(
    `INSERT INTO tickets (order_id, attendee_key, person_id, event_id, ticket_type, quantity, price, checked_in, attendee_status, created_run_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare(
    `UPDATE tickets SET person_id = ?, event_id = ?, ticket_type = ?, quantity = ?, price = ?, checked_in = ?, attendee_status = ?,
            updated_at = ? WHERE id = ?`,
  );
  const values = (f: TicketFields) => [f.person_id, f.event_id, f.ticket_type, f.quantity, f.price, f.checked_in, f.attendee_status];
  return {
    find: (orderId, attendeeKey) => find.get(orderId, attendeeKey) as TicketRow | undefined,
    insert: (orderId, attendeeKey, fields, runId, now) => Number(insert.run(orderId, attendeeKey, ...values(fields), runId, now, now).lastInsertRowid),
    update: (id, fields, now) => void update.run(...values(fields), now, id),
  };
}
