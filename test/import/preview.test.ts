import { describe, it, expect, afterEach } from 'vitest';
import { sandbox, csv, buyersCsv, snapshot, type Sandbox } from './helpers';
import type { ImportPreview } from '../../shared/ipc/channels/import';

async function preview(s: Sandbox, name: string, text: string): Promise<ImportPreview> {
  const { uploadId } = s.imports.upload({ fileName: name, offset: 0, data: Buffer.from(text).toString('base64'), done: true });
  return s.imports.preview(uploadId);
}

describe('preview', () => {
  let s: Sandbox;
  afterEach(async () => s?.close());

  it('shows the layout, proposed mapping, first rows and a validation summary, and writes nothing', async () => {
    s = sandbox();
    await s.imports.importFile(s.file('seed.csv', buyersCsv([{ email: 'known@example.com', orderId: 'S1', total: '5,00' }])), {});
    const before = snapshot(s.db);
    const text = csv([
      ['Report for Spring Summit'],
      [],
      ['Email', 'First Name', 'Order ID', 'Order Date', 'Order Total', 'Event', 'Shoe size'],
      ['KNOWN@example.com', 'K', 'O1', '25/12/2029', '1.234,56', 'Spring', '42'],
      ['bad-email', 'B', 'O2', '01/12/2029', '10,00', 'Spring', ''],
      ['', 'No', 'O3', '01/12/2029', '10,00', 'Spring', ''],
      ['new@example.com', 'N', 'O4', 'someday', 'lots', 'Spring', ''],
      ['new@example.com', 'N', 'O5', '02/12/2029', '=HYPERLINK("http://x")', 'Spring', ''],
    ], { delimiter: ';' });
    const p = await preview(s, 'list.csv', text);
    expect(p).toMatchObject({ fileName: 'list.csv', delimiter: ';', headerLine: 3, encoding: 'utf-8', preset: 'generic' });
    expect(p.headers).toEqual(['Email', 'First Name', 'Order ID', 'Order Date', 'Order Total', 'Event', 'Shoe size']);
    expect(p.sampleRows[0]).toEqual({ line: 4, cells: ['KNOWN@example.com', 'K', 'O1', '25/12/2029', '1.234,56', 'Spring', '42'] });
    expect(p.mapping.columns.map((c) => c.target)).toEqual(['person.email', 'person.firstName', 'order.id', 'order.date', 'order.total', 'event.name', 'custom']);
    expect(p.formats).toMatchObject({ decimal: ',', decimalDetected: true, dateOrder: 'DMY', dateOrderDetected: true, amountExample: '1.234,56', dateExample: 'DD/MM/YYYY' });
    expect(p.summary).toMatchObject({
      rows: 5, missingEmail: 1, invalidEmails: 1, unparseableDates: 1, unparseableAmounts: 2, duplicateEmails: 1, duplicateRows: 1,
      distinctPeople: 2, existingPeople: 1, formulaCells: 1,
    });
    expect(p.summary.invalidEmailExamples).toEqual([{ line: 5, column: 'Email', value: 'bad-email' }]);
    expect(p.summary.unparseableDateExamples[0]).toEqual({ line: 7, column: 'Order Date', value: 'someday' });
    expect(p.notices).toEqual([]);
    expect(snapshot(s.db)).toEqual(before);
  });

  it('points out a file with no email column and no event', async () => {
    s = sandbox();
    const p = await preview(s, 'x.csv', csv([['Name', 'Phone'], ['A', '1']]));
    expect(p.notices.map((n) => n.code)).toEqual(['noEmail', 'noEvent']);
    expect(p.notices[0].message).toMatch(/No column is mapped to Email/);
  });
});
