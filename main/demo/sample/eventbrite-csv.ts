import type { AttendeeRow } from './attendees';
import type { SampleEvent } from './events';

/** The published attendee report's leading columns (CRM-API-FACTS, "Ticketing exports"). */
export const EVENTBRITE_LEADING_HEADERS = [
  'Order #', 'Order Date', 'First Name', 'Last Name', 'Email', 'Quantity', 'Price Tier', 'Ticket Type',
  'Attendee #', 'Group', 'Order Type', 'Currency', 'Total Paid', 'Fees Paid', 'Eventbrite Fees',
  'Eventbrite Payment Processing', 'Attendee Status', 'Home Address 1', 'Home Address 2', 'Home City',
  'Home State', 'Home Zip', 'Home Country',
] as const;

/** Leading columns, one per custom question, then `Job Title, Company`, and the trailing comma Eventbrite writes. */
export const eventbriteHeaders = (event: SampleEvent): string[] => [...EVENTBRITE_LEADING_HEADERS, ...event.questions, 'Job Title', 'Company', ''];

/** Eventbrite's `11/29/24 22:28` (month/day/two-digit year, 24-hour time, UTC here). */
export function eventbriteDate(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${two(d.getUTCFullYear() % 100)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

const money = (n: number) => n.toFixed(2);

/** Buyer-paid service fee and card processing, roughly as Eventbrite charges them. */
function fees(price: number): { service: number; processing: number } {
  if (price === 0) return { service: 0, processing: 0 };
  const service = Math.round((price * 0.037 + 1.79) * 100) / 100;
  return { service, processing: Math.round((price + service) * 0.029 * 100) / 100 };
}

function cells(row: AttendeeRow, event: SampleEvent): string[] {
  const { buyer, ticket } = row;
  const fee = fees(ticket.price);
  const showCompany = event.business || row.buyer.jobTitle !== '';
  return [
    row.orderNo, eventbriteDate(row.orderedAt), buyer.firstName, buyer.lastName, row.email, '1', ticket.tier, ticket.type,
    row.attendeeNo, '', row.orderType, 'USD', money(ticket.price), money(fee.service), money(fee.service),
    money(fee.processing), row.attendeeStatus, buyer.street, row.apartment, buyer.place.city,
    buyer.place.state, buyer.place.zip, 'US',
    ...event.questions.map((q) => row.answers[q] ?? ''),
    showCompany ? buyer.jobTitle : '', showCompany ? (buyer.company?.name ?? '') : '', '',
  ];
}

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The whole report as Eventbrite exports it: CRLF line ends, fields quoted only where needed. */
export function eventbriteCsv(event: SampleEvent, rows: readonly AttendeeRow[]): string {
  const lines = [eventbriteHeaders(event), ...rows.map((r) => cells(r, event))];
  return lines.map((line) => line.map(quote).join(',')).join('\r\n') + '\r\n';
}
