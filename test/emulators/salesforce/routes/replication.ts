import { json, type Router } from '../../common/http';
import { apiRoute } from '../api';
import { DAY_MS, formatDateTime, parseDateTime } from '../dates';
import { SfApiError } from '../errors';
import type { SfState } from '../state';

/** Get Deleted / Get Updated (`sobjects/{Object}/deleted|updated/?start=&end=`), keyed on SystemModstamp. */

const MINUTE = 60_000;
const floorMinute = (ms: number) => Math.floor(ms / MINUTE) * MINUTE;

function window(state: SfState, q: URLSearchParams, maxDays: number): { start: number; end: number; covered: number } {
  const startText = q.get('start');
  const endText = q.get('end');
  const startMs = startText ? parseDateTime(startText) : undefined;
  const endMs = endText ? parseDateTime(endText) : undefined;
  if (startMs === undefined || endMs === undefined) {
    throw new SfApiError(400, 'INVALID_REPLICATION_DATE', 'start and end must be ISO 8601 date-times');
  }
  // Seconds are ignored; start must precede end by at least a minute.
  const start = floorMinute(startMs);
  const end = floorMinute(endMs);
  if (start >= end) throw new SfApiError(400, 'INVALID_REPLICATION_DATE', 'startDate must chronologically precede endDate by more than one minute');
  const now = state.org.clock.now();
  if (start < floorMinute(now) - maxDays * DAY_MS) {
    throw new SfApiError(400, 'INVALID_REPLICATION_DATE', `startDate cannot be more than ${maxDays} days ago`);
  }
  return { start, end, covered: Math.min(end, floorMinute(now)) };
}

export function replicationRoutes(router: Router, state: SfState): void {
  const { org } = state;
  router
    .on('GET', '/services/data/:version/sobjects/:object/deleted', apiRoute(state, (req) => {
      const obj = org.requireObjectForRest(req.params.object);
      const w = window(state, req.query, 15);
      const bin = org.store
        .all(obj.name)
        .filter((r) => r.IsDeleted === true && !org.isPurged(r))
        .map((r) => ({ id: r.Id as string, at: org.store.deletedAt(r.Id as string) ?? 0 }));
      const inWindow = bin.filter((d) => d.at >= w.start && d.at < w.covered).sort((a, b) => a.at - b.at);
      const earliest = bin.length ? Math.min(...bin.map((d) => d.at)) : w.covered;
      return json(200, {
        deletedRecords: inWindow.map((d) => ({ id: d.id, deletedDate: formatDateTime(d.at) })),
        earliestDateAvailable: formatDateTime(floorMinute(earliest)),
        latestDateCovered: formatDateTime(w.covered),
      });
    }))
    .on('GET', '/services/data/:version/sobjects/:object/updated', apiRoute(state, (req) => {
      const obj = org.requireObjectForRest(req.params.object);
      const w = window(state, req.query, 30);
      const ids = org.store
        .all(obj.name)
        .filter((r) => r.IsDeleted !== true)
        .map((r) => ({ id: r.Id as string, at: parseDateTime(String(r.SystemModstamp)) ?? 0 }))
        .filter((u) => u.at >= w.start && u.at < w.covered)
        .sort((a, b) => a.at - b.at)
        .map((u) => u.id);
      return json(200, { ids, latestDateCovered: formatDateTime(w.covered) });
    }));
}
