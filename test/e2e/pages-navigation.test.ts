import { it, expect } from 'vitest';
import { describeApp } from './fixture';
import { PAGE_LABELS, failOnConsoleWarnings, focusedName, heading, navLink, openPage, type PageLabel } from './pages-helpers';

/**
 * What each page says on a fresh store: the empty state's title (its role=status name). Connections
 * and Import belong to their features, which own what those pages show; only their headings are
 * checked here.
 */
const EMPTY_STATE: Partial<Record<PageLabel, string>> = {
  People: 'No ticket buyers yet',
  Events: 'No events yet',
  Mappings: 'Connect a CRM first',
  Sync: 'Connect a CRM first',
  Query: 'Connect a CRM first',
};

describeApp('pages on a fresh store', (app) => {
  failOnConsoleWarnings(app);

  it('opens every page from the sidebar, with its heading and empty state', async () => {
    const { page } = app();
    for (const label of PAGE_LABELS) {
      await openPage(page, label);
      expect(await navLink(page, label).getAttribute('aria-current'), label).toBe('page');
      const empty = EMPTY_STATE[label];
      if (empty) await page.getByRole('status', { name: empty }).waitFor();
      await page.mouse.move(0, 0);
      await page.waitForTimeout(200); // hover and colour transitions end before the screenshot
      await app().screenshot(`empty-${label.toLowerCase()}`);
    }
  });

  it('Home shows the counts and points at the first step', async () => {
    const { page } = app();
    await openPage(page, 'Home');
    expect(await page.getByRole('group', { name: 'People' }).innerText()).toMatch(/People\s+0/);
    const steps = page.getByRole('region', { name: 'Next steps' });
    expect(await steps.getByRole('button', { name: 'Open Connections' }).isEnabled()).toBe(true);
    expect(await steps.getByRole('button', { name: 'Review mappings' }).isDisabled()).toBe(true);
    await steps.getByRole('button', { name: 'Import a CSV' }).click();
    await heading(page, 'Import').waitFor();
  });

  it('an empty state sends you where to start', async () => {
    const { page } = app();
    await openPage(page, 'People');
    await page.getByRole('status', { name: 'No ticket buyers yet' }).getByRole('button', { name: 'Import a CSV' }).click();
    await heading(page, 'Import').waitFor();
    await openPage(page, 'Sync');
    await page.getByRole('button', { name: 'Open Connections' }).click();
    await heading(page, 'Connections').waitFor();
  });

  it('switches pages with Alt+1..9 and Ctrl+1..9', async () => {
    const { page } = app();
    for (const [i, label] of PAGE_LABELS.slice(0, 9).entries()) {
      await page.keyboard.press(`Alt+Digit${i + 1}`);
      await heading(page, label).waitFor({ timeout: 5000 });
    }
    await page.keyboard.press('Control+Digit4');
    await heading(page, 'People').waitFor({ timeout: 5000 });
    await page.keyboard.press('Control+Digit1');
    await heading(page, 'Home').waitFor({ timeout: 5000 });
  });

  it('reaches every sidebar link with Tab and opens one with Enter', async () => {
    const { page } = app();
    await page.reload();
    await heading(page, 'Home').waitFor();
    // A page opens with its heading focused; the sidebar and the skip link come before it.
    expect(await focusedName(page)).toBe('Home');
    const backwards: string[] = [];
    for (let i = 0; i < 14 && !backwards.includes('Skip to content'); i++) {
      await page.keyboard.press('Shift+Tab');
      backwards.push(await focusedName(page));
    }
    expect(backwards).toEqual([...PAGE_LABELS].reverse().map(String).concat('Skip to content'));
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('People');
    await page.keyboard.press('Enter');
    await heading(page, 'People').waitFor();
    expect(await focusedName(page)).toBe('People');
  });

  it('keeps the page across a reload', async () => {
    const { page } = app();
    await openPage(page, 'Log');
    await page.reload();
    await heading(page, 'Log').waitFor();
    expect(await page.title()).toBe('Log · Ticket CRM Sync');
  });
});
