// Conformance: @hubspot/api-client, unchanged, on marketing events and communication preferences.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@hubspot/api-client';
import { ApiException as EventsApiException } from '@hubspot/api-client/lib/codegen/marketing/events';
import {
  ApiException as PreferencesApiException,
  PublicUpdateSubscriptionStatusRequestLegalBasisEnum as LegalBasis,
} from '@hubspot/api-client/lib/codegen/communication_preferences';
import { startEmulator, type Emulator } from '../emulators/index';

const TOKEN = 'pat-conformance-events';
const ACCOUNT = 'eventbrite-org-77';
const DAY = 86_400_000;

let emu: Emulator;
let client: Client;

beforeAll(async () => {
  emu = await startEmulator('hubspot', {
    token: TOKEN,
    seed: {
      records: { contacts: [{ id: '101', properties: { email: 'ada@example.com', firstname: 'Ada' } }] },
      marketingEvents: { customPropertyNames: ['venue'] },
      communicationPreferences: { gdprEnabled: true },
    },
  });
  client = new Client({ accessToken: TOKEN, basePath: emu.url });
});
afterAll(async () => emu?.close());

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('marketing events through client.marketing.events', () => {
  const start = new Date(Date.now() + 7 * DAY);
  const end = new Date(start.getTime() + 3 * 3600_000);

  it('creates, reads, updates, upserts, cancels, completes and deletes by external id', async () => {
    const events = client.marketing.events;
    const created = await events.basicApi.create({
      externalAccountId: ACCOUNT,
      externalEventId: 'EB-1',
      eventName: 'Spring Fair',
      eventOrganizer: 'Ticket CRM Sync',
      eventType: 'Fair',
      startDateTime: start,
      endDateTime: end,
      customProperties: [{ name: 'venue', value: 'Town Hall' } as never],
    });
    expect(created.objectId).toMatch(/^\d+$/);
    expect(created.startDateTime).toEqual(start);

    const read = await events.basicApi.getDetails('EB-1', ACCOUNT);
    expect(read).toMatchObject({ eventName: 'Spring Fair', externalEventId: 'EB-1', registrants: 0, attendees: 0, cancellations: 0, noShows: 0 });
    expect(read.createdAt).toBeInstanceOf(Date);
    expect(read.customProperties?.[0]).toMatchObject({ name: 'venue', value: 'Town Hall' });

    const updated = await events.basicApi.update('EB-1', ACCOUNT, { eventDescription: 'Stalls and music' });
    expect(updated).toMatchObject({ id: created.objectId, eventDescription: 'Stalls and music', eventName: 'Spring Fair' });
    expect(updated.updatedAt).toBeInstanceOf(Date);

    const upserted = await events.basicApi.upsert('EB-1', { externalAccountId: ACCOUNT, externalEventId: 'EB-1', eventName: 'Spring Fair 2026', eventOrganizer: 'Ticket CRM Sync' });
    expect(upserted.id).toBe(created.objectId);

    expect((await events.changePropertyApi.cancel('EB-1', ACCOUNT)).eventCancelled).toBe(true);
    const completed = await events.changePropertyApi.complete('EB-1', ACCOUNT, { startDateTime: start, endDateTime: end });
    expect(completed.eventCompleted).toBe(true);

    const byObjectId = await events.basicApi.getByObjectId(created.objectId!);
    expect(byObjectId).toMatchObject({ objectId: created.objectId, eventName: 'Spring Fair 2026' });
    const page = await events.basicApi.getAll(undefined, 10);
    expect(page.results.map((e) => e.objectId)).toContain(created.objectId);

    await events.basicApi.archive('EB-1', ACCOUNT);
    const gone = await rejection(events.basicApi.getDetails('EB-1', ACCOUNT));
    expect(gone).toBeInstanceOf(EventsApiException);
    expect((gone as EventsApiException<unknown>).code).toBe(404);
  });

  it('records participations by email and by contact id, and reads the counts back', async () => {
    const events = client.marketing.events;
    await events.basicApi.create({ externalAccountId: ACCOUNT, externalEventId: 'EB-2', eventName: 'Gala', eventOrganizer: 'Org', startDateTime: start, endDateTime: end });
    const now = Date.now();
    const registered = await events.addEventAttendeesApi.recordByContactEmails(
      'EB-2',
      'register',
      {
        inputs: [
          { email: 'ada@example.com', interactionDateTime: now },
          { email: 'new.person@example.com', interactionDateTime: now, contactProperties: { firstname: 'New' } },
          { email: 'third@example.com', interactionDateTime: now },
        ],
      },
      ACCOUNT,
    );
    expect(registered.status).toBe('COMPLETE');
    expect(registered.results.map((r) => r.email)).toEqual(['ada@example.com', 'new.person@example.com', 'third@example.com']);
    expect(registered.results[0].vid).toBe(101);
    expect(registered.startedAt).toBeInstanceOf(Date);

    const attended = await events.addEventAttendeesApi.recordByContactIds('EB-2', 'attend', { inputs: [{ vid: 101, interactionDateTime: now }] }, ACCOUNT);
    expect(attended.results).toEqual([{ vid: 101 }]);
    await events.addEventAttendeesApi.recordByContactEmails('EB-2', 'cancel', { inputs: [{ email: 'third@example.com', interactionDateTime: now }] }, ACCOUNT);

    const read = await events.basicApi.getDetails('EB-2', ACCOUNT);
    expect({ r: read.registrants, a: read.attendees, c: read.cancellations, n: read.noShows }).toEqual({ r: 2, a: 1, c: 1, n: 0 });
    const counters = await events.retrieveParticipantStateApi.getParticipationsCountersByEventExternalId(ACCOUNT, 'EB-2');
    expect(counters).toEqual({ attended: 1, registered: 2, cancelled: 1, noShows: 0 });
    const breakdown = await events.retrieveParticipantStateApi.getParticipationsBreakdownByExternalEventId(ACCOUNT, 'EB-2', 'new.person@example.com');
    expect(breakdown.total).toBe(1);
    expect(breakdown.results[0].properties.attendanceState).toBe('REGISTERED');
    expect(breakdown.results[0].associations.contact).toMatchObject({ email: 'new.person@example.com', firstname: 'New' });
    expect(breakdown.results[0].createdAt).toBeInstanceOf(Date);
  });

  it('surfaces a missing interactionDateTime as the module typed error', async () => {
    const err = await rejection(
      client.marketing.events.addEventAttendeesApi.recordByContactEmails('EB-2', 'register', { inputs: [{ email: 'x@example.com' } as never] }, ACCOUNT),
    );
    expect(err).toBeInstanceOf(EventsApiException);
    expect((err as EventsApiException<{ category: string }>).code).toBe(400);
    expect((err as EventsApiException<{ category: string }>).body.category).toBe('VALIDATION_ERROR');
  });
});

describe('communication preferences through client.communicationPreferences', () => {
  it('reads definitions and statuses, subscribes and unsubscribes with a legal basis', async () => {
    const prefs = client.communicationPreferences;
    const { subscriptionDefinitions } = await prefs.definitionApi.getPage();
    const marketing = subscriptionDefinitions.find((d) => d.name === 'Marketing Information')!;
    expect(marketing.createdAt).toBeInstanceOf(Date);
    expect(marketing.isActive).toBe(true);

    const before = await prefs.statusApi.getEmailStatus('ada@example.com');
    expect(before.recipient).toBe('ada@example.com');
    expect(before.subscriptionStatuses.find((s) => s.id === marketing.id)?.status).toBe('NOT_SUBSCRIBED');

    const subscribed = await prefs.statusApi.subscribe({
      emailAddress: 'ada@example.com',
      subscriptionId: marketing.id,
      legalBasis: LegalBasis.ConsentWithNotice,
      legalBasisExplanation: 'Ticked the box at checkout',
    });
    expect(subscribed).toMatchObject({ id: marketing.id, status: 'SUBSCRIBED', sourceOfStatus: 'SUBSCRIPTION_STATUS', legalBasis: 'CONSENT_WITH_NOTICE' });

    const unsubscribed = await prefs.statusApi.unsubscribe({
      emailAddress: 'ada@example.com',
      subscriptionId: marketing.id,
      legalBasis: LegalBasis.ConsentWithNotice,
      legalBasisExplanation: 'Asked at the door',
    });
    expect(unsubscribed.status).toBe('NOT_SUBSCRIBED');

    const again = await rejection(
      prefs.statusApi.subscribe({ emailAddress: 'ada@example.com', subscriptionId: marketing.id, legalBasis: LegalBasis.ConsentWithNotice, legalBasisExplanation: 'Import says yes' }),
    );
    expect(again).toBeInstanceOf(PreferencesApiException);
    expect((again as PreferencesApiException<unknown>).code).toBe(400);
  });

  it('refuses a change without the legal fields in this GDPR-enabled account', async () => {
    const { subscriptionDefinitions } = await client.communicationPreferences.definitionApi.getPage();
    const err = await rejection(client.communicationPreferences.statusApi.subscribe({ emailAddress: 'grace@example.com', subscriptionId: subscriptionDefinitions[0].id }));
    expect(err).toBeInstanceOf(PreferencesApiException);
    expect((err as PreferencesApiException<{ category: string }>).body.category).toBe('VALIDATION_ERROR');
  });

  it('resubscribes through v4 (no client module: the client generic request)', async () => {
    const { subscriptionDefinitions } = await client.communicationPreferences.definitionApi.getPage();
    const id = Number(subscriptionDefinitions[0].id);
    const res = await client.apiRequest({
      method: 'POST',
      path: '/communication-preferences/v4/statuses/ada@example.com',
      body: { channel: 'EMAIL', statusState: 'SUBSCRIBED', subscriptionId: id, legalBasis: 'CONSENT_WITH_NOTICE', legalBasisExplanation: 'Re-opted in by phone' },
    });
    const body = (await res.json()) as { results: Array<{ status: string; setStatusSuccessReason: string }> };
    expect(body.results[0]).toMatchObject({ status: 'SUBSCRIBED', setStatusSuccessReason: 'RESUBSCRIBE_OCCURRED' });
  });
});
