#!/usr/bin/env node
// Runs the bundled CLI when the app was built, else the TypeScript sources through tsx (dev checkout).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundled = join(root, 'dist', 'cli', 'cli.mjs');
let runCli, installCrashGuard;
if (existsSync(bundled)) {
  ({ runCli, installCrashGuard } = await import(pathToFileURL(bundled).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ runCli, installCrashGuard } = await import(pathToFileURL(join(root, 'main', 'cli', 'index.ts')).href));
}
// An uncaught error prints a redacted stack instead of Node's raw one (an older bundle may lack it).
installCrashGuard?.();
process.exit(await runCli(process.argv.slice(2)));
