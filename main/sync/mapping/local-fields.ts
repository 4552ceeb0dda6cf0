/**
 * What the local side offers to map: every local kind's fields with a type and whether a pull
 * may write them. The engine builds local records with exactly these keys (camelCase), plus
 * `custom.<key>` for a person's or order's custom fields (text, writable).
 */
export type LocalType = 'id' | 'string' | 'email' | 'phone' | 'number' | 'integer' | 'boolean' | 'date' | 'datetime';

export interface LocalField {
  name: string;
  label: string;
  type: LocalType;
  /** A pull may write it (false for ids, totals the app computes, and derived values). */
  writable: boolean;
}

export type LocalRecord = Record<string, unknown>;

const f = (name: string, label: string, type: LocalType, writable = true): LocalField => ({ name, label, type, writable });

export const localFields: Record<string, LocalField[]> = {
  person: [
    f('id', 'Local id', 'id', false),
    // The email is the person's identity here: it is matched on, never overwritten by a pull.
    f('email', 'Email', 'email', false),
    f('firstName', 'First name', 'string'),
    f('lastName', 'Last name', 'string'),
    // First and last name; the email when neither is known (CRMs that require a name get one).
    f('fullName', 'Full name', 'string', false),
    f('phone', 'Phone', 'phone'),
    f('company', 'Company', 'string'),
    f('jobTitle', 'Job title', 'string'),
    f('addressLine1', 'Address line 1', 'string'),
    f('addressLine2', 'Address line 2', 'string'),
    f('city', 'City', 'string'),
    f('region', 'State / region', 'string'),
    f('postalCode', 'Postal code', 'string'),
    f('country', 'Country', 'string'),
    f('marketingConsent', 'Marketing consent', 'boolean'),
    f('totalSpent', 'Total spent', 'number', false),
    f('orderCount', 'Orders', 'integer', false),
    f('firstEventName', 'First event', 'string', false),
    f('lastEventName', 'Last event', 'string', false),
    f('lastOrderedAt', 'Last order date', 'datetime', false),
    f('createdAt', 'Created', 'datetime', false),
    f('updatedAt', 'Updated', 'datetime', false),
  ],
  order: [
    f('id', 'Local id', 'id', false),
    f('externalOrderId', 'Order number', 'string', false),
    // Unique across ticketing sources: "<source>:<order number>".
    f('orderKey', 'Order key', 'string', false),
    f('source', 'Ticketing source', 'string', false),
    f('orderedAt', 'Order date', 'datetime', false),
    f('total', 'Total', 'number', false),
    f('currency', 'Currency', 'string', false),
    f('status', 'Status', 'string'),
    f('eventName', 'Event', 'string', false),
    f('eventStartsAt', 'Event date', 'datetime', false),
    f('ticketType', 'Ticket type', 'string', false),
    f('quantity', 'Tickets', 'integer', false),
    f('personId', 'Buyer (local id)', 'id', false),
    f('personEmail', 'Buyer email', 'email', false),
    f('personFullName', 'Buyer name', 'string', false),
    f('company', "Buyer's company", 'string', false),
  ],
  company: [
    f('id', 'Local id', 'id', false),
    f('name', 'Name', 'string', false),
    f('domain', 'Domain', 'string', false),
  ],
};

/** Local kinds whose records carry free custom fields (custom.<key>). */
const withCustomFields = new Set(['person', 'order']);

/** The field, or a custom field of a kind that has them; undefined when the kind has no such field. */
export function localField(kind: string, name: string): LocalField | undefined {
  const known = localFields[kind]?.find((x) => x.name === name);
  if (known) return known;
  if (withCustomFields.has(kind) && /^custom\.[A-Za-z0-9_ -]{1,64}$/.test(name)) return f(name, name.slice(7), 'string');
  return undefined;
}
