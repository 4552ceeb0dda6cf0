import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices, type AppServices } from '../../main/services/app-services';
import { MemorySecretStore } from '../../main/auth/secret-store';
import { listRunnerLocks } from '../../main/schedule/runner-lock';
import { getSchedule, setNextRun } from '../../main/store/schedules';
import { addConnection, FakeRunner } from './helpers';

/**
 * The app and a headless runner as two real processes on one store: one runner per connection,
 * a message naming the other when it holds it, prompt takeover after kill -9, clean SIGTERM.
 */
const CHILD = join(import.meta.dirname, 'fixtures', 'headless-child.ts');
const CLI = join(import.meta.dirname, '..', '..', 'main', 'cli', 'main.ts');

interface Child {
  proc: ChildProcess;
  lines: string[];
  waitFor(pattern: RegExp, ms?: number): Promise<string>;
  exited: Promise<number | null>;
}

function start(args: string[]): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: Array<{ re: RegExp; resolve: (l: string) => void }> = [];
  const onText = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      lines.push(line);
      for (const w of [...waiters]) if (w.re.test(line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  };
  proc.stdout!.on('data', onText);
  proc.stderr!.on('data', onText);
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return {
    proc,
    lines,
    exited,
    waitFor(re, ms = 20_000) {
      const seen = lines.find((l) => re.test(l));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`timed out waiting for ${re}; got:\n${lines.join('\n')}`)), ms);
        waiters.push({ re, resolve: (l) => (clearTimeout(t), resolve(l)) });
      });
    },
  };
}

const until = async (check: () => boolean, ms = 15_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('app and headless runner on one store', () => {
  let dir: string;
  let app: AppServices;
  let runner: FakeRunner;
  const children: Child[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tcs-contend-'));
    runner = new FakeRunner({ now: () => Date.now() });
    app = createAppServices({ dataDir: dir, shell: 'test', logToConsole: false, secretStore: new MemorySecretStore(), syncRunner: runner });
    addConnection(app.db);
    app.schedules.set({ connectionId: 'hubspot', direction: 'push', spec: { kind: 'every15min' }, timeZone: 'UTC' });
  });
  afterEach(async () => {
    for (const c of children.splice(0)) if (c.proc.exitCode === null) c.proc.kill('SIGKILL');
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const due = () => setNextRun(app.db, 'hubspot', 'push', new Date(Date.now() - 1000).toISOString());
  const childRuns = () => (existsSync(join(dir, 'runs.log')) ? readFileSync(join(dir, 'runs.log'), 'utf8') : '');

  it('leaves the connection to the app while the app holds it, names the app, and takes over when the app stops', async () => {
    await app.schedules.scheduler.tick(); // the app holds hubspot now
    expect(listRunnerLocks(app.db)[0].pid).toBe(process.pid);
    due();
    const child = start([CHILD, dir, '200']);
    children.push(child);
    const held = await child.waitFor(/^held /);
    expect(held).toMatch(new RegExp(`^held another runner \\(pid ${process.pid} on host ${hostname().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, started at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\) is running schedules for HubSpot \\(Acme\\)$`));
    await new Promise((r) => setTimeout(r, 500));
    expect(childRuns()).toBe('');

    await app.schedules.stop(); // the app quits: its lock goes
    await child.waitFor(/^ran push ok$/);
    expect(listRunnerLocks(app.db)[0].pid).toBe(child.proc.pid);
    expect(childRuns()).toMatch(/start hubspot push/);
    expect(runner.calls).toHaveLength(0);

    child.proc.kill('SIGTERM');
    expect(await child.exited).toBe(0);
    expect(child.lines).toContain('stopped');
    expect(listRunnerLocks(app.db)).toEqual([]);
  });

  it('keeps the app off while the headless runner holds it, and lets the app take over at once after kill -9', async () => {
    const child = start([CHILD, dir, '5000']);
    children.push(child);
    await child.waitFor(/^ready /);
    await until(() => listRunnerLocks(app.db).some((l) => l.pid === child.proc.pid));
    due();
    await until(() => childRuns().includes('start hubspot push'));

    // The app looks: the connection is held, the run in the other process is not duplicated.
    await app.schedules.scheduler.tick();
    expect(runner.calls).toHaveLength(0);
    const view = app.schedules.get('hubspot', 'push')!;
    expect(view.heldElsewhere).toContain(`another runner (pid ${child.proc.pid} on host ${hostname()}`);
    expect(app.schedules.runNow({ connectionId: 'hubspot' }).message).toContain(`pid ${child.proc.pid}`);

    child.proc.kill('SIGKILL');
    await child.exited;
    // Its lease has minutes left; the app sees the process is gone and takes over now.
    expect(Date.parse(listRunnerLocks(app.db)[0].expiresAt)).toBeGreaterThan(Date.now() + 60_000);
    due();
    await app.schedules.scheduler.tick();
    await app.schedules.scheduler.whenIdle();
    expect(runner.calls.map((c) => c.kind)).toEqual(['push']);
    expect(getSchedule(app.db, 'hubspot', 'push')!.lastOutcome).toBe('ok');
  });

  it('never runs a connection in both processes at once', async () => {
    const a = start([CHILD, dir, '300']);
    const b = start([CHILD, dir, '300']);
    children.push(a, b);
    await Promise.all([a.waitFor(/^ready /), b.waitFor(/^ready /)]);
    const ends = () => (childRuns().match(/^\d+ \d+ end /gm) ?? []).length;
    // A run is over once its next slot is planned (after its "end" line): only then is it due again.
    const planned = () => Date.parse(getSchedule(app.db, 'hubspot', 'push')!.nextRunAt!) > Date.now();
    for (let i = 0; i < 4; i++) {
      const before = ends();
      due();
      await until(() => ends() > before && planned());
    }
    const events = childRuns()
      .trim()
      .split('\n')
      .map((l) => l.split(' '));
    let open = 0;
    for (const [, , what] of events) {
      open += what === 'start' ? 1 : -1;
      expect(open).toBeLessThanOrEqual(1);
    }
    expect(new Set(events.map(([pid]) => pid)).size).toBe(1);
    const loser = [a, b].find((c) => !events.some(([pid]) => pid === String(c.proc.pid)))!;
    expect(await loser.waitFor(/^held another runner/)).toContain('is running schedules for HubSpot (Acme)');
    a.proc.kill('SIGTERM');
    b.proc.kill('SIGTERM');
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
  });

  it('run-schedules --once leaves a connection the app holds alone and says so; runs it once the app has let go', async () => {
    await app.schedules.scheduler.tick();
    due();
    const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', CLI, '--data-dir', dir, ...args], { encoding: 'utf8', timeout: 30_000 });
    const held = cli(['run-schedules', '--once', '--json']);
    expect(held.status).toBe(0);
    const report = JSON.parse(held.stdout) as { runs: unknown[]; heldElsewhere: Array<{ connectionId: string; message: string }> };
    expect(report.runs).toEqual([]);
    expect(report.heldElsewhere[0]).toEqual({ connectionId: 'hubspot', message: expect.stringContaining(`another runner (pid ${process.pid} on host ${hostname()}`) });
    expect(held.stderr).toContain('is running schedules for HubSpot (Acme): left to it.');

    await app.schedules.stop();
    // The CLI uses the real engine (or says it has none); this store has no mapping, so whatever
    // the outcome, the run happened here and the exit code follows it.
    const ran = cli(['run-schedules', '--once']);
    const outcome = /^push hubspot: (ok|partial|failed|skipped|cancelled)\. /m.exec(ran.stdout)?.[1];
    expect(outcome, ran.stdout + ran.stderr).toBeDefined();
    expect(ran.status).toBe(outcome === 'failed' || outcome === 'partial' ? 1 : 0);
    expect(getSchedule(app.db, 'hubspot', 'push')!.lastOutcome).toBe(outcome);
    expect(listRunnerLocks(app.db)).toEqual([]);
  });

  it('run-schedules holds its connections until SIGTERM, then exits 0 and lets go', async () => {
    const child = start([CLI, '--data-dir', dir, 'run-schedules']);
    children.push(child);
    await child.waitFor(/Running schedules until stopped/);
    await until(() => listRunnerLocks(app.db).some((l) => l.pid === child.proc.pid));
    child.proc.kill('SIGTERM');
    expect(await child.exited).toBe(0);
    expect(listRunnerLocks(app.db)).toEqual([]);
  });
});
