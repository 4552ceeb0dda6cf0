#!/usr/bin/env node
// `npm start`: the Electron app where its binary is installed; otherwise the same app served to
// a browser by the loopback host. Expects `npm run build` to have run (npm start does it).
// Options: --data-dir DIR, --port N, --debug; --browser (or TICKET_CRM_SYNC_BROWSER=1) serves
// the browser version even where Electron is installed.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const forceBrowser = process.argv.includes('--browser') || process.env.TICKET_CRM_SYNC_BROWSER === '1';
const args = process.argv.slice(2).filter((a) => a !== '--browser');

/** The electron package exports its binary's path, and throws when its download was skipped. */
function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function runElectron(binary) {
  const child = spawn(binary, [root, ...args], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function runBrowserHost() {
  const hostBundle = join(root, 'dist', 'host', 'host.mjs');
  const renderDir = join(root, 'dist', 'renderer');
  if (!existsSync(hostBundle) || !existsSync(join(renderDir, 'index.html'))) {
    console.error('error: the app is not built yet: run `npm run build` (or `npm start`, which builds first).');
    process.exit(1);
  }
  console.log(
    forceBrowser
      ? 'Serving the app in the browser, as asked:'
      : 'The Electron binary is not installed here, so the app is served in the browser instead:',
  );
  const { serveBrowserApp, parseServeArgs } = await import(pathToFileURL(hostBundle).href);
  let options;
  try {
    options = parseServeArgs(args);
  } catch (err) {
    console.error(`error: ${err.message}`);
    process.exit(2);
  }
  const served = await serveBrowserApp({ ...options, renderDir });
  console.log(served.url);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    served.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const binary = forceBrowser ? null : electronBinary();
if (binary) runElectron(binary);
else await runBrowserHost();
