#!/usr/bin/env node
// Runs Doyensec's Electronegativity over the Electron-facing code and fails on any HIGH
// severity finding. Its CLI entry is broken with a hoisted modern commander, so this calls
// its runner directly. It tries to fetch translations and Electron's release list; without
// a network both fail fast and the scan still runs with its bundled data.
import { createRequire } from 'node:module';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const runner = require('@doyensec/electronegativity/dist/runner.js');
const run = runner.default ?? runner;
const electronVersion = require('electron/package.json').version;
const sources = process.argv.slice(2).length ? process.argv.slice(2) : ['main/electron', 'preload', 'renderer/index.html'];
// Global checks (navigation limits, permission handler, CSP) look across the whole input,
// so the Electron-facing sources are scanned together as one tree.
const scanRoot = mkdtempSync(join(tmpdir(), 'tcs-eneg-'));
for (const s of sources) cpSync(s, join(scanRoot, s), { recursive: true });
const targets = [scanRoot];

let high = 0;
const rows = [];
for (const input of targets) {
  const result = (await run({ input, isRelative: true, customScan: [], excludeFromScan: [], severitySet: 'informational', confidenceSet: 'tentative', electronVersionOverride: electronVersion }, false)) ?? {};
  const issues = Array.isArray(result) ? result : (result.issues ?? []);
  for (const i of issues) {
    rows.push(`${i.severity.name.padEnd(13)} ${i.confidence.name.padEnd(9)} ${i.id.padEnd(40)} ${i.file}:${i.location?.line ?? '?'}`);
    if (i.severity.name === 'HIGH') high++;
  }
}
rmSync(scanRoot, { recursive: true, force: true });
console.log(rows.length ? rows.join('\n') : 'no findings');
console.log(`electronegativity: ${rows.length} findings, ${high} high severity (Electron ${electronVersion})`);
process.exit(high > 0 ? 1 : 0);
