import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchApp, type AppSession } from './fixture';
import { openPage } from './pages-helpers';
import { startEmulator, type Emulator } from '../emulators/index';

// Keep the e2e run's tokens apart from anything else in the keychain.
process.env.TICKET_CRM_SYNC_KEYCHAIN_SERVICE = 'ticket-crm-sync-test-e2e';

const TOKEN = 'mappings-e2e-token';

const fieldsOf = (page: Page) => page.getByRole('list', { name: 'Fields of Contact' });
const rowOf = (page: Page, apiName: string) => fieldsOf(page).locator(':scope > li').filter({ hasText: apiName });

/**
 * The Mappings page against a Salesforce emulator connected with a static token, over a store
 * holding three ticket buyers. Chromium through the browser host: the test connects through the
 * host's in-process services.
 */
describe('Mappings page: edit the Contact mapping of a connected Salesforce [chromium]', () => {
  let emu: Emulator;
  let app: AppSession;
  const warnings: string[] = [];

  beforeAll(async () => {
    emu = await startEmulator('salesforce', { token: TOKEN });
    app = await launchApp('chromium', {
      seed: ({ db }) => {
        const insert = db.prepare("INSERT INTO people (email, first_name, last_name, phone, company, custom_fields, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '2026-03-01T10:00:00Z', '2026-03-01T10:00:00Z')");
        insert.run('ada@example.com', 'Ada', 'Lovelace', '+44 20 7946 0000', null, JSON.stringify({ heard_about: 'Newsletter' }));
        insert.run('grace@example.com', 'Grace', 'Hopper', null, null, JSON.stringify({ heard_about: 'Newsletter' }));
        insert.run('alan@example.com', 'Alan', 'Turing', null, null, JSON.stringify({ heard_about: 'A friend' }));
      },
    });
    await app.services!.connections.connectWithToken({ provider: 'salesforce', token: TOKEN, loginUrl: emu.url });
    app.page.on('console', (msg) => {
      if (msg.type() === 'warning') warnings.push(msg.text());
    });
  });
  afterAll(async () => {
    await app?.close();
    await emu?.close();
  });

  it('opens on the Contact default mapping with its fields in two columns', async () => {
    const { page } = app;
    await openPage(page, 'Mappings');
    await page.getByRole('heading', { level: 2, name: /^Contact/ }).waitFor();
    const objects = page.getByRole('navigation', { name: 'CRM objects' });
    expect(await objects.getByRole('button').allInnerTexts()).toEqual([
      expect.stringMatching(/^Account/),
      expect.stringMatching(/^Contact/),
      expect.stringMatching(/^Opportunity/),
      expect.stringMatching(/^Lead\s+off/),
    ]);
    expect(await objects.getByRole('button', { name: /^Contact/ }).getAttribute('aria-current')).toBe('true');
    await expect(page.getByText('Default mapping').isVisible()).resolves.toBe(true);
    await expect(rowOf(page, 'LastName').getByText('*').isVisible()).resolves.toBe(true);
    await expect(rowOf(page, 'FirstName').getByRole('radio', { name: /Both/ }).getAttribute('aria-checked')).resolves.toBe('true');
    await app.screenshot('mappings-contact-default');
  });

  it('changes the direction of a field; the page marks the mapping as edited', async () => {
    const { page } = app;
    const phone = rowOf(page, 'Phone').getByRole('radiogroup', { name: /Direction of Phone/ });
    await phone.getByRole('radio', { name: /Push/ }).click();
    expect(await phone.getByRole('radio', { name: /Push/ }).getAttribute('aria-checked')).toBe('true');
    await page.getByText('Unsaved changes').waitFor();
    // Keyboard: the arrow keys move the choice like native radios.
    await phone.getByRole('radio', { name: /Push/ }).press('ArrowRight');
    expect(await phone.getByRole('radio', { name: /Pull/ }).getAttribute('aria-checked')).toBe('true');
    await phone.getByRole('radio', { name: /Pull/ }).press('ArrowLeft');
    expect(await phone.getByRole('radio', { name: /Push/ }).getAttribute('aria-checked')).toBe('true');
  });

  it('maps a picklist from a custom field and adds a value-map entry, seeing the local values', async () => {
    const { page } = app;
    await page.getByRole('button', { name: /^Not mapped/ }).click();
    await page.getByRole('button', { name: 'Map Lead Source (LeadSource)' }).click();
    await page.getByRole('button', { name: /^Mapped/ }).click();
    const editor = page.getByRole('group', { name: 'Edit the mapping of Lead Source' });
    await editor.getByLabel('Local field', { exact: true }).selectOption('custom.heard_about');
    // The data holds "Newsletter" twice and "A friend" once; neither is an allowed Lead Source.
    await editor.getByRole('button', { name: /^Newsletter\s*2/ }).waitFor();
    await editor.getByLabel('New local value').fill('Newsletter');
    await editor.getByLabel('CRM value for the new entry').selectOption('Web');
    await editor.getByRole('button', { name: 'Add', exact: true }).click();
    await editor.getByLabel('CRM value for Newsletter').waitFor();
    expect(await editor.getByLabel('CRM value for Newsletter').inputValue()).toBe('Web');
    await editor.getByRole('button', { name: /Newsletter\s*2\s*→ Web/ }).waitFor();
    await app.screenshot('mappings-value-map');
  });

  it('shows an inline error next to a formula field mapped to push, and blocks saving', async () => {
    const { page } = app;
    await page.getByRole('button', { name: /^Not mapped/ }).click();
    await page.getByRole('button', { name: 'Map Full Name (Full_Name__c)' }).click();
    await page.getByRole('button', { name: /^Mapped/ }).click();
    const row = rowOf(page, 'Full_Name__c');
    await expect(row.getByText('formula · pull only').isVisible()).resolves.toBe(true);
    const direction = row.getByRole('radiogroup', { name: /Direction of Full Name/ });
    expect(await direction.getByRole('radio', { name: /Pull/ }).getAttribute('aria-checked')).toBe('true');
    await direction.getByRole('radio', { name: /Push/ }).click();
    const error = row.getByText(/Full Name \(Full_Name__c\) is calculated in the CRM: map it for pull only/);
    await error.waitFor();
    expect(await page.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);
    await app.screenshot('mappings-formula-error');

    await direction.getByRole('radio', { name: /Pull/ }).click();
    await error.waitFor({ state: 'detached' });
    await page.waitForFunction(() => !document.querySelector('.has-error'));
    expect(await page.getByRole('button', { name: 'Save', exact: true }).isEnabled()).toBe(true);
  });

  it('shows the exact payload of a real record, then saves', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Test with a record' }).click();
    await page.getByLabel('Record to test with').fill('ada@example.com');
    await page.getByRole('button', { name: 'Map this record' }).click();
    const payload = page.getByLabel('Payload JSON');
    await payload.getByText('"LeadSource": "Web"').waitFor();
    const sent = JSON.parse(await payload.innerText()) as Record<string, unknown>;
    expect(sent).toMatchObject({ FirstName: 'Ada', LastName: 'Lovelace', Email: 'ada@example.com', Phone: '+44 20 7946 0000', LeadSource: 'Web', Ticket_Buyer_Id__c: 'ada@example.com' });
    expect(sent).not.toHaveProperty('Full_Name__c');
    await app.screenshot('mappings-test-payload');

    await page.getByRole('tab', { name: /Picklist values/ }).click();
    await page.getByRole('cell', { name: /“A friend”/ }).waitFor();

    await page.keyboard.press('Control+s');
    await page.getByText(/Saved the Contact mapping/).first().waitFor();
    await page.getByText(/^Saved /).first().waitFor();
    const saved = app.services!.mappings;
    const stored = (await saved.get('salesforce', 'Contact')).mapping!;
    expect(stored.fields.find((f) => f.crm === 'Phone')!.direction).toBe('push');
    expect(stored.fields.find((f) => f.crm === 'LeadSource')).toMatchObject({ local: 'custom.heard_about', valueMap: { values: { Newsletter: 'Web' } } });
    expect(stored.fields.find((f) => f.crm === 'Full_Name__c')!.direction).toBe('pull');
    expect(app.consoleErrors).toEqual([]);
  });

  it('exports the mappings as JSON, resets Contact, and imports the file back', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: /^Fields/ }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export', exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/^mappings-salesforce-\d{4}-\d{2}-\d{2}\.json$/);
    const file = join(app.dataDir, download.suggestedFilename());
    await download.saveAs(file);
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { provider: string; mappings: Array<{ object: string; fields: Array<{ crm: string }> }> };
    expect(doc.provider).toBe('salesforce');
    expect(doc.mappings.find((m) => m.object === 'Contact')!.fields.map((f) => f.crm)).toContain('LeadSource');

    await page.getByRole('button', { name: 'Reset to default' }).click();
    await page.getByRole('dialog', { name: 'Reset Contact?' }).getByRole('button', { name: 'Reset to default' }).click();
    await page.getByText('Default mapping', { exact: true }).waitFor();
    expect(await rowOf(page, 'LeadSource').count()).toBe(0);

    await page.getByLabel('Mappings file to import').setInputFiles(file);
    await page.getByText(/Imported the mappings of Account, Contact, Lead, Opportunity/).first().waitFor();
    await rowOf(page, 'LeadSource').waitFor();
    expect((await app.services!.mappings.get('salesforce', 'Contact')).source).toBe('saved');
    expect(app.consoleErrors).toEqual([]);
    expect(warnings).toEqual([]);
  });
});
