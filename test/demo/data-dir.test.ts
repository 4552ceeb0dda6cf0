import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_MARKER, DemoDirError, defaultDemoDataDir, prepareDemoDir } from '../../main/demo/data-dir';

describe('demo data folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'tcs-demo-dir-'));
  const normal = join(root, 'Ticket CRM Sync');
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('defaults to a folder beside the normal data folder', () => {
    expect(defaultDemoDataDir({ TICKET_CRM_SYNC_DATA_DIR: normal })).toBe(join(root, 'Ticket CRM Sync Demo'));
  });

  it('is created and marked, then emptied on the next start, or kept with keep', () => {
    const dir = join(root, 'demo');
    expect(prepareDemoDir(dir, { normalDataDir: normal }).wiped).toBe(false);
    expect(existsSync(join(dir, DEMO_MARKER))).toBe(true);
    writeFileSync(join(dir, 'ticket-crm-sync.sqlite'), 'old');
    expect(prepareDemoDir(dir, { keep: true, normalDataDir: normal }).wiped).toBe(false);
    expect(existsSync(join(dir, 'ticket-crm-sync.sqlite'))).toBe(true);
    expect(prepareDemoDir(dir, { normalDataDir: normal }).wiped).toBe(true);
    expect(existsSync(join(dir, 'ticket-crm-sync.sqlite'))).toBe(false);
    expect(existsSync(join(dir, DEMO_MARKER))).toBe(true);
  });

  it('never touches a non-empty folder it did not make, even with keep', () => {
    const dir = join(root, 'mine');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'thesis.docx'), 'precious');
    expect(() => prepareDemoDir(dir, { normalDataDir: normal })).toThrow(DemoDirError);
    expect(() => prepareDemoDir(dir, { keep: true, normalDataDir: normal })).toThrow(/not made by the demo/);
    expect(existsSync(join(dir, 'thesis.docx'))).toBe(true);
  });

  it('refuses the real data folder and any folder that holds it', () => {
    mkdirSync(normal, { recursive: true });
    writeFileSync(join(normal, DEMO_MARKER), '');
    expect(() => prepareDemoDir(normal, { normalDataDir: normal })).toThrow(/real data/);
    expect(() => prepareDemoDir(root, { normalDataDir: normal })).toThrow(/real data/);
    expect(existsSync(normal)).toBe(true);
  });
});
