import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, ['bin/ticket-crm-sync.mjs', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

describe('ticket-crm-sync CLI', () => {
  it('prints help and exits 0', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: ticket-crm-sync');
  });

  it('rejects an unknown command with exit 2 and a one-line reason, no stack trace', () => {
    const r = run(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints machine-readable info with --json, using the data dir from the environment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tcs-cli-'));
    try {
      const r = run(['info', '--json'], { TICKET_CRM_SYNC_DATA_DIR: dir });
      expect(r.status).toBe(0);
      const info = JSON.parse(r.stdout) as { dataDir: string; schemaVersion: number; counts: { people: number } };
      expect(info.dataDir).toBe(dir);
      expect(info.schemaVersion).toBeGreaterThan(0);
      expect(info.counts.people).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
