import { json, type EmuRequest, type Router } from '../../common/http';
import { apiRoute, jsonObjectBody } from '../api';
import { DmlFailure, SfApiError, saveError, type SaveError } from '../errors';
import { keyPrefixOf, normalizeId } from '../ids';
import type { ObjectDef } from '../metadata/types';
import type { SfState } from '../state';

/** sObject Collections: create / update / upsert / delete / retrieve up to 200 records per call. */

const MAX_RECORDS = 200;
const tooMany = () => new SfApiError(400, 'EXCEEDED_ID_LIMIT', `record limit reached. cannot submit more than ${MAX_RECORDS} records into this call`);

type Outcome = { ok: true; id: string; created?: boolean } | { ok: false; errors: SaveError[]; id?: string };

const ROLLED_BACK = saveError('ALL_OR_NONE_OPERATION_ROLLED_BACK', 'Record rolled back because not all records were valid and the request was using AllOrNone header');

function asOutcome(fn: () => { id: string; created?: boolean }): Outcome {
  try {
    return { ok: true, ...fn() };
  } catch (err) {
    if (err instanceof DmlFailure) return { ok: false, errors: err.errors };
    if (err instanceof SfApiError) return { ok: false, errors: [saveError(err.errorCode, err.message, err.fields ?? [])] };
    throw err;
  }
}

class Rollback extends Error {}

/** Runs every item; with allOrNone, one failure undoes all writes and marks the others rolled back. */
function runAll<T>(state: SfState, items: T[], allOrNone: boolean, one: (item: T) => Outcome): Outcome[] {
  let outcomes: Outcome[] = [];
  try {
    state.org.store.transaction(() => {
      outcomes = items.map(one);
      if (allOrNone && outcomes.some((o) => !o.ok)) throw new Rollback();
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
    outcomes = outcomes.map((o) => (o.ok ? { ok: false, errors: [ROLLED_BACK] } : o));
  }
  return outcomes;
}

const saveResult = (o: Outcome, withCreated = false, withIdOnError = false) =>
  o.ok
    ? { id: o.id, success: true, errors: [], ...(withCreated ? { created: !!o.created } : {}) }
    : { ...(withIdOnError && o.id ? { id: o.id } : {}), success: false, errors: o.errors, ...(withCreated ? { created: false } : {}) };

function collectionBody(req: EmuRequest): { allOrNone: boolean; records: Record<string, unknown>[] } {
  const body = jsonObjectBody(req);
  if (!Array.isArray(body.records)) throw new SfApiError(400, 'JSON_PARSER_ERROR', 'The request body must contain a records array');
  if (body.records.length > MAX_RECORDS) throw tooMany();
  return { allOrNone: body.allOrNone === true, records: body.records as Record<string, unknown>[] };
}

function recordType(state: SfState, rec: Record<string, unknown>, idForInference?: unknown): ObjectDef {
  const type = (rec.attributes as { type?: unknown } | undefined)?.type;
  if (typeof type === 'string') {
    const obj = state.org.apiObject(type);
    if (!obj) throw new DmlFailure([saveError('INVALID_TYPE', `sObject type '${type}' is not supported.`)]);
    return obj;
  }
  const id = normalizeId(idForInference);
  const inferred = id && state.org.schema.byKeyPrefix(keyPrefixOf(id));
  if (inferred) return inferred;
  throw new DmlFailure([saveError('INVALID_TYPE', 'Must send a concrete entity type.')]);
}

const idsParam = (raw: string | null): string[] => (raw ? raw.split(',').map((s) => s.trim()).filter(Boolean) : []);

export function compositeRoutes(router: Router, state: SfState): void {
  const { org, dml } = state;
  const base = '/services/data/:version/composite/sobjects';

  router
    .on('POST', base, apiRoute(state, (req) => {
      const { allOrNone, records } = collectionBody(req);
      const outcomes = runAll(state, records, allOrNone, (rec) =>
        asOutcome(() => ({ id: dml.create(recordType(state, rec), rec).Id as string })),
      );
      return json(200, outcomes.map((o) => saveResult(o)));
    }))
    .on('PATCH', base, apiRoute(state, (req) => {
      const { allOrNone, records } = collectionBody(req);
      const outcomes = runAll(state, records, allOrNone, (rec) =>
        asOutcome(() => {
          // Field names are case-insensitive: jsforce sends `id`.
          const id = Object.entries(rec).find(([k]) => k.toLowerCase() === 'id')?.[1];
          if (!id) throw new DmlFailure([saveError('MISSING_ARGUMENT', 'Id not specified in an update call')]);
          return { id: dml.update(recordType(state, rec, id), id, rec).Id as string };
        }),
      );
      return json(200, outcomes.map((o) => saveResult(o)));
    }))
    .on('DELETE', base, apiRoute(state, (req) => {
      const ids = idsParam(req.query.get('ids'));
      if (ids.length > MAX_RECORDS) throw tooMany();
      const outcomes = runAll(state, ids, req.query.get('allOrNone') === 'true', (id) => {
        const o = asOutcome(() => ({ id: dml.delete(id).Id as string }));
        return o.ok ? o : { ...o, id };
      });
      return json(200, outcomes.map((o) => saveResult(o, false, true)));
    }))
    .on('GET', `${base}/:object`, apiRoute(state, (req, call) => retrieve(state, req.params.object, idsParam(req.query.get('ids')), idsParam(req.query.get('fields')), call.version)))
    .on('POST', `${base}/:object`, apiRoute(state, (req, call) => {
      const body = jsonObjectBody(req);
      const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
      return retrieve(state, req.params.object, list(body.ids), list(body.fields), call.version);
    }))
    .on('PATCH', `${base}/:object/:field`, apiRoute(state, (req) => {
      const obj = org.requireObjectForRest(req.params.object);
      const field = dml.externalIdField(obj, req.params.field);
      const { allOrNone, records } = collectionBody(req);
      const outcomes = runAll(state, records, allOrNone, (rec) =>
        asOutcome(() => {
          const key = Object.keys(rec).find((k) => k.toLowerCase() === field.name.toLowerCase());
          const value = key === undefined ? undefined : rec[key];
          if (value === undefined || value === null || value === '') {
            throw new DmlFailure([saveError('MISSING_ARGUMENT', `${field.name} not specified`, [field.name])]);
          }
          if (recordType(state, rec) !== obj) {
            throw new DmlFailure([saveError('INVALID_TYPE', `Record type does not match the type in the URI: ${obj.name}`)]);
          }
          const outcome = dml.upsert(obj, field.name, String(value), rec);
          if (outcome.kind === 'multiple') {
            throw new DmlFailure([saveError('DUPLICATE_EXTERNAL_ID', `${field.name}: more than one record found for external id field: [${outcome.ids.join(', ')}]`, [field.name])]);
          }
          return { id: outcome.id, created: outcome.created };
        }),
      );
      return json(200, outcomes.map((o) => saveResult(o, true)));
    }));
}

function retrieve(state: SfState, objectName: string, ids: string[], fieldNames: string[], version: string) {
  const obj = state.org.requireObjectForRest(objectName);
  if (ids.length > 2000) throw new SfApiError(400, 'EXCEEDED_ID_LIMIT', 'record limit reached. cannot submit more than 2000 records into this call');
  const fields = fieldNames.length
    ? fieldNames.map((n) => {
        const f = state.org.apiField(obj, n);
        if (!f) throw new SfApiError(400, 'INVALID_FIELD', `No such column '${n}' on entity '${obj.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`);
        return f;
      })
    : undefined;
  return json(
    200,
    ids.map((raw) => {
      const id = normalizeId(raw);
      const rec = id && state.org.store.get(obj.name, id);
      return rec && rec.IsDeleted !== true ? state.org.apiRecord(obj, rec, version, fields) : null;
    }),
  );
}
