import { json, type Router } from '../common/http';
import { guard, jsonObject, type ApiContext } from './api';
import { HubApiError, validationError } from './errors';
import { BASE, currentCounts, EVENT_SCOPES, eventByObjectId, requireOwnEvent } from './marketing-event-lookup';
import {
  eventFieldChanges,
  parseCompleteBody,
  parseCreateBody,
  toDefaultResponse,
  toPublicResponse,
  toReadResponse,
  toReadResponseV2,
} from './marketing-event-shape';
import type { MarketingEventFields, StoredMarketingEvent } from './marketing-event-store';
import type { Principal } from './tokens';

const MAX_LIST_LIMIT = 100;

function applyFields(event: StoredMarketingEvent, fields: Partial<MarketingEventFields>, now: number): StoredMarketingEvent {
  Object.assign(event, fields);
  event.updatedAt = now;
  return event;
}

function createEvent(ctx: ApiContext, principal: Principal, ids: { externalAccountId: string; externalEventId: string }, fields: Partial<MarketingEventFields>) {
  const now = ctx.now();
  const event: StoredMarketingEvent = {
    // parseCreateBody made sure of eventName and eventOrganizer.
    ...(fields as MarketingEventFields),
    eventCancelled: fields.eventCancelled ?? false,
    eventCompleted: fields.eventCompleted ?? false,
    customProperties: fields.customProperties ?? [],
    ...ids,
    objectId: ctx.store.allocateId(),
    app: principal.app,
    createdAt: now,
    updatedAt: now,
  };
  ctx.store.marketingEvents.insert(event);
  return event;
}

/** Marketing events v3 by external ids (create, upsert, read, update, delete, cancel, complete) and by object id. */
export function registerMarketingEventRoutes(router: Router, ctx: ApiContext): void {
  const events = ctx.store.marketingEvents;
  const known = events.customPropertyNames;
  router
    .on(
      'POST',
      `${BASE}/events`,
      guard(ctx, EVENT_SCOPES.write, (req, principal) => {
        const { externalAccountId, externalEventId, fields } = parseCreateBody(jsonObject(req), known);
        if (events.byExternalIds(principal.app, externalAccountId, externalEventId)) {
          throw new HubApiError(409, 'CONFLICT', `A marketing event with externalEventId ${externalEventId} already exists for externalAccountId ${externalAccountId}.`);
        }
        return json(200, toDefaultResponse(createEvent(ctx, principal, { externalAccountId, externalEventId }, fields)));
      }),
    )
    .on(
      'PUT',
      `${BASE}/events/:externalEventId`,
      guard(ctx, EVENT_SCOPES.write, (req, principal) => {
        const { externalAccountId, externalEventId, fields } = parseCreateBody(jsonObject(req), known, req.params.externalEventId);
        const existing = events.byExternalIds(principal.app, externalAccountId, externalEventId);
        const event = existing ? applyFields(existing, fields, ctx.now()) : createEvent(ctx, principal, { externalAccountId, externalEventId }, fields);
        return json(200, toPublicResponse(event));
      }),
    )
    .on(
      'PATCH',
      `${BASE}/events/:externalEventId`,
      guard(ctx, EVENT_SCOPES.write, (req, principal) => {
        const event = requireOwnEvent(ctx, req, principal);
        return json(200, toPublicResponse(applyFields(event, eventFieldChanges(jsonObject(req), known), ctx.now())));
      }),
    )
    .on(
      'GET',
      `${BASE}/events/:externalEventId`,
      guard(ctx, EVENT_SCOPES.read, (req, principal) => {
        const event = requireOwnEvent(ctx, req, principal);
        return json(200, toReadResponse(event, currentCounts(ctx, event)));
      }),
    )
    .on(
      'DELETE',
      `${BASE}/events/:externalEventId`,
      guard(ctx, EVENT_SCOPES.write, (req, principal) => {
        events.delete(requireOwnEvent(ctx, req, principal));
        return { status: 204 };
      }),
    )
    .on(
      'POST',
      `${BASE}/events/:externalEventId/cancel`,
      guard(ctx, EVENT_SCOPES.write, (req, principal) => {
        const event = requireOwnEvent(ctx, req, principal);
        return json(200, toDefaultResponse(applyFields(event, { eventCancelled: true }, ctx.now())));
      }),
    )
    .on(
      'POST',
      `${BASE}/events/:externalEventId/complete`,
      guard(ctx, EVENT_SCOPES.write, (req, principal) => {
        const event = requireOwnEvent(ctx, req, principal);
        const dates = parseCompleteBody(jsonObject(req));
        return json(200, toDefaultResponse(applyFields(event, { ...dates, eventCompleted: true }, ctx.now())));
      }),
    );
  registerObjectIdRoutes(router, ctx);
}

/** Internal-id endpoints work for any app, unlike the external-id ones. */
function registerObjectIdRoutes(router: Router, ctx: ApiContext): void {
  const events = ctx.store.marketingEvents;
  const requireByObjectId = (objectId: string) => eventByObjectId(ctx, objectId);
  router
    .on(
      'GET',
      BASE,
      guard(ctx, EVENT_SCOPES.read, (req) => {
        const rawLimit = req.query.get('limit');
        const limit = rawLimit ? Number(rawLimit) : 10;
        if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT) throw validationError(`limit must be between 1 and ${MAX_LIST_LIMIT}`);
        const after = Number(req.query.get('after') ?? 0);
        const all = events.all().filter((e) => Number(e.objectId) > after);
        const page = all.slice(0, limit);
        const body: Record<string, unknown> = { results: page.map((e) => toReadResponseV2(e, currentCounts(ctx, e))) };
        if (all.length > limit) body.paging = { next: { after: page[page.length - 1].objectId } };
        return json(200, body);
      }),
    )
    .on('GET', `${BASE}/:objectId`, guard(ctx, EVENT_SCOPES.read, (req) => {
      const event = requireByObjectId(req.params.objectId);
      return json(200, toReadResponseV2(event, currentCounts(ctx, event)));
    }))
    .on('DELETE', `${BASE}/:objectId`, guard(ctx, EVENT_SCOPES.write, (req) => {
      events.delete(requireByObjectId(req.params.objectId));
      return { status: 204 };
    }));
}
