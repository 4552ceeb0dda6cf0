import { describe, it, expect, beforeEach } from 'vitest';
import type { Db } from '../../main/store/db';
import { ScheduleService } from '../../main/schedule/service';
import { getSchedule, setNextRun } from '../../main/store/schedules';
import { listAudit } from '../../main/store/audit-log';
import { acquireRunnerLock, listRunnerLocks } from '../../main/schedule/runner-lock';
import { registerSecret } from '../../main/log/redact';
import { EventBus } from '../../main/services/event-bus';
import { SyncRunnerSlot } from '../../main/schedule/sync-runner';
import type { ScheduleRunEvent } from '../../shared/ipc/channels/schedule';
import { FakeClock, FakeRunner, RecordingNotifier, addConnection, memoryDb, quietLogger, settle } from './helpers';

const MIN = 60_000;

describe('scheduler', () => {
  let db: Db;
  let clock: FakeClock;
  let runner: FakeRunner;
  let notifier: RecordingNotifier;
  let svc: ScheduleService;
  let events: ScheduleRunEvent[];

  const make = (r: FakeRunner | SyncRunnerSlot = runner, isOwnerAlive?: (o: string) => boolean) => {
    const bus = new EventBus();
    events = [];
    bus.subscribe((name, payload) => {
      if (name === 'scheduleRun') events.push(payload as ScheduleRunEvent);
    });
    const s = new ScheduleService({ db: () => db, runner: r, logger: quietLogger(), events: bus, clock, isOwnerAlive });
    s.attachDesktop({ tray: true, getStartAtLogin: () => false, setStartAtLogin: () => undefined }, notifier);
    return s;
  };

  beforeEach(() => {
    db = memoryDb();
    addConnection(db);
    clock = new FakeClock(Date.parse('2026-06-01T10:07:00Z'));
    runner = new FakeRunner(clock);
    notifier = new RecordingNotifier();
    svc = make();
  });

  it('runs a schedule when it is due, once, and plans the next slot after the run', async () => {
    svc.set({ connectionId: 'hubspot', direction: 'push', spec: { kind: 'every15min' }, timeZone: 'UTC' });
    expect(getSchedule(db, 'hubspot', 'push')!.nextRunAt).toBe('2026-06-01T10:15:00.000Z');
    await svc.scheduler.tick();
    expect(runner.calls).toHaveLength(0);

    clock.set('2026-06-01T10:15:00Z');
    await svc.scheduler.tick();
    await svc.scheduler.tick();
    await svc.scheduler.whenIdle();
    expect(runner.calls.map((c) => [c.connectionId, c.kind, c.trigger])).toEqual([['hubspot', 'push', 'schedule']]);
    const rec = getSchedule(db, 'hubspot', 'push')!;
    expect(rec.nextRunAt).toBe('2026-06-01T10:30:00.000Z');
    expect(rec.lastOutcome).toBe('ok');
    expect(events.map((e) => e.state)).toEqual(['started', 'finished']);
    expect(listAudit(db, { limit: 10, kind: 'schedule' }).entries[0]).toMatchObject({ action: 'push', outcome: 'ok', connectionId: 'hubspot' });
  });

  it('runs a slot missed while the machine slept once on wake, never piled up', async () => {
    svc.set({ connectionId: 'hubspot', direction: 'pull', spec: { kind: 'every15min' }, timeZone: 'UTC' });
    // Asleep for 8 hours: 32 slots pass with no look at the schedules.
    clock.set('2026-06-01T18:09:30Z');
    svc.scheduler.wake();
    await svc.scheduler.tick();
    await svc.scheduler.tick();
    await svc.scheduler.whenIdle();
    expect(runner.calls).toHaveLength(1);
    expect(getSchedule(db, 'hubspot', 'pull')!.nextRunAt).toBe('2026-06-01T18:15:00.000Z');
    // The next look before the next slot runs nothing more.
    clock.advance(3 * MIN);
    await svc.scheduler.tick();
    await svc.scheduler.whenIdle();
    expect(runner.calls).toHaveLength(1);
  });

  it('follows local time across a DST change, step by step with the fake clock (Europe/Berlin)', async () => {
    clock.set('2026-03-27T12:00:00Z');
    svc.set({ connectionId: 'hubspot', direction: 'push', spec: { kind: 'nightly', time: '02:30' }, timeZone: 'Europe/Berlin' });
    // Look every 5 minutes for four days, as the loop would.
    for (let t = clock.t; t < Date.parse('2026-03-31T12:00:00Z'); t += 5 * MIN) {
      clock.t = t;
      await svc.scheduler.tick();
      await settle();
    }
    await svc.scheduler.whenIdle();
    expect(runner.calls.map((c) => new Date(c.startedAt).toISOString())).toEqual([
      '2026-03-28T01:30:00.000Z', // 02:30 CET
      '2026-03-29T01:00:00.000Z', // 02:30 does not exist: first time after the gap, 03:00 CEST
      '2026-03-30T00:30:00.000Z', // 02:30 CEST
      '2026-03-31T00:30:00.000Z',
    ]);
  });

  it('never overlaps two runs of the same schedule under a slow run', async () => {
    runner.auto = null; // runs end when the test says
    svc.set({ connectionId: 'hubspot', direction: 'push', spec: { kind: 'every15min' }, timeZone: 'UTC' });
    clock.set('2026-06-01T10:15:00Z');
    await svc.scheduler.tick();
    // The run takes 50 minutes; the loop keeps looking and "sync now" is pressed meanwhile.
    for (let i = 0; i < 10; i++) {
      clock.advance(5 * MIN);
      await svc.scheduler.tick();
    }
    const now = svc.runNow({ connectionId: 'hubspot', direction: 'push' });
    expect(now.started).toBe(0);
    expect(now.message).toContain('already running');
    expect(runner.calls).toHaveLength(1);
    expect(svc.get('hubspot', 'push')!.running).toBe(true);

    runner.calls[0].finish({ succeeded: 10 });
    await svc.scheduler.whenIdle();
    expect(runner.maxConcurrent).toBe(1);
    // Planned from when it ended (11:05): the next slot, not the six it overran.
    expect(getSchedule(db, 'hubspot', 'push')!.nextRunAt).toBe('2026-06-01T11:15:00.000Z');
    clock.set('2026-06-01T11:15:00Z');
    await svc.scheduler.tick();
    expect(runner.calls).toHaveLength(2);
    runner.calls[1].finish();
    await svc.scheduler.whenIdle();
  });

  it('runs push then pull of one connection one after the other', async () => {
    runner.auto = null;
    svc.set({ connectionId: 'hubspot', direction: 'pull', spec: { kind: 'hourly' }, timeZone: 'UTC' });
    svc.set({ connectionId: 'hubspot', direction: 'push', spec: { kind: 'hourly' }, timeZone: 'UTC' });
    clock.set('2026-06-01T11:00:00Z');
    await svc.scheduler.tick();
    await settle();
    expect(runner.calls.map((c) => c.kind)).toEqual(['push']);
    runner.calls[0].finish();
    await settle();
    expect(runner.calls.map((c) => c.kind)).toEqual(['push', 'pull']);
    runner.calls[1].finish();
    await svc.scheduler.whenIdle();
    expect(runner.maxConcurrent).toBe(1);
  });

  it('records failures, notifies once per failing run, and redacts secrets in the message', async () => {
    registerSecret('sk-live-abcdefgh12345');
    svc.set({ connectionId: 'hubspot', direction: 'push', spec: { kind: 'every15min' }, timeZone: 'UTC' });
    runner.auto = new Error('CRM said 401 for token sk-live-abcdefgh12345');
    clock.set('2026-06-01T10:15:00Z');
    await svc.scheduler.tick();
    await svc.scheduler.whenIdle();
    const rec = getSchedule(db, 'hubspot', 'push')!;
    expect(rec.lastOutcome).toBe('failed');
    expect(rec.lastMessage).toContain('[REDACTED]');
    expect(rec.lastMessage).not.toContain('sk-live-abcdefgh12345');
    expect(notifier.notices).toEqual([{ title: 'Push to HubSpot (Acme) failed', body: rec.lastMessage }]);

    runner.auto = { succeeded: 3, failed: 2 };
    clock.set('2026-06-01T10:30:00Z');
    await svc.scheduler.tick();
    await svc.scheduler.whenIdle();
    expect(getSchedule(db, 'hubspot', 'push')!.lastOutcome).toBe('partial');
    expect(notifier.notices[1]).toEqual({ title: 'Push to HubSpot (Acme) had failures', body: 'Pushed 3 records, 2 failed.' });

    runner.auto = { succeeded: 5, failed: 0 };
    clock.set('2026-06-01T10:45:00Z');
    await svc.scheduler.tick();
    await svc.scheduler.whenIdle();
    expect(notifier.notices).toHaveLength(2);
  });

  it('skips a connection that needs reconnecting without calling the engine', async () => {
    addConnection(db, 'salesforce', 'Salesforce', 'needs_reconnect');
    svc.set({ connectionId: 'salesforce', direction: 'pull', spec: { kind: 'hourly' }, timeZone: 'UTC' });
    clock.set('2026-06-01T11:00:00Z');
    await svc.scheduler.tick();
    await svc.scheduler.whenIdle();
    expect(runner.calls).toHaveLength(0);
    expect(getSchedule(db, 'salesforce', 'pull')).toMatchObject({ lastOutcome: 'skipped', lastMessage: 'Skipped: Salesforce needs to be reconnected.', nextRunAt: '2026-06-01T12:00:00.000Z' });
  });

  it('fails clearly while no sync engine is plugged in', async () => {
    const s = make(new SyncRunnerSlot());
    s.set({ connectionId: 'hubspot', direction: 'push', spec: { kind: 'hourly' }, timeZone: 'UTC' });
    clock.set('2026-06-01T11:00:00Z');
    await s.scheduler.tick();
    await s.scheduler.whenIdle();
    expect(getSchedule(db, 'hubspot', 'push')!.lastMessage).toMatch(/sync engine is not available yet/);
  });

  it('stop() aborts a run in progress, records it as cancelled and gives the lock back', async () => {
    runner.auto = null;
    svc.set({ connectionId: 'hubspot', direction: 'push', spec: { kind: 'hourly' }, timeZone: 'UTC' });
    clock.set('2026-06-01T11:00:00Z');
    await svc.scheduler.tick();
    expect(listRunnerLocks(db)).toHaveLength(1);
    await svc.stop();
    expect(runner.calls[0].signal?.aborted).toBe(true);
    expect(getSchedule(db, 'hubspot', 'push')!.lastOutcome).toBe('cancelled');
    expect(listRunnerLocks(db)).toHaveLength(0);
  });

  it('leaves a connection another live runner holds alone and says who holds it; takes over once that runner is gone', async () => {
    svc.set({ connectionId: 'hubspot', direction: 'push', spec: { kind: 'hourly' }, timeZone: 'UTC' });
    const other = '4242@other-box#1700000000000.abcd1234';
    let otherAlive = true;
    clock.set('2026-06-01T11:00:00Z');
    acquireRunnerLock(db, 'hubspot', { owner: other, now: clock.t, leaseMs: 120_000, isOwnerAlive: () => true });
    const s = make(runner, (o) => (o === other ? otherAlive : true));
    await s.scheduler.tick();
    await s.scheduler.whenIdle();
    expect(runner.calls).toHaveLength(0);
    const held = s.scheduler.heldElsewhere();
    expect(held).toHaveLength(1);
    expect(held[0].message).toMatch(/^another runner \(pid 4242 on host other-box, started at \d{4}-\d\d-\d\d \d\d:\d\d\) is running schedules for HubSpot \(Acme\)$/);
    expect(s.get('hubspot', 'push')!.heldElsewhere).toBe(held[0].message);
    expect(s.runNow({ connectionId: 'hubspot' }).message).toContain('another runner (pid 4242');

    // Its lease has not expired: only knowing that its process is gone lets us take over.
    clock.advance(30_000);
    otherAlive = false;
    await s.scheduler.tick();
    await s.scheduler.whenIdle();
    expect(runner.calls).toHaveLength(1);
    expect(s.scheduler.heldElsewhere()).toEqual([]);
    expect(listRunnerLocks(db).some((l) => l.owner === other)).toBe(false);
  });

  it('sync now runs every enabled schedule at once without moving their next runs', async () => {
    addConnection(db, 'pipedrive', 'Pipedrive');
    svc.set({ connectionId: 'hubspot', direction: 'push', spec: { kind: 'nightly', time: '02:00' }, timeZone: 'UTC' });
    svc.set({ connectionId: 'pipedrive', direction: 'pull', spec: { kind: 'hourly' }, timeZone: 'UTC' });
    svc.set({ connectionId: 'pipedrive', direction: 'push', spec: { kind: 'hourly' }, timeZone: 'UTC', enabled: false });
    const res = svc.runNow({});
    expect(res.started).toBe(2);
    await res.promise;
    expect(runner.calls.map((c) => `${c.connectionId}:${c.kind}:${c.trigger}`).sort()).toEqual(['hubspot:push:manual', 'pipedrive:pull:manual']);
    expect(getSchedule(db, 'hubspot', 'push')!.nextRunAt).toBe('2026-06-02T02:00:00.000Z');
    // Outside the loop the locks go back when the runs end.
    expect(listRunnerLocks(db)).toHaveLength(0);
  });

  it('the loop looks at once on start and again before the next slot', async () => {
    svc.set({ connectionId: 'hubspot', direction: 'push', spec: { kind: 'every15min' }, timeZone: 'UTC' });
    setNextRun(db, 'hubspot', 'push', '2026-06-01T09:00:00.000Z'); // missed while the app was closed
    svc.start();
    expect(clock.pendingTimers).toBe(1);
    await svc.scheduler.tick();
    await svc.scheduler.whenIdle();
    expect(runner.calls).toHaveLength(1);
    await svc.stop();
    expect(svc.scheduler.running).toBe(false);
  });
});
