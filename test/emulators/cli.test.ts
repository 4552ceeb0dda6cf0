import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { emulatorKinds } from './index';

const root = fileURLToPath(new URL('../..', import.meta.url));
const seedFile = fileURLToPath(new URL('./pipedrive/seed.example.json', import.meta.url));
const running: ChildProcess[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map(stop));
});

/** Runs a command in its own process group (npm → sh → tsx → node), so stopping it stops them all. */
function launch(cmd: string, args: string[]): ChildProcess {
  const child = spawn(cmd, args, { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  return child;
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      resolve();
    }
  });
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(out.slice(0, nl));
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing a line; stderr: ${err}`)));
  });
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

const listening = /^listening on (http:\/\/127\.0\.0\.1:(\d+))$/;
const tsxCli = (args: string[]) => launch(`${root}node_modules/.bin/tsx`, ['test/emulators/cli.ts', ...args]);

describe('npm run emulator', () => {
  // `npm run` prints its own "> pkg emulator" banner on stdout; --silent leaves the CLI's output alone.
  it.each(emulatorKinds)('%s --port 0 prints "listening on http://127.0.0.1:PORT" first and serves there', async (kind) => {
    const child = launch('npm', ['run', '--silent', 'emulator', '--', kind, '--port', '0']);
    const line = await firstLine(child);
    const m = listening.exec(line);
    expect(m, line).not.toBeNull();
    expect(Number(m![2])).toBeGreaterThan(0);
    const stats = await fetch(`${m![1]}/__admin/stats`).then((r) => r.json());
    expect(stats).toEqual({ requests: 0, byStatus: {}, byPath: {} });
  });
});

describe('emulator CLI flags (pipedrive)', () => {
  it('takes --token, --seed and --burst-429', async () => {
    const child = tsxCli(['pipedrive', '--port', '0', '--token', 'cli-token', '--seed', seedFile, '--burst-429', '1']);
    const url = listening.exec(await firstLine(child))![1];
    expect((await fetch(`${url}/api/v1/users/me?api_token=cli-token`)).status).toBe(429);
    const me = (await fetch(`${url}/api/v1/users/me?api_token=cli-token`).then((r) => r.json())) as { data: { company_domain: string } };
    expect(me.data.company_domain).toBe('harbour-lights');
    expect((await fetch(`${url}/api/v1/users/me?api_token=other`)).status).toBe(401);
    const persons = (await fetch(`${url}/__admin/records/persons`).then((r) => r.json())) as unknown[];
    expect(persons).toHaveLength(2);
  });

  it('takes --latency', async () => {
    const child = tsxCli(['pipedrive', '--port', '0', '--latency', '200']);
    const url = listening.exec(await firstLine(child))![1];
    const t0 = performance.now();
    await fetch(`${url}/api/v1/users/me`);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(190);
  });

  it('exits 2 with usage on an unknown kind, a bad number or an unreadable seed', async () => {
    for (const args of [['nosuchcrm'], ['pipedrive', '--latency=abc'], ['pipedrive', '--seed', '/nonexistent/seed.json']]) {
      const { code, stderr } = await exitOf(tsxCli(args));
      expect(code, args.join(' ')).toBe(2);
      expect(stderr.length, args.join(' ')).toBeGreaterThan(0);
    }
  });
});
