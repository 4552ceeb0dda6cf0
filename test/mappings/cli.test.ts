import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Command } from 'commander';
import { CliContext } from '../../main/cli/context';
import { registerMappings } from '../../main/cli/commands/mappings';
import { commands } from '../../main/cli/commands/index';
import type { AppServices } from '../../main/services/app-services';
import { connectedApp, type MappingTestApp } from './helpers';

class TestContext extends CliContext {
  constructor(
    private readonly injected: AppServices,
    json: boolean,
  ) {
    super({ json });
  }
  override open(): AppServices {
    return this.injected;
  }
}

async function cli(services: AppServices, args: string[], json = false): Promise<{ stdout: string; exitCode: number | undefined }> {
  const out: string[] = [];
  const so = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  const before = process.exitCode;
  let exitCode: number | undefined;
  try {
    const program = new Command().exitOverride();
    const ctx = new TestContext(services, json);
    registerMappings(program, () => ctx);
    await program.parseAsync(['mappings', ...args], { from: 'user' });
  } finally {
    so.mockRestore();
    exitCode = process.exitCode === undefined ? undefined : Number(process.exitCode);
    process.exitCode = before;
  }
  return { stdout: out.join(''), exitCode };
}

describe('CLI: mappings', () => {
  let app: MappingTestApp;
  let dir: string;

  beforeAll(async () => {
    app = await connectedApp('salesforce');
    dir = mkdtempSync(join(tmpdir(), 'tcs-mappings-cli-'));
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is registered', () => {
    expect(commands).toContain(registerMappings);
  });

  it('prints every mapped object, and one object as JSON', async () => {
    const text = await cli(app.services, ['salesforce']);
    expect(text.stdout).toMatch(/^Account \(default mapping\): company records/m);
    expect(text.stdout).toMatch(/FirstName\s+⇄\s+firstName/);
    expect(text.stdout).toMatch(/Lead \(default mapping, off\)/);

    const one = JSON.parse((await cli(app.services, ['salesforce', '--object', 'Contact'], true)).stdout) as { object: string; source: string; mapping: { fields: Array<{ crm: string }> }; issues: unknown[] };
    expect(one).toMatchObject({ object: 'Contact', source: 'default', issues: [] });
    expect(one.mapping.fields.map((f) => f.crm)).toContain('LastName');

    const all = JSON.parse((await cli(app.services, ['salesforce'], true)).stdout) as { objects: Array<{ object: string }> };
    expect(all.objects.map((o) => o.object)).toEqual(['Account', 'Contact', 'Opportunity', 'Lead']);
  });

  it('exports to a file and imports it back; a broken file is refused with the field named', async () => {
    const file = join(dir, 'mappings.json');
    await cli(app.services, ['export', 'salesforce', file]);
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { provider: string; mappings: Array<{ object: string; fields: Array<Record<string, unknown>> }> };
    expect(doc.provider).toBe('salesforce');
    const contact = doc.mappings.find((m) => m.object === 'Contact')!;
    contact.fields.find((f) => f.crm === 'Phone')!.direction = 'push';
    writeFileSync(file, JSON.stringify(doc));

    const ok = await cli(app.services, ['import', 'salesforce', file]);
    expect(ok.stdout).toMatch(/Imported the mappings of Account, Contact, Lead, Opportunity/);
    const phone = (await app.services.mappings.get('salesforce', 'Contact')).mapping!.fields.find((f) => f.crm === 'Phone')!;
    expect(phone.direction).toBe('push');

    contact.fields.push({ crm: 'Days_Since_Last_Purchase__c', local: 'orderCount', direction: 'push' });
    writeFileSync(file, JSON.stringify(doc));
    await expect(cli(app.services, ['import', 'salesforce', file])).rejects.toThrow(/Days_Since_Last_Purchase__c/);
    const refused = await cli(app.services, ['import', 'salesforce', file], true);
    expect(refused.exitCode).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ imported: false, problems: [{ object: 'Contact', issues: [expect.objectContaining({ code: 'READ_ONLY_FIELD' })] }] });
  });
});
