/** The fields of a marketing event an app sets. */
export interface MarketingEventFields {
  eventName: string;
  eventOrganizer: string;
  eventType?: string;
  eventDescription?: string;
  eventUrl?: string;
  startDateTime?: number;
  endDateTime?: number;
  eventCancelled: boolean;
  eventCompleted: boolean;
  customProperties: Array<{ name: string; value: string }>;
}

export interface StoredMarketingEvent extends MarketingEventFields {
  objectId: string;
  /** The app that created it: the external-id endpoints serve only that app. */
  app: string;
  externalAccountId: string;
  externalEventId: string;
  createdAt: number;
  updatedAt: number;
}

/** What a subscriber-state call records (`register`, `attend`, `cancel`). */
export type AttendanceState = 'REGISTERED' | 'ATTENDED' | 'CANCELLED';

export interface StoredParticipation {
  id: string;
  eventObjectId: string;
  contactId: string;
  state: AttendanceState;
  /** The interactionDateTime of the call that set the state. */
  occurredAt: number;
  createdAt: number;
  joinedAt?: number;
  leftAt?: number;
  history: Array<{ state: AttendanceState; occurredAt: number; recordedAt: number }>;
}

export interface AttendanceCounts {
  registrants: number;
  attendees: number;
  cancellations: number;
  noShows: number;
}

const externalKey = (app: string, account: string, eventId: string) => `${app}|${account}|${eventId}`;

/**
 * Marketing events and one participation per contact per event. A later state replaces the earlier one
 * (a registrant who attends becomes an attendee); the history keeps every call.
 */
export class MarketingEventStore {
  /** Custom marketing-event property names the account defines (seeded); others are dropped on write. */
  readonly customPropertyNames = new Set<string>();
  private events = new Map<string, StoredMarketingEvent>();
  private byExternal = new Map<string, string>();
  private participations = new Map<string, StoredParticipation>();
  private nextParticipation = 1;

  clear(): void {
    this.events.clear();
    this.byExternal.clear();
    this.participations.clear();
    this.nextParticipation = 1;
  }

  insert(event: StoredMarketingEvent): void {
    this.events.set(event.objectId, event);
    this.byExternal.set(externalKey(event.app, event.externalAccountId, event.externalEventId), event.objectId);
  }

  delete(event: StoredMarketingEvent): void {
    this.events.delete(event.objectId);
    this.byExternal.delete(externalKey(event.app, event.externalAccountId, event.externalEventId));
    for (const [key, p] of this.participations) if (p.eventObjectId === event.objectId) this.participations.delete(key);
  }

  byObjectId(objectId: string): StoredMarketingEvent | undefined {
    return this.events.get(objectId);
  }

  byExternalIds(app: string, externalAccountId: string, externalEventId: string): StoredMarketingEvent | undefined {
    const id = this.byExternal.get(externalKey(app, externalAccountId, externalEventId));
    return id ? this.events.get(id) : undefined;
  }

  /** The app's events with that external event id, whatever their external account. */
  byExternalEventId(app: string, externalEventId: string): StoredMarketingEvent[] {
    return this.all().filter((e) => e.app === app && e.externalEventId === externalEventId);
  }

  all(): StoredMarketingEvent[] {
    return [...this.events.values()].sort((a, b) => Number(a.objectId) - Number(b.objectId));
  }

  record(event: StoredMarketingEvent, contactId: string, state: AttendanceState, occurredAt: number, now: number): StoredParticipation {
    const key = `${event.objectId}|${contactId}`;
    let p = this.participations.get(key);
    if (!p) {
      p = { id: String(this.nextParticipation++), eventObjectId: event.objectId, contactId, state, occurredAt, createdAt: now, history: [] };
      this.participations.set(key, p);
    }
    p.state = state;
    p.occurredAt = occurredAt;
    p.history.push({ state, occurredAt, recordedAt: now });
    return p;
  }

  participationsOf(event: StoredMarketingEvent): StoredParticipation[] {
    return [...this.participations.values()].filter((p) => p.eventObjectId === event.objectId);
  }

  allParticipations(): StoredParticipation[] {
    return [...this.participations.values()];
  }
}

/** Over once completed or past its end (its start when it has no end); a cancelled event has no no-shows. */
export function isEventOver(event: StoredMarketingEvent, now: number): boolean {
  if (event.eventCancelled) return false;
  const end = event.endDateTime ?? event.startDateTime;
  return event.eventCompleted || (end !== undefined && end < now);
}

/** The state shown for a participation: a registrant who never attended is a no-show once the event is over. */
export function displayedState(event: StoredMarketingEvent, p: StoredParticipation, now: number): AttendanceState | 'NO_SHOW' {
  return p.state === 'REGISTERED' && isEventOver(event, now) ? 'NO_SHOW' : p.state;
}

/**
 * The event's counts: registrants are everyone registered and not cancelled (attendees and no-shows
 * included), attendees those who attended, cancellations those who cancelled, no-shows the registrants who
 * never attended once the event is over.
 */
export function attendanceCounts(event: StoredMarketingEvent, participations: StoredParticipation[], now: number): AttendanceCounts {
  const counts: AttendanceCounts = { registrants: 0, attendees: 0, cancellations: 0, noShows: 0 };
  for (const p of participations) {
    const state = displayedState(event, p, now);
    if (state === 'CANCELLED') counts.cancellations++;
    else counts.registrants++;
    if (state === 'ATTENDED') counts.attendees++;
    if (state === 'NO_SHOW') counts.noShows++;
  }
  return counts;
}
