import type { Db } from '../../store/db';
import { preparePeopleWrites, recomputeDerived, personFieldColumns, noFigures, type DerivedFigures, type PersonFields, type PersonRow } from '../../store/people-write';
import { prepareOrderWrites, type OrderFields, type OrderRow } from '../../store/orders-write';
import { prepareTicketWrites, type TicketFields } from '../../store/tickets-write';
import { prepareEventWrites, eventKey } from '../../store/events';
import { prepareJournal, journalPeople, type UndoKind } from '../../store/import-undo';
import type { ImportRow } from '../rows/build-row';
import { DerivedTracker, countsTowardEvents, units } from './derived';
import { isCancelledOrder } from '../values/statuses';

export type RowOutcome = 'created' | 'updated' | 'unchanged';

const scalarColumns = personFieldColumns.filter((c) => c !== 'custom_fields' && c !== 'marketing_consent');

function parseCustom(json: string): Record<string, string> {
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/**
 * The person as it should be after this row, or null when the row changes nothing. Empty cells
 * never erase what the store has, and an opt-out is never turned back into consent by an
 * import. `fillOnly` (a person already met earlier in this file) only fills blanks: within one
 * file the first row wins, so importing the same file again finds nothing to change.
 */
export function mergePerson(existing: PersonRow, incoming: ImportRow['person'], fillOnly = false): PersonFields | null {
  let changed = false;
  const next = {} as PersonFields;
  for (const c of scalarColumns) {
    const v = incoming[c];
    const have = existing[c];
    const take = v !== null && v !== have && (!fillOnly || have === null);
    if (take) changed = true;
    (next as Record<string, unknown>)[c] = take ? v : have;
  }
  next.marketing_consent = existing.marketing_consent;
  const consent = incoming.marketing_consent;
  if ((consent === 0 && existing.marketing_consent !== 0) || (consent === 1 && existing.marketing_consent === null)) {
    next.marketing_consent = consent;
    changed = true;
  }
  next.custom_fields = existing.custom_fields;
  if (incoming.custom) {
    const have = parseCustom(existing.custom_fields);
    const add = Object.entries(incoming.custom).filter(([k, v]) => have[k] !== v && (!fillOnly || have[k] === undefined));
    if (add.length) {
      next.custom_fields = JSON.stringify({ ...have, ...Object.fromEntries(add) });
      changed = true;
    }
  }
  return changed ? next : null;
}

function newPerson(p: ImportRow['person']): PersonFields {
  const { custom, ...rest } = p;
  return { ...rest, custom_fields: custom ? JSON.stringify(custom) : '{}' };
}

type ResolvedRowEvent = { id: number | null; startsAt: string | null; changed: boolean };
type PreLookup = { event: ResolvedRowEvent; order: OrderRow | undefined };

/**
 * What a new person's derived figures will be once their row's order and ticket are written,
 * so the person is stored with them instead of being updated right after. Anything this does
 * not foresee is corrected at the end of the chunk.
 */
function expectedFigures(row: ImportRow, pre: PreLookup | undefined): DerivedFigures {
  if (!row.order || !pre) return noFigures;
  const t = row.ticket!;
  const counts = pre.event.id !== null && countsTowardEvents(t.status);
  let total_spent = 0;
  let order_count = 0;
  if (!pre.order && !isCancelledOrder(row.order.status)) {
    const total = row.order.total ?? (t.price !== null ? Math.round(t.price * (t.quantity ?? 1) * 10000) / 10000 : null);
    total_spent = units(total) / 10000;
    order_count = 1;
  }
  return { total_spent, order_count, first_event_id: counts ? pre.event.id : null, last_event_id: counts ? pre.event.id : null };
}

const same = <T extends object>(a: T, b: T, keys: readonly (keyof T)[]): boolean => keys.every((k) => a[k] === b[k]);
const orderKeys: (keyof OrderFields)[] = ['event_id', 'ordered_at', 'total', 'currency', 'status'];
const ticketKeys: (keyof TicketFields)[] = ['person_id', 'event_id', 'ticket_type', 'quantity', 'price', 'checked_in', 'attendee_status'];

/** A value from the row, unless the row is a later one for a record this run already wrote and that has a value. */
const pick = <T>(incoming: T | null, have: T | null, fillOnly: boolean): T | null => (incoming === null || (fillOnly && have !== null) ? have : incoming);

/**
 * Merges rows into the store for one import run. Call `mergeRow` for each row and
 * `finishChunk` before the chunk's transaction commits: it brings derived figures of the
 * people the chunk touched up to date, so every committed chunk is consistent on its own.
 */
export class StoreMerger {
  private people;
  private orders;
  private tickets;
  private events;
  private journalRow;
  private journaled: Record<UndoKind, Set<number>> = { person: new Set(), order: new Set(), ticket: new Set(), event: new Set() };
  private eventIds = new Map<string, { id: number; startsAt: string | null }>();
  private eventStarts = new Map<number, string | null>();
  /** Records this run already wrote: later rows for them only fill blanks. */
  private seen = { person: new Set<number>(), order: new Set<number>(), ticket: new Set<number>() };
  /** People whose derived figures are recomputed in SQL at the end of the chunk. */
  private dirty = new Set<number>();
  private derived = new DerivedTracker();

  constructor(
    private db: Db,
    private runId: number,
    private source: string,
  ) {
    this.people = preparePeopleWrites(db);
    this.orders = prepareOrderWrites(db);
    this.tickets = prepareTicketWrites(db);
    this.events = prepareEventWrites(db);
    this.journalRow = prepareJournal(db);
  }

  private journal(kind: UndoKind, id: number, createdRunId?: number | null): void {
    if (createdRunId === this.runId || this.journaled[kind].has(id)) return;
    this.journalRow(this.runId, kind, id);
    this.journaled[kind].add(id);
  }

  /** Someone whose figures must be recomputed in SQL (they existed before, or left tracking). */
  private recompute(personId: number): void {
    if (this.derived.has(personId)) return;
    this.dirty.add(personId);
  }

  mergeRow(row: ImportRow, now: string): RowOutcome {
    const found = this.people.findByEmail(row.email);
    let personId: number;
    let changed = false;
    let pre: PreLookup | undefined;
    if (!found) {
      pre = row.order ? { event: this.event(row, now), order: this.orders.find(this.source, row.order.externalId) } : undefined;
      const figures = expectedFigures(row, pre);
      personId = this.people.insert(row.email, newPerson(row.person), this.runId, now, figures);
      if (!this.derived.track(personId, figures)) this.dirty.add(personId);
    } else {
      personId = found.id;
      const merged = mergePerson(found, row.person, this.seen.person.has(personId));
      if (merged) {
        this.journal('person', personId, found.created_run_id);
        this.people.update(personId, merged, now);
        changed = true;
      }
    }
    this.seen.person.add(personId);
    if (row.order) changed = this.mergeOrder(row, personId, now, pre) || changed;
    if (!found) return 'created';
    return changed ? 'updated' : 'unchanged';
  }

  private event(row: ImportRow, now: string): ResolvedRowEvent {
    if (!row.event) return { id: null, startsAt: null, changed: false };
    const key = eventKey(row.event.name, row.event.date);
    const cached = this.eventIds.get(key);
    if (cached && !row.event.venue) return { ...cached, changed: false };
    const r = this.events.resolve(row.event, this.runId, now, (id) => this.journal('event', id));
    this.eventIds.set(key, { id: r.id, startsAt: r.startsAt });
    this.eventStarts.set(r.id, r.startsAt);
    return { id: r.id, startsAt: r.startsAt, changed: r.changed && !r.created };
  }

  private mergeOrder(row: ImportRow, personId: number, now: string, pre?: PreLookup): boolean {
    const o = row.order!;
    const event = pre?.event ?? this.event(row, now);
    let changed = event.changed;
    const found = pre ? pre.order : this.orders.find(this.source, o.externalId);
    let orderId: number;
    let ownerId = personId;
    let current: OrderFields;
    if (!found) {
      current = { event_id: event.id, ordered_at: o.orderedAt, total: o.total, currency: o.currency, status: o.status };
      orderId = this.orders.insert(this.source, o.externalId, personId, current, this.runId, now);
      this.derived.order(personId, null, current);
      this.recompute(personId);
      changed = true;
    } else {
      orderId = found.id;
      ownerId = found.person_id;
      const fill = this.seen.order.has(orderId);
      current = {
        event_id: pick(event.id, found.event_id, fill),
        ordered_at: pick(o.orderedAt, found.ordered_at, fill),
        total: pick(o.total, found.total, fill),
        currency: pick(o.currency, found.currency, fill),
        status: pick(o.status, found.status, fill),
      };
      if (!same(current, found, orderKeys)) {
        this.journal('order', orderId, found.created_run_id);
        this.orders.update(orderId, current, now);
        this.derived.order(ownerId, found, current);
        this.recompute(ownerId);
        if (current.ordered_at !== found.ordered_at) this.untrackHolders(orderId);
        changed = true;
      }
    }
    this.seen.order.add(orderId);
    const ticketChanged = this.mergeTicket(row, orderId, !found, personId, event, current.ordered_at, now);
    if (ticketChanged && o.total === null && row.ticket!.price !== null) {
      // No order total in the file: the order is worth what its tickets cost.
      this.journal('order', orderId, found ? found.created_run_id : this.runId);
      const total = this.orders.totalFromTickets(orderId, now);
      if (total !== undefined) {
        this.derived.order(ownerId, { status: current.status, total: current.total }, { status: current.status, total });
        this.recompute(ownerId);
        changed = true;
      }
    }
    return changed || ticketChanged;
  }

  private mergeTicket(
    row: ImportRow,
    orderId: number,
    newOrder: boolean,
    personId: number,
    event: { id: number | null; startsAt: string | null },
    orderedAt: string | null,
    now: string,
  ): boolean {
    const t = row.ticket!;
    // A ticket of an order this row created cannot exist yet.
    const found = newOrder ? undefined : this.tickets.find(orderId, t.attendeeKey);
    const key = event.startsAt ?? orderedAt;
    if (!found) {
      const fields: TicketFields = { person_id: personId, event_id: event.id, ticket_type: t.type, quantity: t.quantity, price: t.price, checked_in: t.checkedIn, attendee_status: t.status };
      const id = this.tickets.insert(orderId, t.attendeeKey, fields, this.runId, now);
      this.seen.ticket.add(id);
      this.derived.ticket(id, null, personId, event.id, key, t.status);
      this.recompute(personId);
      return true;
    }
    const fill = this.seen.ticket.has(found.id);
    const next: TicketFields = {
      person_id: fill ? found.person_id : personId,
      event_id: pick(event.id, found.event_id, fill),
      ticket_type: pick(t.type, found.ticket_type, fill),
      quantity: pick(t.quantity, found.quantity, fill),
      price: pick(t.price, found.price, fill),
      checked_in: pick(t.checkedIn, found.checked_in, fill),
      attendee_status: (t.statusKnown && !fill) || !found.attendee_status ? t.status : found.attendee_status,
    };
    this.seen.ticket.add(found.id);
    if (same(next, found, ticketKeys)) return false;
    this.journal('ticket', found.id, found.created_run_id);
    this.tickets.update(found.id, next, now);
    this.derived.ticket(found.id, found.person_id, next.person_id, next.event_id, this.startsAt(next.event_id) ?? orderedAt, next.attendee_status);
    this.recompute(next.person_id);
    if (found.person_id !== next.person_id) this.recompute(found.person_id);
    return true;
  }

  private startsAt(eventId: number | null): string | null {
    if (eventId === null) return null;
    if (!this.eventStarts.has(eventId)) {
      this.eventStarts.set(eventId, (this.db.prepare('SELECT starts_at FROM events WHERE id = ?').pluck().get(eventId) as string | null | undefined) ?? null);
    }
    return this.eventStarts.get(eventId) ?? null;
  }

  /** An order's date is the event key of its tickets whose event has no date: recount their holders in SQL. */
  private untrackHolders(orderId: number): void {
    for (const holder of this.db.prepare('SELECT DISTINCT person_id FROM tickets WHERE order_id = ? AND person_id IS NOT NULL').pluck().all(orderId) as number[]) {
      if (this.derived.has(holder)) {
        this.derived.drop(holder);
        this.dirty.add(holder);
      }
    }
  }

  /** Brings derived figures of the people this chunk touched up to date (journaling existing ones first). */
  finishChunk(now: string): void {
    for (const [id, figures] of this.derived.changes()) this.people.setDerived(id, figures, now);
    if (this.dirty.size === 0) return;
    const ids = JSON.stringify([...this.dirty]);
    this.dirty.clear();
    recomputeDerived(this.db, ids, now, (changedJson) => journalPeople(this.db, this.runId, changedJson));
  }
}
