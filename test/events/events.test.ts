import { describe, it, expect, afterEach, vi } from 'vitest';
import { runCli } from '../../main/cli/index';
import { getEvent, listEvents } from '../../main/events/read-events';
import { createHandlers } from '../../main/ipc/handlers/index';
import { sandbox, buyersCsv, count, eventbriteHeaderLine, type Sandbox } from '../import/helpers';
import { addConnection } from '../metrics/helpers';

const eventbrite = (rows: string[][]) => `${eventbriteHeaderLine}\n${rows.map((r) => `${r.join(',')},`).join('\n')}\n`;
// Order #, Order Date, First, Last, Email, Qty, Price Tier, Ticket Type, Attendee #, Group, Order Type, Currency, Total Paid, Fees, EB Fees, EB Proc, Status, addr x6, Q1, Q2, Job, Company
const ebRow = (order: string, attendee: string, email: string, status: string, paid = '25.00') =>
  [order, '11/29/24 22:28', 'Ada', 'L', email, '1', '', 'GA', attendee, '', 'Eventbrite Completed', 'USD', paid, '1.00', '0.50', '0.70', status, '', '', '', '', '', '', '', '', 'Dev', 'Acme'];

async function cli(args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return { code: await runCli(args), stdout };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const pick = (e: ReturnType<typeof listEvents>[number]) => ({
  name: e.name, people: e.people, tickets: e.tickets, checkedIn: e.checkedIn,
  registered: e.registered, attended: e.attended, cancelled: e.cancelled, noShow: e.noShow, revenue: e.revenue, refunds: e.refunds,
});

describe('events as local records (issue 12 points 1, 2, 8)', () => {
  let s: Sandbox;
  afterEach(async () => s?.close());

  it('counts an Eventbrite attendee report per status, and a second report updates them in place', async () => {
    s = sandbox();
    const first = eventbrite([
      ebRow('1001', 'A1', 'ada@example.com', 'Attending'),
      ebRow('1001', 'A2', 'bob@example.com', 'Checked In'),
      ebRow('1002', 'A3', 'cy@example.com', 'Not Attending', '40.00'),
      ebRow('1003', 'A4', 'dee@example.com', 'Attending', '30.00'),
    ]);
    await s.imports.importFile(s.file('eb.csv', first), { event: { name: 'DevConf 2030', date: '2030-06-01' } });
    const [e] = listEvents(s.db);
    expect(pick(e)).toEqual({
      name: 'DevConf 2030', people: 4, tickets: 4, checkedIn: 1, registered: 2, attended: 1, cancelled: 1, noShow: 0, revenue: 80, refunds: 0,
    });
    expect(e.date).toBe('2030-06-01');

    const second = eventbrite([
      ebRow('1001', 'A1', 'ada@example.com', 'Checked In'),
      ebRow('1001', 'A2', 'bob@example.com', 'Checked In'),
      ebRow('1002', 'A3', 'cy@example.com', 'Not Attending', '40.00'),
      ebRow('1003', 'A4', 'dee@example.com', 'Not Attending', '30.00'),
    ]);
    await s.imports.importFile(s.file('eb2.csv', second), { event: { name: 'DevConf 2030', date: '2030-06-01' } });
    expect(count(s.db, 'events')).toBe(1);
    expect(count(s.db, 'tickets')).toBe(4);
    const after = listEvents(s.db);
    expect(after).toHaveLength(1);
    expect(pick(after[0])).toMatchObject({ people: 4, tickets: 4, checkedIn: 2, registered: 0, attended: 2, cancelled: 2 });

    const detail = getEvent(s.db, { id: e.id })!;
    expect(detail.attendees.total).toBe(4);
    expect(detail.attendees.rows.map((a) => [a.email, a.status, a.checkedIn])).toEqual([
      ['ada@example.com', 'Attended', true],
      ['bob@example.com', 'Attended', true],
      ['cy@example.com', 'Cancelled', false],
      ['dee@example.com', 'Cancelled', false],
    ]);
    const cancelled = getEvent(s.db, { id: e.id, status: 'Cancelled', limit: 1 })!;
    expect(cancelled.attendees).toMatchObject({ total: 2, rows: [{ email: 'cy@example.com', status: 'Cancelled' }] });
    expect(getEvent(s.db, { id: 9999 })).toBeNull();
  });

  it('splits a generic multi-event file into events with revenue, refunds and No-show only where check-in data says so', async () => {
    s = sandbox();
    await s.imports.importFile(s.file('multi.csv', buyersCsv([
      { email: 'a@example.com', orderId: 'M1', event: 'Old Meetup', eventDate: '2020-01-10', total: '10', status: 'paid', checkedIn: 'yes' },
      { email: 'b@example.com', orderId: 'M2', event: 'Old Meetup', eventDate: '2020-01-10', total: '15', status: 'paid', checkedIn: 'no' },
      { email: 'c@example.com', orderId: 'M3', event: 'Old Meetup', eventDate: '2020-01-10', total: '20', status: 'refunded', checkedIn: 'no' },
      { email: 'a@example.com', orderId: 'M4', event: 'Future Summit', eventDate: '2090-05-01', total: '50', status: 'paid', checkedIn: 'no' },
      { email: 'd@example.com', orderId: 'M5', event: 'future summit', eventDate: '2090-05-01', total: '70', status: 'cancelled' },
    ])), {});
    const byName = Object.fromEntries(listEvents(s.db).map((e) => [e.name, pick(e)]));
    expect(Object.keys(byName)).toEqual(['Future Summit', 'Old Meetup']);
    expect(byName['Old Meetup']).toEqual({
      name: 'Old Meetup', people: 3, tickets: 3, checkedIn: 1, registered: 0, attended: 1, cancelled: 1, noShow: 1, revenue: 25, refunds: 20,
    });
    // Before the event date a ticket never checked in is still a registration.
    expect(byName['Future Summit']).toMatchObject({ people: 2, registered: 1, cancelled: 1, noShow: 0, revenue: 50, refunds: 0 });

    // Without check-in data, a past event has no No-shows.
    await s.imports.importFile(s.file('plain.csv', buyersCsv([{ email: 'e@example.com', orderId: 'N1', event: 'Quiet Talk', eventDate: '2020-02-02', total: '5' }]).replace(/,Checked In,/, ',Ignored,')), {});
    const quiet = listEvents(s.db).find((e) => e.name === 'Quiet Talk')!;
    expect(pick(quiet)).toMatchObject({ registered: 1, noShow: 0 });
  });

  it('answers events:list and events:get over IPC, and `events --json` with the documented shape', async () => {
    s = sandbox();
    await s.imports.importFile(s.file('m.csv', buyersCsv([
      { email: 'a@example.com', orderId: 'X1', event: 'Spring Summit', eventDate: '2030-04-20', total: '12.5' },
      { email: 'b@example.com', orderId: 'X2', event: 'Spring Summit', eventDate: '2030-04-20', total: '7.5', status: 'cancelled' },
    ])), {});
    const h = createHandlers(s.services);
    const listed = await h['events:list']({});
    expect(listed.map(pick)).toEqual([{ name: 'Spring Summit', people: 2, tickets: 2, checkedIn: 0, registered: 1, attended: 0, cancelled: 1, noShow: 0, revenue: 12.5, refunds: 0 }]);
    expect(listed[0].syncs).toEqual([]);
    const got = await h['events:get']({ id: listed[0].id, offset: 0, limit: 10 });
    expect(got?.attendees.rows.map((a) => a.email)).toEqual(['a@example.com', 'b@example.com']);

    const r = await cli(['--data-dir', s.services.dataDir, 'events', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(json).toEqual([expect.objectContaining({
      name: 'Spring Summit', date: '2030-04-20', people: 2, registered: 1, attended: 0, cancelled: 1, noShow: 0, revenue: 12.5,
    })]);
    const human = await cli(['--data-dir', s.services.dataDir, 'events']);
    expect(human.stdout).toMatch(/Spring Summit\s+2030-04-20\s+2\s+1\s+0\s+1\s+0\s+12\.50/);
  });

  it('gives each event its sync state per connection: not synced until the CRM holds it', async () => {
    s = sandbox();
    await s.imports.importFile(s.file('m.csv', buyersCsv([{ email: 'a@example.com', orderId: 'S1', event: 'Spring Summit', eventDate: '2030-04-20', total: '5' }])), {});
    addConnection(s.db, 'sf1', { provider: 'salesforce', label: 'Acme SF' });
    addConnection(s.db, 'hs1', { provider: 'hubspot', label: 'Acme HS' });
    const [e] = listEvents(s.db);
    expect(e.syncs.map((x) => [x.connectionId, x.externalId])).toEqual([['sf1', null], ['hs1', null]]);
    s.db.prepare("INSERT INTO external_links (connection_id, object, local_kind, local_id, external_id) VALUES ('sf1', 'Campaign', 'event', ?, '701000000000001')").run(e.id);
    expect(listEvents(s.db)[0].syncs).toEqual([
      { connectionId: 'sf1', provider: 'salesforce', label: 'Acme SF', externalId: '701000000000001' },
      { connectionId: 'hs1', provider: 'hubspot', label: 'Acme HS', externalId: null },
    ]);
    const r = await cli(['--data-dir', s.services.dataDir, 'events', '--json']);
    expect((JSON.parse(r.stdout) as Array<{ crmIds: Record<string, string> }>)[0].crmIds).toEqual({ sf1: '701000000000001' });
  });
});
