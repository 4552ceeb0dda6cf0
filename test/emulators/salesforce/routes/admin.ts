import { Router, json } from '../../common/http';
import { parseDateTime } from '../dates';
import { SfApiError } from '../errors';
import type { SfState } from '../state';
import { toErrorReply } from '../api';

/** Salesforce-only test hooks under /__admin: merge, org clock, API usage. */
export function adminRoutes(state: SfState): Router {
  const body = (raw: unknown) => (typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {});
  return new Router()
    .on('POST', '/__admin/merge', (req) => {
      const b = body(req.body);
      try {
        const obj = state.org.object(String(b.object ?? ''));
        if (!obj) throw new SfApiError(400, 'INVALID_TYPE', `Unknown object ${String(b.object)}`);
        const losers = Array.isArray(b.mergeIds) ? b.mergeIds.map(String) : [];
        state.dml.merge(obj, String(b.masterId ?? ''), losers);
        return json(200, { id: b.masterId, success: true, mergedRecordIds: losers });
      } catch (err) {
        return toErrorReply(err);
      }
    })
    .on('GET', '/__admin/clock', () => json(200, { now: new Date(state.org.clock.now()).toISOString(), offsetMs: state.org.clock.offsetMs }))
    .on('POST', '/__admin/clock', (req) => {
      const b = body(req.body);
      if (typeof b.advanceMs === 'number') state.org.clock.offsetMs += b.advanceMs;
      if (typeof b.now === 'string') {
        const target = parseDateTime(b.now);
        if (target === undefined) return json(400, { message: `now must be an ISO datetime, got ${b.now}` });
        state.org.clock.offsetMs = target - Date.now();
      }
      return json(200, { now: new Date(state.org.clock.now()).toISOString(), offsetMs: state.org.clock.offsetMs });
    })
    .on('GET', '/__admin/limits', () => json(200, { max: state.usage.max, used: state.usage.used }))
    .on('POST', '/__admin/limits', (req) => {
      const b = body(req.body);
      if (typeof b.max === 'number') state.usage.max = b.max;
      if (typeof b.used === 'number') state.usage.used = b.used;
      return json(200, { max: state.usage.max, used: state.usage.used });
    });
}
