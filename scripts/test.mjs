#!/usr/bin/env node
// The whole test suite: typecheck, lint, build, unit/integration tests, end-to-end tests.
// On Linux the keychain tests need a Secret Service: when none is reachable, this script
// re-runs itself inside a private D-Bus session with an unlocked gnome-keyring (the recipe in
// the README), so `npm test` works the same on a laptop and in CI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const inner = process.argv.includes('--inner');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function have(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

if (process.platform === 'linux' && !inner && !process.env.TCS_KEYRING_READY) {
  if (!have('dbus-run-session') || !have('gnome-keyring-daemon')) {
    console.error('The keychain tests need dbus-run-session and gnome-keyring-daemon.');
    console.error('Install them: sudo apt-get install -y dbus-x11 gnome-keyring libsecret-1-dev libsecret-tools');
    process.exit(1);
  }
  // A private keyring folder: an existing login keyring made with another password would stay
  // locked, and the tests must never touch the user's own secrets.
  const keyringHome = mkdtempSync(join(tmpdir(), 'tcs-keyring-'));
  const script = `echo -n tcs-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && TCS_KEYRING_READY=1 node scripts/test.mjs --inner`;
  const r = spawnSync('dbus-run-session', ['--', 'sh', '-c', script], { stdio: 'inherit', env: { ...process.env, XDG_DATA_HOME: keyringHome } });
  rmSync(keyringHome, { recursive: true, force: true });
  process.exit(r.status ?? 1);
}

const results = join('test-results');
mkdirSync(results, { recursive: true });
const steps = [];
function step(name, cmd, args) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  steps.push({ name, ok: r.status === 0, seconds: Math.round((Date.now() - started) / 1000) });
  return r.status === 0;
}

function vitestCounts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0 };
  const j = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: j.numPassedTests ?? 0, failed: j.numFailedTests ?? 0, skipped: (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0) };
}

for (const f of ['unit.json', 'e2e.json']) rmSync(join(results, f), { force: true });
step('typecheck', npx, ['tsc', '-b']);
step('lint', npx, ['eslint', '.']);
step('security scan (electronegativity: no high-severity finding)', process.execPath, ['scripts/electronegativity.mjs']);
// The typecheck above is the build's first half; bundling on its own here keeps the end-to-end
// signal when only a type error failed.
const built = step('bundle (vite build + esbuild)', npx, ['vite', 'build', '--logLevel', 'warn']) && step('bundle main, preload, CLI', process.execPath, ['scripts/bundle.mjs']);
step('unit and integration tests', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(results, 'unit.json')}`]);
if (built) {
  step('end-to-end tests', npx, ['vitest', 'run', '--config', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${join(results, 'e2e.json')}`]);
} else {
  steps.push({ name: 'end-to-end tests (not run: build failed)', ok: false, seconds: 0 });
}

const unit = vitestCounts(join(results, 'unit.json'));
const e2e = vitestCounts(join(results, 'e2e.json'));
console.log('\n=== Summary');
for (const s of steps) console.log(`${s.ok ? 'ok  ' : 'FAIL'} ${s.name} (${s.seconds}s)`);
const passed = unit.passed + e2e.passed;
const failedSteps = steps.filter((s) => !s.ok).length;
const failed = unit.failed + e2e.failed;
// A failed step (typecheck, lint, build) counts as a failure even when every test passed.
console.log(`tests: ${passed} passed, ${failed + failedSteps} failed, ${unit.skipped + e2e.skipped} skipped`);
process.exit(failedSteps === 0 && failed === 0 ? 0 : 1);
