#!/usr/bin/env node
// Bundles the Node side after `tsc -b` (types) and `vite build` (renderer):
//   dist/main/electron-main.cjs  Electron main process
//   dist/preload/index.cjs       sandboxed preload (may require only `electron`)
//   dist/cli/cli.mjs             the ticket-crm-sync CLI (exports runCli)
//   dist/host/host.mjs           the browser host, for `npm start` without Electron
//   dist/*/import-*worker.mjs    the import's worker threads, beside each bundle that starts them
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (p) => join(root, p);
// Native modules load from node_modules at run time (unpacked from asar when packaged);
// ws's optional accelerators are absent on purpose.
const nativeExternals = ['electron', 'better-sqlite3', 'keytar', 'bufferutil', 'utf-8-validate'];
// CommonJS dependencies inside an ESM bundle still call require() and use __dirname.
const esmShims = [
  "import { createRequire as __tcsCreateRequire } from 'node:module';",
  "import { fileURLToPath as __tcsFileURLToPath } from 'node:url';",
  "import { dirname as __tcsDirname } from 'node:path';",
  'const require = __tcsCreateRequire(import.meta.url);',
  'const __filename = __tcsFileURLToPath(import.meta.url);',
  'const __dirname = __tcsDirname(__filename);',
].join('\n');

const common = { bundle: true, logLevel: 'warning', legalComments: 'none', sourcemap: false, absWorkingDir: root };
const nodeEsm = { ...common, platform: 'node', target: 'node20', format: 'esm', external: nativeExternals, banner: { js: esmShims } };

await Promise.all([
  build({ ...common, entryPoints: [at('main/electron/main.ts')], outfile: at('dist/main/electron-main.cjs'), platform: 'node', target: 'node20', format: 'cjs', external: nativeExternals }),
  // Browser platform: a Node built-in sneaking into the preload fails the build instead of the sandbox.
  build({ ...common, entryPoints: [at('preload/index.ts')], outfile: at('dist/preload/index.cjs'), platform: 'browser', target: 'chrome130', format: 'cjs', external: ['electron'] }),
  build({ ...nodeEsm, entryPoints: [at('main/cli/index.ts')], outfile: at('dist/cli/cli.mjs') }),
  build({ ...nodeEsm, entryPoints: [at('main/host/index.ts')], outfile: at('dist/host/host.mjs') }),
  // Big imports run on worker threads that look for their file beside the bundle that starts them.
  ...['dist/main', 'dist/cli', 'dist/host'].flatMap((dir) => [
    build({ ...nodeEsm, entryPoints: [at('main/import/run/import-worker.ts')], outfile: at(`${dir}/import-worker.mjs`) }),
    build({ ...nodeEsm, entryPoints: [at('main/import/source/parse-worker.ts')], outfile: at(`${dir}/import-parse-worker.mjs`) }),
  ]),
]);

// A sandboxed preload can require `electron` and nothing else.
const preload = readFileSync(at('dist/preload/index.cjs'), 'utf8');
const required = [...preload.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]).filter((m) => m !== 'electron');
if (required.length > 0) {
  console.error(`dist/preload/index.cjs requires ${[...new Set(required)].join(', ')}: a sandboxed preload may only require electron.`);
  process.exit(1);
}
console.log('bundled dist/main, dist/preload, dist/cli, dist/host');
