import { afterEach, beforeAll, expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { AppSession } from './fixture';

/** Sidebar order, which is also the Alt+1..9 order (the tenth page, Settings, has no shortcut). */
export const PAGE_LABELS = ['Home', 'Connections', 'Import', 'People', 'Events', 'Mappings', 'Sync', 'Query', 'Log', 'Settings'] as const;
export type PageLabel = (typeof PAGE_LABELS)[number];

export const navLink = (page: Page, label: PageLabel) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: new RegExp(`^${label}(\\s|$)`) });

export const heading = (page: Page, label: string) => page.getByRole('heading', { level: 1, name: label, exact: true });

/** Opens a page from the sidebar and waits for its heading. */
export async function openPage(page: Page, label: PageLabel): Promise<void> {
  await navLink(page, label).click();
  await heading(page, label).waitFor();
}

/** Roughly the accessible name of the focused element (aria-label, else its text minus aria-hidden parts). */
export const focusedName = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '';
    const label = el.getAttribute('aria-label');
    if (label) return label;
    const copy = el.cloneNode(true) as Element;
    copy.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
    return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
  });

export async function pollText(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).first().innerText()).trim();
}

export const expectVisible = async (locator: ReturnType<Page['locator']>): Promise<void> => {
  await locator.first().waitFor({ state: 'visible', timeout: 10_000 });
  expect(await locator.first().isVisible()).toBe(true);
};

/** The fixture fails tests on console errors; the pages must not warn either (React keys, a11y, CSP). */
export function failOnConsoleWarnings(app: () => AppSession): void {
  const warnings: string[] = [];
  beforeAll(() => {
    app().page.on('console', (msg) => {
      if (msg.type() === 'warning') warnings.push(msg.text());
    });
  });
  afterEach(() => {
    expect(warnings.splice(0), 'warnings in the browser console').toEqual([]);
  });
}
