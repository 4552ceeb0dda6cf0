import { describe, it, expect, afterEach, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../main/cli/index';
import { sandbox, buyersCsv, csv, count, type Sandbox } from './helpers';

const root = join(__dirname, '..', '..');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    const code = await runCli(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

interface ImportJson {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: Array<{ line: number; reason: string }>;
  people: number;
}

describe('ticket-crm-sync import / people', () => {
  let s: Sandbox;
  afterEach(async () => s?.close());

  const run = (...args: string[]) => cli(['--data-dir', s.services.dataDir, ...args]);

  it('--json prints the counts, every row counted once, and a re-import changes nothing', async () => {
    s = sandbox();
    await s.services.close();
    const path = s.file('buyers.csv', buyersCsv([
      { email: 'ada@example.com', first: 'Ada', orderId: 'O1', total: '10' },
      { email: 'ADA@example.com', first: 'Ada', orderId: 'O2', total: '5' },
      { email: 'oops', orderId: 'O3' },
      { email: 'grace@example.com', first: 'Grace', orderId: 'O4', total: '7' },
    ]));
    const first = await run('import', path, '--json');
    expect(first.code).toBe(0);
    const j = JSON.parse(first.stdout) as ImportJson;
    expect(j).toMatchObject({ rows: 4, created: 2, updated: 1, unchanged: 0, people: 2 });
    expect(j.rejected).toEqual([{ line: 4, reason: 'Column "Email": "oops" is not a valid email address' }]);
    expect(j.created + j.updated + j.unchanged + j.rejected.length).toBe(j.rows);
    const again = JSON.parse((await run('import', path, '--json')).stdout) as ImportJson;
    expect(again).toMatchObject({ rows: 4, created: 0, updated: 0, unchanged: 3, people: 2 });
    expect(again.rejected).toHaveLength(1);
  });

  it('exits 2 for usage mistakes and 1 for a file that is not CSV, with one line and no stack', async () => {
    s = sandbox();
    await s.services.close();
    const ok = s.file('ok.csv', buyersCsv([{ email: 'a@example.com' }]));
    for (const args of [
      ['import', join(s.dir, 'missing.csv')],
      ['import', ok, '--preset', 'nope'],
      ['import', ok, '--preset', 'generic', '--mapping', ok],
      ['import', ok, '--event-date', '2030-01-01'],
      ['import', ok, '--event', 'X', '--event-date', '01/02/2030'],
      ['import', ok, '--encoding', 'ebcdic'],
      ['import', ok, '--delimiter', 'x'],
      ['import', ok, '--mapping', join(s.dir, 'missing.json')],
    ]) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^error: .+\n$/);
    }
    const garbage = s.file('garbage.csv', Buffer.from([0, 1, 2, 3, 255, 0, 0, 7, 8, 0, 10, 0]));
    const bad = await run('import', garbage, '--json');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('error: This file looks binary (an image, archive or spreadsheet), not a CSV export.\n');
    expect(JSON.parse(bad.stdout)).toEqual({ error: 'This file looks binary (an image, archive or spreadsheet), not a CSV export.' });
    s.services = (await import('../../main/services/app-services')).createAppServices({ dataDir: s.services.dataDir, shell: 'test', logToConsole: false });
    expect(count(s.services.db, 'people')).toBe(0);
    expect(count(s.services.db, 'import_runs')).toBe(0);
  });

  it('the real binary exits non-zero with a one-line reason for an unreadable file', () => {
    s = sandbox();
    const garbage = s.file('garbage.csv', Buffer.from([0, 159, 146, 150, 0, 0, 1]));
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/main.ts', '--data-dir', s.services.dataDir, 'import', garbage], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n').filter((l) => !l.startsWith('npm warn'))).toEqual(['error: This file looks binary (an image, archive or spreadsheet), not a CSV export.']);
  }, 30_000);

  it('--dry-run counts without writing', async () => {
    s = sandbox();
    await s.services.close();
    const r = await run('import', s.file('a.csv', buyersCsv([{ email: 'a@example.com', orderId: 'O1' }, { email: 'b@example.com' }])), '--dry-run', '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 2, created: 2, people: 2, dryRun: true, status: 'dry_run' });
    const people = await run('people', '--json');
    expect(JSON.parse(people.stdout)).toEqual([]);
  });

  it('--mapping, --event/--event-date, --encoding, --delimiter and --rejects', async () => {
    s = sandbox();
    await s.services.close();
    const cp1252 = Buffer.concat([Buffer.from('Adresse;Nom;Total\nzoe@example.com;Zo'), Buffer.from([0xeb]), Buffer.from(';12,50\nbad;X;1\n')]);
    const file = s.file('de.csv', cp1252);
    const mapping = join(s.dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ columns: { Adresse: 'person.email', Nom: 'person.firstName', Total: 'order.total' }, decimal: ',' }));
    const rejects = join(s.dir, 'rejects.csv');
    const r = await run('import', file, '--mapping', mapping, '--event', 'Gala', '--event-date', '2030-02-01', '--encoding', 'cp1252', '--delimiter', ';', '--rejects', rejects, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 2, created: 1, rejectsFile: rejects });
    expect(readFileSync(rejects, 'utf8')).toContain('bad,X,1,');
    const people = JSON.parse((await run('people', '--json')).stdout) as Array<Record<string, unknown>>;
    expect(people).toEqual([
      expect.objectContaining({ email: 'zoe@example.com', firstName: 'Zoë', totalSpent: 12.5, orderCount: 1, lastEvent: 'Gala', crmIds: {} }),
    ]);
  });

  it('people --search filters and the text table lists names, totals and CRM ids', async () => {
    s = sandbox();
    s.db.prepare(`INSERT INTO connections (id, provider, label, auth_kind, created_at, updated_at) VALUES ('sf-1', 'salesforce', 'SF', 'oauth', 'now', 'now')`).run();
    await s.imports.importFile(s.file('a.csv', csv([['Email', 'Name', 'Company'], ['ada@example.com', 'Ada Lovelace', 'Engines'], ['grace@example.com', 'Grace Hopper', 'Navy']])), {});
    const ada = s.db.prepare(`SELECT id FROM people WHERE email = 'ada@example.com'`).pluck().get();
    s.db.prepare(`INSERT INTO external_links (connection_id, object, local_kind, local_id, external_id) VALUES ('sf-1', 'Contact', 'person', ?, '003ABC')`).run(ada);
    await s.services.close();
    const found = JSON.parse((await run('people', '--search', 'lovelace', '--json')).stdout) as Array<Record<string, unknown>>;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', company: 'Engines', crmIds: { 'sf-1': '003ABC' } });
    const text = await run('people');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/ada@example\.com\s+Ada Lovelace\s+Engines\s+0\.00\s+0\s+salesforce:003ABC/);
    expect(text.stdout).toContain('2 of 2 people');
  });
});
