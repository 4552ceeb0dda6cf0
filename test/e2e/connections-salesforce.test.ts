import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type AppSession } from './fixture';
import { openPage } from './pages-helpers';
import { startEmulator, type Emulator } from '../emulators/index';

// Keep the e2e run's tokens apart from anything else in the keychain.
process.env.TICKET_CRM_SYNC_KEYCHAIN_SERVICE = 'ticket-crm-sync-test-e2e';

const CLIENT_ID = '3MVG9EmulatorTicketCrmSyncConsumerKey';

/**
 * The whole browser sign-in through the UI: Connect on the Salesforce card, the consent page of
 * the emulator in a second tab, Approve, and the card turns "Connected". Chromium through the
 * browser host only: it needs a tab the test can drive, which Electron hands to the system browser.
 */
describe('Connections page: connect Salesforce by approving on its consent page [chromium]', () => {
  let emu: Emulator;
  let app: AppSession;

  beforeAll(async () => {
    emu = await startEmulator('salesforce');
    app = await launchApp('chromium');
  });
  afterAll(async () => {
    await app?.close();
    await emu?.close();
  });

  it('connects, shows user, org and API usage, and leaves no console error', async () => {
    const { page } = app;
    await openPage(page, 'Connections');
    const card = page.getByRole('region', { name: 'Salesforce' });
    await card.getByRole('button', { name: 'Connect' }).click();

    const dialog = page.getByRole('dialog', { name: 'Connect Salesforce' });
    await dialog.getByLabel('Login domain').selectOption({ label: 'Another URL…' });
    await dialog.getByLabel('Login domain URL').fill(emu.url);
    await dialog.getByLabel('Consumer key').fill(CLIENT_ID);
    await app.screenshot('connections-salesforce-dialog');
    await dialog.getByRole('button', { name: 'Continue in browser' }).click();

    const link = dialog.getByRole('link', { name: 'Open the sign-in page' });
    const [consent] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await consent.waitForLoadState();
    expect(consent.url()).toContain(`${emu.url}/services/oauth2/authorize`);
    await consent.getByRole('button', { name: 'Approve' }).click();
    await consent.getByText('You can close this tab').waitFor();
    await consent.close();

    await card.getByText('Connected', { exact: true }).waitFor({ timeout: 15_000 });
    await expect(card.getByText(/@/).first().isVisible()).resolves.toBe(true);
    await card.getByRole('progressbar', { name: 'API usage' }).waitFor();
    expect(await dialog.count()).toBe(0);
    await app.screenshot('connections-salesforce-connected');

    await card.getByRole('button', { name: 'Test connection' }).click();
    await card.getByText(/Salesforce answers: signed in as/).waitFor();
    expect(app.consoleErrors).toEqual([]);
  });
});
