import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT, electronBinary } from './environment';

/** `npm start` without the build step: scripts/start.mjs on the built app. */
describe('npm start (scripts/start.mjs)', () => {
  it('says in one line that it serves the browser version, prints the URL on its own line, serves it, and stops on Ctrl+C', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tcs-start-'));
    // Where Electron is installed, --browser asks for the browser host this test is about.
    const args = electronBinary() ? ['--browser'] : [];
    const child = spawn(process.execPath, ['scripts/start.mjs', '--data-dir', dataDir, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
      const first = (await lines.next()).value as string;
      const second = (await lines.next()).value as string;
      expect(first).toMatch(args.length ? /^Serving the app in the browser/ : /^The Electron binary is not installed here, so the app is served in the browser instead/);
      expect(second).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
      const page = await fetch(second);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>Ticket CRM Sync</title>');
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
