import { describe, it, expect } from 'vitest';
import { dashboardOverview, insertSamples, lastDays, bucketLayout } from '../../main/metrics';
import { DashboardOverview } from '../../shared/ipc/channels/dashboard';
import { addConnection, addQueueItems, addRun, DAY, HOUR, memoryDb } from './helpers';

// Noon UTC on 2026-11-25: 13:00 in Berlin, 07:00 in New York.
const NOW = Date.parse('2026-11-25T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

function seeded() {
  const db = memoryDb();
  addConnection(db, 'salesforce', { provider: 'salesforce', label: 'Acme Salesforce' });
  addConnection(db, 'hubspot', { label: 'Acme HubSpot' });
  // Today: a push (10 created, 5 updated, 2 failed) and a pull (3 updated, 4 unchanged).
  addRun(db, { connectionId: 'salesforce', kind: 'push', status: 'partial', startedAt: iso(NOW - 2 * HOUR), created: 10, updated: 5, failed: 2 });
  addRun(db, { connectionId: 'salesforce', kind: 'pull', startedAt: iso(NOW - HOUR), updated: 3, unchanged: 4 });
  // Two days ago: a failed push with nothing written, and a dry run that must not count.
  addRun(db, { connectionId: 'salesforce', kind: 'push', status: 'failed', startedAt: iso(NOW - 2 * DAY), failed: 6 });
  addRun(db, { connectionId: 'salesforce', kind: 'push', dryRun: true, startedAt: iso(NOW - 2 * DAY), created: 99 });
  // HubSpot: one push 6 days ago, one 40 days ago (outside 7 and 30 days, inside 90).
  addRun(db, { connectionId: 'hubspot', kind: 'push', startedAt: iso(NOW - 6 * DAY), created: 8, deleted: 1 });
  addRun(db, { connectionId: 'hubspot', kind: 'push', startedAt: iso(NOW - 40 * DAY), created: 50 });
  return db;
}

describe('dashboard aggregations on seeded runs', () => {
  it('counts records synced per local day and connection, both directions, dry runs left out', () => {
    const db = seeded();
    const o = dashboardOverview(db, { range: 7, timeZone: 'UTC', now: NOW });
    expect(o.days).toEqual(['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25']);
    const sf = o.connections.find((c) => c.connectionId === 'salesforce')!;
    expect(sf.days.map((d) => d.synced)).toEqual([0, 0, 0, 0, 0, 0, 18]);
    expect(sf.days[6]).toMatchObject({ pushed: 15, pulled: 3, created: 10, updated: 8, unchanged: 4, failed: 2, succeeded: 22, runs: 2, failedRuns: 1 });
    expect(sf.days[4]).toMatchObject({ synced: 0, failed: 6, runs: 1, failedRuns: 1 });
    expect(sf.totals).toEqual({ synced: 18, succeeded: 22, failed: 8, runs: 3, failedRuns: 2, successRate: 22 / 30 });
    const hs = o.connections.find((c) => c.connectionId === 'hubspot')!;
    expect(hs.days.map((d) => d.synced)).toEqual([9, 0, 0, 0, 0, 0, 0]);
    expect(o.totals).toMatchObject({ synced: 27, succeeded: 31, failed: 8, runs: 4 });
    expect(() => DashboardOverview.parse(o)).not.toThrow();
  });

  it('widens with the range: 30 days leave the 40-day-old run out, 90 days count it', () => {
    const db = seeded();
    const hs30 = dashboardOverview(db, { range: 30, timeZone: 'UTC', now: NOW }).connections.find((c) => c.connectionId === 'hubspot')!;
    const hs90 = dashboardOverview(db, { range: 90, timeZone: 'UTC', now: NOW }).connections.find((c) => c.connectionId === 'hubspot')!;
    expect(hs30.days).toHaveLength(30);
    expect(hs30.totals.synced).toBe(9);
    expect(hs90.days).toHaveLength(90);
    expect(hs90.totals.synced).toBe(59);
    expect(hs90.days.find((d) => d.synced === 50)?.day).toBe('2026-10-16');
  });

  it('puts a run on the local day of the requested time zone', () => {
    const db = memoryDb();
    addConnection(db, 'hubspot');
    // 23:30 UTC on the 24th is the 25th in Berlin and still the 24th in New York.
    addRun(db, { connectionId: 'hubspot', startedAt: '2026-11-24T23:30:00.000Z', created: 5 });
    const day = (timeZone: string) => dashboardOverview(db, { range: 7, timeZone, now: NOW }).connections[0].days.find((d) => d.synced > 0)?.day;
    expect(day('Europe/Berlin')).toBe('2026-11-25');
    expect(day('America/New_York')).toBe('2026-11-24');
    expect(day('UTC')).toBe('2026-11-24');
  });

  it('gives a success rate of null, not 0 or 100 %, when nothing was handled', () => {
    const db = memoryDb();
    addConnection(db, 'hubspot');
    const o = dashboardOverview(db, { range: 7, timeZone: 'UTC', now: NOW });
    expect(o.connections[0].totals.successRate).toBeNull();
    expect(o.hasHistory).toBe(false);
    expect(o.lastRuns).toEqual([]);
  });

  it('lists the last runs newest first with their outcome, and each connection’s last run', () => {
    const db = seeded();
    const o = dashboardOverview(db, { range: 7, timeZone: 'UTC', now: NOW, lastRuns: 3 });
    expect(o.hasHistory).toBe(true);
    expect(o.lastRuns.map((r) => [r.connectionId, r.kind, r.status])).toEqual([
      ['hubspot', 'push', 'ok'],
      ['hubspot', 'push', 'ok'],
      ['salesforce', 'push', 'failed'],
    ]);
    expect(o.lastRuns.some((r) => r.dryRun)).toBe(false);
    expect(o.connections.find((c) => c.connectionId === 'salesforce')!.lastRun).toMatchObject({ kind: 'push', status: 'failed' });
  });

  it('reports the queue as it is now, per connection', () => {
    const db = seeded();
    addQueueItems(db, 'hubspot', 'pending', 4);
    addQueueItems(db, 'hubspot', 'failed', 1);
    addQueueItems(db, 'hubspot', 'dead', 2);
    addQueueItems(db, 'hubspot', 'done', 30);
    const o = dashboardOverview(db, { range: 7, timeZone: 'UTC', now: NOW });
    expect(o.connections.find((c) => c.connectionId === 'hubspot')!.queueNow).toEqual({ pending: 4, running: 0, failed: 1, dead: 2 });
    expect(o.connections.find((c) => c.connectionId === 'salesforce')!.queueNow).toEqual({ pending: 0, running: 0, failed: 0, dead: 0 });
  });

  it('turns samples into queue depth and API usage series: peak per bucket, null where nothing was sampled', () => {
    const db = memoryDb();
    addConnection(db, 'hubspot');
    const layout = bucketLayout(7, NOW, 'UTC');
    expect(layout).toEqual({ fromMs: Date.parse('2026-11-18T13:00:00.000Z'), bucketMs: HOUR, count: 168 });
    const q = (pending: number, dead = 0) => ({ pending, running: 0, failed: 0, dead });
    const u = (used: number, at: string) => ({ used, max: 100, period: 'window' as const, observedAt: at });
    insertSamples(db, [
      // The bucket 10:00-11:00: depth 40 then 5; usage reported at 10:05 (20 %) and 10:40 (70 %).
      { connectionId: 'hubspot', at: '2026-11-25T10:10:00.000Z', trigger: 'timer', queue: q(40), usage: u(20, '2026-11-25T10:05:00.000Z') },
      { connectionId: 'hubspot', at: '2026-11-25T10:50:00.000Z', trigger: 'run', queue: q(5, 1), usage: u(70, '2026-11-25T10:40:00.000Z') },
      // A sample repeating the 10:40 report an hour later: the report counts once, where it was made.
      { connectionId: 'hubspot', at: '2026-11-25T11:30:00.000Z', trigger: 'timer', queue: q(0, 1), usage: u(70, '2026-11-25T10:40:00.000Z') },
      // Before the range: left out.
      { connectionId: 'hubspot', at: '2026-11-10T10:00:00.000Z', trigger: 'timer', queue: q(999), usage: u(99, '2026-11-10T10:00:00.000Z') },
    ]);
    const hs = dashboardOverview(db, { range: 7, timeZone: 'UTC', now: NOW }).connections[0];
    expect(hs.queue).toHaveLength(168);
    const at = (s: string) => hs.queue.find((p) => p.at === s);
    expect(at('2026-11-25T10:00:00.000Z')).toEqual({ at: '2026-11-25T10:00:00.000Z', depth: 40, dead: 1 });
    expect(at('2026-11-25T11:00:00.000Z')).toEqual({ at: '2026-11-25T11:00:00.000Z', depth: 0, dead: 1 });
    expect(hs.queue.filter((p) => p.depth !== null)).toHaveLength(2);
    expect(Math.max(...hs.queue.map((p) => p.depth ?? 0))).toBe(40);
    const usage = hs.usage.filter((p) => p.percent !== null);
    expect(usage).toEqual([{ at: '2026-11-25T10:00:00.000Z', percent: 70, used: 70, max: 100 }]);
  });

  it('aligns daily buckets of the 90-day range on local midnight', () => {
    const layout = bucketLayout(90, NOW, 'Europe/Berlin');
    expect(layout.count).toBe(90);
    expect(layout.bucketMs).toBe(DAY);
    // Berlin is UTC+1 in November: local midnight is 23:00 UTC the day before.
    expect(new Date(layout.fromMs + 89 * DAY).toISOString()).toBe('2026-11-24T23:00:00.000Z');
    expect(lastDays(3, NOW, 'Pacific/Auckland')).toEqual(['2026-11-24', '2026-11-25', '2026-11-26']);
  });
});
