import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { describeApp, type AppSession } from './fixture';
import { startEmulator, type Emulator } from '../emulators/index';

const TOKEN = 'e2e-query-token';
const CONTACTS = 50_000;

function salesforceSeed() {
  const stages = ['Prospecting', 'Qualification', 'Negotiation/Review', 'Closed Won', 'Closed Won', 'Closed Lost'];
  return {
    records: {
      Account: [{ '@ref': 'acme', Name: 'Acme Events' }],
      Contact: Array.from({ length: CONTACTS }, (_, i) => ({
        FirstName: i % 7 === 0 ? '=cmd|calc' : `First${i}`,
        LastName: `Person-${String(i).padStart(5, '0')}`,
        Email: `person${i}@example.com`,
        ...(i % 3 === 0 ? { AccountId: '@acme' } : {}),
      })),
      Opportunity: Array.from({ length: 24 }, (_, i) => ({ Name: `Order ${i}`, StageName: stages[i % stages.length], CloseDate: '2026-06-01', Amount: 100 * (i + 1) })),
    },
  };
}

let sf: Emulator;
let hs: Emulator;

beforeAll(async () => {
  sf = await startEmulator('salesforce', { token: TOKEN, seed: salesforceSeed() });
  hs = await startEmulator('hubspot', {
    token: TOKEN,
    seed: { records: { deals: Array.from({ length: 30 }, (_, i) => ({ id: String(i + 1), properties: { dealname: `Deal ${i}`, amount: String(1000 * (i + 1)), dealstage: i % 2 ? 'closedwon' : 'appointmentscheduled', pipeline: 'default' } })) } },
  });
}, 120_000);

afterAll(async () => {
  await sf?.close();
  await hs?.close();
});

/** The CodeMirror editor's text. */
const editorText = (page: Page) => page.locator('[data-testid="soql-editor"] .cm-content').evaluate((el) => (el as HTMLElement).innerText.replace(/\u00a0/g, ' '));

/** Picks in one of the query builder's searchable boxes (object, property): type, then Enter. */
async function choose(page: Page, box: Locator, text: string): Promise<void> {
  await box.click();
  await box.fill(text);
  const list = page.getByRole('listbox', { name: (await box.getAttribute('aria-label')) ?? '', exact: true });
  await list.getByRole('option').first().waitFor();
  await page.keyboard.press('Enter');
}

async function openQuery(app: AppSession): Promise<Page> {
  const { page } = app;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Query/ }).click();
  await page.getByRole('heading', { name: 'Query', level: 1 }).waitFor();
  return page;
}

describeApp('query runner', (app) => {
  it('connects to the emulators through the connections service', async () => {
    const services = app().services;
    if (!services) throw new Error('the chromium variant has services');
    await services.connections.connectWithToken({ provider: 'salesforce', token: TOKEN, loginUrl: sf.url, label: 'Demo Salesforce' });
    await services.connections.connectWithToken({ provider: 'hubspot', token: TOKEN, loginUrl: hs.url, label: 'Demo HubSpot' });
    const page = await openQuery(app());
    await page.getByRole('combobox', { name: 'Connection' }).selectOption('salesforce');
    await page.locator('[data-testid="soql-editor"] .cm-content').waitFor();
    await page.getByRole('button', { name: /Top buyers/ }).waitFor();
  });

  it('types a query with autocomplete: fields, the object after FROM, relationship paths', async () => {
    const page = app().page;
    const editor = page.locator('[data-testid="soql-editor"] .cm-content');
    await editor.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Delete');
    // FROM first (fields come from its object), then back into the select list.
    await page.keyboard.type('SELECT Id FROM Con', { delay: 30 });
    const popup = page.locator('.cm-tooltip-autocomplete');
    await popup.locator('.cm-completionLabel').getByText('Contact', { exact: true }).click();
    await page.keyboard.press('Home');
    for (let i = 0; i < 'SELECT Id'.length; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.type(', Fir', { delay: 30 });
    await popup.locator('.cm-completionLabel').getByText('FirstName', { exact: true }).waitFor();
    // CodeMirror ignores Enter in the first moments after the list opens (its interactionDelay).
    await page.waitForTimeout(250);
    await page.keyboard.press('Enter');
    await page.keyboard.type(', LastName, Acc', { delay: 30 });
    await popup.locator('.cm-completionLabel').getByText('Account.', { exact: true }).waitFor();
    await app().screenshot('query-autocomplete-relationship');
    await popup.locator('.cm-completionLabel').getByText('Account.', { exact: true }).click();
    await popup.locator('.cm-completionLabel').getByText('Name', { exact: true }).waitFor();
    await page.keyboard.type('Na', { delay: 30 });
    await page.waitForTimeout(250);
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    await page.keyboard.type(' ORDER BY LastName', { delay: 20 });
    await page.keyboard.press('Escape');
    expect(await editorText(page)).toBe('SELECT Id, FirstName, LastName, Account.Name FROM Contact ORDER BY LastName');
  });

  it('shows a parse error inline before running', async () => {
    const page = app().page;
    await page.keyboard.type(' LIMIT', { delay: 20 });
    await page.locator('.cm-lintRange-error').first().waitFor({ timeout: 10_000 });
    await page.getByRole('list', { name: 'Problems in the query' }).getByText(/Line 1, col/).waitFor();
    await app().screenshot('query-inline-error');
    for (let i = 0; i < ' LIMIT'.length; i++) await page.keyboard.press('Backspace');
    await page.locator('.cm-lintRange-error').first().waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('runs with Ctrl+Enter: the first page at once, counter, flattened columns, null shown as null', async () => {
    const page = app().page;
    await page.locator('[data-testid="soql-editor"] .cm-content').click();
    await page.keyboard.press('ControlOrMeta+Enter');
    const counter = page.getByTestId('results-counter');
    await expect.poll(() => counter.textContent(), { timeout: 20_000 }).toBe(`2,000 of ${CONTACTS.toLocaleString('en')} rows`);
    const grid = page.getByRole('grid', { name: 'Query results' });
    const headers = await grid.getByRole('columnheader').allTextContents();
    expect(headers.map((h) => h.trim())).toEqual(['#', 'Id', 'FirstName', 'LastName', 'Account.Name']);
    await grid.getByRole('row').nth(2).getByText('null').waitFor();
    await app().screenshot('query-first-page');
  });

  it('loads all pages and scrolls smoothly to the end of the large result', async () => {
    const page = app().page;
    await page.getByRole('button', { name: 'Load all' }).click();
    const counter = page.getByTestId('results-counter');
    await expect.poll(() => counter.textContent(), { timeout: 60_000 }).toBe(`${CONTACTS.toLocaleString('en')} rows`);
    const grid = page.getByRole('grid', { name: 'Query results' });
    // Scroll through the whole result a screen at a time and time the frames.
    const frames = await grid.evaluate(async (el) => {
      const times: number[] = [];
      let last = performance.now();
      for (let i = 0; i < 90; i++) {
        el.scrollTop = ((i + 1) / 90) * (el.scrollHeight - el.clientHeight);
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        times.push(now - last);
        last = now;
      }
      return times.sort((a, b) => a - b);
    });
    const p90 = frames[Math.floor(frames.length * 0.9)];
    expect(p90, `90th percentile frame time while scrolling: ${p90.toFixed(1)} ms`).toBeLessThan(120);
    await grid.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    const last = `Person-${String(CONTACTS - 1).padStart(5, '0')}`;
    await grid.getByText(last, { exact: true }).waitFor({ timeout: 10_000 });
    await grid.getByRole('rowheader', { name: CONTACTS.toLocaleString('en') }).waitFor();
    // Only the rows on screen are in the DOM.
    expect(await grid.getByRole('row').count()).toBeLessThan(120);
    await app().screenshot('query-scrolled-to-end');
  });

  it('sorts by a column header and exports CSV (BOM, API names, formulas neutralised)', async () => {
    const page = app().page;
    const grid = page.getByRole('grid', { name: 'Query results' });
    await grid.getByRole('button', { name: 'LastName' }).click();
    await grid.getByRole('button', { name: 'LastName' }).click();
    await grid.evaluate((el) => el.scrollTo({ top: 0 }));
    await grid.getByText(`Person-${String(CONTACTS - 1).padStart(5, '0')}`, { exact: true }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).click()]);
    const file = await download.path();
    const text = readFileSync(file, 'utf8');
    expect(download.suggestedFilename()).toMatch(/^Contact-.*\.csv$/);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Id,FirstName,LastName,Account.Name');
    expect(lines).toHaveLength(CONTACTS + 1);
    expect(lines[1]).toMatch(/^\w{18},'=cmd\|calc,Person-00000,Acme Events$/);
  });

  it('copies a cell and a range of rows as tab-separated text', async () => {
    const page = app().page;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const grid = page.getByRole('grid', { name: 'Query results' });
    await grid.evaluate((el) => el.scrollTo({ top: 0 }));
    const rows = grid.getByRole('row');
    await rows.nth(1).getByRole('gridcell').nth(2).click();
    await page.keyboard.press('ControlOrMeta+c');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`Person-${String(CONTACTS - 1).padStart(5, '0')}`);
    await rows.nth(1).getByRole('rowheader').click();
    await rows.nth(3).getByRole('rowheader').click({ modifiers: ['Shift'] });
    await expect.poll(() => page.getByText('3 selected').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Pull' }).isEnabled()).toBe(true);
    await page.keyboard.press('ControlOrMeta+c');
    const tsv = (await page.evaluate(() => navigator.clipboard.readText())).split('\n');
    expect(tsv[0]).toBe('Id\tFirstName\tLastName\tAccount.Name');
    expect(tsv.slice(1).map((l) => l.split('\t')[2])).toEqual([CONTACTS - 1, CONTACTS - 2, CONTACTS - 3].map((i) => `Person-${String(i).padStart(5, '0')}`));
    await app().screenshot('query-selection');
    await page.keyboard.press('Escape');
  });

  it('keeps the run in History', async () => {
    const page = app().page;
    await page.getByRole('tab', { name: /History/ }).click();
    await page.getByRole('button', { name: /^SELECT Id, FirstName, LastName, Account\.Name FROM Contact ORDER BY LastName/ }).waitFor();
    await app().screenshot('query-history');
  });

  it('charts a grouped starter query', async () => {
    const page = app().page;
    await page.getByRole('tab', { name: 'Starters' }).click();
    await page.getByRole('button', { name: /Opportunities by stage/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Chart' });
    await dialog.getByRole('img', { name: /by StageName/ }).waitFor({ timeout: 20_000 });
    expect(await dialog.locator('.chart-bar').count()).toBe(5);
    await app().screenshot('query-chart');
    await dialog.getByRole('button', { name: 'Close' }).first().click();
  });

  it('builds a HubSpot search with the filter builder and shows its JSON', async () => {
    const page = app().page;
    await page.getByRole('combobox', { name: 'Connection' }).selectOption('hubspot');
    await choose(page, page.getByRole('combobox', { name: 'HubSpot object' }), 'deals');
    await page.getByRole('button', { name: 'Add a filter' }).click();
    await choose(page, page.getByRole('combobox', { name: 'Property', exact: true }), 'amount');
    await page.getByRole('combobox', { name: 'Operator', exact: true }).selectOption('GT');
    await page.getByLabel('Value', { exact: true }).fill('20000');
    await page.getByRole('button', { name: 'Choose properties' }).click();
    await page.getByRole('checkbox', { name: /\(dealname\)$/ }).check();
    await page.getByRole('checkbox', { name: /\(amount\)$/ }).check();
    await app().screenshot('query-hubspot-builder');
    await page.getByRole('button', { name: /^Run/ }).click();
    await expect.poll(() => page.getByTestId('results-counter').textContent(), { timeout: 20_000 }).toBe('10 rows');
    await page.getByRole('tab', { name: 'JSON' }).click();
    const json = await page.locator('.query-editor-json .cm-content').evaluate((el) => (el as HTMLElement).innerText);
    expect(JSON.parse(json)).toMatchObject({ filterGroups: [{ filters: [{ propertyName: 'amount', operator: 'GT', value: '20000' }] }], properties: ['dealname', 'amount'] });
    await app().screenshot('query-hubspot-json');
  });
});
