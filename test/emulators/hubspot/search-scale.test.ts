import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type TestHub } from './test-helpers';

// Incremental pulls (issue 11) page through every record changed since a cursor: search sorted by the
// last-modified date with a GTE filter. 25,000 records must stay quick to page through.
const COUNT = 25_000;
const BASE = Date.parse('2026-01-01T00:00:00.000Z');
/** Modification times scattered over the records (not in id order); every 5th pair shares one stamp. */
const modifiedAt = (i: number) => BASE + (((i * 7919) % COUNT) - (i % 5 === 1 ? 1 : 0)) * 60_000;

let hub: TestHub;
beforeAll(async () => {
  const contacts = Array.from({ length: COUNT }, (_, i) => ({
    id: String(i + 1),
    createdAt: new Date(BASE - 86_400_000 + i * 1000).toISOString(),
    updatedAt: new Date(modifiedAt(i)).toISOString(),
    properties: { email: `p${i}@example.com`, firstname: `P${i}` },
  }));
  hub = await startHub({ seed: { records: { contacts } }, rateLimits: { searchMax: 10_000, max: 100_000 } });
}, 60_000);
afterAll(async () => hub?.close());

const sinceCursor = (cursor: number, after?: string) => ({
  filterGroups: [{ filters: [{ propertyName: 'lastmodifieddate', operator: 'GTE', value: String(cursor) }] }],
  sorts: [{ propertyName: 'lastmodifieddate', direction: 'ASCENDING' }],
  properties: ['lastmodifieddate'],
  limit: 200,
  ...(after ? { after } : {}),
});

async function timedSearch(body: unknown) {
  const started = performance.now();
  const res = await hub.call('POST', '/crm/v3/objects/contacts/search', body);
  return { res, ms: performance.now() - started };
}

describe('search over 25,000 records', () => {
  it('pages by lastmodifieddate GTE in order, quickly, up to the 10,000 cap', async () => {
    const stamps: number[] = [];
    const seen = new Set<string>();
    const pageTimes: number[] = [];
    let after: string | undefined;
    do {
      const { res, ms } = await timedSearch(sinceCursor(BASE - 60_000, after));
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(COUNT);
      pageTimes.push(ms);
      for (const r of res.body.results) {
        expect(seen.has(r.id)).toBe(false);
        seen.add(r.id);
        stamps.push(Date.parse(r.properties.lastmodifieddate!));
      }
      after = res.body.paging?.next.after;
    } while (after && Number(after) < 10_000);
    expect(seen.size).toBe(10_000);
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    const later = pageTimes.slice(1).sort((a, b) => a - b);
    expect(later[Math.floor(later.length / 2)]).toBeLessThan(100);
    expect(pageTimes[0]).toBeLessThan(1000);
  }, 60_000);

  it('narrows by a later cursor and sees a change made between pages', async () => {
    const cursor = BASE + 20_000 * 60_000;
    const first = await hub.call('POST', '/crm/v3/objects/contacts/search', sinceCursor(cursor));
    const expected = Array.from({ length: COUNT }, (_, i) => modifiedAt(i)).filter((t) => t >= cursor).length;
    expect(first.body.total).toBe(expected);
    expect(Date.parse(first.body.results[0].properties.lastmodifieddate!)).toBeGreaterThanOrEqual(cursor);

    // An edit now moves a record past the cursor: the very next page request must count it.
    const old = await hub.call('POST', '/crm/v3/objects/contacts/search', { ...sinceCursor(BASE - 60_000), limit: 1 });
    await hub.call('PATCH', `/crm/v3/objects/contacts/${old.body.results[0].id}`, { properties: { firstname: 'Edited' } });
    const again = await hub.call('POST', '/crm/v3/objects/contacts/search', sinceCursor(cursor, '200'));
    expect(again.body.total).toBe(expected + 1);
  });

  it('sorts deals by hs_lastmodifieddate with a GTE filter the same way', async () => {
    const pause = () => new Promise((r) => setTimeout(r, 5));
    const ids: string[] = [];
    for (const name of ['A', 'B', 'C']) {
      ids.push((await hub.call('POST', '/crm/v3/objects/deals', { properties: { dealname: name } })).body.id);
      await pause();
    }
    await hub.call('PATCH', `/crm/v3/objects/deals/${ids[1]}`, { properties: { amount: '10' } });
    const cursor = Date.parse((await hub.call('GET', `/crm/v3/objects/deals/${ids[0]}`)).body.createdAt);
    const res = await hub.call('POST', '/crm/v3/objects/deals/search', {
      filterGroups: [{ filters: [{ propertyName: 'hs_lastmodifieddate', operator: 'GTE', value: String(cursor + 1) }] }],
      sorts: [{ propertyName: 'hs_lastmodifieddate', direction: 'DESCENDING' }],
    });
    expect(res.body.results.map((r) => r.id)).toEqual([ids[1], ids[2]]);
  });
});
