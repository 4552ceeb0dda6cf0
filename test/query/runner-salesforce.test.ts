import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../emulators/index';
import type { RunStatus } from '../../shared/ipc/channels/query';
import { connect, emulator, makeApp, salesforceContacts, TOKEN, type QueryTestApp } from './helpers';

const TOTAL = 450;

async function stats(emu: Emulator): Promise<Record<string, number>> {
  return ((await (await fetch(`${emu.url}/__admin/stats`)).json()) as { byPath: Record<string, number> }).byPath;
}

const count = (byPath: Record<string, number>, re: RegExp): number => Object.entries(byPath).reduce((n, [p, c]) => n + (re.test(p) ? c : 0), 0);

describe('query runner against the Salesforce emulator', () => {
  let emu: Emulator;
  let app: QueryTestApp;
  let conn: string;

  beforeAll(async () => {
    emu = await emulator('salesforce', { seed: salesforceContacts(TOTAL) });
    app = makeApp();
    conn = await connect(app.services, emu);
  });
  afterAll(async () => {
    await app.cleanup();
    await emu.close();
  });

  const soql = (text: string) => ({ language: 'soql' as const, soql: text });

  it('pages over 3 batches and returns exactly totalSize rows, in order, each once', async () => {
    const before = await stats(emu);
    const first = await app.services.query.run({ connectionId: conn, input: soql('SELECT Id, FirstName, LastName FROM Contact ORDER BY LastName'), pageSize: 200 });
    expect(first.status.state).toBe('ready');
    expect(first.status.total).toBe(TOTAL);
    expect(first.rows).toHaveLength(200);
    expect(first.status.columns).toEqual(['Id', 'FirstName', 'LastName']);

    const second = await app.services.query.more(first.status.runId);
    expect(second.offset).toBe(200);
    expect(second.rows).toHaveLength(200);
    const third = await app.services.query.more(first.status.runId);
    expect(third.offset).toBe(400);
    expect(third.rows).toHaveLength(TOTAL - 400);
    expect(third.status).toMatchObject({ state: 'done', done: true, loaded: TOTAL, total: TOTAL, pages: 3 });

    const rows = [...first.rows, ...second.rows, ...third.rows];
    const lastNames = rows.map((r) => r[2]);
    expect(lastNames).toEqual(Array.from({ length: TOTAL }, (_, i) => `Person-${String(i).padStart(4, '0')}`));
    expect(new Set(rows.map((r) => r[0])).size).toBe(TOTAL);

    const after = await stats(emu);
    // One query call and two nextRecordsUrl follow-ups.
    expect(count(after, /\/query$/) - count(before, /\/query$/)).toBe(1);
    expect(count(after, /\/query\/[^/]+$/) - count(before, /\/query\/[^/]+$/)).toBe(2);

    // Reading past the end adds nothing.
    const extra = await app.services.query.more(first.status.runId);
    expect(extra.rows).toHaveLength(0);
  });

  it('loads every page in the background with progress events, and cancel keeps the rows read', async () => {
    const seen: RunStatus[] = [];
    const off = app.services.events.subscribe((name, payload) => {
      if (name === 'queryProgress') seen.push(payload as RunStatus);
    });
    try {
      const first = await app.services.query.run({ connectionId: conn, input: soql('SELECT Id FROM Contact'), pageSize: 200 });
      const runId = first.status.runId;
      await app.services.query.more(runId, true);
      await waitFor(() => app.services.query.status(runId).done);
      expect(app.services.query.status(runId)).toMatchObject({ loaded: TOTAL, total: TOTAL, state: 'done' });
      const mine = seen.filter((s) => s.runId === runId);
      expect(mine.map((s) => s.loaded)).toContain(400);
      expect(mine.at(-1)).toMatchObject({ state: 'done', loaded: TOTAL });
      const all = app.services.query.rows(runId, 0, 1000);
      expect(all.rows).toHaveLength(TOTAL);

      // Cancel: stops after the page in flight; "more" carries on without gaps.
      const again = await app.services.query.run({ connectionId: conn, input: soql('SELECT Id FROM Contact ORDER BY LastName'), pageSize: 200, remember: false });
      const status = app.services.query.cancel(again.status.runId);
      expect(status.state).toBe('cancelled');
      expect(status.notice).toMatch(/Stopped after 200 of 450 rows/);
      await app.services.query.readAll(again.status.runId);
      const ids = app.services.query.rows(again.status.runId, 0, 1000).rows.map((r) => r[0]);
      expect(ids).toHaveLength(TOTAL);
      expect(new Set(ids).size).toBe(TOTAL);
    } finally {
      off();
    }
  });

  it('flattens parent relationships into Account.Name columns named as the CRM spells them; null parents stay null', async () => {
    const res = await fetch(`${emu.url}/services/data/v60.0/sobjects/Account`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ Name: 'Acme Events' }),
    });
    const accountId = ((await res.json()) as { id: string }).id;
    const first = await app.services.query.run({ connectionId: conn, input: soql("SELECT Id FROM Contact WHERE LastName = 'Person-0001'"), remember: false });
    const contactId = first.rows[0][0] as string;
    await fetch(`${emu.url}/services/data/v60.0/sobjects/Contact/${contactId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ AccountId: accountId, Title: '' }),
    });
    const page = await app.services.query.run({
      connectionId: conn,
      input: soql("select firstname, account.name, Title from contact where LastName IN ('Person-0001', 'Person-0002') order by LastName"),
    });
    expect(page.status.columns).toEqual(['FirstName', 'Account.Name', 'Title']);
    expect(page.rows).toEqual([
      ['First1', 'Acme Events', null],
      ['First2', null, null],
    ]);
  });

  it('includes deleted rows only with includeDeleted, through queryAll', async () => {
    const victim = await app.services.query.run({ connectionId: conn, input: soql("SELECT Id FROM Contact WHERE LastName = 'Person-0449'"), remember: false });
    const id = victim.rows[0][0] as string;
    const del = await fetch(`${emu.url}/services/data/v60.0/sobjects/Contact/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(del.status).toBe(204);

    const q = soql("SELECT Id, IsDeleted FROM Contact WHERE LastName = 'Person-0449'");
    const live = await app.services.query.run({ connectionId: conn, input: q, remember: false });
    expect(live.status.total).toBe(0);

    const before = await stats(emu);
    const all = await app.services.query.run({ connectionId: conn, input: q, includeDeleted: true, remember: false });
    expect(all.rows).toEqual([[id, true]]);
    const after = await stats(emu);
    expect(count(after, /\/queryAll$/) - count(before, /\/queryAll$/)).toBe(1);
  });

  it('places the CRM’s INVALID_FIELD error on the field, with line and column', async () => {
    const text = 'SELECT Id,\n  Nonexistent__c\nFROM Contact';
    const page = await app.services.query.run({ connectionId: conn, input: soql(text), remember: false });
    expect(page.status.state).toBe('failed');
    expect(page.status.error).toMatch(/^INVALID_FIELD: No such column 'Nonexistent__c'/);
    const [d] = page.status.diagnostics;
    expect(d).toMatchObject({ code: 'INVALID_FIELD', severity: 'error' });
    expect(text.slice(d.from, d.to)).toBe('Nonexistent__c');
    expect([d.line, d.column]).toEqual([2, 3]);
  });

  it('rejects a query that does not parse before calling the CRM, with the error located', async () => {
    const before = await stats(emu);
    const text = "SELECT Id FROM Contact WHERE LastName = 'x' AND";
    const page = await app.services.query.run({ connectionId: conn, input: soql(text) });
    expect(page.status.state).toBe('failed');
    expect(page.status.diagnostics[0]).toMatchObject({ line: 1, severity: 'error' });
    expect(text.slice(page.status.diagnostics[0].from, page.status.diagnostics[0].to)).toBe('AND');
    expect(page.status.error).toMatch(/^Line 1, column 45: The query ends too early/);
    const after = await stats(emu);
    expect(count(after, /\/query/)).toBe(count(before, /\/query/));
  });

  it('answers the first page at once while later pages wait (the first page shows before the rest)', async () => {
    const page = await app.services.query.run({ connectionId: conn, input: soql('SELECT Id FROM Contact'), pageSize: 200, remember: false });
    expect(page.rows).toHaveLength(200);
    expect(page.status.loaded).toBe(200);
    expect(page.status.done).toBe(false);
    expect(page.status.durationMs).toBeGreaterThanOrEqual(0);
  });
});

async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
