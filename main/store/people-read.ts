import type { Db } from './db';
import type { PersonSummary, PeopleQuery } from '../../shared/ipc/channels/people';
import type { z } from 'zod';
import type { OrderSummary } from '../../shared/ipc/channels/people';

type ParsedPeopleQuery = Required<Pick<PeopleQuery, 'sort' | 'direction' | 'offset' | 'limit'>> & { search?: string };

const sortColumns: Record<ParsedPeopleQuery['sort'], string> = {
  email: 'p.email',
  lastName: 'p.last_name',
  totalSpent: 'p.total_spent',
  orderCount: 'p.order_count',
  updatedAt: 'p.updated_at',
};

interface PersonRow {
  id: number;
  email: string;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  company: string | null;
  total_spent: number;
  order_count: number;
  last_event_name: string | null;
  updated_at: string;
  links: string | null;
}

/** A page of people for the People page and `people` CLI, with their CRM links. */
export function listPeople(db: Db, q: ParsedPeopleQuery): { rows: PersonSummary[]; total: number } {
  const where = q.search ? `WHERE p.email LIKE @s OR p.first_name LIKE @s OR p.last_name LIKE @s OR p.company LIKE @s` : '';
  const args = q.search ? { s: `%${q.search.trim()}%` } : {};
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM people p ${where}`).get(args) as { n: number }).n;
  const dir = q.direction === 'asc' ? 'ASC' : 'DESC';
  const rows = db
    .prepare(
      `SELECT p.id, p.email, p.first_name, p.last_name, p.phone, p.company, p.total_spent, p.order_count,
              p.updated_at, e.name AS last_event_name,
              (SELECT json_group_array(json_object('connectionId', l.connection_id, 'provider', c.provider,
                        'object', l.object, 'externalId', l.external_id, 'status', l.status))
                 FROM external_links l JOIN connections c ON c.id = l.connection_id
                WHERE l.local_kind = 'person' AND l.local_id = p.id) AS links
         FROM people p LEFT JOIN events e ON e.id = p.last_event_id
         ${where}
        ORDER BY ${sortColumns[q.sort]} ${dir} NULLS LAST, p.id ${dir}
        LIMIT @limit OFFSET @offset`,
    )
    .all({ ...args, limit: q.limit, offset: q.offset }) as PersonRow[];
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      email: r.email,
      firstName: r.first_name,
      lastName: r.last_name,
      phone: r.phone,
      company: r.company,
      totalSpent: r.total_spent,
      orderCount: r.order_count,
      lastEventName: r.last_event_name,
      updatedAt: r.updated_at,
      links: r.links ? (JSON.parse(r.links) as PersonSummary['links']) : [],
    })),
  };
}

export function listOrdersOfPerson(db: Db, personId: number): z.infer<typeof OrderSummary>[] {
  const rows = db
    .prepare(
      `SELECT o.id, o.external_order_id, o.ordered_at, o.total, o.currency, o.status, e.name AS event_name,
              (SELECT t.ticket_type FROM tickets t WHERE t.order_id = o.id ORDER BY t.id LIMIT 1) AS ticket_type,
              (SELECT SUM(COALESCE(t.quantity, 1)) FROM tickets t WHERE t.order_id = o.id) AS quantity
         FROM orders o LEFT JOIN events e ON e.id = o.event_id
        WHERE o.person_id = ? ORDER BY o.ordered_at DESC, o.id DESC`,
    )
    .all(personId) as Array<Record<string, unknown>>;
  return rows.map((r) => ({
    id: r.id as number,
    externalOrderId: r.external_order_id as string,
    orderedAt: (r.ordered_at as string | null) ?? null,
    total: (r.total as number | null) ?? null,
    currency: (r.currency as string | null) ?? null,
    status: (r.status as string | null) ?? null,
    eventName: (r.event_name as string | null) ?? null,
    ticketType: (r.ticket_type as string | null) ?? null,
    quantity: (r.quantity as number | null) ?? null,
  }));
}
