import { describe, it, expect, afterEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MetricsSampler, countSamples, latestSamples, queueDepths } from '../../main/metrics';
import { EventBus } from '../../main/services/event-bus';
import { createAppServices } from '../../main/services/app-services';
import { MemorySecretStore } from '../../main/auth/secret-store';
import { setConnectionAccount } from '../../main/store/connections';
import type { SyncProgress } from '../../shared/ipc/channels/sync';
import { addConnection, addQueueItems, FakeClock, memoryDb, quietLogger } from './helpers';

const MINUTE = 60_000;
const T0 = Date.parse('2026-11-25T12:00:00.000Z');

function progress(over: Partial<SyncProgress>): SyncProgress {
  return {
    id: 1, kind: 'push', connectionId: 'hubspot', provider: 'hubspot', object: null, trigger: 'manual', dryRun: false, status: 'running', message: null,
    startedAt: new Date(T0).toISOString(), finishedAt: null, total: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0, deleted: 0,
    conflicts: 0, requests: 0, phase: 'starting', done: 0, perSecond: 0, ...over,
  };
}

function setup() {
  const db = memoryDb();
  addConnection(db, 'hubspot');
  addConnection(db, 'salesforce', { provider: 'salesforce' });
  const clock = new FakeClock(T0);
  const events = new EventBus();
  const sampler = new MetricsSampler({ db: () => db, events, logger: quietLogger(), clock, firstDelayMs: MINUTE, intervalMs: 5 * MINUTE });
  return { db, clock, events, sampler };
}

describe('metrics sampler', () => {
  it('samples every connection’s queue depth by state and its last reported API usage', () => {
    const { db, sampler } = setup();
    addQueueItems(db, 'hubspot', 'pending', 5);
    addQueueItems(db, 'hubspot', 'running', 2);
    addQueueItems(db, 'hubspot', 'failed', 1);
    addQueueItems(db, 'hubspot', 'dead', 3);
    addQueueItems(db, 'hubspot', 'done', 50);
    setConnectionAccount(db, 'salesforce', null, { used: 1200, max: 15000, period: 'day', observedAt: '2026-11-25T11:58:00.000Z' });
    const rows = sampler.sample('manual');
    expect(rows.map((r) => r.connectionId).sort()).toEqual(['hubspot', 'salesforce']);
    const latest = latestSamples(db);
    expect(latest.get('hubspot')).toMatchObject({ at: '2026-11-25T12:00:00.000Z', queue: { pending: 5, running: 2, failed: 1, dead: 3 }, usage: null });
    expect(latest.get('salesforce')).toMatchObject({ queue: { pending: 0, running: 0, failed: 0, dead: 0 }, usage: { used: 1200, max: 15000, period: 'day', observedAt: '2026-11-25T11:58:00.000Z' } });
  });

  it('reads queue depth through the queue’s partial indexes, never the done items', () => {
    const { db } = setup();
    addQueueItems(db, 'hubspot', 'pending', 2);
    expect(queueDepths(db).get('hubspot')).toEqual({ pending: 2, running: 0, failed: 0, dead: 0 });
    const plans = [
      "SELECT connection_id AS id, state, COUNT(*) AS n FROM sync_queue WHERE state IN ('pending', 'failed') GROUP BY connection_id, state",
      "SELECT connection_id AS id, COUNT(*) AS n FROM sync_queue WHERE state = 'running' GROUP BY connection_id",
      "SELECT connection_id AS id, COUNT(*) AS n FROM sync_queue WHERE state = 'dead' GROUP BY connection_id",
    ].map((sql) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | '));
    expect(plans[0]).toMatch(/INDEX sync_queue_ready/);
    expect(plans[1]).toMatch(/INDEX sync_queue_running/);
    expect(plans[2]).toMatch(/INDEX sync_queue_dead/);
  });

  it('samples a minute after start, then every interval, and stops when told', async () => {
    const { db, clock, sampler } = setup();
    sampler.start();
    clock.advance(MINUTE - 1);
    expect(countSamples(db)).toBe(0);
    clock.advance(1);
    expect(countSamples(db)).toBe(2);
    clock.advance(5 * MINUTE);
    clock.advance(5 * MINUTE);
    expect(countSamples(db)).toBe(6);
    expect(latestSamples(db).get('hubspot')?.trigger).toBe('timer');
    await sampler.stop();
    expect(clock.pendingTimers).toBe(0);
    clock.advance(60 * MINUTE);
    expect(countSamples(db)).toBe(6);
  });

  it('samples a run’s connection when the run changes phase and when it ends, not on every progress tick', async () => {
    const { db, clock, events, sampler } = setup();
    sampler.start();
    events.emit('syncProgress', progress({ phase: 'enqueue' }));
    addQueueItems(db, 'hubspot', 'pending', 150);
    events.emit('syncProgress', progress({ phase: 'push person' }));
    // Deferred: events may come from inside the engine's transactions.
    expect(countSamples(db, 'hubspot')).toBe(0);
    clock.advance(0);
    expect(countSamples(db, 'hubspot')).toBe(1);
    expect(latestSamples(db).get('hubspot')).toMatchObject({ trigger: 'run', queue: { pending: 150 } });
    for (let i = 0; i < 20; i++) events.emit('syncProgress', progress({ phase: 'push person', done: i }));
    clock.advance(0);
    expect(countSamples(db, 'hubspot')).toBe(1);
    db.prepare("UPDATE sync_queue SET state = 'done'").run();
    events.emit('syncProgress', progress({ phase: 'done', status: 'ok', finishedAt: new Date(T0 + 5000).toISOString() }));
    clock.advance(0);
    expect(countSamples(db, 'hubspot')).toBe(2);
    expect(latestSamples(db).get('hubspot')?.queue.pending).toBe(0);
    expect(countSamples(db, 'salesforce')).toBe(0);
    // Dry runs change nothing in the queue: no sample.
    events.emit('syncProgress', progress({ id: 2, dryRun: true, phase: 'x', status: 'ok' }));
    clock.advance(0);
    expect(countSamples(db, 'hubspot')).toBe(2);
    await sampler.stop();
    events.emit('syncProgress', progress({ id: 3, phase: 'enqueue' }));
    clock.advance(0);
    expect(countSamples(db, 'hubspot')).toBe(2);
  });

  it('samples nothing from a closed store (the app closing, a restore swapping the file)', () => {
    const { db, sampler } = setup();
    db.close();
    expect(sampler.sample('timer')).toEqual([]);
  });
});

describe('metrics sampler in the app services', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('starts with the services, and services.close stops it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tcs-metrics-'));
    dirs.push(dir);
    const services = createAppServices({ dataDir: dir, shell: 'test', logToConsole: false, secretStore: new MemorySecretStore() });
    expect(services.metrics.running).toBe(true);
    addConnection(services.db, 'hubspot');
    expect(services.metrics.sample('manual')).toHaveLength(1);
    await services.close();
    expect(services.metrics.running).toBe(false);
  });
});
