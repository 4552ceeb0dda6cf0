import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { start } from '../connections/helpers';
import type { Emulator } from '../emulators/index';

const GC_TOKEN = '1a2b3c4d5e6f708192a3b4c5d6e7f80912a3b4c5';
const GC_SECRET = '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d';
const BLING_TOKEN = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';
const BLING_CLIENT = '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567';
const BLING_SECRET = 'f0e1d2c3b4a5968778695a4b3c2d1e0ff0e1d2c3b4a596877869';

describe('CLI: connect gestaoclick and bling, status, disconnect (real keychain)', () => {
  let gc: Emulator;
  let bl: Emulator;
  let dir: string;
  const env = () => ({ ...process.env, TICKET_CRM_SYNC_DATA_DIR: dir, TICKET_CRM_SYNC_KEYCHAIN_SERVICE: 'ticket-crm-sync-test-cli-br' });
  // Async: the emulators run in this process, so a blocking spawnSync would starve them.
  const run = (args: string[], stdin?: string) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/main.ts', ...args], { env: env() });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (status) => resolve({ status, stdout, stderr }));
      child.stdin.end(stdin ?? '');
    });

  beforeAll(async () => {
    [gc, bl] = await Promise.all([start('gestaoclick', { token: GC_TOKEN, secret: GC_SECRET }), start('bling', { token: BLING_TOKEN })]);
    dir = mkdtempSync(join(tmpdir(), 'tcs-cli-br-'));
  });
  afterAll(async () => {
    await run(['disconnect', 'bling']);
    await run(['disconnect', 'bling-2']);
    rmSync(dir, { recursive: true, force: true });
    await Promise.all([gc.close(), bl.close()]);
  });

  it('help names the token pair flag and who asks for it', async () => {
    const help = (await run(['connect', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('--secret <secret> the second secret of a token pair (GestãoClick: Secret access token); "-" reads it from stdin');
    expect(help).toContain('salesforce | hubspot | pipedrive | gestaoclick | bling');
  });

  it('connect gestaoclick --login-url --token --secret (the secret from stdin) stores the pair', async () => {
    const r = await run(['connect', 'gestaoclick', '--login-url', gc.url, '--token', GC_TOKEN, '--secret', '-'], `${GC_SECRET}\n`);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Connected GestãoClick \(gestaoclick\) as GestãoClick API user/);
    const status = await run(['status', '--json']);
    const views = JSON.parse(status.stdout) as Array<{ id: string; status: string; loginUrl: string }>;
    expect(views.find((v) => v.id === 'gestaoclick')).toMatchObject({ status: 'connected', loginUrl: `${gc.url}/api` });
    expect(status.stdout).not.toContain(GC_SECRET);
    const gone = await run(['disconnect', 'gestaoclick']);
    expect(gone.stdout).toMatch(/cannot revoke this kind of token/);
  });

  it('connect gestaoclick without --secret says both tokens are needed', async () => {
    const r = await run(['connect', 'gestaoclick', '--login-url', gc.url, '--token', GC_TOKEN]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/both tokens/);
  });

  it('connect bling --login-url --token stores an access token', async () => {
    const r = await run(['connect', 'bling', '--login-url', bl.url, '--token', BLING_TOKEN]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Connected Bling \(bling\)/);
  });

  it('connect bling through the browser prints the authorize URL on a line of its own', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'main/cli/main.ts', 'connect', 'bling', '--new', '--login-url', bl.url, '--client-id', BLING_CLIENT, '--client-secret', BLING_SECRET, '--no-browser'],
      { env: env() },
    );
    const lines: string[] = [];
    for await (const line of createInterface({ input: child.stdout })) {
      lines.push(line);
      if (lines.length === 1) {
        expect(line).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/Api\/v3\/oauth\/authorize\?\S+$/);
        await fetch(line);
      }
    }
    const code = await new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', resolve)));
    expect(code).toBe(0);
    expect(lines[1]).toMatch(/^Connected Bling \(bling-2\)/);
  });
}, 120_000);
