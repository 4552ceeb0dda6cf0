import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type TestHub } from './test-helpers';

let hub: TestHub;
afterEach(async () => hub?.close());

const PEOPLE = [
  { id: '11', createdAt: '2026-01-01T00:00:00.000Z', properties: { email: 'ann@alpha.io', firstname: 'Ann', lastname: 'Lee', company: 'Alpha Events', lifecyclestage: 'lead', phone: '+1 555 0001' } },
  { id: '12', createdAt: '2026-01-03T00:00:00.000Z', properties: { email: 'bob@beta.io', firstname: 'Bob', lastname: 'Stone', company: 'Beta', lifecyclestage: 'customer' } },
  { id: '13', createdAt: '2026-01-02T00:00:00.000Z', properties: { email: 'cy@alpha.io', firstname: 'Cy', lastname: 'Young', lifecyclestage: 'customer' } },
  { id: '14', createdAt: '2026-01-04T00:00:00.000Z', properties: { email: 'dee@gamma.io', firstname: 'Dee', company: 'Gamma Live', lifecyclestage: 'other' } },
];
const DEALS = [
  { id: '21', properties: { dealname: 'Small', amount: '100', closedate: '2026-03-01T00:00:00Z' } },
  { id: '22', properties: { dealname: 'Mid', amount: '2500.5', closedate: '2026-04-01T00:00:00Z' } },
  { id: '23', properties: { dealname: 'Big', amount: '90000', closedate: '2026-05-01T00:00:00Z' } },
];

const startSeeded = (extra: Record<string, unknown> = {}) => startHub({ seed: { records: { contacts: PEOPLE, deals: DEALS }, ...extra } });

const search = (type: string, body: unknown) => hub.call('POST', `/crm/v3/objects/${type}/search`, body);
const ids = (res: { body: { results: Array<{ id: string }> } }) => res.body.results.map((r) => r.id);
const one = (propertyName: string, operator: string, rest: Record<string, unknown> = {}) => ({
  filterGroups: [{ filters: [{ propertyName, operator, ...rest }] }],
});

describe('search operators', () => {
  it.each([
    ['EQ on text, ignoring case', 'contacts', one('firstname', 'EQ', { value: 'ann' }), ['11']],
    ['NEQ keeps records without the value', 'contacts', one('company', 'NEQ', { value: 'Beta' }), ['11', '13', '14']],
    ['LT on numbers', 'deals', one('amount', 'LT', { value: '2500.5' }), ['21']],
    ['LTE on numbers', 'deals', one('amount', 'LTE', { value: '2500.5' }), ['21', '22']],
    ['GT on numbers (not text order)', 'deals', one('amount', 'GT', { value: '900' }), ['22', '23']],
    ['GTE on datetimes given as epoch ms', 'deals', one('closedate', 'GTE', { value: String(Date.parse('2026-04-01T00:00:00Z')) }), ['22', '23']],
    ['BETWEEN is inclusive', 'deals', one('amount', 'BETWEEN', { value: '100', highValue: '2500.5' }), ['21', '22']],
    ['IN', 'contacts', one('lifecyclestage', 'IN', { values: ['lead', 'other'] }), ['11', '14']],
    ['NOT_IN', 'contacts', one('lifecyclestage', 'NOT_IN', { values: ['lead', 'other'] }), ['13', '12']],
    ['HAS_PROPERTY', 'contacts', one('company', 'HAS_PROPERTY'), ['11', '12', '14']],
    ['NOT_HAS_PROPERTY', 'contacts', one('company', 'NOT_HAS_PROPERTY'), ['13']],
    ['CONTAINS_TOKEN with a wildcard', 'contacts', one('email', 'CONTAINS_TOKEN', { value: '*@alpha.io' }), ['11', '13']],
    ['CONTAINS_TOKEN on a word', 'contacts', one('company', 'CONTAINS_TOKEN', { value: 'live' }), ['14']],
    ['NOT_CONTAINS_TOKEN', 'contacts', one('company', 'NOT_CONTAINS_TOKEN', { value: 'events' }), ['13', '12', '14']],
  ])('%s', async (_name, type, body, expected) => {
    hub = await startSeeded();
    const res = await search(type, body);
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual(expected);
    expect(res.body.total).toBe(expected.length);
  });

  it('ORs filter groups and ANDs filters within a group', async () => {
    hub = await startSeeded();
    const res = await search('contacts', {
      filterGroups: [
        { filters: [{ propertyName: 'lifecyclestage', operator: 'EQ', value: 'customer' }, { propertyName: 'company', operator: 'HAS_PROPERTY' }] },
        { filters: [{ propertyName: 'firstname', operator: 'EQ', value: 'Dee' }] },
      ],
    });
    expect(ids(res)).toEqual(['12', '14']);
  });

  it('matches free-text query against the searchable properties', async () => {
    hub = await startSeeded();
    expect(ids(await search('contacts', { query: 'alpha' }))).toEqual(['11', '13']);
    expect(ids(await search('contacts', { query: 'young' }))).toEqual(['13']);
  });

  it('refuses unknown operators, unknown properties and missing values', async () => {
    hub = await startSeeded();
    for (const body of [one('email', 'LIKE', { value: 'x' }), one('nosuch', 'EQ', { value: 'x' }), one('email', 'EQ'), one('email', 'IN', { value: 'x' })]) {
      const res = await search('contacts', body);
      expect(res.status).toBe(400);
      expect(res.body.category).toBe('VALIDATION_ERROR');
    }
  });
});

describe('search shape, order and properties', () => {
  it('orders by creation date, oldest first, by default and returns default properties', async () => {
    hub = await startSeeded();
    const res = await search('contacts', {});
    expect(ids(res)).toEqual(['11', '13', '12', '14']);
    expect(Object.keys(res.body.results[0].properties).sort()).toEqual(['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname']);
    expect(res.body.results[3].properties.lastname).toBeNull();
    expect(res.body).not.toHaveProperty('paging');
  });

  it('sorts by one property either way, as a string or an object', async () => {
    hub = await startSeeded();
    expect(ids(await search('deals', { sorts: ['-amount'] }))).toEqual(['23', '22', '21']);
    expect(ids(await search('deals', { sorts: [{ propertyName: 'amount', direction: 'ASCENDING' }] }))).toEqual(['21', '22', '23']);
    expect(ids(await search('contacts', { sorts: [{ propertyName: 'company', direction: 'DESCENDING' }] }))).toEqual(['14', '12', '11', '13']);
    const two = await search('deals', { sorts: ['amount', 'dealname'] });
    expect(two.status).toBe(400);
  });

  it('returns only the asked properties plus the always-present ones', async () => {
    hub = await startSeeded();
    const res = await search('contacts', { properties: ['phone'], limit: 1 });
    expect(Object.keys(res.body.results[0].properties).sort()).toEqual(['createdate', 'hs_object_id', 'lastmodifieddate', 'phone']);
    expect(res.body.results[0].properties.phone).toBe('+1 555 0001');
  });

  it('leaves archived records out', async () => {
    hub = await startSeeded();
    await hub.call('DELETE', '/crm/v3/objects/contacts/11');
    expect(ids(await search('contacts', {}))).toEqual(['13', '12', '14']);
  });
});

describe('search paging and limits', () => {
  it('pages with after as an offset string and totals every match', async () => {
    hub = await startSeeded();
    const first = await search('contacts', { limit: 3 });
    expect(first.body.total).toBe(4);
    expect(first.body.paging.next.after).toBe('3');
    const second = await search('contacts', { limit: 3, after: first.body.paging.next.after });
    expect(ids(second)).toEqual(['14']);
    expect(second.body).not.toHaveProperty('paging');
    const countOnly = await search('contacts', { limit: 0 });
    expect(countOnly.body).toMatchObject({ total: 4, results: [] });
    expect(countOnly.body).not.toHaveProperty('paging');
  });

  it('defaults to 10 results and allows at most 200', async () => {
    const many = Array.from({ length: 205 }, (_, i) => ({ properties: { email: `m${i}@example.com` } }));
    hub = await startHub({ seed: { records: { contacts: many } } });
    expect((await search('contacts', {})).body.results).toHaveLength(10);
    expect((await search('contacts', { limit: 200 })).body.results).toHaveLength(200);
    const over = await search('contacts', { limit: 201 });
    expect(over.status).toBe(400);
    expect(over.body.category).toBe('VALIDATION_ERROR');
  });

  it('allows 5 groups, 6 filters a group and 18 filters in all, and no more', async () => {
    hub = await startSeeded();
    const f = { propertyName: 'email', operator: 'HAS_PROPERTY' };
    const groups = (n: number, per: number) => ({ filterGroups: Array.from({ length: n }, () => ({ filters: Array(per).fill(f) })) });
    expect((await search('contacts', groups(5, 3))).status).toBe(200);
    expect((await search('contacts', { filterGroups: [...groups(3, 6).filterGroups] })).status).toBe(200);
    for (const body of [groups(6, 1), groups(1, 7), groups(4, 5)]) {
      const res = await search('contacts', body);
      expect(res.status).toBe(400);
      expect(res.body.category).toBe('VALIDATION_ERROR');
    }
  });

  it('stops at 10,000 results: the last page points past it and after >= 10000 is a 400', async () => {
    const many = Array.from({ length: 10_050 }, (_, i) => ({ properties: { email: `c${i}@example.com` } }));
    hub = await startHub({ seed: { records: { contacts: many } } });
    const last = await search('contacts', { limit: 100, after: '9900', properties: ['email'] });
    expect(last.status).toBe(200);
    expect(last.body.total).toBe(10_050);
    expect(last.body.results).toHaveLength(100);
    expect(last.body.paging.next.after).toBe('10000');
    const past = await search('contacts', { limit: 100, after: '10000' });
    expect(past.status).toBe(400);
    expect(past.body.category).toBe('VALIDATION_ERROR');
    const straddle = await search('contacts', { limit: 100, after: '9950' });
    expect(straddle.body.results).toHaveLength(50);
  });
});

describe('search rate limit', () => {
  it('allows searchMax requests per window per account, answers the secondly 429 without rate-limit headers, then recovers', async () => {
    hub = await startSeeded({ rateLimits: { searchMax: 2, searchIntervalMs: 250 } });
    expect((await search('contacts', {})).status).toBe(200);
    const second = await search('contacts', {});
    expect(second.status).toBe(200);
    expect(second.headers.get('x-hubspot-ratelimit-remaining')).toBeNull();
    const third = await search('contacts', {});
    expect(third.status).toBe(429);
    expect(third.body).toMatchObject({ status: 'error', message: 'You have reached your secondly limit.', errorType: 'RATE_LIMIT', policyName: 'SECONDLY' });
    expect((await hub.call('GET', '/crm/v3/objects/contacts')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect((await search('contacts', {})).status).toBe(200);
  });
});
