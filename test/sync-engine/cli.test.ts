import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '../emulators/index';
import { buyers, TOKENS, toCsv } from './helpers';

const SERVICE = 'ticket-crm-sync-test-sync-cli';

/** The sync commands as a user runs them: push (dry run and real), pull, queue, log and runs, in JSON. */
describe('CLI: push, pull, queue, log, runs against HubSpot', () => {
  let emu: Emulator;
  let dir: string;
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
  const json = async (args: string[]) => {
    const r = await run([...args, '--json']);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as Record<string, unknown> & Array<Record<string, unknown>>;
  };

  beforeAll(async () => {
    emu = await startEmulator('hubspot', { token: TOKENS.hubspot });
    dir = mkdtempSync(join(tmpdir(), 'tcs-sync-cli-'));
    expect((await run(['connect', 'hubspot', '--token', TOKENS.hubspot, '--login-url', emu.url])).code).toBe(0);
    const file = join(dir, 'buyers.csv');
    writeFileSync(file, toCsv(buyers(8, { prefix: 'cli', companyEvery: 4 })));
    expect((await run(['import', file, '--preset', 'generic'])).code).toBe(0);
  }, 60_000);
  afterAll(async () => {
    await emu?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('push --dry-run counts what would happen and writes nothing', async () => {
    const report = await json(['push', 'hubspot', '--dry-run']);
    const objects = report.objects as Array<{ object: string; create: number; update: number; skip: number }>;
    expect(objects.find((o) => o.object === 'contacts')).toMatchObject({ create: 8, update: 0 });
    expect(objects.find((o) => o.object === 'deals')).toMatchObject({ create: 8 });
    expect(emu.backend.records('contacts')).toHaveLength(0);
  }, 60_000);

  it('push --json answers the run and its counts; a second push sends nothing', async () => {
    const first = await json(['push', 'hubspot']);
    expect(first).toMatchObject({ status: 'ok', created: 8 + 1 + 8, updated: 0, failed: 0 });
    expect(typeof first.runId).toBe('number');
    // Nothing changed since: nothing is even queued.
    const second = await json(['push', 'hubspot', '--object', 'contacts']);
    expect(second).toMatchObject({ total: 0, created: 0, updated: 0, failed: 0 });
    // --all looks at every record, and finds each one unchanged (no write).
    const all = await json(['push', 'hubspot', '--object', 'contacts', '--all']);
    expect(all).toMatchObject({ total: 8, created: 0, updated: 0, unchanged: 8, failed: 0 });
  }, 60_000);

  it('pull --json answers created, updated, unchanged, deleted and conflicts', async () => {
    const contacts = emu.backend.records('contacts') as Array<{ id: string; properties: Record<string, string> }>;
    const target = contacts.find((c) => c.properties.email === 'cli3@example.com')!;
    const patched = await fetch(`${emu.url}/crm/v3/objects/contacts/${target.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${TOKENS.hubspot}`, 'content-type': 'application/json' },
      body: JSON.stringify({ properties: { firstname: 'Grace' } }),
    });
    expect(patched.ok).toBe(true);
    const pulled = await json(['pull', 'hubspot']);
    expect(pulled).toMatchObject({ status: 'ok', updated: 1, created: 0, deleted: 0, conflicts: 0 });
    expect(pulled.unchanged).toBe(7);
    const people = (await json(['people', '--search', 'cli3@'])) as unknown as Array<{ firstName: string }>;
    expect(people[0].firstName).toBe('Grace');
  }, 60_000);

  it('queue, queue retry/cancel, log and runs', async () => {
    const queue = await json(['queue']);
    expect(queue.counts).toMatchObject({ dead: 0, pending: 0 });
    expect(Array.isArray(queue.items)).toBe(true);
    const retry = await run(['queue', 'retry']);
    expect(retry.code).toBe(2);
    expect(retry.stderr).toContain('exactly one of them');
    expect(await json(['queue', 'retry', '--dead'])).toEqual({ retried: 0 });
    expect(await json(['queue', 'cancel', '--all'])).toEqual({ cancelled: 0 });
    const log = (await json(['log', '--limit', '6', '--kind', 'sync'])) as unknown as Array<{ action: string; summary: string }>;
    // Newest first: the queue actions just taken, the pull, the pushes.
    expect(log.map((e) => e.action)).toEqual(['cancel', 'retry', 'pull', 'push', 'push', 'push']);
    expect(log[5].summary).toMatch(/Pushed to .*: 17 created/);
    const runs = (await json(['runs'])) as unknown as Array<{ id: number; kind: string; provider: string; startedAt: string; created: number }>;
    expect(runs.map((r) => r.kind)).toEqual(['pull', 'push', 'push', 'push']);
    expect(runs[3]).toMatchObject({ provider: 'hubspot', created: 17 });
    expect(Date.parse(runs[0].startedAt)).not.toBeNaN();
  }, 60_000);
});
