import type { EmuRequest } from '../common/http';
import type { ApiContext } from './api';
import { HubApiError, validationError } from './errors';
import { attendanceCounts, type AttendanceCounts, type StoredMarketingEvent, type StoredParticipation } from './marketing-event-store';
import type { StoredRecord } from './store';
import type { Principal } from './tokens';

export const BASE = '/marketing/v3/marketing-events';

export const EVENT_SCOPES = {
  read: { scopes: () => ['crm.objects.marketing_events.read'], limit: 'general' as const },
  write: { scopes: () => ['crm.objects.marketing_events.write'], limit: 'general' as const },
};

export function eventNotFound(what: string): HubApiError {
  return new HubApiError(404, 'OBJECT_NOT_FOUND', `Marketing event ${what} does not exist for this app.`);
}

/** The app's event named by its external ids; externalAccountId is a required query parameter. */
export function requireOwnEvent(ctx: ApiContext, req: EmuRequest, principal: Principal): StoredMarketingEvent {
  const account = req.query.get('externalAccountId');
  if (!account) throw validationError('externalAccountId is required');
  const event = ctx.store.marketingEvents.byExternalIds(principal.app, account, req.params.externalEventId);
  if (!event) throw eventNotFound(`${account}/${req.params.externalEventId}`);
  return event;
}

/** By external id the app must own the event; externalAccountId may be left out when the id is unambiguous. */
export function eventByExternalId(ctx: ApiContext, req: EmuRequest, principal: Principal, account = req.query.get('externalAccountId')): StoredMarketingEvent {
  const events = ctx.store.marketingEvents;
  const candidates = account
    ? [events.byExternalIds(principal.app, account, req.params.externalEventId)].filter((e): e is StoredMarketingEvent => e !== undefined)
    : events.byExternalEventId(principal.app, req.params.externalEventId);
  if (candidates.length === 0) throw eventNotFound(req.params.externalEventId);
  if (candidates.length > 1) throw validationError(`Several events have externalEventId ${req.params.externalEventId}; pass externalAccountId.`);
  return candidates[0];
}

/** Internal-id endpoints serve any app. */
export function eventByObjectId(ctx: ApiContext, objectId: string): StoredMarketingEvent {
  const event = ctx.store.marketingEvents.byObjectId(objectId);
  if (!event) throw eventNotFound(objectId);
  return event;
}

export interface Participant {
  participation: StoredParticipation;
  contact: StoredRecord;
}

const lastRecorded = (p: StoredParticipation) => p.history[p.history.length - 1].recordedAt;

/** Participations whose contact still exists, under its current record (after a merge the latest call wins). */
export function currentParticipants(ctx: ApiContext, event: StoredMarketingEvent): Participant[] {
  const byContact = new Map<string, Participant>();
  for (const participation of ctx.store.marketingEvents.participationsOf(event)) {
    const contact = ctx.store.byId('contacts', participation.contactId);
    if (!contact || contact.archived) continue;
    const seen = byContact.get(contact.id);
    if (!seen || lastRecorded(participation) >= lastRecorded(seen.participation)) byContact.set(contact.id, { participation, contact });
  }
  return [...byContact.values()];
}

export function currentCounts(ctx: ApiContext, event: StoredMarketingEvent): AttendanceCounts {
  return attendanceCounts(
    event,
    currentParticipants(ctx, event).map((p) => p.participation),
    ctx.now(),
  );
}
