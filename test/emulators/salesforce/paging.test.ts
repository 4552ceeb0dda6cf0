import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, soql, startSalesforce, type Json, type SfTestEmulator } from './testkit';

let emu: SfTestEmulator;
const TOTAL = 450;
const expected = Array.from({ length: TOTAL }, (_, i) => `P${String(i).padStart(4, '0')}`);

beforeAll(async () => {
  emu = await startSalesforce();
  // Insert in shuffled order so ORDER BY does the work.
  const shuffled = [...expected].sort((a, b) => ((a.charCodeAt(4) * 7 + a.charCodeAt(3)) % 13) - ((b.charCodeAt(4) * 7 + b.charCodeAt(3)) % 13));
  for (let i = 0; i < shuffled.length; i += 200) {
    const res = await call(emu, 'POST', '/composite/sobjects', { records: shuffled.slice(i, i + 200).map((LastName) => ({ attributes: { type: 'Contact' }, LastName })) });
    expect(res.body.every((r: Json) => r.success)).toBe(true);
  }
});
afterAll(() => emu.close());

const batch = (n: number) => ({ 'Sforce-Query-Options': `batchSize=${n}` });

describe('query batches and nextRecordsUrl', () => {
  it('splits 450 rows into exactly 3 batches of 200/200/50 that add up to totalSize, in order', async () => {
    const pages: Json[] = [];
    let res = await soql(emu, 'SELECT LastName FROM Contact ORDER BY LastName', batch(200));
    pages.push(res.body);
    while (!res.body.done) {
      expect(res.body.nextRecordsUrl).toMatch(/^\/services\/data\/v60\.0\/query\/01g[A-Za-z0-9]{15}-\d+$/);
      res = await call(emu, 'GET', res.body.nextRecordsUrl);
      expect(res.status).toBe(200);
      pages.push(res.body);
    }
    expect(pages.map((p) => p.records.length)).toEqual([200, 200, 50]);
    expect(pages.map((p) => p.totalSize)).toEqual([TOTAL, TOTAL, TOTAL]);
    expect(pages.map((p) => p.done)).toEqual([false, false, true]);
    expect(pages[2].nextRecordsUrl).toBeUndefined();
    expect(pages.flatMap((p) => p.records.map((r: Json) => r.LastName))).toEqual(expected);
  });

  it('ends without an empty page when the rows fill the last batch exactly', async () => {
    const first = await soql(emu, 'SELECT LastName FROM Contact ORDER BY LastName LIMIT 400', batch(200));
    expect(first.body).toMatchObject({ totalSize: 400, done: false });
    const second = await call(emu, 'GET', first.body.nextRecordsUrl);
    expect(second.body).toMatchObject({ totalSize: 400, done: true });
    expect(second.body.records).toHaveLength(200);
    expect(second.body.nextRecordsUrl).toBeUndefined();
  });

  it('answers in one batch of up to 2000 by default, and ignores batch sizes under 200', async () => {
    expect((await soql(emu, 'SELECT Id FROM Contact')).body).toMatchObject({ totalSize: TOTAL, done: true });
    const tiny = await soql(emu, 'SELECT Id FROM Contact', batch(10));
    expect(tiny.body.records).toHaveLength(TOTAL);
  });

  it('refuses an unknown or used-up locator with INVALID_QUERY_LOCATOR', async () => {
    const bad = await call(emu, 'GET', '/query/01gEm0000000000AAA-200');
    expect(bad.status).toBe(400);
    expect(bad.body[0].errorCode).toBe('INVALID_QUERY_LOCATOR');
  });

  it('keeps a queryAll cursor on the queryAll set although its nextRecordsUrl says /query/', async () => {
    const del = await soql(emu, "SELECT Id FROM Contact WHERE LastName = 'P0000'");
    await call(emu, 'DELETE', `/sobjects/Contact/${del.body.records[0].Id}`);
    const first = await call(emu, 'GET', `/queryAll?q=${encodeURIComponent('SELECT LastName, IsDeleted FROM Contact ORDER BY LastName')}`, undefined, batch(200));
    expect(first.body.totalSize).toBe(TOTAL);
    expect(first.body.records[0]).toMatchObject({ LastName: 'P0000', IsDeleted: true });
    expect(first.body.nextRecordsUrl).toContain('/query/');
    const second = await call(emu, 'GET', first.body.nextRecordsUrl);
    expect(second.body.totalSize).toBe(TOTAL);
    expect((await soql(emu, 'SELECT COUNT() FROM Contact')).body.totalSize).toBe(TOTAL - 1);
  });
});
