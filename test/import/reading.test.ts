import { describe, it, expect, afterEach } from 'vitest';
import { detectEncoding } from '../../main/import/source/encoding';
import { sniffDelimiter } from '../../main/import/source/sniff';
import { inspectCsv, readRecords, type CsvRecord } from '../../main/import/source/csv-file';
import { dedupeHeaders } from '../../main/import/source/headers';
import { sandbox, csv, type Sandbox } from './helpers';

const known = new Set(['email', 'firstname', 'lastname', 'ordertotal']);

async function readAll(path: string, read = {}): Promise<{ headers: string[]; headerLine: number; rows: CsvRecord[]; blank: number; ragged: number; encoding: string; delimiter: string }> {
  const layout = await inspectCsv(path, read, known);
  const stats = { bytesRead: 0, blankRecords: 0, raggedRows: 0 };
  const rows: CsvRecord[] = [];
  for await (const batch of readRecords(layout, { batchSize: 3, stats })) rows.push(...batch);
  return { headers: layout.headers, headerLine: layout.headerLine, rows, blank: stats.blankRecords, ragged: stats.raggedRows, encoding: layout.encoding, delimiter: layout.delimiter };
}

function utf16(text: string, endian: 'le' | 'be', bom = true): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const body = endian === 'le' ? le : Buffer.from(le.map((_, i) => le[i % 2 === 0 ? i + 1 : i - 1]));
  const mark = endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return Buffer.concat([bom ? Buffer.from(mark) : Buffer.alloc(0), body]);
}

const text = 'Email,First Name\nzoe@example.com,Zoë Ørsted €\n';

describe('encoding detection', () => {
  let s: Sandbox;
  afterEach(async () => s?.close());

  it('tells UTF-8 with and without BOM, UTF-16 LE/BE with BOM, and falls back to Windows-1252', () => {
    expect(detectEncoding(Buffer.from(`\ufeff${text}`, 'utf8'))).toMatchObject({ encoding: 'utf-8', bomLength: 3 });
    expect(detectEncoding(Buffer.from(text, 'utf8'))).toMatchObject({ encoding: 'utf-8', bomLength: 0 });
    expect(detectEncoding(utf16(text, 'le'))).toMatchObject({ encoding: 'utf-16le', bomLength: 2 });
    expect(detectEncoding(utf16(text, 'be'))).toMatchObject({ encoding: 'utf-16be', bomLength: 2 });
    expect(detectEncoding(utf16(text, 'le', false))).toMatchObject({ encoding: 'utf-16le', bomLength: 0 });
    const cp1252 = Buffer.from([...Buffer.from('Email,Name\nx@y.com,Jos'), 0xe9, 0x20, 0x80, 0x0a]);
    expect(detectEncoding(cp1252)).toMatchObject({ encoding: 'windows-1252', certain: false });
  });

  it('does not mistake a multi-byte character cut by the sample end for invalid UTF-8', () => {
    const full = Buffer.from('Email\nzoë@example.com\n', 'utf8');
    const cut = full.subarray(0, full.indexOf(Buffer.from('ë')) + 1);
    expect(detectEncoding(cut).encoding).toBe('utf-8');
  });

  it('reads the same names from every encoding', async () => {
    s = sandbox();
    const cp1252 = Buffer.from([...Buffer.from('Email,First Name\nzoe@example.com,Zo'), 0xeb, 0x20, 0xd8, ...Buffer.from('rsted '), 0x80, 0x0a]);
    const files: Array<[string, Buffer]> = [
      ['utf8.csv', Buffer.from(text, 'utf8')],
      ['utf8-bom.csv', Buffer.from(`\ufeff${text}`, 'utf8')],
      ['utf16le.csv', utf16(text, 'le')],
      ['utf16be.csv', utf16(text, 'be')],
      ['cp1252.csv', cp1252],
    ];
    for (const [name, content] of files) {
      const r = await readAll(s.file(name, content));
      expect(r.headers, name).toEqual(['Email', 'First Name']);
      expect(r.rows.map((x) => x.cells), name).toEqual([['zoe@example.com', 'Zoë Ørsted €']]);
    }
  });

  it('honours a manual encoding over detection', async () => {
    s = sandbox();
    const path = s.file('utf8.csv', Buffer.from(text, 'utf8'));
    const forced = await readAll(path, { encoding: 'windows-1252' });
    expect(forced.encoding).toBe('windows-1252');
    expect(forced.rows[0].cells[1]).toBe('ZoÃ« Ã˜rsted â‚¬');
  });
});

describe('delimiters, quoting and line endings', () => {
  let s: Sandbox;
  afterEach(async () => s?.close());

  it.each([',', ';', '\t', '|'])('sniffs %j', (d) => {
    const sample = csv([['Email', 'Name', 'Total'], ['a@x.com', 'A, B; C', '1,5'], ['b@x.com', 'B', '2']], { delimiter: d });
    expect(sniffDelimiter(sample).delimiter).toBe(d);
  });

  it('prefers the consistent delimiter when decimals use commas', () => {
    expect(sniffDelimiter('Email;Total;Paid\na@x.com;1,50;2,00\nb@x.com;3,25;4,75\n').delimiter).toBe(';');
  });

  it('keeps delimiters, quotes and newlines inside quoted fields', async () => {
    s = sandbox();
    const r = await readAll(s.file('q.csv', 'Email,Note\na@x.com,"He said ""hi"", then\nleft; ok"\nb@x.com,plain\n'));
    expect(r.rows.map((x) => x.cells)).toEqual([
      ['a@x.com', 'He said "hi", then\nleft; ok'],
      ['b@x.com', 'plain'],
    ]);
    expect(r.rows.map((x) => x.line)).toEqual([2, 4]);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('reads %s line endings, skips blank lines and numbers rows by physical line', async (_name, eol) => {
    s = sandbox();
    const body = ['Email,Note', 'a@x.com,"two', 'lines"', '', '   ', 'b@x.com,x', ',', 'c@x.com,y'].join(eol) + eol;
    const r = await readAll(s.file('eol.csv', body));
    expect(r.rows.map((x) => [x.line, x.cells[0]])).toEqual([
      [2, 'a@x.com'],
      [6, 'b@x.com'],
      [8, 'c@x.com'],
    ]);
    expect(r.rows[0].cells[1]).toBe(`two${eol}lines`);
    expect(r.blank).toBe(2);
  });

  it('pads short rows, trims long ones and reports both, but not a trailing delimiter', async () => {
    s = sandbox();
    const r = await readAll(s.file('ragged.csv', 'Email,A,B,\na@x.com,1\nb@x.com,1,2,3,4\nc@x.com,1,2,\n'));
    expect(r.headers).toEqual(['Email', 'A', 'B']);
    expect(r.rows.map((x) => x.cells)).toEqual([
      ['a@x.com', '1', ''],
      ['b@x.com', '1', '2'],
      ['c@x.com', '1', '2'],
    ]);
    expect(r.rows.map((x) => x.ragged)).toEqual([true, true, false]);
    expect(r.ragged).toBe(2);
  });

  it('renames duplicate and blank headers', () => {
    expect(dedupeHeaders(['Email', 'email', 'Name', '', 'Email']).headers).toEqual(['Email', 'email_2', 'Name', 'Column 4', 'Email_3']);
  });

  it('finds the header row below title lines, by known columns or by width', async () => {
    s = sandbox();
    const titled = await readAll(s.file('t.csv', 'Attendee report,,,\nExported 2024-11-29,,,\n\nEmail,First Name,Last Name,Order Total\na@x.com,A,B,1\n'));
    expect(titled.headerLine).toBe(4);
    expect(titled.headers).toEqual(['Email', 'First Name', 'Last Name', 'Order Total']);
    expect(titled.rows).toHaveLength(1);
    const unknown = await readAll(s.file('u.csv', 'My list\nfoo,bar,baz\n1,2,3\n'));
    expect(unknown.headerLine).toBe(2);
    expect(unknown.headers).toEqual(['foo', 'bar', 'baz']);
  });

  it('takes a header line the user points at', async () => {
    s = sandbox();
    const r = await readAll(s.file('h.csv', 'a,b\nEmail,Name\nx@y.com,X\n'), { headerLine: 2 });
    expect(r.headers).toEqual(['Email', 'Name']);
    expect(r.rows.map((x) => x.cells)).toEqual([['x@y.com', 'X']]);
  });
});

describe('reading on a worker thread', () => {
  let s: Sandbox;
  afterEach(async () => s?.close());

  it('gives the same rows as reading inline, including cells with the packing separators', async () => {
    const { readRecordsThreaded, workerEntry, WORKER_MIN_BYTES } = await import('../../main/import/source/threaded-reader');
    expect(workerEntry()).not.toBeNull();
    s = sandbox();
    const rows: string[][] = [['Email', 'Note', 'Other']];
    for (let i = 0; rows.length * 60 < WORKER_MIN_BYTES * 1.2; i++) rows.push([`p${i}@example.com`, i === 5000 ? 'sep\u001fin\u001ecell' : `note ${i}`, i % 3 ? 'x' : 'multi\nline']);
    const path = s.file('big.csv', csv(rows));
    const layout = await inspectCsv(path, {}, known);
    const collect = async (inline: boolean) => {
      const out: CsvRecord[] = [];
      const stats = { bytesRead: 0, blankRecords: 0, raggedRows: 0 };
      for await (const b of readRecordsThreaded(layout, { batchSize: 2000, stats, inline })) out.push(...b);
      return { out, stats };
    };
    const threaded = await collect(false);
    const inline = await collect(true);
    expect(threaded.out.length).toBe(rows.length - 1);
    expect(threaded.out).toEqual(inline.out);
    expect(threaded.out[5000].cells[1]).toBe('sep\u001fin\u001ecell');
    expect(threaded.stats.bytesRead).toBe(inline.stats.bytesRead);
  }, 60_000);
});
