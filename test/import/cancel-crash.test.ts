import { describe, it, expect, afterEach } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { sandbox, buyersCsv, snapshot, count, type Sandbox, type Buyer } from './helpers';
import { createImportService } from '../../main/import/service';
import { createAppServices } from '../../main/services/app-services';
import { ImportCancelled } from '../../main/import/run/run-import';
import { recomputeDerived } from '../../main/store/people-write';
import { writeBenchCsv } from '../../bench/import-fixture';
import type { Db } from '../../main/store/db';

const root = join(__dirname, '..', '..');

function buyers(n: number, offset = 0): Buyer[] {
  return Array.from({ length: n }, (_, i) => ({
    email: `p${i + offset}@example.com`, first: `P${i + offset}`, orderId: `O${i + offset}`, total: String(i % 50), event: i % 2 ? 'A' : 'B', eventDate: '2030-01-01',
  }));
}

/** The store's tables without the bookkeeping an import run leaves either way (runs, audit). */
const data = (db: Db) => {
  const { import_undo: _u, ...rest } = snapshot(db);
  return rest;
};

function assertConsistent(db: Db): void {
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
  const stored = db.prepare('SELECT id, total_spent, order_count, first_event_id, last_event_id FROM people ORDER BY id').all();
  db.exec('SAVEPOINT check_derived');
  recomputeDerived(db, JSON.stringify(db.prepare('SELECT id FROM people').pluck().all()), 'now');
  const recomputed = db.prepare('SELECT id, total_spent, order_count, first_event_id, last_event_id FROM people ORDER BY id').all();
  db.exec('ROLLBACK TO check_derived; RELEASE check_derived');
  expect(recomputed).toEqual(stored);
}

describe('cancel, failure and crash leave the store consistent', () => {
  let s: Sandbox;
  afterEach(async () => s?.close());

  it('cancelling mid-import restores every created and changed row', async () => {
    s = sandbox();
    await s.imports.importFile(s.file('seed.csv', buyersCsv(buyers(300))), {});
    const before = data(s.db);
    const tuned = createImportService({ db: s.db, dataDir: s.services.dataDir, tuning: { chunkRows: 100, progressEveryMs: 0, inline: true } });
    // Changes the seeded people (new names, new orders) and adds new ones.
    const file = s.file('big.csv', buyersCsv([...buyers(300).map((b) => ({ ...b, first: 'Changed', orderId: `N${b.orderId}` })), ...buyers(2000, 1000)]));
    let cancelledAt = 0;
    const run = tuned.importFile(file, {
      onProgress: (p) => {
        if (p.phase === 'reading' && p.rows >= 500 && !cancelledAt) {
          cancelledAt = p.rows;
          expect(count(s.db, 'people')).toBeGreaterThan(300);
          tuned.cancel();
        }
      },
    });
    await expect(run).rejects.toBeInstanceOf(ImportCancelled);
    expect(cancelledAt).toBeGreaterThanOrEqual(500);
    expect(data(s.db)).toEqual(before);
    expect(tuned.history(1)[0]).toMatchObject({ status: 'cancelled' });
    expect(count(s.db, 'import_undo')).toBe(0);
    assertConsistent(s.db);
  });

  it('a file that breaks half-way changes nothing and says why', async () => {
    s = sandbox();
    await s.imports.importFile(s.file('seed.csv', buyersCsv(buyers(50))), {});
    const before = data(s.db);
    const tuned = createImportService({ db: s.db, dataDir: s.services.dataDir, tuning: { chunkRows: 20, inline: true } });
    const broken = `${buyersCsv(buyers(200, 25))}x@example.com,"never closed,\n`;
    await expect(tuned.importFile(s.file('broken.csv', broken), {})).rejects.toThrow(/Line 202: a quoted field is never closed/);
    expect(data(s.db)).toEqual(before);
    expect(tuned.history(1)[0]).toMatchObject({ status: 'failed' });
  });

  it('kill -9 during an import leaves committed chunks consistent, and the next start undoes the run', async () => {
    s = sandbox();
    await s.imports.importFile(s.file('seed.csv', buyersCsv(buyers(200))), {});
    const before = data(s.db);
    await s.services.close();
    const big = join(s.dir, 'big.csv');
    await writeBenchCsv(big, 60_000);
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'main/cli/main.ts'), '--data-dir', s.services.dataDir, 'import', big], {
      cwd: root,
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const probe = new Database(join(s.services.dataDir, 'ticket-crm-sync.sqlite'), { readonly: true });
    probe.pragma('busy_timeout = 5000');
    const deadline = Date.now() + 60_000;
    let rows = 0;
    while (Date.now() < deadline) {
      rows = (probe.prepare(`SELECT coalesce(max(rows), 0) FROM import_runs WHERE status = 'running'`).pluck().get() as number) ?? 0;
      if (rows >= 4000) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe(null);
    probe.close();
    expect(rows).toBeGreaterThanOrEqual(4000);

    // What the killed process committed is consistent on its own.
    const after = new Database(join(s.services.dataDir, 'ticket-crm-sync.sqlite'));
    after.pragma('foreign_keys = ON');
    expect(after.prepare(`SELECT status FROM import_runs ORDER BY id DESC LIMIT 1`).pluck().get()).toBe('running');
    expect(after.prepare('SELECT count(*) FROM people').pluck().get()).toBeGreaterThan(200);
    assertConsistent(after);
    after.close();

    // The next start finds the dead run and undoes it.
    const reopened = sandboxAt(s);
    expect(reopened.imports.history(1)[0]).toMatchObject({ status: 'rolled_back' });
    expect(data(reopened.db)).toEqual(before);
    assertConsistent(reopened.db);
  }, 120_000);
});

/** Reopens the services of a sandbox whose services were closed (as a restarted app would). */
function sandboxAt(s: Sandbox): Sandbox {
  const services = createAppServices({ dataDir: s.services.dataDir, shell: 'test', logToConsole: false });
  const imports = createImportService({ db: services.db, dataDir: services.dataDir });
  s.services = services;
  s.db = services.db;
  s.imports = imports;
  return s;
}

describe('imports of big files run on a worker thread', () => {
  let s: Sandbox;
  afterEach(async () => s?.close());

  const bigFile = (s: Sandbox, name: string, n: number, offset = 0) => s.file(name, buyersCsv(buyers(n, offset)));

  it('imports, dry-runs and cancels through the worker with the same results', async () => {
    s = sandbox();
    const { importWorkerEntry, IMPORT_WORKER_MIN_BYTES } = await import('../../main/import/run/import-in-worker');
    expect(importWorkerEntry()).not.toBeNull();
    const seed = bigFile(s, 'seed.csv', 40_000);
    expect(statSync(seed).size).toBeGreaterThan(IMPORT_WORKER_MIN_BYTES);

    const dry = await s.imports.importFile(seed, { dryRun: true });
    expect(dry).toMatchObject({ status: 'dry_run', rows: 40_000, created: 40_000, people: 40_000 });
    expect(count(s.db, 'people')).toBe(0);
    expect(s.imports.history(5)).toEqual([]);

    const progress: number[] = [];
    const r = await s.imports.importFile(seed, { onProgress: (p) => progress.push(p.rows) });
    expect(r).toMatchObject({ status: 'completed', created: 40_000, people: 40_000 });
    expect(progress.some((n) => n > 0 && n < 40_000)).toBe(true);
    assertConsistent(s.db);

    const before = data(s.db);
    const next = bigFile(s, 'next.csv', 40_000, 20_000);
    let cancelled = false;
    const run = s.imports.importFile(next, {
      onProgress: (p) => {
        if (!cancelled && p.phase === 'reading' && p.rows >= 4000) {
          cancelled = s.imports.cancel();
        }
      },
    });
    await expect(run).rejects.toBeInstanceOf(ImportCancelled);
    expect(cancelled).toBe(true);
    expect(data(s.db)).toEqual(before);
    expect(s.imports.history(1)[0]).toMatchObject({ status: 'cancelled' });
  }, 120_000);

  it('undoes a run at once when its worker dies mid-import', async () => {
    s = sandbox();
    await s.imports.importFile(s.file('seed.csv', buyersCsv(buyers(100))), {});
    const before = data(s.db);
    const crashing = createImportService({ db: s.db, dataDir: s.services.dataDir, tuning: { crashWorkerAfterRows: 6000 } });
    const err = await crashing.importFile(bigFile(s, 'big.csv', 40_000, 50), {}).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/stopped unexpectedly/);
    expect(crashing.history(1)[0]).toMatchObject({ status: 'failed' });
    expect(data(s.db)).toEqual(before);
    assertConsistent(s.db);
  }, 120_000);
});
