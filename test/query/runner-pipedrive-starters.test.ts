import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../emulators/index';
import { connect, emulator, makeApp, type QueryTestApp } from './helpers';

describe('Pipedrive: list with field filters and a search term', () => {
  let emu: Emulator;
  let app: QueryTestApp;
  let conn: string;

  beforeAll(async () => {
    emu = await emulator('pipedrive', {
      seed: {
        persons: [
          { id: 1, name: 'Ada Lovelace', emails: ['ada@example.com'] },
          { id: 2, name: 'Grace Hopper', emails: ['grace@example.com'] },
          { id: 3, name: 'Alan Turing', emails: ['alan@example.org'] },
        ],
        deals: [
          { id: 1, title: 'Group booking', value: 8000, status: 'open' },
          { id: 2, title: 'Single ticket', value: 50, status: 'open' },
          { id: 3, title: 'Sponsor', value: 12000, status: 'won' },
        ],
      },
    });
    app = makeApp();
    conn = await connect(app.services, emu);
  });
  afterAll(async () => {
    await app.cleanup();
    await emu.close();
  });

  it('filters listed rows by field, ANDing the filters', async () => {
    const page = await app.services.query.run({
      connectionId: conn,
      input: { language: 'pipedrive-filter', object: 'deals', filters: [{ field: 'value', op: 'gt', value: '5000' }, { field: 'status', op: 'eq', value: 'open' }] },
    });
    expect(page.status).toMatchObject({ done: true, total: 1, loaded: 1 });
    const title = page.status.columns.indexOf('title');
    expect(page.rows.map((r) => r[title])).toEqual(['Group booking']);
  });

  it('searches by term', async () => {
    const page = await app.services.query.run({ connectionId: conn, input: { language: 'pipedrive-filter', object: 'persons', term: 'Grace', fields: ['id', 'name', 'email'] } });
    expect(page.status.columns).toEqual(['id', 'name', 'email']);
    expect(page.rows).toEqual([[2, 'Grace Hopper', 'grace@example.com']]);
  });

  it('flags filters on unknown fields or without a value', async () => {
    const ds = await app.services.query.validate(conn, { language: 'pipedrive-filter', object: 'persons', filters: [{ field: 'nope', op: 'eq', value: 'x' }, { field: 'name', op: 'contains' }] });
    expect(ds.map((d) => d.message)).toEqual([expect.stringMatching(/has no field “nope”/), 'Filter 2: enter a value to compare name with.']);
  });

  it('offers Pipedrive starter queries that run', async () => {
    const starters = await app.services.query.starters(conn);
    expect(starters.length).toBeGreaterThan(0);
    for (const s of starters) {
      const page = await app.services.query.run({ connectionId: conn, input: s.input, remember: false });
      expect(page.status.state, s.title).not.toBe('failed');
    }
  });
});

describe('starter queries run on a fresh org and portal', () => {
  let sf: Emulator;
  let hs: Emulator;
  let app: QueryTestApp;

  beforeAll(async () => {
    sf = await emulator('salesforce', {
      seed: {
        records: {
          Campaign: [{ '@ref': 'fest', Name: 'Summer Fest 2026' }],
          Account: [{ '@ref': 'acme', Name: 'Acme' }],
          Contact: [{ '@ref': 'ada', LastName: 'Lovelace', Email: 'ada@example.com', Total_Spent__c: 420, AccountId: '@acme' }],
          CampaignMember: [{ CampaignId: '@fest', ContactId: '@ada', Status: 'Responded' }],
          Opportunity: [
            { Name: 'Order 1', StageName: 'Closed Won', CloseDate: '2026-06-01', Amount: 300, CampaignId: '@fest' },
            { Name: 'Group sale', StageName: 'Prospecting', CloseDate: '2026-12-01', Amount: 5000 },
          ],
        },
      },
    });
    hs = await emulator('hubspot', { seed: { records: { deals: [{ id: '1', properties: { dealname: 'Group', amount: '6000', dealstage: 'appointmentscheduled', pipeline: 'default' } }] } } });
    app = makeApp();
    await connect(app.services, sf);
    await connect(app.services, hs);
  });
  afterAll(async () => {
    await app.cleanup();
    await sf.close();
    await hs.close();
  });

  it('every Salesforce starter runs, and the grouped ones chart', async () => {
    const starters = await app.services.query.starters('salesforce');
    expect(starters.map((s) => s.id)).toEqual(expect.arrayContaining(['top-buyers', 'event-attendees', 'open-group-sales', 'not-synced-since', 'revenue-by-event']));
    for (const s of starters) {
      const page = await app.services.query.run({ connectionId: 'salesforce', input: s.input, remember: false });
      expect(page.status.error, s.title).toBeNull();
      if (s.chart) {
        expect(page.status.grouped, s.title).toBe(true);
        const chart = app.services.query.chart(page.status.runId, {});
        expect(chart.points.length, s.title).toBeGreaterThan(0);
      }
    }
    const revenue = starters.find((s) => s.id === 'revenue-by-event')!;
    const page = await app.services.query.run({ connectionId: 'salesforce', input: revenue.input, remember: false });
    expect(app.services.query.chart(page.status.runId, {}).points).toEqual([{ label: 'Summer Fest 2026', value: 300 }]);
    const top = await app.services.query.run({ connectionId: 'salesforce', input: starters[0].input, remember: false });
    expect(top.rows[0].slice(0, 4)).toEqual([null, 'Lovelace', 'ada@example.com', 'Acme']);
  });

  it('every HubSpot starter is valid and runs', async () => {
    for (const s of await app.services.query.starters('hubspot')) {
      expect(await app.services.query.validate('hubspot', s.input), s.title).toEqual([]);
      const page = await app.services.query.run({ connectionId: 'hubspot', input: s.input, remember: false });
      expect(page.status.error, s.title).toBeNull();
    }
  });
});
