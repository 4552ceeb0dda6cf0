import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveDemo, type ServedDemo } from '../../main/demo/serve-demo';
import { startEmulator } from '../emulators/index';
import { CHROMIUM_ARGS, CHROMIUM_PATH, RENDER_DIR, SCREENSHOT_DIR } from './environment';
import { heading, openPage } from './pages-helpers';

/**
 * `npm run demo` as a user meets it: the demo started the way scripts/demo.ts starts it, its
 * printed URL opened in Chromium. The demo is served to a browser only (see main/demo), so there
 * is no Electron variant.
 */
describe('demo mode in the browser [chromium]', () => {
  const root = mkdtempSync(join(tmpdir(), 'tcs-e2e-demo-'));
  let served: ServedDemo;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const warnings: string[] = [];

  const shot = async (name: string) => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.mouse.move(0, 0);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `chromium-demo-${name}.png`), fullPage: true });
  };

  beforeAll(async () => {
    served = await serveDemo({
      dataDir: join(root, 'demo'),
      normalDataDir: join(root, 'real'),
      renderDir: RENDER_DIR,
      startEmulator: (kind, opts) => startEmulator(kind, opts),
    });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    page = await (await browser.newContext({ viewport: { width: 1366, height: 860 } })).newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
      if (msg.type() === 'warning') warnings.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(`Uncaught: ${err.message}`));
    await page.goto(served.url);
    await page.waitForSelector('#root > *', { timeout: 20_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('shows the Demo badge and both demo CRMs as Connected on the Connections page', async () => {
    await page.getByRole('banner').getByText('Demo', { exact: true }).waitFor();
    await openPage(page, 'Connections');
    for (const [card, label] of [['Salesforce', 'Demo Salesforce'], ['HubSpot', 'Demo HubSpot']] as const) {
      const region = page.getByRole('region', { name: card, exact: true });
      const connection = region.getByRole('group', { name: new RegExp(`^${label} `) });
      await connection.getByText('Connected', { exact: true }).waitFor({ timeout: 15_000 });
      expect(await connection.getByText(label, { exact: true }).isVisible()).toBe(true);
    }
    await shot('connections');
  });

  it('has the sample buyers imported, and no offer to start a demo inside the demo', async () => {
    await openPage(page, 'Home');
    await expect.poll(async () => page.getByRole('group', { name: 'People' }).innerText(), { timeout: 10_000 }).toMatch(/People\s+150/);
    expect(await page.getByRole('button', { name: 'Try with demo data' }).count()).toBe(0);
    await shot('home');
    await openPage(page, 'People');
    await page.getByRole('grid', { name: 'People' }).waitFor();
    await heading(page, 'People').waitFor();
    await shot('people');
  });

  it('leaves nothing in the browser console', () => {
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
  });
});
