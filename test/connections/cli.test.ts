import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { start } from './helpers';
import type { Emulator } from '../emulators/index';

const CLIENT_ID = '3MVG9EmulatorTicketCrmSyncConsumerKey';
const PD_TOKEN = 'aaaabbbbccccddddeeeeffff0000111122223333';

describe('CLI: connect, status, disconnect', () => {
  let sf: Emulator;
  let pd: Emulator;
  let dir: string;
  const env = () => ({ ...process.env, TICKET_CRM_SYNC_DATA_DIR: dir, TICKET_CRM_SYNC_KEYCHAIN_SERVICE: 'ticket-crm-sync-test-cli' });
  // Async: the emulators run in this process, so a blocking spawnSync would starve them.
  const run = (args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/main.ts', ...args], { env: env() });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });

  beforeAll(async () => {
    [sf, pd] = await Promise.all([start('salesforce'), start('pipedrive', { token: PD_TOKEN })]);
    dir = mkdtempSync(join(tmpdir(), 'tcs-cli-conn-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await Promise.all([sf.close(), pd.close()]);
  });

  it('connect prints the authorize URL on a line of its own and waits for the callback', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/main.ts', 'connect', 'salesforce', '--login-url', sf.url, '--client-id', CLIENT_ID, '--no-browser', '--callback-port', '0'], { env: env() });
    const lines: string[] = [];
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    for await (const line of createInterface({ input: child.stdout })) {
      lines.push(line);
      if (lines.length === 1) {
        expect(line).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/services\/oauth2\/authorize\?\S+$/);
        await fetch(line); // the "browser": the emulator approves and redirects to the loopback callback
      }
    }
    const code = await new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', resolve)));
    expect(stderr).toContain('Waiting for the sign-in');
    expect(code).toBe(0);
    expect(lines[1]).toMatch(/^Connected Salesforce \(salesforce\) as \S+@\S+, org 00D/);
  });

  it('connect --token stores a Pipedrive API token for the company domain', async () => {
    const r = await run(['connect', 'pipedrive', '--token', PD_TOKEN, '--domain', 'acme', '--login-url', pd.url]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Connected Pipedrive \(pipedrive\)/);
  });

  it('status --json lists both, without secrets', async () => {
    const r = await run(['status', '--json']);
    expect(r.status).toBe(0);
    const views = JSON.parse(r.stdout) as Array<{ id: string; status: string; user: string }>;
    expect(views.map((v) => [v.id, v.status])).toEqual([
      ['pipedrive', 'connected'],
      ['salesforce', 'connected'],
    ]);
    expect(r.stdout).not.toContain(PD_TOKEN);
    const human = await run(['status']);
    expect(human.stdout).toMatch(/salesforce {2}Salesforce {2}connected/);
    expect(human.stdout).toMatch(/api usage: \d+ \/ 15000 today/);
  });

  it('disconnect <provider> revokes and says local data is kept; status shows it disconnected', async () => {
    const r = await run(['disconnect', 'salesforce']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Disconnected Salesforce \(salesforce\)\. Access was revoked at Salesforce\..*kept/);
    const views = JSON.parse((await run(['status', '--json'])).stdout) as Array<{ id: string; status: string }>;
    expect(views.find((v) => v.id === 'salesforce')?.status).toBe('disconnected');
  });

  it('an unknown provider is a usage error (exit 2)', async () => {
    const r = await run(['connect', 'zoho']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Unknown provider "zoho"/);
  });
});
