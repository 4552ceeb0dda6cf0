import { missingAttributes, validationError } from './errors';
import type { AttendanceCounts, MarketingEventFields, StoredMarketingEvent } from './marketing-event-store';
import { toEpochMs } from './values';

const iso = (ms: number) => new Date(ms).toISOString();

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

function dateTime(body: Record<string, unknown>, name: string): number | undefined {
  const raw = body[name];
  if (raw === undefined || raw === null) return undefined;
  const ms = typeof raw === 'number' ? raw : typeof raw === 'string' ? toEpochMs(raw) : NaN;
  if (!Number.isFinite(ms)) throw validationError(`${name} must be an ISO 8601 date-time, got ${JSON.stringify(raw)}`);
  return ms;
}

function flag(body: Record<string, unknown>, name: string): boolean | undefined {
  const raw = body[name];
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'boolean') throw validationError(`${name} must be a boolean`);
  return raw;
}

/** customProperties `[{ name, value }]`; names the account does not define are dropped, as HubSpot drops them. */
function customProperties(raw: unknown, known: ReadonlySet<string>): Array<{ name: string; value: string }> | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) throw validationError('customProperties must be an array of { name, value }');
  return raw
    .map((p) => (typeof p === 'object' && p !== null ? (p as { name?: unknown; value?: unknown }) : {}))
    .filter((p) => typeof p.name === 'string' && known.has(p.name))
    .map((p) => ({ name: p.name as string, value: p.value === undefined || p.value === null ? '' : String(p.value) }));
}

/** The optional event fields present in a body (create, upsert and update share them). */
export function eventFieldChanges(body: Record<string, unknown>, known: ReadonlySet<string>): Partial<MarketingEventFields> {
  const changes: Partial<MarketingEventFields> = {};
  for (const name of ['eventName', 'eventOrganizer', 'eventType', 'eventDescription', 'eventUrl'] as const) {
    if (body[name] === undefined || body[name] === null) continue;
    if (typeof body[name] !== 'string') throw validationError(`${name} must be a string`);
    changes[name] = body[name] as string;
  }
  const start = dateTime(body, 'startDateTime');
  const end = dateTime(body, 'endDateTime');
  if (start !== undefined) changes.startDateTime = start;
  if (end !== undefined) changes.endDateTime = end;
  const cancelled = flag(body, 'eventCancelled');
  const completed = flag(body, 'eventCompleted');
  if (cancelled !== undefined) changes.eventCancelled = cancelled;
  if (completed !== undefined) changes.eventCompleted = completed;
  const custom = customProperties(body.customProperties, known);
  if (custom !== undefined) changes.customProperties = custom;
  return changes;
}

/** A create or upsert body: the client's MarketingEventCreateRequestParams, required fields checked. */
export function parseCreateBody(body: Record<string, unknown>, known: ReadonlySet<string>, externalEventId?: string) {
  const ids = { externalAccountId: text(body.externalAccountId), externalEventId: externalEventId ?? text(body.externalEventId) };
  const fields = eventFieldChanges(body, known);
  const required: Record<string, unknown> = { ...ids, eventName: text(fields.eventName), eventOrganizer: text(fields.eventOrganizer) };
  const missing = Object.keys(required).filter((k) => required[k] === undefined);
  if (missing.length > 0) throw missingAttributes('MarketingEventCreateRequestParams', missing);
  return { externalAccountId: ids.externalAccountId!, externalEventId: ids.externalEventId!, fields };
}

/** Mandatory `complete` body: both dates. */
export function parseCompleteBody(body: Record<string, unknown>) {
  const startDateTime = dateTime(body, 'startDateTime');
  const endDateTime = dateTime(body, 'endDateTime');
  const missing = [startDateTime === undefined ? 'startDateTime' : '', endDateTime === undefined ? 'endDateTime' : ''].filter(Boolean);
  if (missing.length > 0) throw missingAttributes('MarketingEventCompleteRequestParams', missing);
  return { startDateTime: startDateTime!, endDateTime: endDateTime! };
}

function eventFields(e: StoredMarketingEvent) {
  return {
    eventName: e.eventName,
    eventOrganizer: e.eventOrganizer,
    ...(e.eventType !== undefined ? { eventType: e.eventType } : {}),
    ...(e.eventDescription !== undefined ? { eventDescription: e.eventDescription } : {}),
    ...(e.eventUrl !== undefined ? { eventUrl: e.eventUrl } : {}),
    ...(e.startDateTime !== undefined ? { startDateTime: iso(e.startDateTime) } : {}),
    ...(e.endDateTime !== undefined ? { endDateTime: iso(e.endDateTime) } : {}),
    eventCancelled: e.eventCancelled,
    eventCompleted: e.eventCompleted,
    customProperties: e.customProperties,
  };
}

/** Create, cancel and complete answers (MarketingEventDefaultResponse). */
export const toDefaultResponse = (e: StoredMarketingEvent) => ({ ...eventFields(e), objectId: e.objectId });

/** Upsert and update answers (MarketingEventPublicDefaultResponse). */
export const toPublicResponse = (e: StoredMarketingEvent) => ({
  ...toDefaultResponse(e),
  id: e.objectId,
  createdAt: iso(e.createdAt),
  updatedAt: iso(e.updatedAt),
});

/** Reads by external ids (MarketingEventPublicReadResponse): the counts come along. */
export const toReadResponse = (e: StoredMarketingEvent, counts: AttendanceCounts) => ({
  ...toPublicResponse(e),
  externalEventId: e.externalEventId,
  ...counts,
});

/** Reads by object id and listings (MarketingEventPublicReadResponseV2: no `id`). */
export const toReadResponseV2 = (e: StoredMarketingEvent, counts: AttendanceCounts) => {
  const { id: _id, ...rest } = toReadResponse(e, counts);
  return rest;
};
