/** A sample event with its ticket types, as one Eventbrite attendee report covers it. */
export interface SampleEvent {
  /** File name stem of its export. */
  slug: string;
  name: string;
  /** ISO day (UTC). */
  date: string;
  venue: string;
  tickets: ReadonlyArray<{ type: string; tier: string; price: number }>;
  /** Custom questions of this event's checkout, in column order. */
  questions: readonly string[];
  /** Business audience: more buyers with a company, and team orders. */
  business: boolean;
}

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Three events around `today`: a festival six weeks ago, a conference last week and a comedy
 * night still to come, so the demo shows checked-in, no-show and upcoming tickets.
 */
export function sampleEvents(today: Date): SampleEvent[] {
  const at = (days: number) => isoDay(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) + days * DAY_MS);
  return [
    {
      slug: 'harbor-lights-festival',
      name: 'Harbor Lights Music Festival',
      date: at(-45),
      venue: 'Pier 48, San Francisco',
      tickets: [
        { type: 'Weekend Pass', tier: 'General', price: 149 },
        { type: 'Day Ticket', tier: 'Saturday', price: 79 },
        { type: 'VIP Weekend', tier: 'VIP', price: 289 },
      ],
      questions: ['Cell Phone', 'How did you hear about us?'],
      business: false,
    },
    {
      slug: 'product-leaders-summit',
      name: 'Product Leaders Summit',
      date: at(-12),
      venue: 'Convention Center, Seattle',
      tickets: [
        { type: 'Early Bird', tier: 'Early', price: 395 },
        { type: 'Standard', tier: 'Regular', price: 495 },
        { type: 'Team (3+)', tier: 'Team', price: 425 },
      ],
      questions: ['Cell Phone', 'Dietary requirements', 'How did you hear about us?'],
      business: true,
    },
    {
      slug: 'winter-comedy-night',
      name: 'Winter Comedy Night',
      date: at(18),
      venue: 'The Blue Door, Chicago',
      tickets: [
        { type: 'General Admission', tier: '', price: 35 },
        { type: 'Front Row', tier: '', price: 55 },
        { type: 'Complimentary', tier: '', price: 0 },
      ],
      questions: ['Cell Phone', 'How did you hear about us?'],
      business: false,
    },
  ];
}
