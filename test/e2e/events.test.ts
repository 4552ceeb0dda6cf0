import { it, expect } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeApp } from './fixture';
import { failOnConsoleWarnings, heading, openPage } from './pages-helpers';
import { createImportService } from '../../main/import/service';
import { buyersCsv, eventbriteHeaderLine } from '../import/helpers';
import type { AppServices } from '../../main/services/app-services';

// Order #, Order Date, First, Last, Email, Qty, Price Tier, Ticket Type, Attendee #, Group, Order Type, Currency, Total Paid, Fees, EB Fees, EB Proc, Status, addr x6, Q1, Q2, Job, Company
const ebRow = (order: string, attendee: string, first: string, email: string, status: string) =>
  [order, '11/29/24 22:28', first, 'Lovelace', email, '1', '', 'GA', attendee, '', 'Eventbrite Completed', 'USD', '25.00', '1.00', '0.50', '0.70', status, '', '', '', '', '', '', '', '', 'Dev', 'Acme'].join(',') + ',';

/** An Eventbrite report of one event and a generic file of two more, through the real import service. */
async function seed(services: AppServices): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tcs-e2e-events-'));
  try {
    const imports = createImportService({ db: services.db, dataDir: services.dataDir, events: services.events, logger: services.logger });
    const eb = join(dir, 'eb.csv');
    writeFileSync(eb, [eventbriteHeaderLine, ebRow('1001', 'A1', 'Ada', 'ada@example.com', 'Checked In'), ebRow('1001', 'A2', 'Bob', 'bob@example.com', 'Attending'), ebRow('1002', 'A3', 'Cy', 'cy@example.com', 'Not Attending'), ebRow('1003', 'A4', 'Dee', 'dee@example.com', 'Checked In')].join('\n') + '\n');
    await imports.importFile(eb, { event: { name: 'DevConf 2030', date: '2030-06-01' } });
    const generic = join(dir, 'multi.csv');
    writeFileSync(generic, buyersCsv([
      { email: 'eve@example.com', first: 'Eve', orderId: 'G1', event: 'Spring Meetup', eventDate: '2024-04-20', total: '40', status: 'paid', checkedIn: 'yes' },
      { email: 'fay@example.com', first: 'Fay', orderId: 'G2', event: 'Spring Meetup', eventDate: '2024-04-20', total: '40', status: 'paid', checkedIn: 'no' },
      { email: 'gus@example.com', first: 'Gus', orderId: 'G3', event: 'Spring Meetup', eventDate: '2024-04-20', total: '40', status: 'refunded', checkedIn: 'no' },
      { email: 'ada@example.com', first: 'Ada', orderId: 'G4', event: 'Autumn Summit', eventDate: '2030-10-12', total: '120', status: 'paid', checkedIn: 'no' },
    ]));
    await imports.importFile(generic, {});
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describeApp(
  'Events page after an import',
  (app) => {
    failOnConsoleWarnings(app);

    it('lists the events with their counts and charts attendance and revenue', async () => {
      const { page } = app();
      await openPage(page, 'Events');
      const table = page.getByRole('table', { name: 'Events' });
      await table.waitFor();
      const rows = table.locator('tbody tr');
      await expect.poll(() => rows.count()).toBe(3);
      const texts = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
      // Newest first: Autumn Summit, DevConf, Spring Meetup.
      expect(texts[0]).toMatch(/^Autumn Summit/);
      expect(texts[1]).toMatch(/^DevConf 2030 .* 4 4 2 1 \$75\.00 —/);
      expect(texts[2]).toMatch(/^Spring Meetup .* 3 3 1 1 \$80\.00 \$40\.00/);
      for (const name of ['Attendance per event', 'Revenue per event']) {
        const chart = page.getByRole('region', { name });
        await chart.waitFor();
        expect(await chart.locator('svg').count(), name).toBeGreaterThan(0);
        expect(await chart.getByText('Nothing to chart.').count()).toBe(0);
      }
      expect(await page.locator('.page-description').innerText()).toMatch(/3 events · \$275\.00 revenue/);
      await page.mouse.move(0, 0);
      await page.waitForTimeout(300);
      await app().screenshot('events-page');
    });

    it('opens an event with its attendees and status badges, filtered by status', async () => {
      const { page } = app();
      await openPage(page, 'Events');
      await page.getByRole('button', { name: /^Spring Meetup/ }).click();
      const detail = page.getByRole('region', { name: 'Attendees of Spring Meetup' });
      const attendees = detail.getByRole('table', { name: 'Attendees of Spring Meetup' });
      await attendees.waitFor();
      const text = (await attendees.locator('tbody').innerText()).replace(/\s+/g, ' ');
      expect(text).toMatch(/eve@example\.com.*Attended/);
      expect(text).toMatch(/fay@example\.com.*No-show/);
      expect(text).toMatch(/gus@example\.com.*Cancelled/);
      await detail.getByRole('tab', { name: /No-show/ }).click();
      await expect.poll(() => attendees.locator('tbody tr').count()).toBe(1);
      expect(await attendees.locator('tbody').innerText()).toMatch(/fay@example\.com/);
      expect(await detail.getByText(/not synced yet|No CRM connected/).count()).toBeGreaterThan(0);
      await page.mouse.move(0, 0);
      await page.waitForTimeout(300);
      await app().screenshot('events-detail');
      await detail.getByRole('button', { name: 'Close attendees' }).click();
      await expect.poll(() => detail.count()).toBe(0);
      await heading(page, 'Events').waitFor();
    });
  },
  { seed },
);
