import { describe, it, expect } from 'vitest';
import { MetricsSampler, countSamples, insertSamples, pruneSamples, type MetricSample } from '../../main/metrics';
import { EventBus } from '../../main/services/event-bus';
import { writeSetting } from '../../main/store/settings';
import { addConnection, DAY, FakeClock, HOUR, memoryDb, quietLogger } from './helpers';

const NOW = Date.parse('2026-11-25T12:00:00.000Z');
const queue = { pending: 1, running: 0, failed: 0, dead: 0 };

/** One sample every `stepMs` over the `days` before NOW. */
function history(connectionId: string, days: number, stepMs: number): MetricSample[] {
  const out: MetricSample[] = [];
  for (let t = NOW - days * DAY; t < NOW; t += stepMs) out.push({ connectionId, at: new Date(t).toISOString(), trigger: 'timer', queue, usage: null });
  return out;
}

const oldest = (db: ReturnType<typeof memoryDb>) => db.prepare('SELECT min(at) FROM metric_samples').pluck().get() as string;

describe('retention of metric samples', () => {
  it('prunes samples older than retention.days and keeps the rest, in batches', () => {
    const db = memoryDb();
    addConnection(db, 'hubspot');
    insertSamples(db, history('hubspot', 120, HOUR));
    expect(countSamples(db)).toBe(120 * 24);
    writeSetting(db, 'retention.days', 30);
    const sampler = new MetricsSampler({ db: () => db, events: new EventBus(), logger: quietLogger(), clock: new FakeClock(NOW) });
    expect(sampler.prune()).toBe(90 * 24);
    expect(countSamples(db)).toBe(30 * 24);
    expect(oldest(db) >= new Date(NOW - 30 * DAY).toISOString()).toBe(true);
    // Small batches reach the same end.
    insertSamples(db, history('hubspot', 45, DAY).slice(0, 15));
    expect(pruneSamples(db, new Date(NOW - 30 * DAY).toISOString(), 4)).toBe(15);
    expect(countSamples(db)).toBe(30 * 24);
  });

  it('follows the default (90 days) when the setting is missing', () => {
    const db = memoryDb();
    addConnection(db, 'hubspot');
    insertSamples(db, history('hubspot', 100, DAY));
    const sampler = new MetricsSampler({ db: () => db, events: new EventBus(), logger: quietLogger(), clock: new FakeClock(NOW) });
    expect(sampler.prune()).toBe(10);
    expect(countSamples(db)).toBe(90);
  });

  it('prunes with its first timed sample, then again only after pruneEveryMs', async () => {
    const db = memoryDb();
    addConnection(db, 'hubspot');
    writeSetting(db, 'retention.days', 7);
    insertSamples(db, history('hubspot', 10, DAY));
    const clock = new FakeClock(NOW);
    const sampler = new MetricsSampler({ db: () => db, events: new EventBus(), logger: quietLogger(), clock, firstDelayMs: 1000, intervalMs: HOUR, pruneEveryMs: 6 * HOUR });
    sampler.start();
    clock.advance(1000);
    // 10 daily samples (10 to 1 days back), the 4 from 7 or more days back gone, 1 new one.
    expect(countSamples(db)).toBe(7);
    // A sample slipped in as if from long ago: it stays until the next prune is due.
    insertSamples(db, [{ connectionId: 'hubspot', at: new Date(NOW - 30 * DAY).toISOString(), trigger: 'timer', queue, usage: null }]);
    clock.advance(HOUR);
    expect(countSamples(db)).toBe(9);
    // Five more hourly samples; the sixth hour's tick prunes the slipped-in one.
    clock.advance(5 * HOUR);
    expect(countSamples(db)).toBe(9 + 5 - 1);
    await sampler.stop();
  });
});
