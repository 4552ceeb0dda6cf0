import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../emulators/index';
import { connect, emulator, makeApp, type QueryTestApp } from './helpers';
import { chartData } from '../../main/query/chart-data';
import { exportRows } from '../../main/query/export';

describe('history and saved queries', () => {
  let emu: Emulator;
  let app: QueryTestApp;
  let conn: string;

  beforeAll(async () => {
    emu = await emulator('salesforce', { seed: { records: { Contact: [{ LastName: 'One' }, { LastName: 'Two' }] } } });
    app = makeApp();
    conn = await connect(app.services, emu);
  });
  afterAll(async () => {
    await app.cleanup();
    await emu.close();
  });

  it('keeps runs, saved queries, renames and deletes per connection across a restart', async () => {
    const q = app.services.query;
    const first = { language: 'soql' as const, soql: 'SELECT Id FROM Contact' };
    const second = { language: 'soql' as const, soql: 'SELECT Id, LastName\nFROM Contact\nORDER BY LastName' };
    await q.run({ connectionId: conn, input: first });
    const run2 = await q.run({ connectionId: conn, input: second, includeDeleted: true });
    await q.run({ connectionId: conn, input: first }); // the same query again moves to the top, no duplicate
    expect(q.history(conn).recent.map((e) => e.summary)).toEqual(['SELECT Id FROM Contact', 'SELECT Id, LastName FROM Contact ORDER BY LastName']);
    const entry = q.history(conn).recent[1];
    expect(entry).toMatchObject({ includeDeleted: true, rowCount: 2, saved: false, name: null, id: run2.status.historyId });
    expect(entry.durationMs).toBeGreaterThanOrEqual(0);

    const saved = q.save({ connectionId: conn, name: 'Everyone', input: second });
    const renamed = q.rename(entry.id, 'Sorted, with deleted');
    expect(renamed).toMatchObject({ saved: true, name: 'Sorted, with deleted' });
    const other = q.history('salesforce-2');
    expect(other).toEqual({ recent: [], saved: [] });

    // Restart: a new services instance on the same data dir.
    await app.services.close();
    const reopened = app.reopen();
    const after = reopened.query.history(conn);
    expect(after.saved.map((e) => e.name)).toEqual(['Everyone', 'Sorted, with deleted']);
    expect(after.saved[0].input).toEqual(second);
    expect(after.recent.map((e) => e.summary)).toEqual(['SELECT Id FROM Contact']);

    // Rerun a saved query from history.
    const rerun = await reopened.query.run({ connectionId: conn, input: after.saved[1].input, includeDeleted: after.saved[1].includeDeleted });
    expect(rerun.rows.map((r) => r[1])).toEqual(['One', 'Two']);

    expect(reopened.query.delete(saved.id)).toBe(true);
    expect(reopened.query.delete(saved.id)).toBe(false);
    expect(reopened.query.history(conn).saved.map((e) => e.name)).toEqual(['Sorted, with deleted']);
  });
});

describe('export', () => {
  let emu: Emulator;
  let app: QueryTestApp;
  let conn: string;

  beforeAll(async () => {
    emu = await emulator('salesforce', {
      seed: {
        records: {
          Account: [{ '@ref': 'acme', Name: '=HYPERLINK("http://evil.example","click")' }],
          Contact: [
            { FirstName: '@SUM(1+1)', LastName: 'Plain, "quoted"', Title: '+1 555 0100', AccountId: '@acme', Total_Spent__c: -12.5 },
            { FirstName: 'Zoë', LastName: '-cmd', Department: 'Ops\nNight' },
          ],
        },
      },
    });
    app = makeApp();
    conn = await connect(app.services, emu);
  });
  afterAll(async () => {
    await app.cleanup();
    await emu.close();
  });

  it('writes CSV with a BOM, the selected API names as headers, formulas neutralised and quoting intact', async () => {
    const page = await app.services.query.run({ connectionId: conn, input: { language: 'soql', soql: 'SELECT FirstName, LastName, Title, Account.Name, Total_Spent__c, Department FROM Contact ORDER BY LastName DESC' } });
    const out = await app.services.query.export(page.status.runId, 'csv');
    expect(out.saved).toBe(false);
    expect(out.fileName).toMatch(/^Contact-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}\.csv$/);
    const text = out.content!;
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('FirstName,LastName,Title,Account.Name,Total_Spent__c,Department');
    expect(lines[1]).toBe(`'@SUM(1+1),"Plain, ""quoted""",'+1 555 0100,"'=HYPERLINK(""http://evil.example"",""click"")",-12.5,`);
    expect(lines[2]).toBe(`Zoë,'-cmd,,,,"Ops\nNight"`);
    expect(out.rows).toBe(2);
  });

  it('writes JSON with the same column names, nulls kept, and only the chosen rows when asked', async () => {
    const page = await app.services.query.run({ connectionId: conn, input: { language: 'soql', soql: 'SELECT FirstName, Account.Name FROM Contact ORDER BY LastName' } });
    const out = await app.services.query.export(page.status.runId, 'json', [1]);
    expect(JSON.parse(out.content!)).toEqual([{ FirstName: '@SUM(1+1)', 'Account.Name': '=HYPERLINK("http://evil.example","click")' }]);
    const all = JSON.parse((await app.services.query.export(page.status.runId, 'json')).content!) as unknown[];
    expect(all[0]).toEqual({ FirstName: 'Zoë', 'Account.Name': null });
  });

  it('goes through the save dialog when the shell has one', async () => {
    const written: Array<{ defaultName: string; content: string }> = [];
    const { QueryService } = await import('../../main/query/service');
    const s = app.services;
    const withDialog = new QueryService({ db: s.db, logger: s.logger, events: s.events, providers: s.connections, saveFile: async (f) => (written.push(f), `/tmp/${f.defaultName}`) });
    const page = await withDialog.run({ connectionId: conn, input: { language: 'soql', soql: 'SELECT LastName FROM Contact' }, remember: false });
    const out = await withDialog.export(page.status.runId, 'csv');
    expect(out).toMatchObject({ saved: true, content: null, rows: 2 });
    expect(out.path).toBe(`/tmp/${written[0].defaultName}`);
    expect(written[0].content.startsWith('\uFEFFLastName\r\n')).toBe(true);
    await withDialog.close();
  });

  it('keeps null apart from empty text in JSON; CSV leaves both blank', () => {
    const json = JSON.parse(exportRows('json', ['a', 'b'], [[null, '']], 'x').content) as unknown[];
    expect(json).toEqual([{ a: null, b: '' }]);
    expect(exportRows('csv', ['a', 'b'], [[null, '']], 'x').content).toBe('\uFEFFa,b\r\n,\r\n');
  });
});

describe('chart data', () => {
  it('takes grouped SOQL rows as they are, and groups plain rows by a column with count or sum', () => {
    const grouped = chartData(['StageName', 'expr0'], [['Prospecting', 3], ['Closed Won', 5]], { grouped: true });
    expect(grouped).toMatchObject({ groupBy: 'StageName', measure: 'value', valueColumn: 'expr0', numericColumns: ['expr0'] });
    expect(grouped.points).toEqual([
      { label: 'Prospecting', value: 3 },
      { label: 'Closed Won', value: 5 },
    ]);

    const rows = [
      ['1', 'vip', '100'],
      ['2', 'general', '20'],
      ['3', 'vip', '150'],
      ['4', null, '5'],
    ];
    const counted = chartData(['id', 'ticket_tier', 'amount'], rows);
    expect(counted.groupBy).toBe('ticket_tier');
    expect(counted.points).toEqual([
      { label: 'vip', value: 2 },
      { label: 'general', value: 1 },
      { label: '(none)', value: 1 },
    ]);
    const summed = chartData(['id', 'ticket_tier', 'amount'], rows, { measure: 'sum', valueColumn: 'amount' });
    expect(summed.points[0]).toEqual({ label: 'vip', value: 250 });
  });

  it('keeps date labels in order for line charts and folds the long tail into Other', () => {
    const byMonth = chartData(['month', 'n'], [['2026-03', 1], ['2026-01', 4], ['2026-02', 2]], { grouped: true });
    expect(byMonth.points.map((p) => p.label)).toEqual(['2026-01', '2026-02', '2026-03']);
    const many = chartData(['name'], Array.from({ length: 40 }, (_, i) => [`n${i}`]), { limit: 10 });
    expect(many.points).toHaveLength(10);
    expect(many.points.at(-1)).toEqual({ label: 'Other', value: 31 });
  });
});
