import { z } from 'zod';
import { channel } from '../define';

export const AttendanceStatus = z.enum(['Registered', 'Attended', 'Cancelled', 'No-show']);
export type AttendanceStatus = z.infer<typeof AttendanceStatus>;

export const EventSync = z.object({
  connectionId: z.string(),
  provider: z.string(),
  label: z.string(),
  /** The CRM's id for the event once pushed; null: not synced yet. */
  externalId: z.string().nullable(),
});

export const EventSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  date: z.string().nullable(),
  venue: z.string().nullable(),
  /** Distinct ticket holders and buyers. */
  people: z.number().int(),
  tickets: z.number().int(),
  checkedIn: z.number().int(),
  registered: z.number().int(),
  attended: z.number().int(),
  cancelled: z.number().int(),
  noShow: z.number().int(),
  orders: z.number().int(),
  revenue: z.number(),
  refunds: z.number(),
  currency: z.string().nullable(),
  syncs: z.array(EventSync),
});
export type EventSummary = z.infer<typeof EventSummary>;

export const Attendee = z.object({
  personId: z.number().int(),
  email: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  status: AttendanceStatus,
  tickets: z.number().int(),
  ticketTypes: z.string().nullable(),
  checkedIn: z.boolean(),
  spent: z.number(),
});
export type Attendee = z.infer<typeof Attendee>;

export const EventQuery = z
  .object({
    id: z.number().int(),
    status: AttendanceStatus.optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(5000).default(500),
  })
  .strict();
export type EventQuery = z.input<typeof EventQuery>;

export const EventDetail = z.object({
  event: EventSummary,
  attendees: z.object({ rows: z.array(Attendee), total: z.number().int() }),
});
export type EventDetail = z.infer<typeof EventDetail>;

export const eventChannels = {
  'events:list': channel(z.object({}).strict(), z.array(EventSummary), 'Every local event with its attendance and money counts, newest first.'),
  'events:get': channel(EventQuery, EventDetail.nullable(), 'One event with a page of its attendees; null when it does not exist.'),
};
