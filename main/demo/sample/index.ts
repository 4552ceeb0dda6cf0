import { seededRandom, type Random } from './random';
import { sampleBuyers, samplePhone, type SampleBuyer } from './buyers';
import { sampleEvents, type SampleEvent } from './events';
import { assignEvents, attendeeRows, orderNumbers, type AttendeeRow, type OrderNumbers } from './attendees';
import { eventbriteCsv } from './eventbrite-csv';
import { PLACES } from './pools';

export type { SampleBuyer } from './buyers';
export type { SampleEvent } from './events';
export type { AttendeeRow } from './attendees';

export interface SampleExport {
  event: SampleEvent;
  fileName: string;
  csv: string;
  rows: AttendeeRow[];
}

export interface SampleData {
  events: SampleEvent[];
  /** Every buyer with a usable email (each is one person after import). */
  buyers: SampleBuyer[];
  /** One Eventbrite attendee report per event. */
  exports: SampleExport[];
  /** Rows whose email no import can use: they show up as rejected rows. */
  badEmailRows: AttendeeRow[];
}

export interface SampleOptions {
  /** Dates are placed around this day (default: now). */
  today?: Date;
  /** Same seed, same data (default 2026). */
  seed?: number;
  buyers?: number;
}

/** Checkout typos a ticketing platform lets through: each row is rejected on import, naming the value. */
const TYPOS: ReadonlyArray<[first: string, last: string, email: string]> = [
  ['Sam', 'Quinn', 'sam.quinn@example'],
  ['Lena', 'Holm', 'lena holm@example.com'],
  ['Marcus', 'Reyes', 'marcus..reyes@example.net'],
  ['Tariq', 'Novak', ''],
  ['Ruby', 'Foster', 'n/a'],
];

function typoRows(rand: Random, events: readonly SampleEvent[], ids: OrderNumbers, today: Date): AttendeeRow[][] {
  const perEvent: AttendeeRow[][] = events.map(() => []);
  TYPOS.forEach(([firstName, lastName, email], i) => {
    const place = PLACES[i % PLACES.length];
    const buyer: SampleBuyer = { firstName, lastName, email, phone: samplePhone(place.areaCode, 90 + i), company: null, jobTitle: '', street: `${10 + i} Elm Court`, place };
    const [row] = attendeeRows(rand, events[i % events.length], [buyer], ids, today);
    perEvent[i % events.length].push({ ...row, email });
  });
  return perEvent;
}

/** A platform numbers orders as they come in: earlier orders get smaller numbers, across events too. */
function renumberByDate(rows: AttendeeRow[], ids: OrderNumbers): void {
  const byDate = [...rows].sort((a, b) => a.orderedAt - b.orderedAt || a.orderNo.localeCompare(b.orderNo));
  const orders = new Map<string, string>();
  for (const row of byDate) {
    if (!orders.has(row.orderNo)) orders.set(row.orderNo, ids.order());
    row.attendeeNo = ids.attendee();
  }
  for (const row of rows) row.orderNo = orders.get(row.orderNo)!;
}

/**
 * The demo's ticket exports: about 150 buyers over three events, some of them at two events
 * (repeat buyers), pairs and company teams, a few refunds and free tickets, and five rows with an
 * unusable email. Deterministic for a given seed and day.
 */
export function buildSampleData(opts: SampleOptions = {}): SampleData {
  const today = opts.today ?? new Date();
  const rand = seededRandom(opts.seed ?? 2026);
  const events = sampleEvents(today);
  const buyers = sampleBuyers(rand, opts.buyers ?? 150);
  const ids = orderNumbers(rand);
  const lists = assignEvents(rand, buyers, events);
  const typos = typoRows(rand, events, ids, today);
  const perEvent = events.map((event, i) => [...attendeeRows(rand, event, lists[i], ids, today), ...typos[i]]);
  renumberByDate(perEvent.flat(), orderNumbers(rand));
  const exports = events.map((event, i) => {
    const rows = perEvent[i].sort((a, b) => a.orderedAt - b.orderedAt || a.attendeeNo.localeCompare(b.attendeeNo));
    return { event, fileName: `eventbrite-${event.slug}.csv`, csv: eventbriteCsv(event, rows), rows };
  });
  return { events, buyers, exports, badEmailRows: typos.flat() };
}
