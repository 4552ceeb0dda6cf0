import { liveMembers } from './list-memberships';
import { attendanceCounts, displayedState } from './marketing-event-store';
import { objectTypeInfo, resolveObjectType } from './object-types';
import { toAdminRecord } from './serialize';
import type { HubStore } from './store';

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

function marketingEvents(store: HubStore) {
  const now = store.now();
  return store.marketingEvents.all().map((e) => ({
    ...e,
    startDateTime: iso(e.startDateTime),
    endDateTime: iso(e.endDateTime),
    createdAt: iso(e.createdAt),
    updatedAt: iso(e.updatedAt),
    ...attendanceCounts(e, store.marketingEvents.participationsOf(e), now),
  }));
}

function participations(store: HubStore) {
  const now = store.now();
  return store.marketingEvents.allParticipations().map((p) => {
    const event = store.marketingEvents.byObjectId(p.eventObjectId)!;
    const contact = store.byId('contacts', p.contactId);
    return {
      id: p.id,
      marketingEventId: event.objectId,
      externalAccountId: event.externalAccountId,
      externalEventId: event.externalEventId,
      contactId: p.contactId,
      email: contact?.properties.email ?? null,
      attendanceState: displayedState(event, p, now),
      occurredAt: iso(p.occurredAt),
      createdAt: iso(p.createdAt),
      joinedAt: iso(p.joinedAt),
      leftAt: iso(p.leftAt),
      history: p.history.map((h) => ({ state: h.state, occurredAt: iso(h.occurredAt), recordedAt: iso(h.recordedAt) })),
    };
  });
}

function subscriptions(store: HubStore) {
  const subs = store.subscriptions;
  const rows = subs.allStatuses().map((s) => ({
    email: s.email,
    subscriptionId: s.subscriptionId,
    subscriptionName: subs.definition(s.subscriptionId)?.name ?? null,
    status: s.state,
    portalWide: false,
    legalBasis: s.legalBasis ?? null,
    legalBasisExplanation: s.legalBasisExplanation ?? null,
    source: s.source,
    updatedAt: iso(s.timestamp),
  }));
  const portalWide = subs.allOptedOut().map(({ email, at }) => ({
    email,
    subscriptionId: null,
    subscriptionName: null,
    status: 'UNSUBSCRIBED',
    portalWide: true,
    legalBasis: null,
    legalBasisExplanation: null,
    source: 'UNSUBSCRIBE_FROM_ALL',
    updatedAt: iso(at),
  }));
  return [...rows, ...portalWide];
}

function lists(store: HubStore) {
  return store.lists.all().map((l) => ({
    listId: l.listId,
    name: l.name,
    objectTypeId: objectTypeInfo(l.objectType).typeId,
    processingType: l.processingType,
    listVersion: l.listVersion,
    createdAt: iso(l.createdAt),
    updatedAt: iso(l.updatedAt),
    deletedAt: iso(l.deletedAt),
    members: liveMembers(store, l).map((m) => ({ recordId: m.id, addedAt: iso(m.addedAt) })),
  }));
}

const EXTRA: Record<string, (store: HubStore) => unknown[]> = {
  marketing_events: marketingEvents,
  marketing_event_participations: participations,
  subscriptions,
  lists,
};

/** GET /__admin/records/{name}: CRM object types plus marketing events, participations, subscriptions and lists. */
export function adminRecords(store: HubStore, name: string): unknown[] | undefined {
  const extra = EXTRA[name];
  if (extra) return extra(store);
  const type = resolveObjectType(name);
  return type ? store.all(type).map((r) => toAdminRecord(store, r)) : undefined;
}
