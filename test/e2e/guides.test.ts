import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type AppSession } from './fixture';
import { focusedName, openPage } from './pages-helpers';
import { guideForProvider, salesforceScopes } from '../../shared/setup-guides';

/**
 * The Salesforce setup guide from the Connections page: opened from the card by keyboard, copy
 * buttons put the exact value on the clipboard and say so, Escape closes it, and nothing lands
 * in the browser console. Chromium through the browser host (its clipboard can be read back).
 */
describe('Connections page: the Salesforce setup guide [chromium]', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await launchApp('chromium');
    await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.host!.url });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens from the card, copies exact values, works by keyboard, and leaves no console error', async () => {
    const { page } = app;
    const guide = guideForProvider('salesforce')!;
    await openPage(page, 'Connections');
    const card = page.getByRole('region', { name: 'Salesforce' });
    const open = card.getByRole('button', { name: 'Setup guide' });
    await open.focus();
    await page.keyboard.press('Enter');

    const dialog = page.getByRole('dialog', { name: guide.title });
    await dialog.waitFor();
    for (const section of guide.sections) await dialog.getByRole('heading', { level: 3, name: section.title }).waitFor();
    await expect(dialog.getByRole('heading', { level: 4, name: 'Choose the OAuth scopes' }).isVisible()).resolves.toBe(true);

    // A scope: the copy button names the value, copies it exactly and says "Copied".
    const scope = salesforceScopes[2];
    const copyScope = dialog.getByRole('button', { name: `Copy ${scope.label}` });
    await copyScope.click();
    await dialog.getByRole('button', { name: `Copied ${scope.label}` }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(scope.scope);
    await dialog.getByRole('status').filter({ hasText: `${scope.label} copied to the clipboard` }).waitFor();

    // By keyboard: focus the sandbox login URL's button and press Enter.
    const copySandbox = dialog.getByRole('button', { name: 'Copy Sandbox' });
    await copySandbox.scrollIntoViewIfNeeded();
    await copySandbox.focus();
    expect(await focusedName(page)).toBe('Copy Sandbox');
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Copied Sandbox' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('https://test.salesforce.com');

    // Every exact value has a copy button.
    const valueCount = guide.sections.flatMap((s) => s.steps.flatMap((st) => st.blocks.flatMap((b) => (b.kind === 'values' ? b.items : [])))).length;
    expect(await dialog.getByRole('button', { name: /^Cop(y|ied) / }).count()).toBe(valueCount);

    await dialog.getByRole('heading', { level: 4, name: 'Choose the OAuth scopes' }).scrollIntoViewIfNeeded();
    await app.screenshot('connections-salesforce-guide');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focusedName(page)).toBe('Setup guide');
    expect(app.consoleErrors).toEqual([]);
  });

  it('offers a guide on every provider card that has one', async () => {
    const { page } = app;
    const cards: Array<[name: string, provider: string]> = [['HubSpot', 'hubspot'], ['Pipedrive', 'pipedrive'], ['GestãoClick', 'gestaoclick'], ['Bling', 'bling']];
    for (const [name, provider] of cards) {
      const card = page.getByRole('region', { name });
      await card.getByRole('button', { name: 'Setup guide' }).click();
      const dialog = page.getByRole('dialog', { name: guideForProvider(provider)!.title });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Close' }).last().click();
      await dialog.waitFor({ state: 'detached' });
    }
    expect(app.consoleErrors).toEqual([]);
  });
});
