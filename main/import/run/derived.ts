import type { DerivedFigures } from '../../store/people-write';
import { isCancelledOrder } from '../values/statuses';

/** A ticket as first/last-event ordering sees it: event date, else its order's date. */
interface HeldTicket {
  eventId: number;
  key: string | null;
}

interface HeldTicketOf extends HeldTicket {
  ticketId: number;
}

/** Kept small: a bulk import follows one of these per new person. */
interface Tracked {
  /** Money in ten-thousandths, so sums are exact and match the SQL recompute. */
  units: number;
  count: number;
  /** Usually one or two; null until the first. */
  tickets: HeldTicketOf[] | null;
  stored: DerivedFigures;
}

function removeTicket(t: Tracked, ticketId: number): boolean {
  const i = t.tickets?.findIndex((h) => h.ticketId === ticketId) ?? -1;
  if (i < 0) return false;
  t.tickets!.splice(i, 1);
  return true;
}

export const units = (total: number | null): number => Math.round((total ?? 0) * 10000);

/** SQL's `ORDER BY key ASC NULLS LAST, event id ASC`: does `a` come before `b`? */
function before(a: HeldTicket, b: HeldTicket): boolean {
  if (a.key !== b.key) {
    if (a.key === null) return false;
    if (b.key === null) return true;
    return a.key < b.key;
  }
  return a.eventId < b.eventId;
}

/** SQL's `ORDER BY key DESC NULLS LAST, event id DESC`. */
function after(a: HeldTicket, b: HeldTicket): boolean {
  if (a.key !== b.key) {
    if (a.key === null) return false;
    if (b.key === null) return true;
    return a.key > b.key;
  }
  return a.eventId > b.eventId;
}

/** Bounds the tracker's memory; people beyond it are recomputed in SQL like existing ones. */
const MAX_TRACKED = 1_000_000;

export const countsTowardEvents = (status: string | null): boolean => status !== 'Cancelled' && status !== 'No-show';

/**
 * Derived figures of people this import created, kept up to date in memory as their orders and
 * tickets are written, so a bulk import does not re-query them chunk after chunk. It follows
 * the same rules as `recomputeDerived` (which stays the path for people that existed before).
 * Every order such a person bought and every ticket they hold was written by this run, so the
 * running state is complete; anything it cannot follow exactly hands the person back to SQL.
 */
export class DerivedTracker {
  private tracked = new Map<number, Tracked>();
  private touched = new Set<number>();

  /**
   * Starts following a new person whose row was stored with `stored` figures; false when the
   * tracker is full (a huge import), and the caller recomputes that person in SQL instead.
   */
  track(personId: number, stored: DerivedFigures): boolean {
    if (this.tracked.size >= MAX_TRACKED) return false;
    this.tracked.set(personId, { units: 0, count: 0, tickets: null, stored });
    return true;
  }

  has(personId: number): boolean {
    return this.tracked.has(personId);
  }

  /** Stop following a person; the caller recomputes them in SQL. */
  drop(personId: number): void {
    this.tracked.delete(personId);
    this.touched.delete(personId);
  }

  /** An order of a tracked buyer changed from `was` (null when new) to `now`. */
  order(ownerId: number, was: { status: string | null; total: number | null } | null, now: { status: string | null; total: number | null }): void {
    const t = this.tracked.get(ownerId);
    if (!t) return;
    if (was && !isCancelledOrder(was.status)) {
      t.units -= units(was.total);
      t.count--;
    }
    if (!isCancelledOrder(now.status)) {
      t.units += units(now.total);
      t.count++;
    }
    this.touched.add(ownerId);
  }

  /** A ticket is now held by `holderId` (null: by nobody tracked) with this event and status. */
  ticket(ticketId: number, previousHolder: number | null, holderId: number, eventId: number | null, key: string | null, status: string | null): void {
    if (previousHolder !== null && previousHolder !== holderId) {
      const p = this.tracked.get(previousHolder);
      if (p && removeTicket(p, ticketId)) this.touched.add(previousHolder);
    }
    const t = this.tracked.get(holderId);
    if (!t) return;
    removeTicket(t, ticketId);
    if (eventId !== null && countsTowardEvents(status)) (t.tickets ??= []).push({ ticketId, eventId, key });
    this.touched.add(holderId);
  }

  /** Figures of tracked people touched since the last call that differ from what is stored. */
  *changes(): Generator<[number, DerivedFigures]> {
    for (const id of this.touched) {
      const t = this.tracked.get(id);
      if (!t) continue;
      let first: HeldTicket | null = null;
      let last: HeldTicket | null = null;
      for (const h of t.tickets ?? []) {
        if (!first || before(h, first)) first = h;
        if (!last || after(h, last)) last = h;
      }
      const next: DerivedFigures = { total_spent: t.units / 10000, order_count: t.count, first_event_id: first?.eventId ?? null, last_event_id: last?.eventId ?? null };
      const s = t.stored;
      if (s.total_spent !== next.total_spent || s.order_count !== next.order_count || s.first_event_id !== next.first_event_id || s.last_event_id !== next.last_event_id) {
        t.stored = next;
        yield [id, next];
      }
    }
    this.touched.clear();
  }
}
