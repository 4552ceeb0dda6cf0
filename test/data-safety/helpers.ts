import type { Db } from '../../main/store/db';
import { appendAudit } from '../../main/store/audit-log';
import { addConnection } from '../schedule/helpers';

const NOW = '2026-04-01T09:00:00.000Z';

/** A small store with one of everything an export and a restore must carry. */
export function seedStore(db: Db, opts: { firstName?: string; extraPeople?: number } = {}): void {
  addConnection(db, 'hubspot', 'HubSpot (Acme)');
  db.prepare("INSERT INTO events (id, event_key, name, starts_at, venue, created_at, updated_at) VALUES (1, 'conf-2026', 'Conf 2026', '2026-05-01', 'Hall A, Berlin', ?, ?)").run(NOW, NOW);
  const person = db.prepare(
    'INSERT INTO people (email, first_name, last_name, phone, company, custom_fields, total_spent, order_count, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  person.run('ada@example.com', opts.firstName ?? 'Ada', 'Lovelace', '+44 20 7946 0000', 'Analytical, Ltd.', '{"tshirt":"M"}', 120.5, 1, NOW, NOW);
  for (let i = 0; i < (opts.extraPeople ?? 0); i++) person.run(`p${i}@example.com`, `P${i}`, 'Extra', null, null, '{}', 0, 0, NOW, NOW);
  db.prepare("INSERT INTO orders (id, source, external_order_id, person_id, event_id, ordered_at, total, currency, status, created_at, updated_at) VALUES (1, 'eventbrite', 'EB-1', 1, 1, ?, -12.5, 'EUR', 'refunded', ?, ?)").run(NOW, NOW, NOW);
  db.prepare("INSERT INTO tickets (order_id, person_id, event_id, attendee_key, ticket_type, quantity, price, created_at, updated_at) VALUES (1, 1, 1, 'a1', 'VIP', 1, 120.5, ?, ?)").run(NOW, NOW);
  db.prepare("INSERT INTO external_links (connection_id, object, local_kind, local_id, external_id) VALUES ('hubspot', 'contacts', 'person', 1, '901')").run();
  appendAudit(db, { kind: 'sync', action: 'push', outcome: 'ok', summary: 'Pushed Ada', connectionId: 'hubspot', detail: { records: 1 } });
}

export const count = (db: Db, table: string): number => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
