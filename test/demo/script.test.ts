import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const URL_LINE = /^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/;

interface Run {
  child: ChildProcess;
  stdout: string[];
  stderr: string;
  exited: Promise<number | null>;
  /** Every process of the run is gone: the last holder of its stdout closed it. */
  finished: Promise<void>;
}

/** `npx tsx scripts/demo.ts …` in its own process group, as a terminal runs it (Ctrl+C reaches the group). */
function runDemo(args: string[], env: NodeJS.ProcessEnv): Run {
  const child = spawn('npx', ['tsx', 'scripts/demo.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const run: Run = {
    child,
    stdout: [],
    stderr: '',
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
    finished: new Promise((resolve) => child.stdout!.on('close', () => resolve())),
  };
  let pending = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const parts = (pending + chunk.toString()).split(/\r?\n/);
    pending = parts.pop()!;
    run.stdout.push(...parts);
  });
  child.stderr!.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
  return run;
}

async function waitForLine(run: Run, pattern: RegExp, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const line = run.stdout.find((l) => pattern.test(l));
    if (line) return line;
    if (run.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`No line matching ${pattern} (exit ${run.child.exitCode}).\nstdout:\n${run.stdout.join('\n')}\nstderr:\n${run.stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('npm run demo (scripts/demo.ts, spawned)', () => {
  const root = mkdtempSync(join(tmpdir(), 'tcs-demo-script-'));
  // The real data folder of these runs: the demo must leave it alone.
  const env = { TICKET_CRM_SYNC_DATA_DIR: join(root, 'real') };
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('prints the banner and the URL on its own line, serves the built app there, and stops on Ctrl+C', async () => {
    expect(existsSync(join(ROOT, 'dist', 'renderer', 'index.html')), 'run `npm run build` first').toBe(true);
    const dataDir = join(root, 'demo');
    const run = runDemo(['--data-dir', dataDir], env);
    let url = '';
    try {
      url = await waitForLine(run, URL_LINE, 60_000);
      expect(run.stdout.some((l) => l.includes('DEMO MODE'))).toBe(true);
      expect(run.stdout.some((l) => /Demo Salesforce\s+connected/.test(l))).toBe(true);
      expect(run.stdout.some((l) => /Demo HubSpot\s+connected/.test(l))).toBe(true);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      expect(existsSync(join(dataDir, 'samples', 'eventbrite-product-leaders-summit.csv'))).toBe(true);
      expect(existsSync(join(root, 'real'))).toBe(false);
    } finally {
      if (run.child.exitCode === null) process.kill(-run.child.pid!, 'SIGINT');
    }
    // npx dies of the signal itself; the demo underneath closes down and says so.
    await run.finished;
    expect(run.stdout).toContain('Stopping the demo …');
    expect(run.stderr).not.toMatch(/error/i);
    await expect(fetch(url)).rejects.toThrow();
  }, 90_000);

  it('refuses an unknown option, and a folder it did not make, with exit code 2', async () => {
    const bad = runDemo(['--colour'], env);
    expect(await bad.exited).toBe(2);
    expect(bad.stderr).toMatch(/Unknown option: --colour/);

    const mine = join(root, 'mine');
    mkdirSync(mine);
    writeFileSync(join(mine, 'notes.txt'), 'keep me');
    const refused = runDemo(['--data-dir', mine], env);
    expect(await refused.exited).toBe(2);
    expect(refused.stderr).toMatch(/not made by the demo/);
    expect(existsSync(join(mine, 'notes.txt'))).toBe(true);
  }, 60_000);
});
