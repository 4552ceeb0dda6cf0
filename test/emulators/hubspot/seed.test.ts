import { readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createHubSpotBackend } from './backend';
import { startHub, type HubBody, type TestHub } from './test-helpers';

const examplePath = fileURLToPath(new URL('./seed.example.json', import.meta.url));
const example = JSON.parse(readFileSync(examplePath, 'utf8'));

let hub: TestHub;
afterEach(async () => hub?.close());

describe('starting empty', () => {
  it('holds no records without a seed, but the default metadata is there', async () => {
    hub = await startHub();
    for (const type of ['contacts', 'companies', 'deals']) {
      expect((await hub.call('GET', `/__admin/records/${type}`)).body).toEqual([]);
    }
    const props = await hub.call('GET', '/crm/v3/properties/contacts');
    expect(props.body.results.some((p) => p.name === 'ticket_buyer_id')).toBe(true);
  });
});

describe('seed file', () => {
  it('loads the shipped example: records, custom property, associations, archived record', async () => {
    hub = await startHub({ seed: example });
    const ada = await hub.call('GET', '/crm/v3/objects/contacts/101?properties=ticket_tier,ticket_buyer_id&associations=companies');
    expect(ada.body.properties).toMatchObject({ ticket_tier: 'vip', ticket_buyer_id: 'EB-1001' });
    expect(ada.body.createdAt).toBe('2026-10-01T09:00:00.000Z');
    expect(ada.body.associations.companies.results.map((r: { type: string }) => r.type).sort()).toEqual(['contact_to_company', 'contact_to_company_unlabeled']);
    expect((await hub.call('GET', '/crm/v3/objects/contacts/103')).status).toBe(404);
    expect((await hub.call('GET', '/crm/v3/objects/contacts/103?archived=true')).body.archived).toBe(true);
    const created = await hub.call('POST', '/crm/v3/objects/contacts', { properties: { email: 'new@example.com' } });
    expect(Number(created.body.id)).toBeGreaterThan(301);
  });

  it('reports what is wrong with a bad seed', () => {
    expect(() => createHubSpotBackend({ seed: { records: { contacts: [{ properties: { nosuch: 'x' } }] } } })).toThrow(/records\.contacts\[0\].*nosuch/);
    expect(() => createHubSpotBackend({ seed: { records: { widgets: [] } } })).toThrow(/invalid HubSpot seed/);
    expect(() => createHubSpotBackend({ seed: { associations: [{ from: { type: 'contacts', id: '1' }, to: { type: 'companies', id: '2' } }] } })).toThrow(/missing record/);
    expect(() =>
      createHubSpotBackend({ seed: { records: { contacts: [{ properties: { email: 'a@x.io' } }, { properties: { email: 'A@x.io' } }] } } }),
    ).toThrow(/Contact already exists/);
  });
});

describe('admin endpoints', () => {
  it('returns every stored record with all fields and empties the store on reset', async () => {
    hub = await startHub({ seed: example });
    const res = await hub.call('GET', '/__admin/records/contacts');
    expect(res.body).toHaveLength(3);
    const ada = (res.body as unknown as HubBody[]).find((r) => r.id === '101')!;
    expect(ada.properties).toMatchObject({ email: 'ada@example.com', hs_object_id: '101', hs_email_domain: 'example.com', hs_full_name_or_email: 'Ada Lovelace' });
    expect((ada.associations as unknown as Record<string, unknown[]>).companies[0]).toEqual({ toId: '201', typeIds: [1, 279] });
    expect((await hub.call('GET', '/__admin/records/0-2')).body).toHaveLength(1);
    expect((await hub.call('GET', '/__admin/records/widgets')).status).toBe(404);
    expect((await hub.call('POST', '/__admin/reset')).status).toBe(200);
    expect((await hub.call('GET', '/__admin/records/contacts')).body).toEqual([]);
    const stats = await hub.call('GET', '/__admin/stats');
    expect(stats.body.requests).toBe(0);
  });
});

describe('command line', () => {
  it('prints the listening line first and serves the seeded data with --token', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/emulators/cli.ts', 'hubspot', '--seed', examplePath, '--token', 'pat-cli-test'], {
      cwd: fileURLToPath(new URL('../../../', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const firstLine = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('\n')) resolve(out.split('\n')[0]);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      expect(firstLine).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
      const url = firstLine.slice('listening on '.length);
      const res = await fetch(`${url}/crm/v3/objects/contacts/ada@example.com?idProperty=email`, { headers: { authorization: 'Bearer pat-cli-test' } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { id: string }).id).toBe('101');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
