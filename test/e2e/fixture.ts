import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect } from 'vitest';
import { chromium, _electron, type Browser, type ElectronApplication, type Page } from 'playwright-core';
import { createAppServices, type AppServices } from '../../main/services/app-services';
import { startBrowserHost, type BrowserHost } from '../../main/host/browser-host';
import { CHROMIUM_ARGS, CHROMIUM_PATH, ELECTRON_NOT_RUN, RENDER_DIR, ROOT, SCREENSHOT_DIR, electronBinary } from './environment';

export type Variant = 'chromium' | 'electron';

export interface AppSession {
  variant: Variant;
  page: Page;
  dataDir: string;
  /** Console errors and uncaught page errors since launch (describeApp checks and clears them after each test). */
  consoleErrors: string[];
  /** The browser host (chromium variant only; the Electron app has no host). */
  host?: BrowserHost;
  /** The in-process services behind the host (chromium variant only). */
  services?: AppServices;
  /** Saves a full-page PNG to test-results/screenshots/<variant>-<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Prepares the store before the app opens; runs in both variants on the same data dir. */
  seed?: (services: AppServices) => void | Promise<void>;
}

// global-setup.ts prints ELECTRON_NOT_RUN once when this is null.
const electronPath = electronBinary();

/** The variants this machine runs: always Chromium through the browser host, Electron when installed. */
export const variants: Variant[] = electronPath ? ['chromium', 'electron'] : ['chromium'];

function watchConsole(page: Page, errors: string[]): void {
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    errors.push(`${msg.text()}${loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
  });
  page.on('pageerror', (err) => errors.push(`Uncaught: ${err.message}`));
}

function screenshotter(variant: Variant, page: Page) {
  return async (name: string) => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const path = join(SCREENSHOT_DIR, `${variant}-${name.replace(/[^a-z0-9-]+/gi, '-')}.png`);
    await page.screenshot({ path, fullPage: true });
    return path;
  };
}

async function seedStore(dataDir: string, opts: LaunchOptions): Promise<void> {
  if (!opts.seed) return;
  const services = createAppServices({ dataDir, shell: 'test', logToConsole: false });
  try {
    await opts.seed(services);
  } finally {
    await services.close();
  }
}

/** Waits until React has rendered into #root. */
const rendered = (page: Page) => page.waitForSelector('#root > *', { timeout: 20_000 });

async function launchChromium(dataDir: string): Promise<AppSession> {
  const services = createAppServices({ dataDir, shell: 'browser-host', logToConsole: false });
  let host: BrowserHost | undefined;
  let browser: Browser | undefined;
  try {
    host = await startBrowserHost({ services, renderDir: RENDER_DIR });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    watchConsole(page, consoleErrors);
    await page.goto(host.url);
    await rendered(page);
    const [h, b] = [host, browser];
    return {
      variant: 'chromium',
      page,
      dataDir,
      consoleErrors,
      host: h,
      services,
      screenshot: screenshotter('chromium', page),
      async close() {
        await b.close();
        await h.close();
        await services.close();
      },
    };
  } catch (err) {
    await browser?.close();
    await host?.close();
    await services.close();
    throw err;
  }
}

async function launchElectron(dataDir: string): Promise<AppSession> {
  if (!electronPath) throw new Error(ELECTRON_NOT_RUN);
  const app: ElectronApplication = await _electron.launch({
    executablePath: electronPath,
    args: [ROOT, `--data-dir=${dataDir}`],
    cwd: ROOT,
  });
  try {
    const page = await app.firstWindow();
    const consoleErrors: string[] = [];
    watchConsole(page, consoleErrors);
    await rendered(page);
    return {
      variant: 'electron',
      page,
      dataDir,
      consoleErrors,
      screenshot: screenshotter('electron', page),
      close: () => app.close(),
    };
  } catch (err) {
    await app.close();
    throw err;
  }
}

/** Opens the app on a fresh temp data dir; close() removes the dir. */
export async function launchApp(variant: Variant, opts: LaunchOptions = {}): Promise<AppSession> {
  const dataDir = mkdtempSync(join(tmpdir(), `tcs-e2e-${variant}-`));
  try {
    await seedStore(dataDir, opts);
    const session = variant === 'chromium' ? await launchChromium(dataDir) : await launchElectron(dataDir);
    const close = session.close;
    return {
      ...session,
      async close() {
        await close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Runs `body` once per variant against one app session, and fails any test that leaves an error
 * in the browser console (issue 14, point 8).
 */
export function describeApp(title: string, body: (app: () => AppSession) => void, opts: LaunchOptions = {}): void {
  for (const variant of variants) {
    describe(`${title} [${variant}]`, () => {
      let session: AppSession | undefined;
      beforeAll(async () => {
        session = await launchApp(variant, opts);
      });
      afterAll(async () => {
        await session?.close();
      });
      afterEach(() => {
        if (!session) return;
        const errors = session.consoleErrors.splice(0);
        expect(errors, 'errors in the browser console').toEqual([]);
      });
      body(() => {
        if (!session) throw new Error('The app did not start (see the beforeAll error).');
        return session;
      });
    });
  }
}
