import { describe, it, expect } from 'vitest';
import { chromium } from 'playwright-core';
import { describeApp, launchApp } from './fixture';
import { APP_NAME, APP_VERSION } from '../../main/services/app-meta';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './environment';

const PAGES = ['Home', 'Connections', 'Import', 'People', 'Events', 'Mappings', 'Sync', 'Query', 'Log', 'Settings'];

describeApp('app shell', (app) => {
  it('renders the window title, the header and navigation to every page', async () => {
    const { page } = app();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.waitFor();
    expect(await page.title()).toBe(APP_NAME);
    for (const label of PAGES) {
      expect(await nav.getByRole('link', { name: new RegExp(`^${label}(\\s|$)`) }).count(), label).toBe(1);
    }
    await app().screenshot('smoke-shell');
  });

  it('is connected to main: app info arrived over the contract', async () => {
    const { page } = app();
    await page.getByText(`Version ${APP_VERSION}`).waitFor({ timeout: 10_000 });
    expect(await page.getByText(/Not signed in|Reconnecting/).count()).toBe(0);
  });

  it('drops the session token from the address bar', async () => {
    expect(new URL(app().page.url()).searchParams.has('token')).toBe(false);
  });

  it('still works after a reload without the token in the URL', async () => {
    const { page } = app();
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.getByText(`Version ${APP_VERSION}`).waitFor({ timeout: 10_000 });
    expect(await page.getByText(/Not signed in|Reconnecting|Open the app from its own link/).count()).toBe(0);
  });
});

describe('browser host refuses strangers [chromium]', () => {
  it('answers 401 to a browser without the token and 403 to a wrong one', async () => {
    const session = await launchApp('chromium');
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    try {
      const page = await (await browser.newContext()).newPage();
      const base = `http://127.0.0.1:${session.host!.port}/`;
      expect((await page.goto(base))?.status()).toBe(401);
      expect((await page.goto(`${base}?token=${'x'.repeat(43)}`))?.status()).toBe(403);
    } finally {
      await browser.close();
      await session.close();
    }
  });
});
