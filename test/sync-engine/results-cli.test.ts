import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '../emulators/index';
import { buyers, TOKENS, toCsv } from './helpers';

const SERVICE = 'ticket-crm-sync-test-results-cli';

/** `push --results FILE` writes the run's results file; `runs --json` lists the run with its counts. */
describe('CLI: push --results and runs --json against HubSpot', () => {
  let emu: Emulator;
  let dir: string;
  const rows = buyers(5, { prefix: 'rcli', companyEvery: 0 });
  const run = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/main.ts', ...args], {
        env: { ...process.env, TICKET_CRM_SYNC_DATA_DIR: dir, TICKET_CRM_SYNC_KEYCHAIN_SERVICE: SERVICE },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });

  beforeAll(async () => {
    emu = await startEmulator('hubspot', { token: TOKENS.hubspot });
    dir = mkdtempSync(join(tmpdir(), 'tcs-results-cli-'));
    expect((await run(['connect', 'hubspot', '--token', TOKENS.hubspot, '--login-url', emu.url])).code).toBe(0);
    const file = join(dir, 'buyers.csv');
    writeFileSync(file, toCsv(rows));
    expect((await run(['import', file, '--preset', 'generic'])).code).toBe(0);
  }, 60_000);
  afterAll(async () => {
    await emu?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes one row per record attempted and lists the run', async () => {
    const out = join(dir, 'results.csv');
    const pushed = await run(['push', 'hubspot', '--results', out, '--json']);
    expect(pushed.code, pushed.stderr).toBe(0);
    const summary = JSON.parse(pushed.stdout) as { runId: number; created: number; updated: number; unchanged: number; failed: number };
    expect(summary.created).toBe(rows.length * 2);
    const text = readFileSync(out, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...lines] = text.slice(1).trimEnd().split('\r\n');
    expect(header).toBe('local id,email,object,operation,CRM id,error code,error field,error message');
    expect(lines).toHaveLength(summary.created + summary.updated + summary.unchanged + summary.failed);
    expect(lines.filter((l) => l.split(',')[2] === 'contacts').map((l) => l.split(',')[1])).toEqual(rows.map((r) => r.email));

    const listed = await run(['runs', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    const runs = JSON.parse(listed.stdout) as Array<Record<string, unknown>>;
    expect(runs[0]).toMatchObject({ id: summary.runId, kind: 'push', provider: 'hubspot', created: summary.created, failed: 0, startedAt: expect.any(String) });
  }, 60_000);
});
