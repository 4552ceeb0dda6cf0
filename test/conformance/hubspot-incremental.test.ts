// Conformance: what an incremental pull uses (issue 11), through @hubspot/api-client unchanged:
// search by last-modified date, archived listing, merged ids and the private-app daily limit headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@hubspot/api-client';
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/contacts';
import { startEmulator, type Emulator } from '../emulators/index';

const TOKEN = 'pat-conformance-incremental';
const BASE = Date.parse('2026-03-01T00:00:00.000Z');
const COUNT = 450;

let emu: Emulator;
let client: Client;

beforeAll(async () => {
  const contacts = Array.from({ length: COUNT }, (_, i) => ({
    id: String(1000 + i),
    createdAt: new Date(BASE - 86_400_000).toISOString(),
    // Pairs share a stamp, so some equal stamps straddle page boundaries.
    updatedAt: new Date(BASE + Math.floor(i / 2) * 1000).toISOString(),
    properties: { email: `c${i}@example.com` },
  }));
  emu = await startEmulator('hubspot', { token: TOKEN, seed: { records: { contacts } } });
  client = new Client({ accessToken: TOKEN, basePath: emu.url });
});
afterAll(async () => emu?.close());

describe('incremental pull through the client', () => {
  it('pages every contact changed since a cursor, sorted by lastmodifieddate', async () => {
    const cursor = BASE + 100 * 1000;
    const seen: string[] = [];
    let after: string | undefined;
    let last = 0;
    do {
      const page = await client.crm.contacts.searchApi.doSearch({
        filterGroups: [{ filters: [{ propertyName: 'lastmodifieddate', operator: FilterOperatorEnum.Gte, value: String(cursor) }] }],
        sorts: ['lastmodifieddate'],
        properties: ['lastmodifieddate'],
        limit: 100,
        after,
      });
      expect(page.total).toBe(COUNT - 200);
      for (const r of page.results) {
        const stamp = Date.parse(r.properties.lastmodifieddate!);
        expect(stamp).toBeGreaterThanOrEqual(Math.max(last, cursor));
        last = stamp;
        seen.push(r.id);
      }
      after = page.paging?.next?.after;
    } while (after);
    expect(new Set(seen).size).toBe(COUNT - 200);
  });

  it('lists archived contacts apart and resolves a merged id to the new record', async () => {
    await client.crm.contacts.basicApi.archive('1000');
    const archived = await client.crm.contacts.basicApi.getPage(100, undefined, ['email'], undefined, undefined, true);
    expect(archived.results.map((r) => r.id)).toEqual(['1000']);
    expect(archived.results[0].archivedAt).toBeInstanceOf(Date);
    const merged = await client.crm.contacts.basicApi.merge({ primaryObjectId: '1001', objectIdToMerge: '1002' });
    const viaOld = await client.crm.contacts.basicApi.getById('1002', ['hs_merged_object_ids']);
    expect(viaOld.id).toBe(merged.id);
    expect(viaOld.properties.hs_merged_object_ids?.split(';').sort()).toEqual(['1001', '1002']);
  });

  it('reports the daily allowance to a private app', async () => {
    const res = await client.crm.contacts.basicApi.getPageWithHttpInfo(1);
    expect(Number(res.headers['x-hubspot-ratelimit-daily'])).toBe(500_000);
    expect(Number(res.headers['x-hubspot-ratelimit-daily-remaining'])).toBeLessThan(500_000);
  });
});
