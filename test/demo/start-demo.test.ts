import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDemo, type ServedDemo } from '../../main/demo/serve-demo';
import { startDemo, type StartEmulator } from '../../main/demo/start-demo';
import { demoBanner } from '../../main/demo/banner';
import { startEmulator } from '../emulators/index';
import { createLogger } from '../../main/log/logger';

const startCrm: StartEmulator = (kind, opts) => startEmulator(kind, opts);
const today = new Date('2026-11-25T12:00:00Z');

describe('demo startup, run programmatically', () => {
  const root = mkdtempSync(join(tmpdir(), 'tcs-demo-start-'));
  const renderDir = join(root, 'renderer');
  const dataDir = join(root, 'demo');
  let served: ServedDemo;

  beforeAll(async () => {
    mkdirSync(renderDir);
    writeFileSync(join(renderDir, 'index.html'), '<!doctype html><title>demo fixture</title><div id="root"></div>');
    served = await serveDemo({ dataDir, normalDataDir: join(root, 'real'), renderDir, today, startEmulator: startCrm });
  });
  afterAll(async () => {
    await served?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('marks the services as the demo and keeps its tokens in memory, never the keychain', async () => {
    const { services } = served.demo;
    expect(services.info()).toMatchObject({ demo: true, shell: 'browser-host', dataDir });
    expect(services.secrets.kind).toBe('memory');
    expect((await services.secrets.accounts()).sort()).toEqual(['hubspot', 'salesforce']);
  });

  it('writes the demo tokens nowhere: not the log, the store or the sample files', async () => {
    const { services } = served.demo;
    const tokens: string[] = [];
    for (const account of ['salesforce', 'hubspot']) tokens.push(JSON.parse((await services.secrets.get(account))!).accessToken as string);
    expect(tokens.every((t) => t.length > 20)).toBe(true);
    const files = [join(dataDir, 'logs', 'main.log'), join(dataDir, 'ticket-crm-sync.sqlite'), ...readdirSync(served.demo.files.dir).map((f) => join(served.demo.files.dir, f))];
    services.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const file of files) {
      const text = readFileSync(file).toString('latin1');
      for (const t of tokens) expect(text.includes(t), file).toBe(false);
    }
    expect(readFileSync(join(dataDir, 'logs', 'main.log'), 'utf8')).toMatch(/Connected Salesforce/);
  });

  it('connects the demo Salesforce and HubSpot, each labelled as demo, and both answer', async () => {
    const { services } = served.demo;
    const list = services.connections.list();
    expect(list.map((c) => [c.provider, c.status]).sort()).toEqual([
      ['hubspot', 'connected'],
      ['salesforce', 'connected'],
    ]);
    for (const c of list) {
      expect(c.label).toMatch(/Demo/);
      expect(c.apiBaseUrl.startsWith(served.demo.emulators[c.provider as 'salesforce' | 'hubspot'].url)).toBe(true);
      const check = await services.connections.test(c.id);
      expect(check.ok, check.message).toBe(true);
    }
  });

  it('imports the sample exports: 150 people, three events, five rows rejected for their email, pushes queued', () => {
    const { services, imports } = served.demo;
    expect(imports).toHaveLength(3);
    expect(imports.every((r) => r.status === 'completed')).toBe(true);
    const count = (sql: string) => services.db.prepare(sql).pluck().get() as number;
    expect(count('SELECT COUNT(*) FROM people')).toBe(150);
    expect(count('SELECT COUNT(*) FROM events')).toBe(3);
    expect(count('SELECT COUNT(*) FROM orders')).toBeGreaterThan(100);
    expect(imports.reduce((n, r) => n + r.rejectedCount, 0)).toBe(5);
    for (const row of imports.flatMap((r) => r.rejected)) expect(row.reason).toMatch(/Email/);
    expect(count("SELECT COUNT(*) FROM sync_queue WHERE state = 'pending'")).toBeGreaterThanOrEqual(300);
  });

  it('serves the app at the printed URL with its token, and nothing without it', async () => {
    const lines = demoBanner(served.demo, served.url);
    expect(lines).toContain(served.url);
    expect(lines.some((l) => /DEMO MODE/.test(l))).toBe(true);
    expect(lines.filter((l) => /Demo (Salesforce|HubSpot)\s+connected/.test(l))).toHaveLength(2);
    const page = await fetch(served.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('demo fixture');
    const bare = new URL(served.url);
    bare.search = '';
    expect((await fetch(bare)).status).toBe(401);
    bare.searchParams.set('token', 'not-the-token');
    expect((await fetch(bare)).status).toBe(403);
  });

  it('gives a pull differences to show: CRM phone numbers differ from the exports', async () => {
    const run = await served.demo.services.sync.pull({ connectionId: 'hubspot', trigger: 'test' });
    expect(run.status).toBe('ok');
    expect(run.conflicts).toBeGreaterThanOrEqual(10);
  });
});

describe('demo startup with --keep and --sync', () => {
  const root = mkdtempSync(join(tmpdir(), 'tcs-demo-keep-'));
  const dataDir = join(root, 'demo');
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  // Three starts in one process on one folder: electron-log keeps a file handle per path, which a
  // wipe would pull away; `npm run demo` is a new process each time, so the file log stays out here.
  const logger = createLogger({ console: false });

  it('syncs once when asked, then a kept store is reconnected to fresh demo CRMs without importing again', async () => {
    const first = await startDemo({ dataDir, normalDataDir: join(root, 'real'), today, startEmulator: startCrm, sync: true, logger });
    try {
      expect(first.syncRuns.map((r) => `${r.kind} ${r.connectionId} ${r.status}`)).toEqual([
        'push salesforce ok',
        'pull salesforce ok',
        'push hubspot ok',
        'pull hubspot ok',
      ]);
      expect(first.syncRuns[0].created).toBeGreaterThan(100);
    } finally {
      await first.close();
    }
    const kept = await startDemo({ dataDir, normalDataDir: join(root, 'real'), today, startEmulator: startCrm, keep: true, logger });
    try {
      expect(kept.imports).toEqual([]);
      expect(kept.services.db.prepare('SELECT COUNT(*) FROM people').pluck().get()).toBe(150);
      const list = kept.services.connections.list();
      expect(list.every((c) => c.status === 'connected' && c.label.startsWith('Demo '))).toBe(true);
      expect(list.find((c) => c.provider === 'hubspot')!.apiBaseUrl.startsWith(kept.emulators.hubspot.url)).toBe(true);
    } finally {
      await kept.close();
    }
    const fresh = await startDemo({ dataDir, normalDataDir: join(root, 'real'), today, startEmulator: startCrm, logger });
    try {
      expect(fresh.imports).toHaveLength(3);
      expect(fresh.services.db.prepare('SELECT COUNT(*) FROM sync_runs').pluck().get()).toBe(0);
    } finally {
      await fresh.close();
    }
  });
});
