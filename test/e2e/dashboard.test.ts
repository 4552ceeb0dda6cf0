import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { serveDemo, type ServedDemo } from '../../main/demo/serve-demo';
import { DEMO_LABELS, type DemoCrm } from '../../main/demo/start-demo';
import { saveMapping } from '../../main/store/mappings';
import { setConnectionStatus } from '../../main/store/connections';
import type { ObjectMappingInput } from '../../main/sync/mapping/model';
import type { SyncRun } from '../../shared/ipc/channels/sync';
import { startEmulator } from '../emulators/index';
import { CHROMIUM_ARGS, CHROMIUM_PATH, RENDER_DIR, SCREENSHOT_DIR } from './environment';
import { heading, openPage } from './pages-helpers';

const DEAD_LETTERS = 3;
/** The built renderer; TCS_RENDER_DIR points at another build (say, one made beside a shared checkout's dist). */
const renderDir = process.env.TCS_RENDER_DIR || RENDER_DIR;

/**
 * The Home dashboard over real data: the demo started programmatically with its one push and
 * pull per CRM (as `npm run demo -- --sync`), then three kinds of trouble for "Needs attention":
 * dead letters on HubSpot contacts, a HubSpot contacts mapping naming a field the CRM does not
 * have, and Salesforce needing a reconnect. Browser only, like the demo itself.
 */
describe('Home dashboard over a demo sync [chromium]', () => {
  const root = mkdtempSync(join(tmpdir(), 'tcs-e2e-dashboard-'));
  let served: ServedDemo;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  const written = (runs: SyncRun[], crm: DemoCrm) => runs.filter((r) => r.connectionId === crm).reduce((n, r) => n + r.created + r.updated + r.deleted, 0);
  const panel = (crm: DemoCrm) => page.getByRole('region', { name: DEMO_LABELS[crm], exact: true });
  const figure = (crm: DemoCrm, title: string) => panel(crm).getByRole('figure', { name: title });
  const attention = () => page.getByRole('region', { name: 'Needs attention' });
  const item = (name: RegExp) => attention().getByRole('listitem', { name });

  /** The whole page, however long (the window grows to the content for the shot, then goes back), or just the window. */
  const shot = async (name: string, whole = true) => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    if (whole) await page.mouse.move(0, 0);
    await page.waitForTimeout(300);
    const height = whole ? await page.evaluate(() => Math.max(document.querySelector('#main')?.scrollHeight ?? 0, window.innerHeight) + 48) : 860;
    await page.setViewportSize({ width: 1366, height });
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `chromium-dashboard-${name}.png`) });
    await page.setViewportSize({ width: 1366, height: 860 });
  };

  /** Heights of the drawn bar segments of a bar chart. */
  const barHeights = (fig: Locator) => fig.locator('svg rect.chart-seg').evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('height'))));

  beforeAll(async () => {
    served = await serveDemo({
      dataDir: join(root, 'demo'),
      normalDataDir: join(root, 'real'),
      renderDir,
      sync: true,
      startEmulator: (kind, opts) => startEmulator(kind, opts),
    });
    const { db, mappings } = served.demo.services;
    // Dead letters of one cause, on real people.
    const ids = db.prepare('SELECT id FROM people ORDER BY id LIMIT ?').pluck().all(DEAD_LETTERS) as number[];
    const now = new Date().toISOString();
    const dead = db.prepare(
      `INSERT INTO sync_queue (connection_id, object, local_kind, local_id, operation, direction, idempotency_key, state, attempts, next_run_at, created_at, updated_at, error_code, error_field, last_error)
       VALUES ('hubspot', 'contacts', 'person', ?, 'upsert', 'push', ?, 'dead', 3, ?, ?, ?, 'INVALID_EMAIL', 'email', 'Property values were not valid: email is invalid')`,
    );
    for (const id of ids) dead.run(id, `e2e-dead-${id}`, now, now, now);
    // A mapping that names a property the demo HubSpot does not have.
    const contacts = await mappings.get('hubspot', 'contacts');
    const broken = { ...contacts.mapping!, fields: [...contacts.mapping!.fields, { crm: 'no_such_property', direction: 'push', local: 'email' }] };
    saveMapping(db, 'hubspot', broken as ObjectMappingInput);
    setConnectionStatus(db, 'salesforce', 'needs_reconnect', 'The refresh token expired.');

    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    page = await (await browser.newContext({ viewport: { width: 1366, height: 860 } })).newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`${msg.type()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`Uncaught: ${err.message}`));
    await page.goto(served.url);
    await page.waitForSelector('#root > *', { timeout: 20_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('lists the demo runs under Last runs with their outcome', async () => {
    const runs = served.demo.syncRuns;
    expect(runs.map((r) => `${r.connectionId} ${r.kind}`)).toEqual(['salesforce push', 'salesforce pull', 'hubspot push', 'hubspot pull']);
    const table = page.getByRole('table', { name: 'Last runs' });
    await table.waitFor({ timeout: 15_000 });
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(runs.length);
    // Newest first: the demo ran Salesforce then HubSpot, each push then pull.
    const expected = [...runs].reverse();
    for (const [i, run] of expected.entries()) {
      const text = await rows.nth(i).innerText();
      expect(text).toContain(run.kind === 'push' ? 'Push' : 'Pull');
      expect(text).toContain(DEMO_LABELS[run.connectionId as DemoCrm]);
      expect(text).toContain(run.status === 'ok' ? 'Succeeded' : run.status === 'partial' ? 'Some failed' : 'Failed');
    }
    expect(runs.every((r) => r.status === 'ok')).toBe(true);
  });

  it('charts records synced per day per connection with non-zero bars, and the other three charts', async () => {
    const runs = served.demo.syncRuns;
    for (const crm of ['salesforce', 'hubspot'] as const) {
      const total = written(runs, crm);
      expect(total).toBeGreaterThan(100);
      const synced = figure(crm, 'Records synced per day');
      await synced.waitFor();
      const label = await synced.getByRole('img').getAttribute('aria-label');
      expect(label).toContain(`Records synced per day, ${DEMO_LABELS[crm]}, the last 30 days. ${total.toLocaleString()} in the last 30 days`);
      const heights = await barHeights(synced);
      expect(heights.length).toBeGreaterThan(0);
      expect(Math.max(...heights)).toBeGreaterThan(50);
      expect(Math.max(...(await barHeights(figure(crm, 'Success and failure per day'))))).toBeGreaterThan(50);
      // The sampler recorded the queue at the runs' phases: the backlog the push drained shows.
      const queue = figure(crm, 'Queue depth');
      expect(await queue.getByRole('img').getAttribute('aria-label')).toMatch(/peak [1-9][\d,]*/);
      expect(await queue.locator('svg .chart-series-dot, svg .chart-series-line').count()).toBeGreaterThan(0);
      await figure(crm, 'API usage').getByRole('img').waitFor();
    }
    // The column under the pointer shows its values.
    const synced = figure('hubspot', 'Records synced per day');
    await synced.scrollIntoViewIfNeeded();
    const box = (await synced.locator('svg').boundingBox())!;
    await page.mouse.move(box.x + box.width - 20, box.y + box.height / 2);
    const tooltip = synced.locator('.chart-tooltip');
    await tooltip.waitFor();
    expect(await tooltip.innerText()).toMatch(new RegExp(`Total ${written(runs, 'hubspot').toLocaleString()}`));
    await shot('tooltip', false);
    await shot('light');
  });

  it('switches between 7, 30 and 90 days, and shows the numbers as tables', async () => {
    const total = written(served.demo.syncRuns, 'hubspot');
    for (const range of [7, 90, 30]) {
      await page.getByRole('radiogroup', { name: 'Range' }).getByText(`${range} days`, { exact: true }).click();
      await expect
        .poll(() => figure('hubspot', 'Records synced per day').getByRole('img').getAttribute('aria-label'))
        .toContain(`the last ${range} days. ${total.toLocaleString()} in the last ${range} days`);
      expect(await figure('hubspot', 'Records synced per day').locator('svg rect.chart-hit').count()).toBe(range);
    }
    await page.getByRole('button', { name: 'Show as tables' }).click();
    const table = figure('hubspot', 'Records synced per day').getByRole('table');
    await table.waitFor();
    const cells = await table.locator('tbody tr').first().locator('td').allInnerTexts();
    expect(cells.map((c) => Number(c.replace(/\D/g, ''))).reduce((a, b) => a + b, 0)).toBe(total);
    expect(await figure('hubspot', 'Queue depth').getByRole('table').locator('tbody tr').count()).toBeGreaterThan(0);
    await shot('tables');
    await page.getByRole('button', { name: 'Show as tables' }).click();
    await figure('hubspot', 'Records synced per day').getByRole('img').waitFor();
  });

  it('looks right in dark mode', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).not.toBe('rgb(255, 255, 255)');
    await shot('dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('lists what needs attention, each with its fix', async () => {
    await item(/in contacts failed for good/).waitFor({ timeout: 15_000 });
    await item(/The Contact mapping has 1 error/).waitFor({ timeout: 15_000 });
    await item(/Demo Salesforce needs to be reconnected/).waitFor();
    expect(await item(/in contacts failed for good/).innerText()).toMatch(new RegExp(`${DEAD_LETTERS} records in contacts failed for good: INVALID_EMAIL on email`));
    expect(await item(/The Contact mapping/).innerText()).toContain('contacts has no field no_such_property');
  });

  it('Open dead letters goes to the Sync page’s queue, on the items that need attention', async () => {
    await item(/in contacts failed for good/).getByRole('button', { name: 'Open dead letters' }).click();
    await heading(page, 'Sync').waitFor();
    expect(await page.evaluate(() => window.location.hash)).toBe('#/sync');
    const queue = page.getByRole('table', { name: 'Queue items' });
    await expect.poll(async () => (await queue.locator('tbody tr').filter({ hasText: 'INVALID_EMAIL' }).count()), { timeout: 15_000 }).toBe(DEAD_LETTERS);
    await openPage(page, 'Home');
  });

  it('Reconnect opens the reconnect dialog of that connection right on Home', async () => {
    await item(/Demo Salesforce needs to be reconnected/).getByRole('button', { name: 'Reconnect' }).click();
    const dialog = page.getByRole('dialog', { name: /^Reconnect (Demo )?Salesforce$/ });
    await dialog.waitFor();
    await shot('reconnect', false);
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('Open mapping opens the mapping editor on the object with errors', async () => {
    await item(/The Contact mapping/).getByRole('button', { name: 'Open mapping' }).click();
    await heading(page, 'Mappings').waitFor();
    const objects = page.getByRole('navigation', { name: 'CRM objects' });
    await expect.poll(async () => objects.locator('[aria-current="true"]').innerText(), { timeout: 15_000 }).toMatch(/Contact/);
    await page.getByText('contacts has no field no_such_property').first().waitFor({ timeout: 15_000 });
    await openPage(page, 'Home');
  });

  it('Retry sends the dead letters back to the queue and the item goes', async () => {
    const dead = item(/in contacts failed for good/);
    await dead.getByRole('button', { name: 'Retry' }).click();
    await page.getByText(`${DEAD_LETTERS} records sent back to the queue`).waitFor();
    await dead.waitFor({ state: 'detached', timeout: 15_000 });
    const left = served.demo.services.db.prepare("SELECT COUNT(*) FROM sync_queue WHERE state = 'dead'").pluck().get();
    expect(left).toBe(0);
  });

  it('leaves nothing in the browser console', () => {
    expect(problems).toEqual([]);
  });
});
