import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { describeApp } from './fixture';
import { startEmulator, type Emulator } from '../emulators/index';

const TOKEN = 'e2e-query-builder-token';
const SOURCES = ['Web', 'Phone Inquiry', 'Partner Referral', undefined] as const;
const OLD = '2020-01-15T10:00:00Z';

/** 40 contacts: lead sources in turn, the first 10 created long ago, two accounts. */
const CONTACTS = Array.from({ length: 40 }, (_, i) => ({
  FirstName: `Ada${i}`,
  LastName: `Builder-${String(39 - i).padStart(2, '0')}`,
  Email: `builder${i}@example.com`,
  AccountId: i % 2 ? '@acme' : '@globex',
  ...(SOURCES[i % 4] ? { LeadSource: SOURCES[i % 4] } : {}),
  ...(i < 10 ? { CreatedDate: OLD } : {}),
}));
/** What the query built below should answer: Web or Phone Inquiry, created in the last 30 days. */
const EXPECTED = CONTACTS.filter((c) => (c.LeadSource === 'Web' || c.LeadSource === 'Phone Inquiry') && !c.CreatedDate);

const BUILT_SOQL = [
  'SELECT Id, FirstName, LastName, Account.Name',
  'FROM Contact',
  "WHERE LeadSource IN ('Web', 'Phone Inquiry')",
  '  AND CreatedDate = LAST_N_DAYS:30',
  'ORDER BY LastName',
  'LIMIT 50',
].join('\n');

/** HubSpot deals in two stages (closedwon every third). */
const DEALS = Array.from({ length: 12 }, (_, i) => ({ id: String(i + 1), properties: { dealname: `Deal ${i}`, amount: String(500 * (i + 1)), dealstage: i % 3 === 0 ? 'closedwon' : 'appointmentscheduled', pipeline: 'default' } }));

let sf: Emulator;
let hs: Emulator;

beforeAll(async () => {
  sf = await startEmulator('salesforce', {
    token: TOKEN,
    seed: {
      records: {
        Account: [
          { '@ref': 'acme', Name: 'Acme Events' },
          { '@ref': 'globex', Name: 'Globex Arenas' },
        ],
        Contact: CONTACTS,
      },
    },
  });
  hs = await startEmulator('hubspot', { token: TOKEN, seed: { records: { deals: DEALS } } });
}, 120_000);

afterAll(async () => {
  await sf?.close();
  await hs?.close();
});

/** The CodeMirror editor's text. */
const editorText = (page: Page) => page.locator('[data-testid="soql-editor"] .cm-content').evaluate((el) => (el as HTMLElement).innerText.replace(/\u00a0/g, ' '));

/**
 * Types a new query over the editor's text. Deleted first: Chromium typing over a selection of
 * several lines tries an inline style (which the CSP refuses) before CodeMirror redraws.
 */
async function replaceEditorText(page: Page, text: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text, { delay: 5 });
}

/** Picks an option in one of the builder's comboboxes by typing, as a keyboard user would. */
async function pick(page: Page, box: Locator, text: string): Promise<void> {
  await box.click();
  await box.fill(text);
  const list = page.getByRole('listbox', { name: (await box.getAttribute('aria-label')) ?? '', exact: true });
  await list.getByRole('option', { name: new RegExp(`\\b${text}\\b`) }).first().waitFor();
  await page.keyboard.press('Enter');
}

describeApp('visual query builder', (app) => {
  it('shows the builder beside the SOQL editor, following the editor’s query', async () => {
    const services = app().services;
    if (!services) throw new Error('the chromium variant has services');
    await services.connections.connectWithToken({ provider: 'salesforce', token: TOKEN, loginUrl: sf.url, label: 'Builder org' });
    const { page } = app();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Query/ }).click();
    const qb = page.getByRole('region', { name: 'Query builder' });
    await qb.waitFor();
    // The starting query (Contact, five fields) is read into the builder.
    await expect.poll(() => qb.getByRole('combobox', { name: 'Object' }).inputValue()).toBe('Contact');
    await expect.poll(() => qb.getByRole('tab', { name: /Fields/ }).textContent()).toBe('Fields5');
    await qb.getByRole('checkbox', { name: /\(Email\)$/ }).waitFor();
    expect(await qb.getByRole('checkbox', { name: /\(Email\)$/ }).isChecked()).toBe(true);
  });

  it('builds a query visually: object, fields with a parent field, picklist and date-literal filters, sort and limit', async () => {
    const { page } = app();
    const qb = page.getByRole('region', { name: 'Query builder' });
    await pick(page, qb.getByRole('combobox', { name: 'Object' }), 'Account');
    await expect.poll(() => editorText(page)).toBe('SELECT Id\nFROM Account');
    await pick(page, qb.getByRole('combobox', { name: 'Object' }), 'Contact');
    await expect.poll(() => editorText(page)).toBe('SELECT Id\nFROM Contact');

    // Fields: a click, the keyboard from the search box, and a parent field through its lookup.
    await qb.getByRole('checkbox', { name: /\(FirstName\)$/ }).check();
    await qb.getByRole('searchbox', { name: 'Search fields' }).fill('last name');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await qb.getByRole('searchbox', { name: 'Search fields' }).fill('');
    await qb.getByRole('button', { name: /\(Account\) fields$/ }).click();
    await qb.getByRole('checkbox', { name: /\(Account\.Name\)$/ }).check();
    await qb.getByRole('button', { name: /\(Account\.Owner\) fields$/ }).waitFor();
    await expect.poll(() => editorText(page)).toBe('SELECT Id, FirstName, LastName, Account.Name\nFROM Contact');
    await app().screenshot('query-builder-fields');

    // Filters: LeadSource in two picklist values, CreatedDate in the last 30 days.
    await qb.getByRole('tab', { name: /Filters/ }).click();
    await qb.getByRole('button', { name: 'Add filter' }).click();
    const first = qb.getByRole('group', { name: 'Filter 1' });
    // The new filter's field box has the focus and its list open: type and Enter.
    await page.keyboard.type('LeadSource');
    await page.getByRole('option', { name: /LeadSource/ }).first().waitFor();
    await page.keyboard.press('Enter');
    await first.getByRole('combobox', { name: 'Operator' }).selectOption('in');
    await first.getByRole('button', { name: 'Web', exact: true }).click();
    await first.getByRole('button', { name: 'Phone Inquiry', exact: true }).click();
    expect(await first.getByRole('button', { name: 'Web', exact: true }).getAttribute('aria-pressed')).toBe('true');

    await qb.getByRole('button', { name: 'Add filter' }).click();
    const second = qb.getByRole('group', { name: 'Filter 2' });
    await pick(page, second.getByRole('combobox', { name: 'Field' }), 'CreatedDate');
    await second.getByRole('combobox', { name: 'Value (relative date)' }).selectOption('THIS_QUARTER');
    await expect.poll(() => editorText(page)).toContain('CreatedDate = THIS_QUARTER');
    await second.getByRole('combobox', { name: 'Value (relative date)' }).selectOption('LAST_N_DAYS');
    await second.getByRole('textbox', { name: 'Value n' }).fill('30');
    await expect.poll(() => editorText(page)).toContain('CreatedDate = LAST_N_DAYS:30');
    await app().screenshot('query-builder-filters');

    // The top-level AND/OR, and a group in parentheses with its own.
    await qb.getByRole('radio', { name: 'Any (OR)' }).first().click();
    await expect.poll(() => editorText(page)).toContain("  OR CreatedDate = LAST_N_DAYS:30");
    await qb.getByRole('radio', { name: 'All (AND)' }).first().click();
    await qb.getByRole('button', { name: 'Add OR group' }).click();
    const group = qb.getByRole('group', { name: 'Group 3' });
    // A parent field by keyboard: the lookup's entry opens its object's fields (→), then pick.
    await page.keyboard.type('Account fields');
    await page.getByRole('option', { name: /Account fields/ }).waitFor();
    await page.keyboard.press('ArrowRight');
    await page.getByText('Contact › Account', { exact: true }).waitFor();
    await page.keyboard.type('Industry');
    await page.getByRole('option', { name: /Account\.Industry/ }).waitFor();
    await app().screenshot('query-builder-parent-field');
    await page.keyboard.press('Enter');
    const firstInGroup = group.getByRole('group', { name: 'Group 3 filter 1' });
    expect(await firstInGroup.getByRole('combobox', { name: 'Field' }).inputValue()).toBe('Account.Industry');
    await firstInGroup.getByRole('combobox', { name: 'Operator' }).selectOption('isNull');
    await group.getByRole('button', { name: 'Add to group' }).click();
    await page.keyboard.type('LastName');
    await page.getByRole('option', { name: /LastName/ }).first().waitFor();
    await page.keyboard.press('Enter');
    const inGroup = group.getByRole('group', { name: 'Group 3 filter 2' });
    await inGroup.getByRole('combobox', { name: 'Operator' }).selectOption('startsWith');
    await inGroup.getByRole('textbox', { name: 'Value' }).fill("O'Builder_");
    await expect.poll(() => editorText(page)).toContain("  AND (\n    Account.Industry = null\n    OR LastName LIKE 'O\\'Builder\\_%'\n  )");
    await app().screenshot('query-builder-group');
    await group.getByRole('button', { name: 'Remove group 3', exact: true }).click();
    await expect.poll(() => editorText(page)).not.toContain('Industry');

    // Sort and limit.
    await qb.getByRole('tab', { name: /Sort/ }).click();
    await qb.getByRole('button', { name: 'Add sort' }).click();
    await page.keyboard.type('LastName');
    await page.getByRole('option', { name: /LastName/ }).first().waitFor();
    await page.keyboard.press('Enter');
    await qb.getByRole('textbox', { name: 'Limit' }).fill('50');

    await expect.poll(() => editorText(page)).toBe(BUILT_SOQL);
    await app().screenshot('query-builder-sort');
  });

  it('runs the generated SOQL and shows the rows it selects', async () => {
    const { page } = app();
    await page.getByRole('button', { name: /^Run/ }).click();
    const counter = page.getByTestId('results-counter');
    await expect.poll(() => counter.textContent(), { timeout: 20_000 }).toBe(`${EXPECTED.length} rows`);
    const grid = page.getByRole('grid', { name: 'Query results' });
    const headers = await grid.getByRole('columnheader').allTextContents();
    expect(headers.map((h) => h.trim())).toEqual(['#', 'Id', 'FirstName', 'LastName', 'Account.Name']);
    const lastNames = EXPECTED.map((c) => c.LastName).sort();
    await grid.getByText(lastNames[0], { exact: true }).waitFor();
    const firstRow = grid.getByRole('row').nth(1);
    const cells = await firstRow.getByRole('gridcell').allTextContents();
    const seeded = EXPECTED.find((c) => c.LastName === lastNames[0])!;
    expect(cells.slice(1)).toEqual([seeded.FirstName, seeded.LastName, seeded.AccountId === '@acme' ? 'Acme Events' : 'Globex Arenas']);
    await app().screenshot('query-builder-results');

    // The builder folds to a rail (the editor takes the width) and comes back as it was.
    await page.getByRole('button', { name: 'Hide the builder' }).click();
    await page.getByRole('region', { name: 'Query builder' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Show the query builder' }).click();
    const qb = page.getByRole('region', { name: 'Query builder' });
    await expect.poll(() => qb.getByRole('textbox', { name: 'Limit' }).inputValue()).toBe('50');
    expect(await qb.getByRole('tab', { name: /Filters/ }).textContent()).toBe('Filters2');
  });

  it('follows a hand edit it can show, and pauses on one it cannot until rebuilt', async () => {
    const { page } = app();
    const qb = page.getByRole('region', { name: 'Query builder' });
    const editor = page.locator('[data-testid="soql-editor"] .cm-content');
    await editor.click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('20', { delay: 20 });
    // The builder reads the edited text: the limit follows, the text is left as typed.
    await expect.poll(() => qb.getByRole('textbox', { name: 'Limit' }).inputValue()).toBe('20');
    expect(await qb.getByRole('status').textContent()).toBe('Live');

    await replaceEditorText(page, 'SELECT LeadSource, COUNT(Id) FROM Contact GROUP BY LeadSource');
    const alert = qb.getByRole('alert');
    await alert.getByText('Edited by hand — builder paused').waitFor();
    await alert.getByText(/cannot show COUNT\(Id\) and GROUP BY/).waitFor();
    await app().screenshot('query-builder-paused');
    await alert.getByRole('button', { name: 'Rebuild' }).click();
    await expect.poll(() => editorText(page)).toBe(BUILT_SOQL.replace('LIMIT 50', 'LIMIT 20'));
    await alert.waitFor({ state: 'detached' });

    // Reset from SOQL keeps what the builder can show and drops the rest.
    await editor.click();
    await replaceEditorText(page, 'SELECT Email, COUNT(Id) FROM Lead GROUP BY Email');
    await alert.getByRole('button', { name: 'Reset from SOQL' }).click();
    await expect.poll(() => editorText(page)).toBe('SELECT Email\nFROM Lead');
    await expect.poll(() => qb.getByRole('combobox', { name: 'Object' }).inputValue()).toMatch(/Lead/);
  });

  it('drives the HubSpot filter builder with the same pickers and type-aware inputs', async () => {
    const services = app().services!;
    await services.connections.connectWithToken({ provider: 'hubspot', token: TOKEN, loginUrl: hs.url, label: 'Builder portal' });
    const { page } = app();
    await page.getByRole('combobox', { name: 'Connection', exact: true }).selectOption('hubspot');
    const object = page.getByRole('combobox', { name: 'HubSpot object' });
    await pick(page, object, 'deals');
    await expect.poll(() => object.inputValue()).toMatch(/\(deals\)$/);

    await page.getByRole('button', { name: 'Add a filter' }).click();
    await pick(page, page.getByRole('combobox', { name: 'Property', exact: true }), 'dealstage');
    await page.getByRole('combobox', { name: 'Operator', exact: true }).selectOption('IN');
    // A picklist property offers its options as toggles.
    const values = page.getByRole('group', { name: 'Values' });
    await values.getByRole('button', { name: 'Closed Won', exact: true }).first().click();
    expect(await values.getByRole('button', { pressed: true }).count()).toBe(1);
    await app().screenshot('query-builder-hubspot-filter');
    await page.getByRole('button', { name: 'Choose properties' }).click();
    await page.getByRole('searchbox', { name: 'Search properties' }).fill('deal');
    await page.getByRole('checkbox', { name: /\(dealname\)$/ }).check();
    await page.getByRole('checkbox', { name: /\(dealstage\)$/ }).check();
    await page.getByRole('searchbox', { name: 'Search properties' }).fill('');
    await page.getByRole('checkbox', { name: /\(amount\)$/ }).check();
    await expect.poll(() => page.getByRole('list', { name: 'Selected properties' }).getByRole('listitem').allTextContents()).toEqual(['dealname', 'dealstage', 'amount']);
    await app().screenshot('query-builder-hubspot');

    await page.getByRole('button', { name: /^Run/ }).click();
    const won = DEALS.filter((d) => d.properties.dealstage === 'closedwon').length;
    await expect.poll(() => page.getByTestId('results-counter').textContent(), { timeout: 20_000 }).toBe(`${won} rows`);
    const headers = await page.getByRole('grid', { name: 'Query results' }).getByRole('columnheader').allTextContents();
    // The chosen properties first; HubSpot adds its own few after them.
    expect(headers.map((h) => h.trim()).slice(0, 5)).toEqual(['#', 'id', 'dealname', 'dealstage', 'amount']);
    await page.getByRole('tab', { name: 'JSON' }).click();
    const json = await page.locator('.query-editor-json .cm-content').evaluate((el) => (el as HTMLElement).innerText);
    expect(JSON.parse(json)).toMatchObject({ filterGroups: [{ filters: [{ propertyName: 'dealstage', operator: 'IN', values: ['closedwon'] }] }], properties: ['dealname', 'dealstage', 'amount'] });
  });
});
