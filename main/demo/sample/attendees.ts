import type { Random } from './random';
import type { SampleBuyer } from './buyers';
import type { SampleEvent } from './events';
import { DIETS, HEARD_FROM } from './pools';

/** One line of an Eventbrite attendee report: one ticket of one order. */
export interface AttendeeRow {
  orderNo: string;
  /** Epoch ms (UTC). */
  orderedAt: number;
  buyer: SampleBuyer;
  /** The email as typed at checkout: sometimes in other letter case, a few times not an email at all. */
  email: string;
  ticket: SampleEvent['tickets'][number];
  attendeeNo: string;
  orderType: string;
  attendeeStatus: string;
  /** Answers to the event's custom questions, by question. */
  answers: Record<string, string>;
  apartment: string;
}

const DAY_MS = 86_400_000;

/** Which event(s) each buyer goes to: business buyers mostly to the conference; about one in six to a second event. */
export function assignEvents(rand: Random, buyers: readonly SampleBuyer[], events: readonly SampleEvent[]): SampleBuyer[][] {
  const business = events.findIndex((e) => e.business);
  const leisure = events.map((_, i) => i).filter((i) => i !== business);
  const lists: SampleBuyer[][] = events.map(() => []);
  for (const buyer of buyers) {
    const home = buyer.company && rand.chance(0.75) ? business : rand.pick(leisure);
    lists[home].push(buyer);
    if (rand.chance(0.17)) lists[rand.pick(events.map((_, i) => i).filter((i) => i !== home))].push(buyer);
  }
  // Colleagues next to each other, so team orders can form.
  lists[business].sort((a, b) => (a.company?.name ?? '~').localeCompare(b.company?.name ?? '~'));
  return lists;
}

/** How many attendees the next order covers: mostly one, some pairs, teams of colleagues at the conference. */
function orderSize(rand: Random, event: SampleEvent, rest: readonly SampleBuyer[]): number {
  const [a, b, c] = rest;
  if (event.business && a?.company && a.company === b?.company && a.company === c?.company && rand.chance(0.7)) return 3;
  return rest.length > 1 && rand.chance(0.2) ? 2 : 1;
}

export interface OrderNumbers {
  order(): string;
  attendee(): string;
}

/** Eventbrite-like 10-digit order and attendee numbers, unique across the whole sample. */
export function orderNumbers(rand: Random): OrderNumbers {
  let order = 4_210_000_000 + rand.int(0, 99_999);
  let attendee = 5_730_000_000 + rand.int(0, 99_999);
  return {
    order: () => String((order += rand.int(3, 977))),
    attendee: () => String((attendee += rand.int(1, 41))),
  };
}

/** The rows of one event's attendee report. `today` bounds order dates of events still to come. */
export function attendeeRows(rand: Random, event: SampleEvent, attendees: readonly SampleBuyer[], ids: OrderNumbers, today: Date): AttendeeRow[] {
  const eventMs = Date.parse(`${event.date}T19:30:00Z`);
  const past = eventMs < today.getTime();
  const rows: AttendeeRow[] = [];
  for (let i = 0; i < attendees.length; ) {
    const size = orderSize(rand, event, attendees.slice(i));
    const group = attendees.slice(i, i + size);
    i += size;
    const orderNo = ids.order();
    const orderedAt = Math.min(eventMs - rand.int(2, 60) * DAY_MS, today.getTime() - rand.int(1, 72) * 3_600_000) - rand.int(0, 86_399) * 1000;
    const daysAhead = (eventMs - orderedAt) / DAY_MS;
    const refunded = rand.chance(0.05);
    const ticket = size === 3 && event.business ? event.tickets[2] : pickTicket(rand, event, daysAhead);
    const orderType = ticket.price === 0 ? 'Free Order' : refunded ? 'Refunded' : rand.chance(0.85) ? 'Eventbrite Completed' : 'PayPal Completed';
    for (const buyer of group) {
      rows.push({
        orderNo,
        orderedAt,
        buyer,
        email: rand.chance(0.04) ? recased(buyer.email) : buyer.email,
        ticket,
        attendeeNo: ids.attendee(),
        orderType,
        attendeeStatus: refunded ? 'Not Attending' : past && rand.chance(0.82) ? 'Checked In' : 'Attending',
        answers: answersFor(rand, event, buyer),
        apartment: rand.chance(0.15) ? `Apt ${rand.int(1, 30)}${rand.pick(['A', 'B', 'C'])}` : '',
      });
    }
  }
  return rows;
}

/** Conference: early bird until five weeks out. Otherwise the first type is the most common, the third (VIP, comps) rare. */
function pickTicket(rand: Random, event: SampleEvent, daysAhead: number): SampleEvent['tickets'][number] {
  if (event.business) return event.tickets[daysAhead > 35 ? 0 : 1];
  const r = rand.next();
  return event.tickets[r < 0.6 ? 0 : r < 0.88 ? 1 : 2];
}

/** "olivia.bennett@example.com" as "Olivia.Bennett@Example.com": the same person, typed differently. */
const recased = (email: string) => email.replace(/(^|[.@])([a-z])/g, (_m, sep: string, ch: string) => sep + ch.toUpperCase());

function answersFor(rand: Random, event: SampleEvent, buyer: SampleBuyer): Record<string, string> {
  const out: Record<string, string> = {};
  for (const q of event.questions) {
    if (q === 'Cell Phone') out[q] = rand.chance(0.9) ? buyer.phone : '';
    else if (q === 'Dietary requirements') out[q] = rand.pick(DIETS);
    else out[q] = rand.pick(HEARD_FROM);
  }
  return out;
}
