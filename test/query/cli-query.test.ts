import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Command } from 'commander';
import type { Emulator } from '../emulators/index';
import { CliContext } from '../../main/cli/context';
import { registerQuery } from '../../main/cli/commands/query';
import { commands } from '../../main/cli/commands/index';
import type { AppServices } from '../../main/services/app-services';
import { connect, emulator, makeApp, salesforceContacts, TOKEN, type QueryTestApp } from './helpers';

/** A CLI context over services the test made (in-memory keychain), as `open()` would give. */
class TestContext extends CliContext {
  constructor(private readonly injected: AppServices) {
    super({});
  }
  override open(): AppServices {
    return this.injected;
  }
}

async function cli(services: AppServices, args: string[]): Promise<{ stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const so = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  const se = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  try {
    const program = new Command().exitOverride();
    const ctx = new TestContext(services);
    registerQuery(program, () => ctx);
    await program.parseAsync(['query', ...args], { from: 'user' });
  } finally {
    so.mockRestore();
    se.mockRestore();
  }
  return { stdout: out.join(''), stderr: err.join('') };
}

const parseCsv = (text: string): string[][] => text.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((l) => l.split(','));

describe('CLI: query', () => {
  let sf: Emulator;
  let hs: Emulator;
  let app: QueryTestApp;

  beforeAll(async () => {
    sf = await emulator('salesforce', { seed: salesforceContacts(450) });
    hs = await emulator('hubspot', {
      seed: { records: { contacts: Array.from({ length: 250 }, (_, i) => ({ id: String(500 + i), properties: { email: `c${i}@example.com`, firstname: `C${i}` } })) } },
    });
    app = makeApp();
    await connect(app.services, sf);
    await connect(app.services, hs);
  });
  afterAll(async () => {
    await app.cleanup();
    await sf.close();
    await hs.close();
  });

  it('is registered with the other commands', () => {
    expect(commands).toContain(registerQuery);
  });

  it('--all follows every page (3 batches) and writes every row once, headers as the API names selected', async () => {
    const file = join(app.dataDir, 'contacts.csv');
    const { stderr } = await cli(app.services, ['salesforce', 'SELECT Id, firstname, LastName, Account.Name FROM Contact ORDER BY LastName', '--all', '--page-size', '200', '--out', file]);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['Id', 'FirstName', 'LastName', 'Account.Name']);
    expect(rows).toHaveLength(451);
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(450);
    expect(rows.slice(1).map((r) => r[2])).toEqual(Array.from({ length: 450 }, (_, i) => `Person-${String(i).padStart(4, '0')}`));
    expect(stderr).toMatch(/Wrote 450 rows/);
  });

  it('without --all prints the first page and says how to get the rest', async () => {
    const { stdout, stderr } = await cli(app.services, ['salesforce', 'SELECT Id FROM Contact', '--page-size', '200']);
    expect(stdout.startsWith('\uFEFF')).toBe(false);
    expect(parseCsv(stdout)).toHaveLength(201);
    expect(stderr).toMatch(/first 200 of 450 rows; add --all/);
  });

  it('--include-deleted runs queryAll', async () => {
    const victim = (await app.services.query.run({ connectionId: 'salesforce', input: { language: 'soql', soql: "SELECT Id FROM Contact WHERE LastName = 'Person-0000'" }, remember: false })).rows[0][0] as string;
    await fetch(`${sf.url}/services/data/v60.0/sobjects/Contact/${victim}`, { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } });
    const q = "SELECT Id, IsDeleted FROM Contact WHERE LastName = 'Person-0000'";
    expect(parseCsv((await cli(app.services, ['salesforce', q])).stdout)).toEqual([['Id', 'IsDeleted']]);
    const before = ((await (await fetch(`${sf.url}/__admin/stats`)).json()) as { byPath: Record<string, number> }).byPath;
    const { stdout } = await cli(app.services, ['salesforce', q, '--include-deleted', '--format', 'json']);
    expect(JSON.parse(stdout)).toEqual([{ Id: victim, IsDeleted: true }]);
    const after = ((await (await fetch(`${sf.url}/__admin/stats`)).json()) as { byPath: Record<string, number> }).byPath;
    const queryAll = (m: Record<string, number>) => Object.entries(m).filter(([p]) => p.endsWith('/queryAll')).reduce((n, [, c]) => n + c, 0);
    expect(queryAll(after) - queryAll(before)).toBe(1);
  });

  it('runs a HubSpot JSON filter and follows after with --all', async () => {
    const filter = JSON.stringify({ object: 'contacts', properties: ['email', 'firstname'], sorts: [{ propertyName: 'email', direction: 'ASCENDING' }], limit: 100 });
    const { stdout } = await cli(app.services, ['hubspot', filter, '--all', '--format', 'json']);
    const rows = JSON.parse(stdout) as Array<Record<string, string>>;
    expect(rows).toHaveLength(250);
    expect(new Set(rows.map((r) => r.id)).size).toBe(250);
    expect(Object.keys(rows[0]).slice(0, 3)).toEqual(['id', 'email', 'firstname']);
  });

  it('fails with the located error of a query that does not parse', async () => {
    await expect(cli(app.services, ['salesforce', 'SELECT Id FROM Contact WHERE'])).rejects.toThrow(/^query:1:24: The query ends too early/);
    await expect(cli(app.services, ['salesforce', 'SELECT Id, Nope__c FROM Contact'])).rejects.toThrow(/^query:1:12: INVALID_FIELD: No such column 'Nope__c'/);
    await expect(cli(app.services, ['hubspot', '{not json'])).rejects.toThrow(/filter is not valid JSON/);
  });
});
