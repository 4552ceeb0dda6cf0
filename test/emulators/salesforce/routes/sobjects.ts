import { json, type EmuReply, type Router } from '../../common/http';
import { apiRoute, jsonObjectBody, type ApiCall } from '../api';
import { DmlFailure, SfApiError, notFound } from '../errors';
import { normalizeId } from '../ids';
import { describeGlobal, describeGlobalEntry, describeObject } from '../metadata/describe';
import type { FieldDef, ObjectDef } from '../metadata/types';
import { recordUrl } from '../org';
import type { SfState } from '../state';
import type { SfRecord } from '../store';

/** describeGlobal, describe, CRUD by id and by external id under `/services/data/vXX.X/sobjects`. */

const noContent = (): EmuReply => ({ status: 204 });

const noSuchExternalIdField = (name: string) =>
  new SfApiError(404, 'NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${name}`);

/** The live record for a URL id: 404 NOT_FOUND or ENTITY_IS_DELETED otherwise. */
function liveRecord(state: SfState, obj: ObjectDef, rawId: string): SfRecord {
  const id = normalizeId(rawId);
  if (!id) throw noSuchExternalIdField(rawId);
  const rec = state.org.store.get(obj.name, id);
  if (!rec) throw notFound();
  if (rec.IsDeleted === true) throw new SfApiError(404, 'ENTITY_IS_DELETED', 'entity is deleted', []);
  return rec;
}

function selectedFields(state: SfState, obj: ObjectDef, param: string | null): FieldDef[] | undefined {
  if (!param) return undefined;
  return param.split(',').map((name) => {
    const f = state.org.apiField(obj, name.trim());
    if (!f) {
      throw new SfApiError(
        400,
        'INVALID_FIELD',
        `No such column '${name.trim()}' on entity '${obj.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    }
    return f;
  });
}

/** DML failures of a single-record call answer 400 with the error array. */
function single<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof DmlFailure) throw err.toApiError(400);
    throw err;
  }
}

const upsertCreatedFlag = (call: ApiCall) => Number(call.version) >= 46;

export function sobjectRoutes(router: Router, state: SfState): void {
  const { org, dml } = state;
  const base = '/services/data/:version/sobjects';
  const obj = (name: string) => org.requireObjectForRest(name);

  router
    .on('GET', base, apiRoute(state, (_req, call) => json(200, describeGlobal(call.version, org.schema.all().filter((o) => org.permissions.canRead(o)), org.permissions))))
    .on('GET', `${base}/:object`, apiRoute(state, (req, call) => json(200, { objectDescribe: describeGlobalEntry(call.version, obj(req.params.object), org.permissions), recentItems: [] })))
    .on('POST', `${base}/:object`, apiRoute(state, (req) => {
      const o = obj(req.params.object);
      const rec = single(() => dml.create(o, jsonObjectBody(req)));
      return json(201, { id: rec.Id, success: true, errors: [] });
    }))
    .on('GET', `${base}/:object/describe`, apiRoute(state, (req, call) => json(200, describeObject(call.version, obj(req.params.object), org.permissions))))
    .on('GET', `${base}/:object/:id`, apiRoute(state, (req, call) => {
      const o = obj(req.params.object);
      const rec = liveRecord(state, o, req.params.id);
      return json(200, org.apiRecord(o, rec, call.version, selectedFields(state, o, req.query.get('fields'))));
    }))
    .on('PATCH', `${base}/:object/:id`, apiRoute(state, (req) => {
      const o = obj(req.params.object);
      const rec = liveRecord(state, o, req.params.id);
      single(() => dml.update(o, rec.Id, jsonObjectBody(req)));
      return noContent();
    }))
    .on('DELETE', `${base}/:object/:id`, apiRoute(state, (req) => {
      const o = obj(req.params.object);
      const rec = liveRecord(state, o, req.params.id);
      single(() => dml.delete(rec.Id, o));
      return noContent();
    }))
    .on('GET', `${base}/:object/:field/:value`, apiRoute(state, (req, call) => {
      const o = obj(req.params.object);
      const matches = byExternalId(state, o, req.params.field, req.params.value);
      if (matches.length > 1) return multipleChoices(call, o, matches);
      if (!matches.length) throw notFound();
      return json(200, org.apiRecord(o, matches[0], call.version, selectedFields(state, o, req.query.get('fields'))));
    }))
    .on('DELETE', `${base}/:object/:field/:value`, apiRoute(state, (req, call) => {
      const o = obj(req.params.object);
      const matches = byExternalId(state, o, req.params.field, req.params.value);
      if (matches.length > 1) return multipleChoices(call, o, matches);
      if (!matches.length) throw notFound();
      single(() => dml.delete(matches[0].Id, o));
      return noContent();
    }))
    .on('PATCH', `${base}/:object/:field/:value`, apiRoute(state, (req, call) => {
      const o = obj(req.params.object);
      const body = jsonObjectBody(req);
      if (req.query.get('updateOnly') === 'true' && !byExternalId(state, o, req.params.field, req.params.value).length) throw notFound();
      const outcome = single(() => dml.upsert(o, req.params.field, req.params.value, body));
      if (outcome.kind === 'multiple') return multipleChoices(call, o, outcome.ids.map((Id) => ({ Id })));
      if (!upsertCreatedFlag(call)) return outcome.created ? json(201, { id: outcome.id, success: true, errors: [] }) : noContent();
      return json(outcome.created ? 201 : 200, { id: outcome.id, success: true, errors: [], created: outcome.created });
    }));
}

function byExternalId(state: SfState, obj: ObjectDef, fieldName: string, value: string): SfRecord[] {
  const field = state.dml.externalIdField(obj, fieldName);
  if (field.name === 'Id') {
    const id = normalizeId(value);
    const rec = id && state.org.store.get(obj.name, id);
    return rec && rec.IsDeleted !== true ? [rec] : [];
  }
  return state.dml.findByExternalId(obj, field, value);
}

/** 300 Multiple Choices: the URLs of the records sharing the external id value. */
function multipleChoices(call: ApiCall, obj: ObjectDef, matches: SfRecord[]): EmuReply {
  return json(300, matches.map((m) => recordUrl(call.version, obj.name, m.Id as string)));
}
