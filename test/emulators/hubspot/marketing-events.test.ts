import { afterEach, describe, expect, it } from 'vitest';
import { oauthTokens, startHub, type HubBody, type TestHub } from './test-helpers';

let hub: TestHub;
afterEach(async () => hub?.close());

const BASE = '/marketing/v3/marketing-events';
const DAY = 86_400_000;
const ACCOUNT = 'eventbrite-org-77';

const gala = (extra: Record<string, unknown> = {}) => ({
  externalAccountId: ACCOUNT,
  externalEventId: 'EB-1001',
  eventName: 'Autumn Gala',
  eventOrganizer: 'Ticket CRM Sync',
  eventType: 'Gala',
  startDateTime: new Date(Date.now() + 10 * DAY).toISOString(),
  endDateTime: new Date(Date.now() + 10 * DAY + 4 * 3600_000).toISOString(),
  ...extra,
});

const read = (id = 'EB-1001') => hub.call('GET', `${BASE}/events/${id}?externalAccountId=${ACCOUNT}`);
const byEmail = (state: string, inputs: unknown[], id = 'EB-1001') =>
  hub.call('POST', `${BASE}/attendance/${id}/${state}/email-create?externalAccountId=${ACCOUNT}`, { inputs });
const counts = (body: HubBody) => ({ registrants: body.registrants, attendees: body.attendees, cancellations: body.cancellations, noShows: body.noShows });
const at = Date.now();

describe('marketing events by external id', () => {
  it('creates an event and reads it back with zero counts', async () => {
    hub = await startHub();
    const created = await hub.call('POST', `${BASE}/events`, gala());
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ eventName: 'Autumn Gala', eventOrganizer: 'Ticket CRM Sync', eventCancelled: false, eventCompleted: false });
    expect(created.body.objectId).toMatch(/^\d+$/);
    const res = await read();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ externalEventId: 'EB-1001', eventType: 'Gala', id: created.body.objectId, objectId: created.body.objectId });
    expect(counts(res.body)).toEqual({ registrants: 0, attendees: 0, cancellations: 0, noShows: 0 });
    expect(Date.parse(res.body.createdAt)).not.toBeNaN();
  });

  it('refuses a create without its required fields, and a second create of the same ids', async () => {
    hub = await startHub();
    const missing = await hub.call('POST', `${BASE}/events`, { externalAccountId: ACCOUNT, externalEventId: 'X', eventName: 'No organizer' });
    expect(missing.status).toBe(400);
    expect(missing.body.category).toBe('VALIDATION_ERROR');
    expect(missing.body.message).toContain('[eventOrganizer]');
    expect((await hub.call('POST', `${BASE}/events`, gala({ startDateTime: 'someday' }))).status).toBe(400);
    expect((await hub.call('POST', `${BASE}/events`, gala())).status).toBe(200);
    const again = await hub.call('POST', `${BASE}/events`, gala());
    expect(again.status).toBe(409);
    expect(again.body.category).toBe('CONFLICT');
  });

  it('upserts by external id: creates, then updates in place', async () => {
    hub = await startHub();
    const first = await hub.call('PUT', `${BASE}/events/EB-2002`, gala({ externalEventId: 'EB-2002' }));
    expect(first.status).toBe(200);
    const second = await hub.call('PUT', `${BASE}/events/EB-2002`, gala({ externalEventId: 'EB-2002', eventName: 'Autumn Gala (moved)' }));
    expect(second.body.id).toBe(first.body.id);
    expect((await read('EB-2002')).body.eventName).toBe('Autumn Gala (moved)');
    const all = await hub.call('GET', '/__admin/records/marketing_events');
    expect((all.body as unknown as unknown[]).length).toBe(1);
  });

  it('updates, cancels, completes and deletes by external id; externalAccountId is required', async () => {
    hub = await startHub();
    await hub.call('POST', `${BASE}/events`, gala());
    const patched = await hub.call('PATCH', `${BASE}/events/EB-1001?externalAccountId=${ACCOUNT}`, { eventDescription: 'Black tie', eventUrl: 'https://example.com/gala' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ eventName: 'Autumn Gala', eventDescription: 'Black tie' });
    expect((await hub.call('PATCH', `${BASE}/events/EB-1001`, { eventName: 'x' })).status).toBe(400);
    expect((await hub.call('PATCH', `${BASE}/events/nope?externalAccountId=${ACCOUNT}`, { eventName: 'x' })).status).toBe(404);
    const cancelled = await hub.call('POST', `${BASE}/events/EB-1001/cancel?externalAccountId=${ACCOUNT}`);
    expect(cancelled.body.eventCancelled).toBe(true);
    const completed = await hub.call('POST', `${BASE}/events/EB-1001/complete?externalAccountId=${ACCOUNT}`, {
      startDateTime: '2026-10-01T18:00:00.000Z',
      endDateTime: '2026-10-01T23:00:00.000Z',
    });
    expect(completed.body).toMatchObject({ eventCompleted: true, endDateTime: '2026-10-01T23:00:00.000Z' });
    expect((await hub.call('POST', `${BASE}/events/EB-1001/complete?externalAccountId=${ACCOUNT}`, {})).status).toBe(400);
    expect((await hub.call('DELETE', `${BASE}/events/EB-1001?externalAccountId=${ACCOUNT}`)).status).toBe(204);
    expect((await read()).status).toBe(404);
  });

  it('keeps only custom properties the account defines', async () => {
    hub = await startHub({ seed: { marketingEvents: { customPropertyNames: ['venue'] } } });
    const created = await hub.call('POST', `${BASE}/events`, gala({ customProperties: [{ name: 'venue', value: 'Town Hall' }, { name: 'nosuch', value: 'x' }] }));
    expect(created.body.customProperties).toEqual([{ name: 'venue', value: 'Town Hall' }]);
  });

  it('serves external-id endpoints only to the app that created the event; object-id reads to any app', async () => {
    hub = await startHub();
    const created = await hub.call('POST', `${BASE}/events`, gala());
    const other = await oauthTokens(hub, 'crm.objects.marketing_events.read crm.objects.marketing_events.write');
    const auth = { authorization: `Bearer ${other.access_token}` };
    expect((await hub.call('GET', `${BASE}/events/EB-1001?externalAccountId=${ACCOUNT}`, undefined, auth)).status).toBe(404);
    const byObject = await hub.call('GET', `${BASE}/${created.body.objectId}`, undefined, auth);
    expect(byObject.status).toBe(200);
    expect(byObject.body).toMatchObject({ objectId: created.body.objectId, externalEventId: 'EB-1001', registrants: 0 });
    const listed = await hub.call('GET', `${BASE}?limit=10`, undefined, auth);
    expect(listed.body.results.map((e) => e.objectId)).toEqual([created.body.objectId]);
  });

  it('needs the marketing events scopes from OAuth tokens', async () => {
    hub = await startHub();
    const contactsOnly = await oauthTokens(hub);
    const refused = await hub.call('POST', `${BASE}/events`, gala(), { authorization: `Bearer ${contactsOnly.access_token}` });
    expect(refused.status).toBe(403);
    expect(refused.body.category).toBe('MISSING_SCOPES');
    const readOnly = await oauthTokens(hub, 'crm.objects.marketing_events.read');
    expect((await hub.call('POST', `${BASE}/events`, gala(), { authorization: `Bearer ${readOnly.access_token}` })).status).toBe(403);
  });
});

describe('participations and counts', () => {
  it('records register, attend and cancel by email; unknown emails become contacts with contactProperties', async () => {
    hub = await startHub({ seed: { records: { contacts: [{ id: '101', properties: { email: 'ada@example.com', firstname: 'Ada' } }] } } });
    await hub.call('POST', `${BASE}/events`, gala());
    const reg = await byEmail('register', [
      { email: 'ADA@example.com', interactionDateTime: at, contactProperties: { firstname: 'Ignored' } },
      { email: 'grace@example.com', interactionDateTime: at, contactProperties: { firstname: 'Grace', lastname: 'Hopper' } },
      { email: 'alan@example.com', interactionDateTime: at },
    ]);
    expect(reg.status).toBe(200);
    expect(reg.body.status).toBe('COMPLETE');
    expect(reg.body.results.map((r) => r.email)).toEqual(['ada@example.com', 'grace@example.com', 'alan@example.com']);
    expect(reg.body.results[0].vid).toBe(101);
    const contacts = (await hub.call('GET', '/__admin/records/contacts')).body as unknown as Array<{ properties: Record<string, string> }>;
    expect(contacts.map((c) => c.properties.firstname)).toEqual(['Ada', 'Grace', undefined]);

    await byEmail('attend', [{ email: 'grace@example.com', interactionDateTime: at + 1, properties: { joinedAt: String(at), leftAt: String(at + 3600_000) } }]);
    await byEmail('cancel', [{ email: 'alan@example.com', interactionDateTime: at + 2 }]);
    expect(counts((await read()).body)).toEqual({ registrants: 2, attendees: 1, cancellations: 1, noShows: 0 });

    const breakdown = await hub.call('GET', `${BASE}/participations/${ACCOUNT}/EB-1001/breakdown?state=ATTENDED`);
    expect(breakdown.body.total).toBe(1);
    expect(breakdown.body.results[0]).toMatchObject({
      properties: { attendanceState: 'ATTENDED', attendanceDurationSeconds: 3600 },
      associations: { contact: { email: 'grace@example.com', firstname: 'Grace' }, marketingEvent: { externalEventId: 'EB-1001', name: 'Autumn Gala' } },
    });
    const counters = await hub.call('GET', `${BASE}/participations/${ACCOUNT}/EB-1001`);
    expect(counters.body).toEqual({ attended: 1, registered: 2, cancelled: 1, noShows: 0 });
  });

  it('keeps one participation per contact: a later state replaces the earlier one', async () => {
    hub = await startHub();
    await hub.call('POST', `${BASE}/events`, gala());
    await byEmail('register', [{ email: 'a@example.com', interactionDateTime: at }]);
    await byEmail('register', [{ email: 'a@example.com', interactionDateTime: at + 5 }]);
    expect(counts((await read()).body)).toMatchObject({ registrants: 1 });
    await byEmail('cancel', [{ email: 'a@example.com', interactionDateTime: at + 10 }]);
    expect(counts((await read()).body)).toEqual({ registrants: 0, attendees: 0, cancellations: 1, noShows: 0 });
    const rows = (await hub.call('GET', '/__admin/records/marketing_event_participations')).body as unknown as Array<{ attendanceState: string; history: unknown[] }>;
    expect(rows).toHaveLength(1);
    expect(rows[0].attendanceState).toBe('CANCELLED');
    expect(rows[0].history).toHaveLength(3);
  });

  it('counts no-shows only once the event is over', async () => {
    hub = await startHub({ manualClock: true });
    await hub.call('POST', `${BASE}/events`, gala());
    await byEmail('register', [
      { email: 'came@example.com', interactionDateTime: at },
      { email: 'stayed-home@example.com', interactionDateTime: at },
    ]);
    await byEmail('attend', [{ email: 'came@example.com', interactionDateTime: at }]);
    expect((await read()).body.noShows).toBe(0);
    hub.advance(11 * DAY);
    expect(counts((await read()).body)).toEqual({ registrants: 2, attendees: 1, cancellations: 0, noShows: 1 });
    const noShow = await hub.call('GET', `${BASE}/participations/${ACCOUNT}/EB-1001/breakdown?state=NO_SHOW`);
    expect(noShow.body.results[0].associations).toMatchObject({ contact: { email: 'stayed-home@example.com' } });
  });

  it('counts no-shows for an event completed early', async () => {
    hub = await startHub();
    await hub.call('POST', `${BASE}/events`, gala());
    await byEmail('register', [{ email: 'x@example.com', interactionDateTime: at }]);
    await hub.call('POST', `${BASE}/events/EB-1001/complete?externalAccountId=${ACCOUNT}`, { startDateTime: gala().startDateTime, endDateTime: gala().endDateTime });
    expect((await read()).body.noShows).toBe(1);
  });

  it('records by contact id, reporting unknown ids as errors in a 200 answer', async () => {
    hub = await startHub({ seed: { records: { contacts: [{ id: '101', properties: { email: 'ada@example.com' } }] } } });
    await hub.call('POST', `${BASE}/events`, gala());
    const res = await hub.call('POST', `${BASE}/attendance/EB-1001/attend/create`, {
      inputs: [
        { vid: 101, interactionDateTime: at },
        { vid: 999, interactionDateTime: at },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([{ vid: 101 }]);
    expect(res.body.numErrors).toBe(1);
    expect(res.body.errors[0]).toMatchObject({ category: 'OBJECT_NOT_FOUND' });
    expect((await read()).body.attendees).toBe(1);
  });

  it('requires interactionDateTime, a known state and a known event', async () => {
    hub = await startHub();
    await hub.call('POST', `${BASE}/events`, gala());
    const noTime = await byEmail('register', [{ email: 'a@example.com' }]);
    expect(noTime.status).toBe(400);
    expect(noTime.body.message).toContain('interactionDateTime');
    expect((await byEmail('waitlist', [{ email: 'a@example.com', interactionDateTime: at }])).status).toBe(400);
    expect((await byEmail('register', [{ email: 'a@example.com', interactionDateTime: at }], 'NOPE')).status).toBe(404);
    const badEmail = await byEmail('register', [{ email: 'not-an-email', interactionDateTime: at }]);
    expect(badEmail.status).toBe(200);
    expect(badEmail.body.numErrors).toBe(1);
    expect((await hub.call('GET', '/__admin/records/contacts')).body).toEqual([]);
  });

  it('records by the event object id as well', async () => {
    hub = await startHub();
    const created = await hub.call('POST', `${BASE}/events`, gala());
    const res = await hub.call('POST', `${BASE}/${created.body.objectId}/attendance/register/email-create`, { inputs: [{ email: 'b@example.com', interactionDateTime: at }] });
    expect(res.status).toBe(200);
    expect((await hub.call('GET', `${BASE}/participations/${created.body.objectId}`)).body).toMatchObject({ registered: 1 });
  });

  it('lists events and participations for inspection', async () => {
    hub = await startHub();
    await hub.call('POST', `${BASE}/events`, gala());
    await byEmail('register', [{ email: 'a@example.com', interactionDateTime: at }]);
    const events = (await hub.call('GET', '/__admin/records/marketing_events')).body as unknown as Array<Record<string, unknown>>;
    expect(events[0]).toMatchObject({ externalEventId: 'EB-1001', externalAccountId: ACCOUNT, eventName: 'Autumn Gala', registrants: 1 });
    const rows = (await hub.call('GET', '/__admin/records/marketing_event_participations')).body as unknown as Array<Record<string, unknown>>;
    expect(rows[0]).toMatchObject({ externalEventId: 'EB-1001', email: 'a@example.com', attendanceState: 'REGISTERED' });
    await hub.call('POST', '/__admin/reset');
    expect((await hub.call('GET', '/__admin/records/marketing_events')).body).toEqual([]);
  });
});
