import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** Columns of the generated export: the generic buyer-list headers plus custom questions, 30 in all. */
export const benchHeaders = [
  'Order ID', 'Order Date', 'Email', 'First Name', 'Last Name', 'Phone', 'Company', 'Job Title', 'Address 1', 'Address 2',
  'City', 'State', 'Zip', 'Country', 'Event', 'Event Date', 'Ticket Type', 'Quantity', 'Price', 'Order Total',
  'Currency', 'Order Status', 'Checked In', 'Marketing Consent', 'Dietary Needs', 'T-Shirt Size', 'How did you hear?',
  'Referral Code', 'Notes', 'Badge Name',
];

const firsts = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Radia', 'Tim', 'José', 'Zoë'];
const lasts = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Thompson', 'Perlman', 'Berners-Lee', 'Müller', "O'Brien"];
const events = ['Spring Summit', 'Autumn Conf', 'Winter Meetup'];

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The i-th row of a deterministic export (people repeat every `people` rows, as buyers of several events do). */
export function benchRow(i: number, people: number): string[] {
  const p = i % people;
  const first = firsts[p % firsts.length];
  const last = lasts[(p >> 3) % lasts.length];
  const event = events[i % events.length];
  const price = (20 + (i % 7) * 12.5).toFixed(2);
  return [
    `ORD-${100000 + i}`, `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')} 10:${String(i % 60).padStart(2, '0')}`,
    `${first.toLowerCase()}.${last.toLowerCase().replace(/[^a-z]/g, '')}${p}@example.com`, first, last, `+1 555 ${String(p).padStart(7, '0')}`,
    `Company ${p % 500}`, p % 3 ? 'Engineer' : 'Manager, Platform', `${p} Main Street`, p % 5 ? '' : 'Suite 5', 'Springfield', 'IL', '62704', 'US',
    event, event === 'Spring Summit' ? '2024-04-20' : event === 'Autumn Conf' ? '2024-10-12' : '2025-01-18', i % 4 ? 'General' : 'VIP', '1', price, price,
    'USD', i % 50 ? 'paid' : 'refunded', i % 3 ? 'yes' : 'no', i % 2 ? 'yes' : 'no', i % 9 ? 'None' : 'Vegetarian', ['S', 'M', 'L', 'XL'][i % 4],
    i % 2 ? 'Friend' : 'Newsletter, "weekly"', `REF${i % 97}`, i % 11 ? '' : 'Needs step-free access\nand a quiet room', `${first} ${last}`,
  ];
}

/** Writes `rows` data rows to `path`; returns the byte count. */
export async function writeBenchCsv(path: string, rows: number, people = Math.ceil(rows * 0.8)): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${benchHeaders.map(csvCell).join(',')}\r\n`);
  for (let i = 0; i < rows; i++) {
    if (!out.write(`${benchRow(i, people).map(csvCell).join(',')}\r\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
