import type { RegisterCommand } from './index';
import { listEvents } from '../../events/read-events';
import type { EventSummary } from '../../../shared/ipc/channels/events';

const pad = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));
const num = (n: number, w: number): string => String(n).padStart(w);

function line(e: EventSummary): string {
  return `${pad(e.name, 30)} ${pad(e.date?.slice(0, 10) ?? '', 10)} ${num(e.people, 7)} ${num(e.registered, 10)} ${num(e.attended, 8)} ${num(e.cancelled, 9)} ${num(e.noShow, 7)} ${e.revenue.toFixed(2).padStart(11)} ${e.refunds.toFixed(2).padStart(10)}`;
}

const header = `${pad('EVENT', 30)} ${pad('DATE', 10)} ${'PEOPLE'.padStart(7)} ${'REGISTERED'.padStart(10)} ${'ATTENDED'.padStart(8)} ${'CANCELLED'.padStart(9)} ${'NO-SHOW'.padStart(7)} ${'REVENUE'.padStart(11)} ${'REFUNDS'.padStart(10)}`;

export const registerEvents: RegisterCommand = (program, ctx) => {
  program
    .command('events')
    .description('list the events in the local store with attendance and revenue')
    .action(() => {
      const c = ctx();
      const events = listEvents(c.open().db);
      const json = events.map((e) => ({
        id: e.id,
        name: e.name,
        date: e.date,
        venue: e.venue,
        people: e.people,
        tickets: e.tickets,
        checkedIn: e.checkedIn,
        registered: e.registered,
        attended: e.attended,
        cancelled: e.cancelled,
        noShow: e.noShow,
        orders: e.orders,
        revenue: e.revenue,
        refunds: e.refunds,
        currency: e.currency,
        crmIds: Object.fromEntries(e.syncs.filter((s) => s.externalId).map((s) => [s.connectionId, s.externalId])),
      }));
      c.out(json, () =>
        events.length === 0
          ? 'No events yet: import a CSV export with `import <file.csv>` (add `--event NAME` for a one-event attendee report).'
          : [header, ...events.map(line), `${events.length} event${events.length === 1 ? '' : 's'}`].join('\n'),
      );
    });
};
