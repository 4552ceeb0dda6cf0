import { json, type EmuRequest, type Router } from '../common/http';
import { guard, jsonObject, type ApiContext } from './api';
import { HubApiError, missingAttributes, validationError } from './errors';
import { BASE, currentCounts, currentParticipants, EVENT_SCOPES, eventByExternalId, eventByObjectId, type Participant } from './marketing-event-lookup';
import { displayedState, type AttendanceState, type StoredMarketingEvent } from './marketing-event-store';
import { checkConstraints, createRecord, validateProperties } from './records';
import type { StoredRecord } from './store';
import { toEpochMs } from './values';

const SUBSCRIBER_STATES: Record<string, AttendanceState> = { register: 'REGISTERED', attend: 'ATTENDED', cancel: 'CANCELLED' };
const BREAKDOWN_MAX_LIMIT = 100;

function subscriberState(raw: string): AttendanceState {
  const state = SUBSCRIBER_STATES[raw.toLowerCase()];
  if (!state) throw validationError(`Unknown subscriberState ${raw}; expected one of ${Object.keys(SUBSCRIBER_STATES).join(', ')}`);
  return state;
}

type Input = Record<string, unknown>;

/** Every input needs its identifier and an interactionDateTime (epoch milliseconds). */
function inputsOf(req: EmuRequest, key: 'email' | 'vid', model: string): Input[] {
  const inputs = jsonObject(req).inputs;
  if (!Array.isArray(inputs)) throw missingAttributes(`BatchInput${model}`, ['inputs']);
  return inputs.map((raw) => {
    const input = (typeof raw === 'object' && raw !== null ? raw : {}) as Input;
    const missing = [key, 'interactionDateTime'].filter((k) => input[k] === undefined || input[k] === null || input[k] === '');
    if (missing.length > 0) throw missingAttributes(model, missing);
    if (!Number.isFinite(Number(input.interactionDateTime))) throw validationError(`interactionDateTime must be epoch milliseconds, got ${JSON.stringify(input.interactionDateTime)}`);
    return input;
  });
}

/** An existing contact by email, or a new one made with contactProperties (used only when creating). */
function contactForEmail(ctx: ApiContext, input: Input): StoredRecord {
  const email = String(input.email);
  const existing = ctx.store.byUnique('contacts', 'email', email);
  if (existing) return existing;
  const extra = typeof input.contactProperties === 'object' && input.contactProperties !== null ? (input.contactProperties as Record<string, unknown>) : {};
  const changes = validateProperties(ctx.store, 'contacts', { ...extra, email });
  checkConstraints(ctx.store, 'contacts', changes);
  return createRecord(ctx.store, 'contacts', changes);
}

function contactForVid(ctx: ApiContext, input: Input): StoredRecord {
  const vid = String(input.vid);
  const contact = ctx.store.byId('contacts', vid);
  if (!contact || contact.archived) throw new HubApiError(404, 'OBJECT_NOT_FOUND', `Contact ${vid} does not exist.`, { context: { vid: [vid] } });
  return contact;
}

function record(ctx: ApiContext, event: StoredMarketingEvent, contact: StoredRecord, state: AttendanceState, input: Input): void {
  const p = ctx.store.marketingEvents.record(event, contact.id, state, Number(input.interactionDateTime), ctx.now());
  const props = (typeof input.properties === 'object' && input.properties !== null ? input.properties : {}) as Record<string, unknown>;
  if (state !== 'ATTENDED') return;
  // joinedAt and leftAt are the only properties HubSpot documents, and only for `attend`.
  for (const key of ['joinedAt', 'leftAt'] as const) {
    const ms = props[key] === undefined ? NaN : toEpochMs(String(props[key]));
    if (Number.isFinite(ms)) p[key] = ms;
  }
}

/** Records one state for every input; a failed input becomes an entry in `errors`, the answer stays 200. */
function recordAll(ctx: ApiContext, event: StoredMarketingEvent, state: AttendanceState, inputs: Input[], byEmail: boolean) {
  const startedAt = new Date(ctx.now()).toISOString();
  const results: Array<Record<string, unknown>> = [];
  const errors: unknown[] = [];
  for (const input of inputs) {
    try {
      const contact = byEmail ? contactForEmail(ctx, input) : contactForVid(ctx, input);
      record(ctx, event, contact, state, input);
      results.push(byEmail ? { vid: Number(contact.id), email: contact.properties.email } : { vid: Number(contact.id) });
    } catch (err) {
      if (!(err instanceof HubApiError)) throw err;
      errors.push({ ...err.toBody(), context: { ...(err.extras.context ?? {}), [byEmail ? 'email' : 'vid']: [String(byEmail ? input.email : input.vid)] } });
    }
  }
  const body: Record<string, unknown> = { status: 'COMPLETE', results, startedAt, completedAt: new Date(ctx.now()).toISOString() };
  if (errors.length > 0) Object.assign(body, { numErrors: errors.length, errors });
  return json(200, body);
}

function toBreakdown(ctx: ApiContext, event: StoredMarketingEvent, { participation: p, contact }: Participant) {
  const duration = p.joinedAt !== undefined && p.leftAt !== undefined ? Math.max(0, Math.round((p.leftAt - p.joinedAt) / 1000)) : undefined;
  return {
    id: p.id,
    createdAt: new Date(p.createdAt).toISOString(),
    properties: {
      occurredAt: p.occurredAt,
      attendanceState: displayedState(event, p, ctx.now()),
      ...(duration !== undefined ? { attendanceDurationSeconds: duration } : {}),
    },
    associations: {
      marketingEvent: { marketingEventId: event.objectId, externalAccountId: event.externalAccountId, externalEventId: event.externalEventId, name: event.eventName },
      contact: {
        contactId: contact.id,
        email: contact.properties.email ?? '',
        ...(contact.properties.firstname ? { firstname: contact.properties.firstname } : {}),
        ...(contact.properties.lastname ? { lastname: contact.properties.lastname } : {}),
      },
    },
  };
}

function breakdown(ctx: ApiContext, req: EmuRequest, events: StoredMarketingEvent[], contact = req.query.get('contactIdentifier')) {
  const who = contact?.toLowerCase();
  const state = req.query.get('state')?.toUpperCase();
  const limit = Number(req.query.get('limit') ?? 10);
  if (!Number.isInteger(limit) || limit < 1 || limit > BREAKDOWN_MAX_LIMIT) throw validationError(`limit must be between 1 and ${BREAKDOWN_MAX_LIMIT}`);
  const after = Number(req.query.get('after') ?? 0);
  const rows = events
    .flatMap((event) => currentParticipants(ctx, event).map((p) => toBreakdown(ctx, event, p)))
    .filter((r) => !who || r.associations.contact.contactId === who || r.associations.contact.email.toLowerCase() === who)
    .filter((r) => !state || r.properties.attendanceState === state)
    .sort((a, b) => Number(a.id) - Number(b.id));
  const rest = rows.filter((r) => Number(r.id) > after);
  const body: Record<string, unknown> = { total: rows.length, results: rest.slice(0, limit) };
  if (rest.length > limit) body.paging = { next: { after: rest[limit - 1].id } };
  return json(200, body);
}

function counters(ctx: ApiContext, event: StoredMarketingEvent) {
  const c = currentCounts(ctx, event);
  return json(200, { attended: c.attendees, registered: c.registrants, cancelled: c.cancellations, noShows: c.noShows });
}

/** Subscriber states by email or contact id, and the participation counters and breakdowns. */
export function registerAttendanceRoutes(router: Router, ctx: ApiContext): void {
  const write = EVENT_SCOPES.write;
  const read = EVENT_SCOPES.read;
  const byState = (req: EmuRequest) => subscriberState(req.params.subscriberState);
  router
    .on('POST', `${BASE}/attendance/:externalEventId/:subscriberState/email-create`, guard(ctx, write, (req, principal) =>
      recordAll(ctx, eventByExternalId(ctx, req, principal), byState(req), inputsOf(req, 'email', 'MarketingEventEmailSubscriber'), true),
    ))
    .on('POST', `${BASE}/attendance/:externalEventId/:subscriberState/create`, guard(ctx, write, (req, principal) =>
      recordAll(ctx, eventByExternalId(ctx, req, principal), byState(req), inputsOf(req, 'vid', 'MarketingEventSubscriber'), false),
    ))
    .on('POST', `${BASE}/:objectId/attendance/:subscriberState/email-create`, guard(ctx, write, (req) =>
      recordAll(ctx, eventByObjectId(ctx, req.params.objectId), byState(req), inputsOf(req, 'email', 'MarketingEventEmailSubscriber'), true),
    ))
    .on('POST', `${BASE}/:objectId/attendance/:subscriberState/create`, guard(ctx, write, (req) =>
      recordAll(ctx, eventByObjectId(ctx, req.params.objectId), byState(req), inputsOf(req, 'vid', 'MarketingEventSubscriber'), false),
    ))
    .on('GET', `${BASE}/participations/contacts/:contactIdentifier/breakdown`, guard(ctx, read, (req) =>
      breakdown(ctx, req, ctx.store.marketingEvents.all(), req.params.contactIdentifier),
    ))
    .on('GET', `${BASE}/participations/:marketingEventId/breakdown`, guard(ctx, read, (req) =>
      breakdown(ctx, req, [eventByObjectId(ctx, req.params.marketingEventId)]),
    ))
    .on('GET', `${BASE}/participations/:externalAccountId/:externalEventId/breakdown`, guard(ctx, read, (req, principal) =>
      breakdown(ctx, req, [eventByExternalId(ctx, req, principal, req.params.externalAccountId)]),
    ))
    .on('GET', `${BASE}/participations/:marketingEventId`, guard(ctx, read, (req) => counters(ctx, eventByObjectId(ctx, req.params.marketingEventId))))
    .on('GET', `${BASE}/participations/:externalAccountId/:externalEventId`, guard(ctx, read, (req, principal) =>
      counters(ctx, eventByExternalId(ctx, req, principal, req.params.externalAccountId)),
    ));
}
