/**
 * The Import page in Chromium through the browser host: drop a file, check the preview, change a
 * mapping, import, cancel, and download the rejected rows. Needs a built renderer (dist/renderer,
 * or TCS_RENDER_DIR) and Chromium; run with
 *   npx vitest run --config test/import/ui/vitest.config.ts
 */
import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createAppServices, type AppServices } from '../../../main/services/app-services';
import { startBrowserHost, type BrowserHost } from '../../../main/host/browser-host';
import { buyersCsv, csv, eventbriteHeaderLine } from '../helpers';

const ROOT = join(__dirname, '..', '..', '..');
const renderDir = process.env.TCS_RENDER_DIR || join(ROOT, 'dist', 'renderer');
const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');
// Same browser setup as test/e2e (Debian's Chromium; Playwright's download is not available here).
const CHROMIUM_PATH = process.env.TCS_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

describe('Import page', () => {
  let dataDir: string;
  let services: AppServices;
  let host: BrowserHost;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `chromium-import-${name}.png`), fullPage: true });
  const count = (sql: string) => services.db.prepare(sql).pluck().get() as number;

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'tcs-import-ui-'));
    services = createAppServices({ dataDir, shell: 'browser-host', logToConsole: false });
    host = await startBrowserHost({ services, renderDir });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url);
    await page.waitForSelector('#root > *');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Import/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await services?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  afterEach(() => {
    expect(errors.splice(0), 'browser console').toEqual([]);
  });

  const choose = (name: string, text: string) =>
    page.getByLabel('CSV file to import').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

  it('previews an Eventbrite report, takes an event and an edited mapping, imports, and offers the rejected rows', async () => {
    const row = (order: string, attendee: string, email: string, status: string) =>
      [order, '11/29/24 22:28', 'Ada', 'L', email, '1', '', 'GA', attendee, '', 'Eventbrite Completed', 'USD', '25.00', '1', '0.5', '0.7', status, '', '', '', '', '', '', 'Vegan', 'Friend', 'Dev', 'Acme', ''].join(',');
    await choose('attendees.csv', [eventbriteHeaderLine, row('1', 'A1', 'ada@example.com', 'Attending'), row('1', 'A2', 'bob@example.com', 'Checked In'), row('2', 'A3', 'not-an-email', 'Attending')].join('\n'));
    const summary = page.getByRole('list', { name: 'Validation summary' });
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/1 row with an invalid email will be rejected/);
    expect(await page.getByLabel('Preset').inputValue()).toBe('');
    expect(await page.getByText('eventbrite', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByLabel('Map column Email').inputValue()).toBe('person.email');
    await page.getByLabel('Map column How did you hear about us?').selectOption('ignore');
    await page.getByLabel('Event name').fill('DevConf 2030');
    await page.getByLabel('Event date').fill('2030-06-01');
    await shot('preview');
    await page.getByRole('button', { name: 'Import 3 rows' }).click();
    const created = page.getByRole('group', { name: 'Created' });
    await created.waitFor();
    expect(await created.innerText()).toMatch(/2/);
    expect(await page.getByRole('group', { name: 'Rejected' }).innerText()).toMatch(/1/);
    expect(await page.getByRole('table', { name: 'Rejected rows' }).innerText()).toContain('"not-an-email" is not a valid email address');
    await shot('result');
    expect(count(`SELECT count(*) FROM people`)).toBe(2);
    expect(services.db.prepare(`SELECT name, starts_at FROM events`).get()).toEqual({ name: 'DevConf 2030', starts_at: '2030-06-01' });
    expect(JSON.parse(services.db.prepare(`SELECT custom_fields FROM people WHERE email = 'ada@example.com'`).pluck().get() as string)).toEqual({ 'Dietary requirements': 'Vegan' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download rejected rows', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe('attendees-rejected.csv');
    const saved = readFileSync((await download.path())!, 'utf8');
    expect(saved).toContain('not-an-email');
    expect(saved).toContain('Rejected Reason');
    await page.getByRole('button', { name: 'Import another file' }).click();
    expect(await page.getByRole('table', { name: 'Recent imports' }).innerText()).toContain('attendees.csv');
  }, 60_000);

  it('shows rows/s while importing and cancels without changing the store', async () => {
    const before = count('SELECT count(*) FROM people');
    const rows = Array.from({ length: 200_000 }, (_, i) => ({ email: `p${i}@example.com`, orderId: `C${i}`, total: '10', first: `Person ${i}` }));
    await choose('big.csv', buyersCsv(rows));
    await page.getByRole('button', { name: 'Import 200,000 rows' }).click({ timeout: 30_000 });
    const bar = page.getByRole('progressbar');
    await bar.waitFor();
    await expect.poll(async () => (await bar.getAttribute('aria-valuetext')) ?? '', { timeout: 30_000 }).toMatch(/^[1-9][\d,]* rows · [1-9][\d,]* rows\/s/);
    await shot('progress');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('heading', { name: 'Import cancelled' }).waitFor({ timeout: 30_000 });
    expect(count('SELECT count(*) FROM people')).toBe(before);
  }, 90_000);

  it('rejects a file that is not CSV with the reason on the page', async () => {
    await page.getByRole('button', { name: 'Import a file' }).click();
    await choose('photo.csv', String.fromCharCode(0, 1, 2, 0, 255, 0));
    const alert = page.locator('.import-error');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/looks binary/);
    await choose('list.csv', csv([['Buyers of the spring gala'], [], ['Email', 'Name'], ['zoe@example.com', 'Zoë'], ['Email', 'Name']]));
    await page.getByRole('list', { name: 'Validation summary' }).waitFor();
    expect(await page.locator('.import-error').count()).toBe(0);
    expect(await page.getByLabel('Header row line').inputValue()).toBe('3');
    expect(await page.getByLabel('Map column Email').inputValue()).toBe('person.email');
    // Pointing at another line re-reads the file with that row as the header.
    await page.getByLabel('Header row line').fill('4');
    await page.getByLabel('Header row line').press('Enter');
    await page.getByLabel('Map column zoe@example.com').waitFor();
    expect(await page.getByLabel('Header row line').inputValue()).toBe('4');
  }, 60_000);
});
