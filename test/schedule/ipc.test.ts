import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices, type AppServices } from '../../main/services/app-services';
import { createHandlers } from '../../main/ipc/handlers';
import { createDispatcher, type Dispatch } from '../../main/ipc/dispatcher';
import { MemorySecretStore } from '../../main/auth/secret-store';
import type { Envelope } from '../../shared/ipc/api';
import { addConnection, FakeRunner } from './helpers';

const data = <T>(e: Envelope): T => {
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message}`);
  return e.data as T;
};

describe('schedule and desktop channels', () => {
  let dir: string;
  let services: AppServices;
  let dispatch: Dispatch;
  let runner: FakeRunner;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tcs-sched-ipc-'));
    runner = new FakeRunner({ now: () => Date.now() });
    services = createAppServices({ dataDir: dir, shell: 'test', logToConsole: false, secretStore: new MemorySecretStore(), syncRunner: runner });
    addConnection(services.db);
    dispatch = createDispatcher(createHandlers(services), services.logger, { checkResponses: true });
  });
  afterEach(async () => {
    await services.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sets, lists and clears a schedule with its words and next runs', async () => {
    const set = data<{ description: string; nextRuns: string[]; timeZone: string; cron: string }>(
      await dispatch('schedule:set', { connectionId: 'hubspot', direction: 'push', spec: { kind: 'weekly', day: 5, time: '18:30' }, timeZone: 'America/New_York' }),
    );
    expect(set).toMatchObject({ description: 'Every Friday at 18:30', cron: '30 18 * * 5', timeZone: 'America/New_York' });
    expect(set.nextRuns).toHaveLength(5);
    for (const t of set.nextRuns) expect(new Date(t).toLocaleString('en-US', { timeZone: 'America/New_York', weekday: 'long', hour: '2-digit', minute: '2-digit', hour12: false })).toBe('Friday 18:30');
    const list = data<{ schedules: Array<{ connectionLabel: string; direction: string }>; runnerActive: boolean }>(await dispatch('schedule:list', {}));
    expect(list.schedules).toEqual([expect.objectContaining({ connectionLabel: 'HubSpot (Acme)', direction: 'push' })]);
    expect(list.runnerActive).toBe(false);
    expect(data(await dispatch('schedule:clear', { connectionId: 'hubspot', direction: 'push' }))).toEqual({ cleared: true });
    expect(data<{ schedules: unknown[] }>(await dispatch('schedule:list', {})).schedules).toEqual([]);
  });

  it('previews a cron expression without saving, and explains what is wrong with a bad one', async () => {
    const ok = data<{ valid: boolean; description: string }>(await dispatch('schedule:preview', { spec: { kind: 'cron', expression: '*/30 8-18 * * 1-5' }, timeZone: 'Europe/Berlin' }));
    expect(ok).toMatchObject({ valid: true, description: 'Every 30 minutes between 08:00 and 18:59, Monday to Friday' });
    const bad = data<{ valid: boolean; error: string }>(await dispatch('schedule:preview', { spec: { kind: 'cron', expression: '0 2 * *' } }));
    expect(bad.valid).toBe(false);
    expect(bad.error).toMatch(/five fields/);
  });

  it('answers a bad schedule or an unknown connection with a message the person can act on', async () => {
    const tz = await dispatch('schedule:set', { connectionId: 'hubspot', direction: 'pull', spec: { kind: 'hourly' }, timeZone: 'Atlantis/Capital' });
    expect(tz).toMatchObject({ ok: false, error: { code: 'INVALID_SCHEDULE' } });
    const missing = await dispatch('schedule:set', { connectionId: 'salesforce-9', direction: 'pull', spec: { kind: 'hourly' } });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'No connection "salesforce-9".' } });
    const time = await dispatch('schedule:set', { connectionId: 'hubspot', direction: 'pull', spec: { kind: 'nightly', time: '25:00' } });
    expect(time).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });

  it('sync now starts the runs and answers at once', async () => {
    await dispatch('schedule:set', { connectionId: 'hubspot', direction: 'pull', spec: { kind: 'hourly' }, timeZone: 'UTC' });
    const res = data<{ started: number; message: string }>(await dispatch('schedule:runNow', {}));
    expect(res).toEqual({ started: 1, message: 'Started 1 run.' });
    await services.schedules.scheduler.whenIdle();
    expect(runner.calls.map((c) => [c.kind, c.trigger])).toEqual([['pull', 'manual']]);
  });

  it('says start at login is not available outside the desktop app', async () => {
    expect(data(await dispatch('schedule:desktop', {}))).toEqual({ tray: false, startAtLogin: null });
    expect(await dispatch('schedule:setStartAtLogin', { enabled: true })).toMatchObject({ ok: false, error: { message: 'Start at login is only available in the desktop app.' } });
    let on = false;
    services.schedules.attachDesktop({ tray: true, getStartAtLogin: () => on, setStartAtLogin: (v) => (on = v) }, { notify: () => undefined });
    expect(data(await dispatch('schedule:setStartAtLogin', { enabled: true }))).toEqual({ tray: true, startAtLogin: true });
  });
});
