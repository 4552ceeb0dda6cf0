import { z } from 'zod';
import { channel } from '../define';

export const PersonLink = z.object({
  connectionId: z.string(),
  provider: z.string(),
  object: z.string(),
  externalId: z.string(),
  status: z.string(),
});

export const PersonSummary = z.object({
  id: z.number().int(),
  email: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  phone: z.string().nullable(),
  company: z.string().nullable(),
  totalSpent: z.number(),
  orderCount: z.number().int(),
  lastEventName: z.string().nullable(),
  updatedAt: z.string(),
  links: z.array(PersonLink),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

export const OrderSummary = z.object({
  id: z.number().int(),
  externalOrderId: z.string(),
  orderedAt: z.string().nullable(),
  total: z.number().nullable(),
  currency: z.string().nullable(),
  status: z.string().nullable(),
  eventName: z.string().nullable(),
  ticketType: z.string().nullable(),
  quantity: z.number().int().nullable(),
});

export const PeopleQuery = z
  .object({
    search: z.string().max(200).optional(),
    sort: z.enum(['email', 'lastName', 'totalSpent', 'orderCount', 'updatedAt']).default('updatedAt'),
    direction: z.enum(['asc', 'desc']).default('desc'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(5000).default(500),
  })
  .strict();
export type PeopleQuery = z.input<typeof PeopleQuery>;

export const peopleChannels = {
  'people:list': channel(PeopleQuery, z.object({ rows: z.array(PersonSummary), total: z.number().int() }), 'A page of local people.'),
  'people:orders': channel(z.object({ personId: z.number().int() }).strict(), z.array(OrderSummary), "One person's orders."),
};
export const peopleEvents = {};
