import { createHash } from 'node:crypto';
import type { DateOrder, DecimalMark, EventChoice, ImportTarget } from '../../../shared/ipc/channels/import';
import type { CompiledMapping } from '../mapping/compile';
import type { PersonFields } from '../../store/people-write';
import { isValidEmail, normaliseEmail } from '../values/email';
import { parseDate, dateOrderExample } from '../values/dates';
import { parseAmount, amountExample } from '../values/amounts';
import { parseBoolean } from '../values/booleans';
import { splitFullName } from '../values/names';
import { normaliseAttendeeStatus, normaliseOrderStatus, isCancelledOrder, type AttendeeStatus } from '../values/statuses';

/** Excel's own cell limit; longer values are not something a person typed into an export. */
export const MAX_CELL_CHARS = 32767;

export interface RowContext {
  mapping: CompiledMapping;
  dateOrder: DateOrder;
  decimal: DecimalMark;
  /** The event chosen in the dialog / --event, for rows that name none. */
  event: EventChoice | null;
  /** YYYY-MM-DD of today, for the no-show rule. */
  today: string;
}

export interface RowOrder {
  externalId: string;
  orderedAt: string | null;
  total: number | null;
  currency: string | null;
  status: string | null;
}

export interface RowTicket {
  attendeeKey: string;
  type: string | null;
  quantity: number | null;
  price: number | null;
  checkedIn: number | null;
  status: AttendeeStatus;
  /** False when the row says nothing about attendance (Registered by default): a stored status is kept. */
  statusKnown: boolean;
}

export interface ImportRow {
  line: number;
  email: string;
  person: Omit<PersonFields, 'custom_fields'> & { custom: Record<string, string> | null };
  event: { name: string; date: string | null; venue: string | null } | null;
  order: RowOrder | null;
  ticket: RowTicket | null;
}

export type WarningKind = 'date' | 'amount' | 'value';
export interface RowIssue {
  kind: WarningKind;
  column: string;
  value: string;
  message: string;
}

export type BuiltRow =
  | { ok: true; row: ImportRow; issues: RowIssue[] }
  | { ok: false; reason: string; kind: 'missingEmail' | 'invalidEmail' | 'tooLong' };

const quote = (v: string): string => JSON.stringify(v.length > 80 ? `${v.slice(0, 77)}...` : v);

/** Our own rejected-rows CSV prefixes formula-like cells with `'`; reading them back drops it. */
function clean(v: string): string {
  const t = v.trim();
  return t.charCodeAt(0) === 39 && /^'[=+\-@]/.test(t) ? t.slice(1) : t;
}

class RowReader {
  issues: RowIssue[] = [];
  constructor(
    private cells: readonly string[],
    private ctx: RowContext,
  ) {}

  /** First non-empty value among the target's columns, with its column index. */
  get(target: ImportTarget): { value: string; index: number } | null {
    const cols = this.ctx.mapping.byTarget[target];
    if (!cols) return null;
    for (const i of cols) {
      const v = this.cells[i];
      if (v) {
        const c = clean(v);
        if (c) return { value: c, index: i };
      }
    }
    return null;
  }

  text(target: ImportTarget, max = 500): string | null {
    const v = this.get(target);
    return v ? v.value.slice(0, max) : null;
  }

  private issue(kind: WarningKind, index: number, value: string, what: string): void {
    const column = this.ctx.mapping.headers[index];
    this.issues.push({ kind, column, value, message: `Column "${column}": ${quote(value)} ${what}` });
  }

  date(target: ImportTarget): string | null {
    const v = this.get(target);
    if (!v) return null;
    const d = parseDate(v.value, this.ctx.dateOrder);
    if (d === null) this.issue('date', v.index, v.value, `is not a date (expected ${dateOrderExample[this.ctx.dateOrder]}); left empty`);
    return d;
  }

  amount(target: ImportTarget): number | null {
    const v = this.get(target);
    if (!v) return null;
    const n = parseAmount(v.value, this.ctx.decimal);
    if (n === null) this.issue('amount', v.index, v.value, `is not an amount (expected like ${amountExample[this.ctx.decimal]}); left empty`);
    return n;
  }

  integer(target: ImportTarget): number | null {
    const v = this.get(target);
    if (!v) return null;
    if (/^\d{1,6}(\.0+)?$/.test(v.value)) return Number.parseInt(v.value, 10);
    this.issue('value', v.index, v.value, 'is not a whole number; left empty');
    return null;
  }

  flag(target: ImportTarget): number | null {
    const v = this.get(target);
    if (!v) return null;
    const b = parseBoolean(v.value);
    if (b === null) this.issue('value', v.index, v.value, 'is not yes/no; left empty');
    return b === null ? null : b ? 1 : 0;
  }

  attendeeStatus(): AttendeeStatus | null {
    const v = this.get('ticket.attendeeStatus');
    if (!v) return null;
    const s = normaliseAttendeeStatus(v.value);
    if (!s) this.issue('value', v.index, v.value, 'is not a known attendee status; taken as registered');
    return s;
  }
}

function hashKey(parts: Array<string | null>): string {
  return createHash('sha1').update(parts.map((p) => p ?? '').join('\u0001')).digest('hex').slice(0, 20);
}

function checkLengths(cells: readonly string[], ctx: RowContext): BuiltRow | null {
  for (const i of ctx.mapping.used) {
    const v = cells[i];
    if (v && v.length > MAX_CELL_CHARS) {
      return {
        ok: false,
        kind: 'tooLong',
        reason: `Column "${ctx.mapping.headers[i]}": value is ${v.length} characters long (at most ${MAX_CELL_CHARS})`,
      };
    }
  }
  return null;
}

function emailOf(r: RowReader, ctx: RowContext): { email: string } | Extract<BuiltRow, { ok: false }> {
  const cols = ctx.mapping.byTarget['person.email'] ?? [];
  const column = cols.length ? ctx.mapping.headers[cols[0]] : 'Email';
  const v = r.get('person.email');
  if (!v) return { ok: false, kind: 'missingEmail', reason: `Column "${column}" is empty: a person needs an email address` };
  const email = normaliseEmail(v.value);
  if (!isValidEmail(email)) {
    return { ok: false, kind: 'invalidEmail', reason: `Column "${ctx.mapping.headers[v.index]}": ${quote(v.value)} is not a valid email address` };
  }
  return { email };
}

function personOf(r: RowReader, cells: readonly string[], ctx: RowContext): ImportRow['person'] {
  let first = r.text('person.firstName', 200);
  let last = r.text('person.lastName', 200);
  if (!first && !last) {
    const full = r.text('person.fullName', 400);
    if (full) ({ first, last } = splitFullName(full));
  }
  let custom: Record<string, string> | null = null;
  for (const { index, key } of ctx.mapping.custom) {
    const v = cells[index];
    if (v && v.trim()) (custom ??= {})[key] = clean(v);
  }
  return {
    first_name: first,
    last_name: last,
    phone: r.text('person.phone', 100),
    company: r.text('person.company', 300),
    job_title: r.text('person.jobTitle', 300),
    address_line1: r.text('person.address1', 300),
    address_line2: r.text('person.address2', 300),
    city: r.text('person.city', 200),
    region: r.text('person.region', 200),
    postal_code: r.text('person.postalCode', 50),
    country: r.text('person.country', 100),
    marketing_consent: r.flag('person.marketingConsent'),
    custom,
  };
}

function eventOf(r: RowReader, ctx: RowContext): ImportRow['event'] {
  const name = r.text('event.name', 200);
  if (name) return { name, date: r.date('event.date'), venue: r.text('event.venue', 200) };
  if (ctx.event) return { name: ctx.event.name, date: ctx.event.date ?? r.date('event.date'), venue: ctx.event.venue ?? r.text('event.venue', 200) };
  return null;
}

function statusOf(
  r: RowReader,
  ctx: RowContext,
  checkedIn: number | null,
  voided: boolean,
  orderStatus: string | null,
  eventDate: string | null,
): { status: AttendeeStatus; statusKnown: boolean } {
  const said = r.attendeeStatus();
  if (checkedIn === 1 || said === 'Attended') return { status: 'Attended', statusKnown: true };
  if (voided || said === 'Cancelled' || isCancelledOrder(orderStatus)) return { status: 'Cancelled', statusKnown: true };
  if (said === 'No-show') return { status: 'No-show', statusKnown: true };
  // After the event, a registration that never checked in is a no-show, when the export says who came.
  if (ctx.mapping.hasCheckInData && eventDate && eventDate.slice(0, 10) < ctx.today) return { status: 'No-show', statusKnown: true };
  return { status: 'Registered', statusKnown: said !== null || checkedIn !== null || orderStatus !== null };
}

/** One CSV row → what the store needs, or why the row cannot be imported. */
export function buildRow(line: number, cells: readonly string[], ctx: RowContext): BuiltRow {
  const tooLong = checkLengths(cells, ctx);
  if (tooLong) return tooLong;
  const r = new RowReader(cells, ctx);
  const e = emailOf(r, ctx);
  if (!('email' in e)) return e;
  const person = personOf(r, cells, ctx);
  const event = eventOf(r, ctx);
  const orderId = r.text('order.id', 200);
  const orderedAt = r.date('order.date');
  const total = r.amount('order.total');
  const currency = r.text('order.currency', 10)?.toUpperCase() ?? null;
  const statusRaw = r.get('order.status');
  const orderStatus = statusRaw ? normaliseOrderStatus(statusRaw.value) : null;
  const ticketId = r.text('ticket.id', 200);
  const ticketType = r.text('ticket.type', 200);
  const quantity = r.integer('ticket.quantity');
  const price = r.amount('ticket.price');
  const checkInDate = r.date('ticket.checkInDate');
  let checkedIn = r.flag('ticket.checkedIn');
  if (checkedIn === null && checkInDate) checkedIn = 1;
  const voidRaw = r.get('ticket.voided');
  const voided = voidRaw ? parseBoolean(voidRaw.value) !== false : false;
  const hasOrder = Boolean(orderId || orderedAt || total !== null || orderStatus || ticketId || ticketType || price !== null || event);
  let order: RowOrder | null = null;
  let ticket: RowTicket | null = null;
  if (hasOrder) {
    // Without an order id the row is its own order, keyed by what identifies it so a re-import finds it again.
    const externalId = orderId ?? `auto-${hashKey([e.email, event?.name.toLowerCase() ?? null, event?.date ?? null, orderedAt, ticketType])}`;
    order = { externalId, orderedAt, total, currency, status: orderStatus };
    ticket = {
      attendeeKey: ticketId ?? `${e.email}|${(ticketType ?? '').toLowerCase()}`,
      type: ticketType,
      quantity,
      price,
      checkedIn,
      ...statusOf(r, ctx, checkedIn, voided, orderStatus, event?.date ?? null),
    };
  }
  return { ok: true, row: { line, email: e.email, person, event, order, ticket }, issues: r.issues };
}
