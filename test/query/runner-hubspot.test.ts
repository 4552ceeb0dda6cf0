import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../emulators/index';
import { HUBSPOT_SEARCH_LIMITS } from '../../shared/ipc/channels/query';
import { validateHubSpotBody } from '../../main/query/hubspot/validate';
import { connect, emulator, makeApp, type QueryTestApp } from './helpers';

const MATCHING = 10_050;

function seed() {
  const contacts = Array.from({ length: MATCHING }, (_, i) => ({
    id: String(1000 + i),
    createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    properties: {
      email: `buyer${i}@example.com`,
      firstname: `Buyer${i}`,
      lastname: i % 2 === 0 ? 'Even' : 'Odd',
      ...(i === 1 ? {} : { city: i % 3 === 0 ? 'Berlin' : 'Lisbon' }),
    },
  }));
  return { rateLimits: { searchMax: 10_000, max: 100_000 }, records: { contacts } };
}

describe('query runner against the HubSpot emulator', () => {
  let emu: Emulator;
  let app: QueryTestApp;
  let conn: string;

  beforeAll(async () => {
    emu = await emulator('hubspot', { seed: seed() });
    app = makeApp();
    conn = await connect(app.services, emu);
  }, 60_000);
  afterAll(async () => {
    await app.cleanup();
    await emu.close();
  });

  const search = (body: Record<string, unknown>, object = 'contacts') => ({ language: 'hubspot-search' as const, object, body });

  it('pages with after up to the 10,000-result cap, then stops and says so', async () => {
    const first = await app.services.query.run({ connectionId: conn, input: search({ properties: ['email'] }), pageSize: 200 });
    expect(first.rows).toHaveLength(200);
    expect(first.status.total).toBe(MATCHING);
    const status = await app.services.query.readAll(first.status.runId);
    expect(status).toMatchObject({ done: true, capped: true, loaded: HUBSPOT_SEARCH_LIMITS.maxResults, total: MATCHING, state: 'done', pages: 50 });
    expect(status.notice).toMatch(/^HubSpot's search stops at 10,000 results: showing 10,000 of 10,050/);
    const stats = (await (await fetch(`${emu.url}/__admin/stats`)).json()) as { byStatus: Record<string, number> };
    // Never asked for a page past the cap (HubSpot answers those with a 400).
    expect(stats.byStatus['400'] ?? 0).toBe(0);
    const ids = app.services.query.rows(first.status.runId, 0, 20_000).rows.map((r) => r[0]);
    expect(new Set(ids).size).toBe(HUBSPOT_SEARCH_LIMITS.maxResults);
    expect(ids.slice(0, 3)).toEqual(['1000', '1001', '1002']);
  }, 60_000);

  it('ORs filter groups and ANDs filters, returns the requested properties as columns, unset ones as null', async () => {
    const body = {
      filterGroups: [
        { filters: [{ propertyName: 'email', operator: 'EQ', value: 'buyer0@example.com' }] },
        { filters: [{ propertyName: 'email', operator: 'IN', values: ['buyer1@example.com', 'buyer3@example.com', 'buyer4@example.com'] }, { propertyName: 'lastname', operator: 'EQ', value: 'Odd' }] },
      ],
      sorts: [{ propertyName: 'email', direction: 'ASCENDING' }],
      properties: ['email', 'firstname', 'city'],
    };
    const page = await app.services.query.run({ connectionId: conn, input: search(body) });
    expect(page.status).toMatchObject({ total: 3, done: true, capped: false });
    expect(page.status.columns.slice(0, 4)).toEqual(['id', 'email', 'firstname', 'city']);
    expect(page.rows.map((r) => r.slice(0, 4))).toEqual([
      ['1000', 'buyer0@example.com', 'Buyer0', 'Berlin'],
      ['1001', 'buyer1@example.com', 'Buyer1', null],
      ['1003', 'buyer3@example.com', 'Buyer3', 'Berlin'],
    ]);
  });

  it('shows HubSpot’s own refusal as a failed run with its message', async () => {
    const page = await app.services.query.run({ connectionId: conn, input: search({ filterGroups: [{ filters: [{ propertyName: 'email', operator: 'SOUNDS_LIKE', value: 'x' }] }] }), remember: false });
    expect(page.status.state).toBe('failed');
    expect(page.status.error).toMatch(/SOUNDS_LIKE|operator/i);
  });

  it('validates a body against HubSpot’s limits and the object’s properties, placed in the JSON', async () => {
    const filters = (n: number) => Array.from({ length: n }, () => ({ propertyName: 'email', operator: 'HAS_PROPERTY' }));
    const tooMany = { filterGroups: [1, 2, 3, 4, 5, 6].map(() => ({ filters: filters(1) })) };
    expect((await app.services.query.validate(conn, search(tooMany))).map((d) => d.message)).toContain('HubSpot allows at most 5 filter groups; this search has 6.');
    const wide = { filterGroups: [{ filters: filters(7) }] };
    expect((await app.services.query.validate(conn, search(wide))).map((d) => d.message)).toContain('A filter group holds at most 6 filters; group 1 has 7.');
    const many = { filterGroups: [1, 2, 3, 4].map(() => ({ filters: filters(5) })) };
    expect((await app.services.query.validate(conn, search(many))).map((d) => d.message)).toContain('HubSpot allows at most 18 filters in all; this search has 20.');

    const body = {
      filterGroups: [{ filters: [{ propertyName: 'nope', operator: 'EQ', value: 'x' }, { propertyName: 'createdate', operator: 'BETWEEN', value: '1' }] }],
      sorts: [
        { propertyName: 'email', direction: 'ASCENDING' },
        { propertyName: 'city', direction: 'DESCENDING' },
      ],
      limit: 500,
    };
    const ds = await app.services.query.validate(conn, search(body));
    const text = JSON.stringify(body, null, 2);
    const byMessage = Object.fromEntries(ds.map((d) => [d.message, text.slice(d.from, d.to)]));
    expect(byMessage['Contact has no property “nope”.'] ?? byMessage['contacts has no property “nope”.']).toBe('"nope"');
    expect(Object.keys(byMessage)).toEqual(
      expect.arrayContaining(['BETWEEN needs “value” (low end) and “highValue” (high end).', 'HubSpot sorts by one property per search; this search has 2 sorts.', '“limit” is the page size: a whole number from 1 to 200.']),
    );
    expect(byMessage['“limit” is the page size: a whole number from 1 to 200.']).toBe('500');
    expect(ds.every((d) => d.line >= 1 && d.column >= 1)).toBe(true);
  });

  it('accepts every operator HubSpot documents with the values it needs', () => {
    const ops = [
      { operator: 'EQ', value: 'a' },
      { operator: 'NEQ', value: 'a' },
      { operator: 'LT', value: '1' },
      { operator: 'LTE', value: '1' },
      { operator: 'GT', value: '1' },
      { operator: 'GTE', value: '1' },
      { operator: 'BETWEEN', value: '1', highValue: '2' },
      { operator: 'IN', values: ['a'] },
      { operator: 'NOT_IN', values: ['a'] },
      { operator: 'HAS_PROPERTY' },
      { operator: 'NOT_HAS_PROPERTY' },
      { operator: 'CONTAINS_TOKEN', value: 'a' },
      { operator: 'NOT_CONTAINS_TOKEN', value: 'a' },
    ];
    const groups = [ops.slice(0, 6), ops.slice(6, 12), ops.slice(12)].map((fs) => ({ filters: fs.map((f) => ({ propertyName: 'email', ...f })) }));
    expect(validateHubSpotBody({ filterGroups: groups })).toEqual([]);
  });
});
