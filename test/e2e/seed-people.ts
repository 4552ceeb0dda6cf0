import type { Db } from '../../main/store/db';
import { appendAudit } from '../../main/store/audit-log';

const FIRST = ['Ada', 'Bruno', 'Chloé', 'Dmitri', 'Elif', 'Farah', 'Goran', 'Hana', 'Ivo', 'Jonas', 'Kira', 'Luca', 'Mei', 'Noor', 'Oskar'];
const LAST = ['Andersen', 'Baker', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'García', 'Horvat', 'Ito', 'Jansen', 'Kowalski', 'Larsen', 'Moreau'];
const COMPANIES = ['Northwind', 'Acme Events', 'Globex', 'Initech', null, 'Umbrella Arts', 'Hooli'];
const EVENTS = ['Summer Jazz Night 2025', 'Tech Forward Conference', 'City Marathon Expo'];
/** Linked to the CRM (every fifth person is) and has two orders. */
const NEEDLE = 10;

export interface SeededPerson {
  email: string;
  firstName: string;
  lastName: string;
  totalSpent: number;
  orderCount: number;
}

export interface Seed {
  people: SeededPerson[];
  /** A person only a search for "needle" finds. */
  needle: SeededPerson;
  connectionLabel: string;
}

/**
 * Writes people, events, orders, one CRM connection with links and a few audit entries straight
 * into the store, the way an import and a sync would have left them.
 */
export function seedPeople(db: Db, count: number): Seed {
  const now = new Date('2026-11-20T10:00:00Z').getTime();
  const iso = (msAgo: number): string => new Date(now - msAgo).toISOString();
  const people: SeededPerson[] = [];

  db.transaction(() => {
    const eventIds = EVENTS.map(
      (name, i) =>
        db
          .prepare('INSERT INTO events (event_key, name, starts_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
          .run(`evt-${i}`, name, iso(i * 86_400_000 * 30), iso(0), iso(0)).lastInsertRowid as number,
    );
    db.prepare(
      `INSERT INTO connections (id, provider, label, auth_kind, status, created_at, updated_at)
       VALUES ('conn-sf', 'salesforce', 'Seeded org', 'oauth', 'connected', ?, ?)`,
    ).run(iso(0), iso(0));

    const insertPerson = db.prepare(
      `INSERT INTO people (email, first_name, last_name, phone, company, total_spent, order_count, first_event_id, last_event_id, created_at, updated_at)
       VALUES (@email, @first, @last, @phone, @company, @total, @orders, @event, @event, @at, @at)`,
    );
    const insertOrder = db.prepare(
      `INSERT INTO orders (source, external_order_id, person_id, event_id, ordered_at, total, currency, status, created_at, updated_at)
       VALUES ('seed', ?, ?, ?, ?, ?, 'EUR', 'paid', ?, ?)`,
    );
    const insertTicket = db.prepare(
      `INSERT INTO tickets (order_id, person_id, event_id, attendee_key, ticket_type, quantity, price, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertLink = db.prepare(
      `INSERT INTO external_links (connection_id, object, local_kind, local_id, external_id, status)
       VALUES ('conn-sf', 'Contact', 'person', ?, ?, 'linked')`,
    );

    for (let i = 0; i < count; i++) {
      const needle = i === NEEDLE;
      const firstName = needle ? 'Zelda' : FIRST[i % FIRST.length];
      const lastName = needle ? 'Needleman' : LAST[(i * 7) % LAST.length];
      const email = `${firstName}.${lastName}.${String(i).padStart(4, '0')}@example.com`.toLowerCase();
      const orderCount = (i % 3) + 1;
      const at = iso(i * 3_600_000);
      const event = eventIds[i % eventIds.length];
      let total = 0;
      const personId = insertPerson.run({
        email,
        first: firstName,
        last: lastName,
        phone: i % 4 === 0 ? null : `+44 20 7946 ${String(1000 + i).slice(-4)}`,
        company: COMPANIES[i % COMPANIES.length],
        total: 0,
        orders: orderCount,
        event,
        at,
      }).lastInsertRowid as number;
      for (let o = 0; o < orderCount; o++) {
        const amount = 25 + ((i * 13 + o * 29) % 180) + 0.5;
        total += amount;
        const orderId = insertOrder.run(`ORD-${i}-${o}`, personId, event, at, amount, at, at).lastInsertRowid as number;
        insertTicket.run(orderId, personId, event, `a-${o}`, o === 0 ? 'General admission' : 'VIP', 1, amount, at, at);
      }
      db.prepare('UPDATE people SET total_spent = ? WHERE id = ?').run(total, personId);
      if (i % 5 === 0) insertLink.run(personId, `003${String(personId).padStart(15, '0')}`);
      people.push({ email, firstName, lastName, totalSpent: total, orderCount });
    }
  })();

  appendAudit(db, { kind: 'import', action: 'import', outcome: 'ok', summary: `Imported ${count} people from seed.csv`, detail: { rows: count, created: count } });
  appendAudit(db, { kind: 'sync', action: 'push', outcome: 'error', summary: 'Push to Seeded org failed for 2 contacts', detail: { failed: 2, reason: 'DUPLICATE_VALUE' } });
  appendAudit(db, { kind: 'connection', action: 'connect', outcome: 'info', summary: 'Connected Seeded org' });

  return { people, needle: people[NEEDLE], connectionLabel: 'Seeded org' };
}
