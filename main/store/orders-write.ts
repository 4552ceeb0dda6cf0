import type { Db } from './db';

export interface OrderFields {
  event_id: number | null;
  ordered_at: string | null;
  total: number | null;
  currency: string | null;
  status: string | null;
}

export interface OrderRow extends OrderFields {
  id: number;
  person_id: number;
  created_run_id: number | null;
}

export interface OrderWrites {
  find(source: string, externalId: string): OrderRow | undefined;
  insert(source: string, externalId: string, personId: number, fields: OrderFields, runId: number | null, now: string): number;
  update(id: number, fields: OrderFields, now: string): void;
  /** Sets the total to the sum of its tickets' amounts; answers the new total, or undefined when unchanged. */
  totalFromTickets(id: number, now: string): number | undefined;
}

/** Orders are keyed by (source platform, the platform's order id); the buyer never changes. */
export function prepareOrderWrites(db: Db): OrderWrites {
  const find = db.prepare(
    `SELECT id, person_id, event_id, ordered_at, total, currency, status, created_run_id
       FROM orders WHERE source = ? AND external_order_id = ?`,
  );
  const insert = db.prepare(
    `INSERT INTO orders (source, external_order_id, person_id, event_id, ordered_at, total, currency, status, created_run_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare('UPDATE orders SET event_id = ?, ordered_at = ?, total = ?, currency = ?, status = ?, updated_at = ? WHERE id = ?');
  const fromTickets = db
    .prepare(
      `UPDATE orders SET total = s.sum, updated_at = ?
         FROM (SELECT sum(round(price * coalesce(quantity, 1) * 10000)) / 10000.0 AS sum FROM tickets WHERE order_id = ?) s
        WHERE orders.id = ? AND s.sum IS NOT NULL AND orders.total IS NOT s.sum
        RETURNING orders.total`,
    )
    .pluck();
  return {
    find: (source, externalId) => find.get(source, externalId) as OrderRow | undefined,
    insert: (source, externalId, personId, f, runId, now) =>
      Number(insert.run(source, externalId, personId, f.event_id, f.ordered_at, f.total, f.currency, f.status, runId, now, now).lastInsertRowid),
    update: (id, f, now) => void update.run(f.event_id, f.ordered_at, f.total, f.currency, f.status, now, id),
    totalFromTickets: (id, now) => fromTickets.get(now, id, id) as number | undefined,
  };
}
