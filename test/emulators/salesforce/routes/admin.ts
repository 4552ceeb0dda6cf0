import { Router, json, type EmuRequest } from '../../common/http';
import { toErrorReply } from '../api';
import { parseDateTime } from '../dates';
import { SfApiError } from '../errors';
import type { SfState } from '../state';
import { touchRecords } from '../touch';

/** Salesforce-only test hooks under /__admin: merge, touch, org clock, API usage, permissions. */

const body = (req: EmuRequest) => (typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {});
const strings = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.map(String) : undefined);

export function adminRoutes(state: SfState): Router {
  const { org } = state;
  const clock = () => json(200, { now: new Date(org.clock.now()).toISOString(), offsetMs: org.clock.offsetMs });
  const limits = () => json(200, { max: state.usage.max, used: state.usage.used });
  const objectOf = (name: unknown) => {
    const obj = org.object(String(name ?? ''));
    if (!obj) throw new SfApiError(400, 'INVALID_TYPE', `Unknown object ${String(name)}`);
    return obj;
  };
  const guarded = (fn: (req: EmuRequest) => ReturnType<typeof json>) => (req: EmuRequest) => {
    try {
      return fn(req);
    } catch (err) {
      return toErrorReply(err);
    }
  };

  return new Router()
    .on('POST', '/__admin/merge', guarded((req) => {
      const b = body(req);
      const losers = strings(b.mergeIds) ?? [];
      const masterFields = typeof b.masterFields === 'object' && b.masterFields !== null ? (b.masterFields as Record<string, unknown>) : {};
      state.dml.merge(objectOf(b.object), String(b.masterId ?? ''), losers, masterFields);
      return json(200, { id: b.masterId, success: true, mergedRecordIds: losers });
    }))
    .on('POST', '/__admin/touch', guarded((req) => {
      const b = body(req);
      const at = typeof b.at === 'string' ? parseDateTime(b.at) : org.clock.now();
      if (at === undefined) throw new SfApiError(400, 'INVALID_FIELD', `at must be an ISO datetime, got ${String(b.at)}`);
      const touched = touchRecords(org, objectOf(b.object), strings(b.ids), at);
      return json(200, { touched, SystemModstamp: new Date(Math.floor(at / 1000) * 1000).toISOString() });
    }))
    .on('GET', '/__admin/clock', clock)
    .on('POST', '/__admin/clock', (req) => {
      const b = body(req);
      if (typeof b.advanceMs === 'number') org.clock.offsetMs += b.advanceMs;
      if (typeof b.now === 'string') {
        const target = parseDateTime(b.now);
        if (target === undefined) return json(400, { message: `now must be an ISO datetime, got ${b.now}` });
        org.clock.offsetMs = target - Date.now();
      }
      return clock();
    })
    .on('GET', '/__admin/limits', limits)
    .on('POST', '/__admin/limits', (req) => {
      const b = body(req);
      if (typeof b.max === 'number') state.usage.max = b.max;
      if (typeof b.used === 'number') state.usage.used = b.used;
      return limits();
    })
    .on('GET', '/__admin/permissions', () => json(200, org.permissions.get()))
    .on('POST', '/__admin/permissions', (req) => {
      try {
        return json(200, org.permissions.set(req.body ?? {}));
      } catch (err) {
        return json(400, { message: (err as Error).message });
      }
    });
}
