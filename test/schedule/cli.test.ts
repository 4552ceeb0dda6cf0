import { describe, it, expect, beforeAll, afterAll, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../main/cli';
import { createAppServices } from '../../main/services/app-services';
import { MemorySecretStore } from '../../main/auth/secret-store';
import { specFromArgs } from '../../main/cli/commands/schedule';
import { CliUsageError } from '../../main/cli/context';
import { addConnection } from './helpers';

/** Runs the CLI in this process, capturing what it prints. */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c) => {
    out += String(c);
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c) => {
    err += String(c);
    return true;
  });
  try {
    const code = await runCli(args);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('schedule commands', () => {
  let dir: string;
  const at = (...args: string[]) => cli('--data-dir', dir, ...args);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tcs-sched-cli-'));
    const s = createAppServices({ dataDir: dir, shell: 'test', logToConsole: false, secretStore: new MemorySecretStore() });
    addConnection(s.db);
    await s.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sets a preset by provider name and shows it in words with its next runs', async () => {
    const r = await at('schedule', 'set', 'hubspot', 'push', 'nightly', '--at', '2:30', '--tz', 'Europe/Berlin');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^hubspot push: Every day at 02:30 \(Europe\/Berlin\)\n {2}cron: {6}30 2 \* \* \*\n {2}next runs: /);
    const json = await at('schedule', 'set', 'hubspot', 'pull', '--cron', '*/30 8-18 * * 1-5', '--tz', 'America/New_York', '--json');
    expect(JSON.parse(json.out)).toMatchObject({ direction: 'pull', description: 'Every 30 minutes between 08:00 and 18:59, Monday to Friday', timeZone: 'America/New_York' });
  });

  it('lists and clears schedules', async () => {
    const list = await at('schedule', 'list', '--json');
    expect((JSON.parse(list.out) as Array<{ direction: string }>).map((s) => s.direction)).toEqual(['pull', 'push']);
    expect((await at('schedule', 'clear', 'hubspot', 'pull')).out).toBe('Removed the pull schedule of hubspot.\n');
    expect((await at('schedule', 'clear', 'hubspot', 'pull')).out).toBe('hubspot had no pull schedule.\n');
  });

  it('answers bad input with exit 2 and the reason', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['schedule', 'set', 'hubspot', 'sideways', 'hourly'], /Direction must be push or pull/],
      [['schedule', 'set', 'hubspot', 'push', 'weekly', '--at', '09:00'], /weekly needs --day/],
      [['schedule', 'set', 'hubspot', 'push', 'nightly', '--at', '25:00'], /--at must be a time/],
      [['schedule', 'set', 'hubspot', 'push', '--cron', '0 2 * *'], /five fields/],
      [['schedule', 'set', 'hubspot', 'push', 'hourly', '--tz', 'Nowhere/Land'], /Unknown time zone "Nowhere\/Land"/],
      [['schedule', 'set', 'hubspot', 'push'], /Pick a schedule: every-15-minutes, hourly, nightly, weekly, or --cron/],
    ];
    for (const [args, reason] of cases) {
      const r = await at(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toMatch(reason);
    }
  });

  it('reads weekly days by name', () => {
    expect(specFromArgs('weekly', { day: 'fri', at: '18:05' })).toEqual({ kind: 'weekly', day: 5, time: '18:05' });
    expect(specFromArgs('every-15-minutes', {})).toEqual({ kind: 'every15min' });
    expect(() => specFromArgs('hourly', { cron: '* * * * *' })).toThrow(CliUsageError);
  });
});
