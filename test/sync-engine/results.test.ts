import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRun, recordResults } from '../../main/store/sync-runs';
import { RESULTS_HEADERS, runResultsCsv } from '../../main/sync/results/results-csv';
import { buyers, startHarness, type Harness } from './helpers';

/** A small RFC 4180 reader: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    }
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

/**
 * Issue 11 point 6: a push run's results file has exactly one row per record attempted, in the
 * order attempted, with the CRM's code, field and message for a record it refused.
 */
describe('salesforce: one results file per push run', () => {
  let h: Harness;
  const rows = buyers(12, { companyEvery: 4, prefix: 'res' });
  rows[7] = { ...rows[7], first: 'F'.repeat(45) };

  beforeAll(async () => {
    h = await startHarness('salesforce');
    expect((await h.importRows(rows)).created).toBe(12);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('has one row per record attempted, in input order, with the failing record’s code, field and message', async () => {
    const run = await h.sync.push({ connectionId: h.connectionId, trigger: 'test' });
    // The refused buyer, and their order (it waits for its contact).
    expect(run.failed).toBe(2);
    const { csv, fileName } = h.sync.runResults(run.id);
    expect(fileName).toMatch(new RegExp(`run-${run.id}-results\\.csv$`));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...lines] = parseCsv(csv.slice(1));
    expect(header).toEqual([...RESULTS_HEADERS]);

    const recorded = h.sync.runRecords(run.id, { limit: 5000 });
    expect(lines).toHaveLength(recorded.total);
    expect(recorded.total).toBe(run.created + run.updated + run.unchanged + run.skipped + run.failed);
    expect(lines.map((l) => `${l[2]}|${l[0]}`).sort()).toEqual(recorded.records.map((r) => `${r.object}|${r.localId}`).sort());
    expect(new Set(lines.map((l) => `${l[2]}|${l[0]}`)).size).toBe(lines.length);

    // Contacts in the order the buyers came in, every buyer once.
    const contacts = lines.filter((l) => l[2] === 'Contact');
    expect(contacts.map((l) => l[1])).toEqual(rows.map((r) => r.email));
    const failed = contacts.find((l) => l[1] === rows[7].email)!;
    expect(failed[3]).toBe('failed');
    expect(failed[5]).toBe('STRING_TOO_LONG');
    expect(failed[6]).toBe('FirstName');
    expect(failed[7]).toContain('at most 40 characters');
    for (const l of contacts.filter((c) => c !== failed)) {
      expect(l[3]).toBe('created');
      expect(l[4]).toMatch(/^003/);
    }
    // Orders name their buyer's email; the refused buyer's order is the other failure.
    const orders = lines.filter((l) => l[2] === 'Opportunity');
    expect(orders.map((l) => l[1])).toEqual(rows.map((r) => r.email));
    expect(orders.filter((l) => l[3] === 'failed').map((l) => l[1])).toEqual([rows[7].email]);
  }, 120_000);

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const runId = insertRun(h.app.db, { kind: 'push', connectionId: h.connectionId, provider: 'salesforce', trigger: 'test', owner: 'test' });
    recordResults(h.app.db, runId, 1, [
      { localKind: 'person', localId: 1, object: 'Contact', label: '=HYPERLINK("http://x","y")', outcome: 'failed', errorCode: 'X', errorField: '@Field', errorMessage: '+1 bad, "quoted"' },
    ]);
    const [, line] = parseCsv(runResultsCsv(h.app.db, runId).slice(1));
    expect(line).toEqual(['1', `'=HYPERLINK("http://x","y")`, 'Contact', 'failed', '', 'X', `'@Field`, `'+1 bad, "quoted"`]);
  });
});

/** Several workers push claims side by side; the file still follows the input. */
describe('hubspot: the results file of a run of several claims', () => {
  let h: Harness;
  const rows = buyers(1_100, { companyEvery: 0, prefix: 'many' });

  beforeAll(async () => {
    h = await startHarness('hubspot');
    expect((await h.importRows(rows)).created).toBe(rows.length);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('lists every contact, then every deal, in the order the buyers came in', async () => {
    const run = await h.sync.push({ connectionId: h.connectionId, trigger: 'test' });
    expect(run).toMatchObject({ created: 2 * rows.length, failed: 0 });
    const [, ...lines] = parseCsv(h.sync.runResults(run.id).csv.slice(1));
    expect(lines).toHaveLength(2 * rows.length);
    const emails = rows.map((r) => r.email);
    expect(lines.slice(0, rows.length).map((l) => [l[2], l[1]])).toEqual(emails.map((e) => ['contacts', e]));
    expect(lines.slice(rows.length).map((l) => [l[2], l[1]])).toEqual(emails.map((e) => ['deals', e]));
  }, 120_000);
});
