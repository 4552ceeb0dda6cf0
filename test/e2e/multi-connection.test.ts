import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchApp, type AppSession } from './fixture';
import { openPage } from './pages-helpers';
import { startEmulator, type Emulator } from '../emulators/index';

// Keep the e2e run's tokens apart from anything else in the keychain.
process.env.TICKET_CRM_SYNC_KEYCHAIN_SERVICE = 'ticket-crm-sync-test-e2e';

const PROD_TOKEN = 'multi-e2e-production-session';
const SANDBOX_TOKEN = 'multi-e2e-sandbox-session';
const PHONE_FIX = 'Your Salesforce user cannot edit Contact.Phone: ask your Salesforce admin for Edit access to Contact.Phone (field-level security), or set this field to pull only';

const picker = (page: Page, name = 'Connection') => page.locator('.connection-picker').filter({ has: page.getByRole('combobox', { name, exact: true }) });
const hostOf = (url: string) => new URL(url).host;

/**
 * Issue 9 point 4 in the UI: two Salesforce orgs (production and sandbox emulators) connected
 * side by side. The Connections page lists both under Salesforce with their names and offers
 * another; the Mappings, Sync and Query pages show which one they act on (name, CRM, org) and
 * switch between them. The sandbox's profile makes Contact.Phone read-only, so its mapping shows
 * the permission preflight's error inline (issue 9 point 3) while production's does not.
 */
describe('two Salesforce connections side by side [chromium]', () => {
  let prod: Emulator;
  let sandbox: Emulator;
  let app: AppSession;

  beforeAll(async () => {
    [prod, sandbox] = await Promise.all([
      startEmulator('salesforce', { token: PROD_TOKEN, seed: { org: { username: 'ops@acme.example' } } }),
      startEmulator('salesforce', { token: SANDBOX_TOKEN, seed: { org: { username: 'ops@acme.example.staging' } } }),
    ]);
    app = await launchApp('chromium', {
      seed: ({ db }) => {
        const insert = db.prepare("INSERT INTO people (email, first_name, last_name, phone, created_at, updated_at) VALUES (?, ?, ?, ?, '2026-03-01T10:00:00Z', '2026-03-01T10:00:00Z')");
        insert.run('ada@example.com', 'Ada', 'Lovelace', '+44 20 7946 0000');
        insert.run('grace@example.com', 'Grace', 'Hopper', '+1 555 0100');
      },
    });
    const services = app.services!;
    await services.connections.connectWithToken({ provider: 'salesforce', token: PROD_TOKEN, loginUrl: prod.url, label: 'Acme production' });
    await services.connections.connectWithToken({ provider: 'salesforce', token: SANDBOX_TOKEN, loginUrl: sandbox.url, label: 'Acme sandbox', asNew: true });
    // The sandbox's Contact mapping was saved (pushing Phone) before its admin made Phone read-only.
    const contact = (await services.mappings.get('salesforce-2', 'Contact')).mapping!;
    expect((await services.mappings.save('salesforce-2', 'Contact', contact)).saved).toBe(true);
    const res = await fetch(`${sandbox.url}/__admin/permissions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fields: { Contact: { Phone: 'readOnly' } } }) });
    expect(res.ok).toBe(true);
    await services.mappings.refresh('salesforce-2');
  });
  afterAll(async () => {
    await app?.close();
    await Promise.all([prod?.close(), sandbox?.close()]);
  });
  afterEach(() => {
    expect(app.consoleErrors.splice(0), 'errors in the browser console').toEqual([]);
  });

  it('Connections lists both Salesforce orgs with their names, and offers another', async () => {
    const { page } = app;
    await openPage(page, 'Connections');
    const card = page.locator('section.card').filter({ has: page.getByRole('heading', { level: 2, name: 'Salesforce', exact: true }) });
    const production = card.getByRole('group', { name: 'Acme production (salesforce)' });
    const staging = card.getByRole('group', { name: 'Acme sandbox (salesforce-2)' });
    await production.waitFor();
    await expect(production.getByText('ops@acme.example', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(staging.getByText('ops@acme.example.staging', { exact: true }).isVisible()).resolves.toBe(true);

    await app.screenshot('multi-connection-connections');

    await card.getByRole('button', { name: 'Add another Salesforce connection' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add another Salesforce connection' });
    await dialog.getByLabel('Name in this app').waitFor();
    await app.screenshot('multi-connection-add-another');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('Mappings shows the connection it edits and switches to the sandbox, with its own mapping and its permission error', async () => {
    const { page } = app;
    await openPage(page, 'Mappings');
    await page.getByRole('heading', { level: 2, name: /^Contact/ }).waitFor();
    const current = picker(page);
    await expect(current.innerText()).resolves.toMatch(new RegExp(`Salesforce\\s+Acme production\\s+${hostOf(prod.url).replace(/\./g, '\\.')}`));
    expect(await current.getAttribute('data-connection')).toBe('salesforce');
    await page.getByText('Default mapping').waitFor();
    expect(await page.getByText(PHONE_FIX).count()).toBe(0);
    // Every option names the label, the CRM and the org, so the two orgs never look alike.
    const options = await page.getByRole('combobox', { name: 'Connection', exact: true }).locator('option').allInnerTexts();
    expect(options).toEqual([`Acme production · Salesforce · ${hostOf(prod.url)}`, `Acme sandbox · Salesforce · ${hostOf(sandbox.url)}`]);

    await page.getByRole('combobox', { name: 'Connection', exact: true }).selectOption('salesforce-2');
    await page.getByText(PHONE_FIX).first().waitFor();
    expect(await current.getAttribute('data-connection')).toBe('salesforce-2');
    await expect(current.innerText()).resolves.toMatch(/Acme sandbox/);
    await expect(current.innerText()).resolves.toContain(hostOf(sandbox.url));
    expect(await page.getByText('Default mapping').count()).toBe(0);
    await page.getByRole('button', { name: /^Problems\s*1/ }).click();
    await page.getByRole('list', { name: 'Fields of Contact' }).getByText(PHONE_FIX).waitFor();
    await app.screenshot('multi-connection-mappings-sandbox');
    await page.getByRole('button', { name: /^Mapped/ }).click();

    await page.getByRole('combobox', { name: 'Connection', exact: true }).selectOption('salesforce');
    await page.getByText('Default mapping').waitFor();
    await expect(current.innerText()).resolves.toMatch(/Acme production/);
    expect(await page.getByText(PHONE_FIX).count()).toBe(0);
  });

  it('Sync checks permissions per connection: production is clean, the sandbox names the field and the fix', async () => {
    const { page } = app;
    await openPage(page, 'Sync');
    const card = page.locator('section.card').filter({ has: page.getByRole('heading', { level: 2, name: 'Permissions' }) });
    await card.getByText('Acme production: the connected user may do everything the switched-on mappings need.').waitFor();
    await card.getByRole('combobox', { name: 'Connection to check' }).selectOption('salesforce-2');
    const problems = card.getByRole('list', { name: 'Permission problems of Acme sandbox' });
    await problems.waitFor();
    await expect(problems.innerText()).resolves.toContain(`${PHONE_FIX}.`);
    await expect(picker(page, 'Connection to check').innerText()).resolves.toMatch(/Acme sandbox/);
    await card.scrollIntoViewIfNeeded();
    await app.screenshot('multi-connection-sync-permissions');
  });

  it('Query shows and switches the connection it runs on', async () => {
    const { page } = app;
    await openPage(page, 'Query');
    const select = page.getByRole('combobox', { name: 'Connection', exact: true });
    await select.selectOption('salesforce-2');
    await page.getByText('SOQL on Acme sandbox').waitFor();
    await expect(picker(page).innerText()).resolves.toContain(hostOf(sandbox.url));
    await select.selectOption('salesforce');
    await page.getByText('SOQL on Acme production').waitFor();
  });
});
