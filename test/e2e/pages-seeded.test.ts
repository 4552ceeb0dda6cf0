import { it, expect } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describeApp } from './fixture';
import { seedPeople, type Seed } from './seed-people';
import { failOnConsoleWarnings, heading, openPage } from './pages-helpers';

const PEOPLE = 1234;
let seed: Seed;

const byEmail = (): string[] => seed.people.map((p) => p.email).sort();

/** Opens the app's store file next to the app (WAL lets both connections work at once). */
function withStore<T>(dataDir: string, fn: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, 'ticket-crm-sync.sqlite'));
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const grid = (page: Page) => page.getByRole('grid', { name: 'People' });
const dataRow = (page: Page, index: number) => grid(page).locator(`[role="row"][aria-rowindex="${index + 2}"]`);
const description = (page: Page) => page.locator('.page-description');

/** Lets colour transitions finish so a screenshot shows the end state. */
const settle = (page: Page): Promise<void> => page.waitForTimeout(300);

async function waitForText(read: () => Promise<string>, expected: string | RegExp): Promise<void> {
  await expect.poll(read, { timeout: 10_000 }).toMatch(expected);
}

describeApp(
  'pages with a seeded store',
  (app) => {
    failOnConsoleWarnings(app);

    it('Home counts the seeded people and marks the import step done', async () => {
      const { page } = app();
      await openPage(page, 'Home');
      await waitForText(() => page.getByRole('group', { name: 'People' }).innerText(), /1,234/);
      const steps = page.getByRole('region', { name: 'Next steps' });
      await waitForText(() => steps.locator('li', { hasText: 'Import ticket buyers' }).innerText(), /Done/);
      await app().screenshot('home');
    });

    it('People lists everyone in a virtualized grid and fetches pages as it scrolls', async () => {
      const { page } = app();
      await openPage(page, 'People');
      await waitForText(() => description(page).innerText(), '1,234 ticket buyers in the local store');
      expect(await grid(page).getAttribute('aria-rowcount')).toBe(String(PEOPLE + 1));
      await dataRow(page, 0).locator('[role="gridcell"]').first().waitFor();
      const rendered = await grid(page).locator('[role="row"]').count();
      expect(rendered).toBeGreaterThan(5);
      expect(rendered).toBeLessThan(100);
      await app().screenshot('people');

      // The last row lives in the third page of 500: scrolling there must load it.
      await grid(page).evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      // The default sort is newest update first, and the seed makes each person an hour older than the last.
      await waitForText(() => dataRow(page, PEOPLE - 1).innerText(), seed.people[PEOPLE - 1].email);
    });

    it('People sorts by clicking a header, both ways', async () => {
      const { page } = app();
      await openPage(page, 'People');
      const emails = byEmail();
      const emailHeader = grid(page).getByRole('columnheader', { name: 'Email' });
      await emailHeader.getByRole('button').click();
      expect(await emailHeader.getAttribute('aria-sort')).toBe('ascending');
      await waitForText(() => dataRow(page, 0).innerText(), emails[0]);
      await emailHeader.getByRole('button').click();
      expect(await emailHeader.getAttribute('aria-sort')).toBe('descending');
      await waitForText(() => dataRow(page, 0).innerText(), emails[emails.length - 1]);

      const spentHeader = grid(page).getByRole('columnheader', { name: 'Total spent' });
      await spentHeader.getByRole('button').click();
      expect(await spentHeader.getAttribute('aria-sort')).toBe('descending');
      const top = Math.max(...seed.people.map((p) => p.totalSpent));
      const topPerson = seed.people.find((p) => p.totalSpent === top)!;
      await waitForText(() => dataRow(page, 0).innerText(), topPerson.totalSpent.toFixed(2));
    });

    it('People searches as you type and clears with Escape', async () => {
      const { page } = app();
      await openPage(page, 'People');
      const search = page.getByRole('searchbox', { name: 'Search people' });
      await search.fill('needle');
      await waitForText(() => description(page).innerText(), '1 person match “needle”');
      expect(await grid(page).getAttribute('aria-rowcount')).toBe('2');
      expect(await dataRow(page, 0).innerText()).toContain(seed.needle.email);

      await search.fill('no such person anywhere');
      await page.getByRole('status', { name: 'No one matches your search' }).waitFor();

      await search.press('Escape');
      await waitForText(() => description(page).innerText(), '1,234 ticket buyers in the local store');
    });

    it('People shows the selected person with their orders and CRM records', async () => {
      const { page } = app();
      await openPage(page, 'People');
      await page.getByRole('searchbox', { name: 'Search people' }).fill('needle');
      await waitForText(() => description(page).innerText(), '1 person match');
      await dataRow(page, 0).click();
      const detail = page.getByRole('complementary', { name: 'Person details' });
      await detail.getByRole('heading', { name: 'Zelda Needleman' }).waitFor();
      const orders = detail.getByRole('table', { name: 'Orders' });
      await orders.waitFor();
      expect(await orders.locator('tbody tr').count()).toBe(seed.needle.orderCount);
      expect(await detail.innerText()).toMatch(/Salesforce\s+Contact/);
      expect(await dataRow(page, 0).getAttribute('aria-selected')).toBe('true');
      await app().screenshot('people-detail');

      await detail.getByRole('button', { name: 'Close details' }).click();
      expect(await detail.count()).toBe(0);
    });

    it('People is driven from the keyboard: Enter and arrows pick a person, Escape closes them', async () => {
      const { page } = app();
      await openPage(page, 'People');
      await page.getByRole('searchbox', { name: 'Search people' }).fill('');
      await waitForText(() => description(page).innerText(), '1,234 ticket buyers');
      await grid(page).focus();
      await page.keyboard.press('Enter');
      const detail = page.getByRole('complementary', { name: 'Person details' });
      await detail.waitFor();
      expect(await dataRow(page, 0).getAttribute('aria-selected')).toBe('true');
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => dataRow(page, 1).getAttribute('aria-selected')).toBe('true');
      expect(await dataRow(page, 0).getAttribute('aria-selected')).toBe('false');
      const secondEmail = (await dataRow(page, 1).innerText()).split('\n').find((t) => t.includes('@'))!;
      await waitForText(() => detail.innerText(), secondEmail);
      await detail.getByRole('button', { name: 'Close details' }).focus();
      await page.keyboard.press('Escape');
      expect(await detail.count()).toBe(0);
    });

    it('a failed call shows its message in a toast', async () => {
      const { page, dataDir } = app();
      await openPage(page, 'People');
      withStore(dataDir, (db) => db.exec('ALTER TABLE people RENAME TO people_hidden'));
      try {
        await page.getByRole('searchbox', { name: 'Search people' }).fill('anyone');
        const toast = page.getByRole('alert').filter({ hasText: 'no such table' });
        await toast.waitFor();
        await app().screenshot('toast-error');
        await toast.getByRole('button', { name: 'Dismiss notification' }).click();
        expect(await toast.count()).toBe(0);
      } finally {
        withStore(dataDir, (db) => db.exec('ALTER TABLE people_hidden RENAME TO people'));
      }
      await page.getByRole('searchbox', { name: 'Search people' }).fill('');
      await waitForText(() => description(page).innerText(), '1,234 ticket buyers');
    });

    it('Log lists audit entries, filters them and expands their detail', async () => {
      const { page } = app();
      await openPage(page, 'Log');
      const table = page.getByRole('table', { name: 'Audit log' });
      await table.getByText('Push to Seeded org failed for 2 contacts').waitFor();
      expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
      await app().screenshot('log');

      await page.getByRole('combobox', { name: 'Outcome' }).selectOption('error');
      await expect.poll(() => table.locator('tbody tr').count(), { timeout: 10_000 }).toBe(1);
      await table.getByRole('button', { name: 'Show details' }).click();
      await table.getByText('DUPLICATE_VALUE').waitFor();

      await page.getByRole('combobox', { name: 'Outcome' }).selectOption('');
      await page.getByRole('searchbox', { name: 'Search the audit log' }).fill('seed.csv');
      await expect.poll(() => table.locator('tbody tr').count(), { timeout: 10_000 }).toBe(1);
      expect(await table.innerText()).toContain('Imported 1234 people from seed.csv');

      await page.getByRole('tab', { name: /Live log/ }).click();
      await page.getByRole('tab', { name: /Live log/, selected: true }).waitFor();
      await app().screenshot('log-live');
    });

    it('Settings shows the data dir and saves changes through the store', async () => {
      const { page, dataDir } = app();
      await openPage(page, 'Settings');
      await page.getByText(dataDir, { exact: true }).waitFor();

      const attempts = page.getByRole('textbox', { name: 'Attempts per change' });
      await attempts.fill('0');
      await attempts.press('Enter');
      await page.getByRole('alert').filter({ hasText: 'whole number from 1 to 20' }).waitFor();
      await attempts.fill('7');
      await attempts.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Saved' }).first().waitFor();
      const stored = withStore(dataDir, (db) => db.prepare("SELECT value FROM settings WHERE key = 'sync.maxAttempts'").get() as { value: string });
      expect(JSON.parse(stored.value)).toBe(7);

      await page.getByRole('combobox', { name: 'When both sides changed' }).selectOption('newest-wins');
      await expect
        .poll(() => withStore(dataDir, (db) => (db.prepare("SELECT value FROM settings WHERE key = 'sync.conflictPolicy'").get() as { value: string } | undefined)?.value))
        .toBe('"newest-wins"');

      const debug = page.getByRole('switch', { name: 'Debug logging' });
      await debug.click();
      await page.getByText('Debug logging', { exact: true }).and(page.locator('.badge')).waitFor();
      expect(await debug.getAttribute('aria-checked')).toBe('true');
      await app().screenshot('settings');
      await debug.click();
      await expect.poll(() => debug.getAttribute('aria-checked')).toBe('false');
    });

    it('the dark theme applies everywhere', async () => {
      const { page } = app();
      await openPage(page, 'Settings');
      await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      await settle(page);
      await app().screenshot('settings-dark');
      await openPage(page, 'People');
      await dataRow(page, 0).locator('[role="gridcell"]').first().waitFor();
      await dataRow(page, 0).click();
      await page.getByRole('complementary', { name: 'Person details' }).getByRole('table', { name: 'Orders' }).waitFor();
      await settle(page);
      await app().screenshot('people-dark');
      await openPage(page, 'Home');
      await settle(page);
      await app().screenshot('home-dark');
      await openPage(page, 'Settings');
      await page.getByRole('combobox', { name: 'Theme' }).selectOption('system');
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme ?? 'system')).toBe('system');
      await heading(page, 'Settings').waitFor();
    });
  },
  {
    seed: (services) => {
      seed = seedPeople(services.db, PEOPLE);
    },
  },
);
