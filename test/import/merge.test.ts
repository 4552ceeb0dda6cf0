import { describe, it, expect, afterEach } from 'vitest';
import { sandbox, buyersCsv, csv, snapshot, count, person, eventbriteHeaderLine, type Sandbox } from './helpers';

const sum = (r: { created: number; updated: number; unchanged: number; rejectedCount: number }) => r.created + r.updated + r.unchanged + r.rejectedCount;

describe('merging into the store', () => {
  let s: Sandbox;
  afterEach(async () => s?.close());

  it('matches people by trimmed, lowercased email and counts every row once', async () => {
    s = sandbox();
    const r = await s.imports.importFile(
      s.file('a.csv', buyersCsv([
        { email: 'Ada@Example.com', first: 'Ada', last: 'Lovelace', orderId: 'O1', total: '100' },
        { email: '  ada@example.COM ', orderId: 'O2', total: '50' },
        { email: 'grace@example.com', first: 'Grace', orderId: 'O3', total: '10' },
        { email: 'ada@example.com', orderId: 'O2', total: '50' },
      ])),
      {},
    );
    expect(r).toMatchObject({ rows: 4, created: 2, updated: 1, unchanged: 1, rejectedCount: 0, people: 2 });
    expect(sum(r)).toBe(r.rows);
    expect(count(s.db, 'people')).toBe(2);
    expect(person(s.db, 'ada@example.com')).toMatchObject({ first_name: 'Ada', last_name: 'Lovelace', total_spent: 150, order_count: 2 });
  });

  it('rejects rows without a usable email, naming the column and value, and never creates a person for them', async () => {
    s = sandbox();
    const r = await s.imports.importFile(
      s.file('a.csv', buyersCsv([
        { email: 'ok@example.com', orderId: 'O1' },
        { email: 'not-an-email', first: 'Bad', orderId: 'O2' },
        { email: '', first: 'Empty', orderId: 'O3' },
        { email: 'two@x.com; three@x.com', orderId: 'O4' },
      ])),
      { keepAllRejected: true },
    );
    expect(r.rejected).toEqual([
      { line: 3, reason: 'Column "Email": "not-an-email" is not a valid email address' },
      { line: 4, reason: 'Column "Email" is empty: a person needs an email address' },
      { line: 5, reason: 'Column "Email": "two@x.com; three@x.com" is not a valid email address' },
    ]);
    expect(sum(r)).toBe(4);
    expect(count(s.db, 'people')).toBe(1);
    expect(count(s.db, 'orders')).toBe(1);
  });

  it('changes nothing when the same file is imported again', async () => {
    s = sandbox();
    // The same person on several rows with conflicting answers: the first row wins, so a re-import is idempotent.
    const path = s.file('a.csv', csv([
      ['Email', 'First Name', 'Order ID', 'Order Total', 'Ticket Type', 'Event', 'Event Date', 'T-shirt', 'Marketing Consent', 'Checked In'],
      ['ada@example.com', 'Ada', 'O1', '10', 'GA', 'Summit', '2020-05-01', 'M', 'yes', 'yes'],
      ['ada@example.com', 'Augusta', 'O2', '20', 'VIP', 'Summit', '2020-05-01', 'L', 'no', 'no'],
      ['grace@example.com', 'Grace', 'O3', '5', 'GA', 'Meetup', '', '', '', ''],
      ['bad', 'x', 'O4', '5', 'GA', 'Meetup', '', '', '', ''],
    ]));
    const first = await s.imports.importFile(path, {});
    expect(first).toMatchObject({ created: 2, updated: 1, rejectedCount: 1 });
    const before = snapshot(s.db);
    const again = await s.imports.importFile(path, {});
    expect(again).toMatchObject({ rows: 4, created: 0, updated: 0, unchanged: 3, rejectedCount: 1, queuedForPush: 0 });
    expect(snapshot(s.db)).toEqual(before);
    expect(person(s.db, 'ada@example.com')).toMatchObject({ first_name: 'Ada', marketing_consent: 0 });
    expect(JSON.parse(person(s.db, 'ada@example.com')!.custom_fields as string)).toEqual({ 'T-shirt': 'M' });
  });

  it('updates changed fields and adds orders from a later export, recomputing derived figures', async () => {
    s = sandbox();
    await s.imports.importFile(s.file('v1.csv', buyersCsv([
      { email: 'ada@example.com', first: 'Ada', last: 'Lovelace', orderId: 'O1', total: '100', event: 'Spring', eventDate: '2030-04-20' },
      { email: 'grace@example.com', first: 'Grace', orderId: 'O2', total: '40', event: 'Spring', eventDate: '2030-04-20' },
    ])), {});
    const r = await s.imports.importFile(s.file('v2.csv', buyersCsv([
      { email: 'ada@example.com', first: 'Ada', last: 'King', orderId: 'O1', total: '100', event: 'Spring', eventDate: '2030-04-20' },
      { email: 'ada@example.com', first: 'Ada', last: 'King', orderId: 'O9', total: '25.50', event: 'Autumn', eventDate: '2030-10-01' },
      { email: 'grace@example.com', first: 'Grace', orderId: 'O2', total: '40', event: 'Spring', eventDate: '2030-04-20', status: 'refunded' },
      { email: 'new@example.com', first: 'New', orderId: 'O3', total: '1', event: 'Autumn', eventDate: '2030-10-01' },
    ])), {});
    expect(r).toMatchObject({ rows: 4, created: 1, updated: 3, unchanged: 0 });
    const ada = person(s.db, 'ada@example.com')!;
    expect(ada).toMatchObject({ last_name: 'King', total_spent: 125.5, order_count: 2 });
    const ev = (id: unknown) => s.db.prepare('SELECT name FROM events WHERE id = ?').pluck().get(id);
    expect([ev(ada.first_event_id), ev(ada.last_event_id)]).toEqual(['Spring', 'Autumn']);
    expect(person(s.db, 'grace@example.com')).toMatchObject({ total_spent: 0, order_count: 0, first_event_id: null });
    expect(count(s.db, 'orders')).toBe(4);
    expect(s.db.prepare("SELECT attendee_status FROM tickets t JOIN orders o ON o.id = t.order_id WHERE o.external_order_id = 'O2'").pluck().get()).toBe('Cancelled');
  });

  it('never erases a stored value with an empty cell, and an opt-out is never undone by an import', async () => {
    s = sandbox();
    await s.imports.importFile(s.file('v1.csv', buyersCsv([{ email: 'ada@example.com', first: 'Ada', last: 'Lovelace', consent: 'no' }])), {});
    const r = await s.imports.importFile(s.file('v2.csv', buyersCsv([{ email: 'ada@example.com', first: '', last: '', consent: 'yes' }])), {});
    expect(r.unchanged).toBe(1);
    expect(person(s.db, 'ada@example.com')).toMatchObject({ first_name: 'Ada', last_name: 'Lovelace', marketing_consent: 0 });
    await s.imports.importFile(s.file('v3.csv', buyersCsv([{ email: 'grace@example.com', consent: 'opt-in' }, { email: 'grace@example.com', consent: 'opt-out' }])), {});
    expect(person(s.db, 'grace@example.com')!.marketing_consent).toBe(0);
  });

  it('splits a full name, keeps address, phone, company and job title', async () => {
    s = sandbox();
    await s.imports.importFile(s.file('a.csv', csv([
      ['E-mail Address', 'Name', 'Phone', 'Organisation', 'Job Title', 'Address 1', 'City', 'State', 'Postcode', 'Country'],
      ['ada@example.com', 'Lovelace, Ada', '+44 20 7946 0000', 'Analytical Engines', 'Countess', '12 St James Sq', 'London', 'LDN', 'SW1Y 4JH', 'UK'],
    ])), {});
    expect(person(s.db, 'ada@example.com')).toMatchObject({
      first_name: 'Ada', last_name: 'Lovelace', phone: '+44 20 7946 0000', company: 'Analytical Engines', job_title: 'Countess',
      address_line1: '12 St James Sq', city: 'London', region: 'LDN', postal_code: 'SW1Y 4JH', country: 'UK',
    });
  });
});

describe('events and attendance (issue 12 points 1, 2, 7)', () => {
  let s: Sandbox;
  afterEach(async () => s?.close());

  const eventbrite = (rows: string[][]) => `${eventbriteHeaderLine}\n${rows.map((r) => `${r.join(',')},`).join('\n')}\n`;
  // Order #, Order Date, First, Last, Email, Qty, Price Tier, Ticket Type, Attendee #, Group, Order Type, Currency, Total Paid, Fees, EB Fees, EB Proc, Status, addr x6, Q1, Q2, Job, Company
  const ebRow = (order: string, attendee: string, email: string, status: string, paid = '25.00') =>
    [order, '11/29/24 22:28', 'Ada', 'L', email, '1', '', 'GA', attendee, '', 'Eventbrite Completed', 'USD', paid, '1.00', '0.50', '0.70', status, '', '', '', '', '', '', 'Vegan', 'Friend', 'Dev', 'Acme'];

  it('attaches an Eventbrite attendee report to the event given at import, with statuses from Attendee Status', async () => {
    s = sandbox();
    const path = s.file('eb.csv', eventbrite([
      ebRow('1001', 'A1', 'ada@example.com', 'Attending'),
      ebRow('1001', 'A2', 'bob@example.com', 'Checked In'),
      ebRow('1002', 'A3', 'cy@example.com', 'Not Attending'),
    ]));
    const r = await s.imports.importFile(path, { event: { name: 'DevConf 2030', date: '2030-06-01' } });
    expect(r).toMatchObject({ preset: 'eventbrite', created: 3, rejectedCount: 0 });
    expect(s.db.prepare('SELECT name, starts_at FROM events').all()).toEqual([{ name: 'DevConf 2030', starts_at: '2030-06-01' }]);
    const statuses = s.db.prepare('SELECT p.email, t.attendee_status FROM tickets t JOIN people p ON p.id = t.person_id ORDER BY p.email').all();
    expect(statuses).toEqual([
      { email: 'ada@example.com', attendee_status: 'Registered' },
      { email: 'bob@example.com', attendee_status: 'Attended' },
      { email: 'cy@example.com', attendee_status: 'Cancelled' },
    ]);
    // Total Paid is per attendee: order 1001 is worth both tickets.
    expect(s.db.prepare("SELECT total FROM orders WHERE external_order_id = '1001'").pluck().get()).toBe(50);
    expect(JSON.parse(person(s.db, 'ada@example.com')!.custom_fields as string)).toEqual({ 'Dietary requirements': 'Vegan', 'How did you hear about us?': 'Friend' });

    // A later report of the same event updates statuses in place: no second membership.
    const later = await s.imports.importFile(s.file('eb2.csv', eventbrite([
      ebRow('1001', 'A1', 'ada@example.com', 'Checked In'),
      ebRow('1001', 'A2', 'bob@example.com', 'Checked In'),
      ebRow('1002', 'A3', 'cy@example.com', 'Not Attending'),
    ])), { event: { name: 'DevConf 2030', date: '2030-06-01' } });
    expect(later).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    expect(count(s.db, 'tickets')).toBe(3);
    expect(count(s.db, 'events')).toBe(1);
    expect(s.db.prepare("SELECT t.attendee_status FROM tickets t JOIN people p ON p.id = t.person_id WHERE p.email = 'ada@example.com'").pluck().get()).toBe('Attended');
  });

  it('marks past registrations that never checked in as No-show, only when the file carries check-in data', async () => {
    s = sandbox();
    await s.imports.importFile(s.file('past.csv', buyersCsv([
      { email: 'came@example.com', orderId: 'P1', event: 'Old Meetup', eventDate: '2020-01-10', checkedIn: 'yes' },
      { email: 'skipped@example.com', orderId: 'P2', event: 'Old Meetup', eventDate: '2020-01-10', checkedIn: 'no' },
      { email: 'future@example.com', orderId: 'P3', event: 'New Meetup', eventDate: '2999-01-10', checkedIn: 'no' },
    ])), {});
    const status = (email: string) => s.db.prepare('SELECT t.attendee_status FROM tickets t JOIN people p ON p.id = t.person_id WHERE p.email = ?').pluck().get(email);
    expect([status('came@example.com'), status('skipped@example.com'), status('future@example.com')]).toEqual(['Attended', 'No-show', 'Registered']);
    await s.imports.importFile(s.file('nocheckin.csv', csv([['Email', 'Order ID', 'Event', 'Event Date'], ['x@example.com', 'P9', 'Old Meetup', '2020-01-10']])), {});
    expect(status('x@example.com')).toBe('Registered');
  });

  it('reads the generic multi-event file: events from a column, order status, refunds', async () => {
    s = sandbox();
    const r = await s.imports.importFile(s.file('multi.csv', buyersCsv([
      { email: 'a@example.com', orderId: 'M1', event: 'Spring Summit', eventDate: '2030-04-20', total: '10', status: 'paid' },
      { email: 'a@example.com', orderId: 'M2', event: 'Autumn Conf', eventDate: '2030-10-12', total: '20', status: 'refunded' },
      { email: 'b@example.com', orderId: 'M3', event: 'autumn conf', eventDate: '2030-10-12', total: '30', status: 'cancelled' },
    ])), {});
    expect(r.created).toBe(2);
    expect(s.db.prepare('SELECT name FROM events ORDER BY starts_at').pluck().all()).toEqual(['Spring Summit', 'Autumn Conf']);
    expect(s.db.prepare('SELECT external_order_id, status FROM orders ORDER BY id').all()).toEqual([
      { external_order_id: 'M1', status: 'paid' },
      { external_order_id: 'M2', status: 'refunded' },
      { external_order_id: 'M3', status: 'cancelled' },
    ]);
    expect(person(s.db, 'a@example.com')).toMatchObject({ total_spent: 10, order_count: 1 });
  });

  it('keeps derived figures equal to a full recomputation after mixed imports', async () => {
    s = sandbox();
    const rows = Array.from({ length: 60 }, (_, i) => ({
      email: `p${i % 17}@example.com`, orderId: `X${i % 40}`, total: String((i % 7) * 3.3), event: ['E1', 'E2', 'E3'][i % 3],
      eventDate: ['2030-01-01', '2029-06-01', ''][i % 3], status: i % 5 === 0 ? 'refunded' : 'paid', checkedIn: i % 4 === 0 ? 'no' : 'yes',
    }));
    await s.imports.importFile(s.file('m1.csv', buyersCsv(rows.slice(0, 35))), {});
    await s.imports.importFile(s.file('m2.csv', buyersCsv(rows.slice(20).map((r, i) => ({ ...r, status: i % 3 ? r.status : 'cancelled' })))), {});
    const stored = s.db.prepare('SELECT id, total_spent, order_count, first_event_id, last_event_id FROM people ORDER BY id').all();
    const { recomputeDerived } = await import('../../main/store/people-write');
    const ids = JSON.stringify(s.db.prepare('SELECT id FROM people').pluck().all());
    const changed = s.db.transaction(() => recomputeDerived(s.db, ids, 'now'))();
    expect(changed).toEqual([]);
    expect(s.db.prepare('SELECT id, total_spent, order_count, first_event_id, last_event_id FROM people ORDER BY id').all()).toEqual(stored);
  });
});
