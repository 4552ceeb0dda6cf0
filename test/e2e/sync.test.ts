import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchApp, type AppSession } from './fixture';
import { openPage } from './pages-helpers';
import { startEmulator, type Emulator } from '../emulators/index';

// Keep the e2e run's tokens apart from anything else in the keychain.
process.env.TICKET_CRM_SYNC_KEYCHAIN_SERVICE = 'ticket-crm-sync-test-e2e';

const HS_TOKEN = 'pat-na1-11111111-2222-3333-4444-00000000e2e6';
const SF_TOKEN = 'sync-e2e-salesforce-token';
const BUYERS = 240;

const connectionCard = (page: Page, name: RegExp) => page.locator('section.card').filter({ has: page.getByRole('heading', { level: 2, name }) });

/**
 * The Sync page against a HubSpot and a Salesforce emulator (static tokens), over a store with
 * 240 buyers and their orders: preview, push with live progress, the queue monitor with a dead
 * letter and its CRM message, retry, recent runs with their outcomes. Chromium through the
 * browser host; the test connects through the host's in-process services.
 */
describe('Sync page: preview, push, queue monitor, runs [chromium]', () => {
  let hs: Emulator;
  let sf: Emulator;
  let app: AppSession;

  beforeAll(async () => {
    [hs, sf] = await Promise.all([
      // A little latency so the progress of a push is visible.
      startEmulator('hubspot', { token: HS_TOKEN, faults: { latencyMs: 120 } }),
      startEmulator('salesforce', { token: SF_TOKEN }),
    ]);
    app = await launchApp('chromium', {
      seed: ({ db }) => {
        const at = '2026-03-01T10:00:00Z';
        const person = db.prepare('INSERT INTO people (email, first_name, last_name, phone, company, order_count, total_spent, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, 45, ?, ?)');
        const order = db.prepare("INSERT INTO orders (source, external_order_id, person_id, ordered_at, total, currency, status, created_at, updated_at) VALUES ('eventbrite', ?, ?, ?, 45, 'USD', 'paid', ?, ?)");
        for (let i = 0; i < BUYERS; i++) {
          const first = i === 7 ? 'Bartholomew-Maximilian-Alexander-Christopher' : `Ada${i}`;
          const id = Number(person.run(`buyer${i}@example.com`, first, `Lovelace${i}`, `+1 555 01${String(i).padStart(4, '0')}`, i % 6 === 0 ? `Analytical Engines ${(i / 6) % 4}` : null, at, at).lastInsertRowid);
          order.run(`ORD-${5000 + i}`, id, at, at, at);
        }
      },
    });
    await app.services!.connections.connectWithToken({ provider: 'hubspot', token: HS_TOKEN, loginUrl: hs.url });
    await app.services!.connections.connectWithToken({ provider: 'salesforce', token: SF_TOKEN, loginUrl: sf.url });
  });
  afterAll(async () => {
    await app?.close();
    await Promise.all([hs?.close(), sf?.close()]);
  });
  afterEach(() => {
    expect(app.consoleErrors.splice(0), 'errors in the browser console').toEqual([]);
  });

  it('lists each connection with its objects and push, pull and preview buttons', async () => {
    const { page } = app;
    await openPage(page, 'Sync');
    const hub = connectionCard(page, /HubSpot/);
    await hub.getByRole('table', { name: /Objects of/ }).waitFor();
    const rows = hub.getByRole('table', { name: /Objects of/ }).locator('tbody tr');
    expect(await rows.count()).toBe(3);
    await hub.getByRole('button', { name: 'Push Contact' }).waitFor();
    expect(await hub.getByRole('button', { name: 'Pull Contact' }).isEnabled()).toBe(true);
    // Deals are only pushed: there is nothing to pull for them.
    expect(await hub.getByRole('button', { name: 'Pull Deal' }).isEnabled()).toBe(false);
    await page.getByRole('group', { name: 'Dead letters' }).waitFor();
    await app.screenshot('sync-connections');
  });

  it('previews a push: counts per object and the exact payload, nothing sent', async () => {
    const { page } = app;
    const before = (await (await fetch(`${hs.url}/__admin/stats`)).json()) as { requests: number };
    await connectionCard(page, /HubSpot/).getByRole('button', { name: 'Preview push' }).click();
    const dialog = page.getByRole('dialog', { name: /Preview: push to/ });
    await dialog.getByRole('region', { name: /^Contact: 240 to create/ }).waitFor();
    await dialog.getByRole('region', { name: /^Deal: 240 to create/ }).waitFor();
    await dialog.getByRole('region', { name: /^Company: 4 to create/ }).waitFor();
    const sample = dialog.getByRole('region', { name: /^Contact:/ }).locator('details').first();
    await sample.locator('summary').click();
    expect(await sample.locator('pre').innerText()).toContain('"email": "buyer0@example.com"');
    await app.screenshot('sync-preview');
    const records = (await (await fetch(`${hs.url}/__admin/records/contacts`)).json()) as unknown[];
    expect(records).toHaveLength(0);
    const after = (await (await fetch(`${hs.url}/__admin/stats`)).json()) as { requests: number };
    expect(after.requests - before.requests).toBeLessThan(20);
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
  });

  it('pushes with a live progress bar, then shows the run and its outcomes', async () => {
    const { page } = app;
    await connectionCard(page, /HubSpot/).getByRole('button', { name: 'Push all' }).click();
    // Part-way: some records sent, not all.
    await page.getByRole('progressbar', { name: /^Sending .* run/ }).first().waitFor({ timeout: 15_000 });
    await page.getByText(/^[1-9][\d,]* of [\d,]+ records/).first().waitFor({ timeout: 15_000 });
    await app.screenshot('sync-push-progress');
    await page.getByRole('figure', { name: /outcomes: 484 created/ }).waitFor({ timeout: 45_000 });
    const runs = page.getByRole('table', { name: 'Recent runs' });
    await runs.getByText(/Pushed to .*: 484 created/).waitFor();
    const contacts = (await (await fetch(`${hs.url}/__admin/records/contacts`)).json()) as unknown[];
    expect(contacts).toHaveLength(BUYERS);
    await runs.getByRole('button', { name: /Show the records of run/ }).first().click();
    await page.getByRole('table', { name: /Records of run/ }).getByText('buyer0@example.com').first().waitFor();
    await runs.scrollIntoViewIfNeeded();
    await app.screenshot('sync-after-push');
  });

  it('shows a record the CRM refused with the reason, and retries it', async () => {
    const { page } = app;
    await connectionCard(page, /Salesforce/).getByRole('button', { name: 'Push Contact' }).click();
    await page.getByRole('table', { name: 'Recent runs' }).getByText(/Pushed to .*1 failed/).waitFor({ timeout: 45_000 });
    const queue = page.getByRole('table', { name: 'Queue items' });
    await queue.getByText('buyer7@example.com').waitFor();
    expect(await queue.innerText()).toMatch(/STRING_TOO_LONG · FirstName/);
    expect(Number(await page.getByRole('group', { name: 'Dead letters' }).locator('.stat-value').innerText())).toBe(1);
    await page.getByRole('list', { name: 'Dead letters by cause' }).getByText(/Buyers · STRING_TOO_LONG · FirstName/).waitFor();
    await queue.scrollIntoViewIfNeeded();
    await app.screenshot('sync-dead-letter');
    await queue.getByRole('button', { name: 'Retry buyer7@example.com' }).click();
    await page.getByText('Nothing needs attention').waitFor();
    // Keyboard: the queue tabs move with the arrow keys.
    await page.getByRole('tab', { name: /Needs attention/ }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: /Waiting/ }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('table', { name: 'Queue items' }).getByText('buyer7@example.com').waitFor();
  });
});
